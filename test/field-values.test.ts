import { App, authData, LEAD_ID, perform, USER_ID, zapierErrorOf } from './helpers/app';
import { capturePost } from './helpers/capture';
import { useNock } from './helpers/nock';

useNock();

const TASK_STATUS = '234958461663827606436640835426029570923';
const run = (key: string, inputData: Record<string, unknown>) => perform(App.creates[key as 'create_lead'], { authData, inputData });
const refused = (problem: string) => ({ name: 'AppError', code: 'InvalidInput', status: 400, message: `${problem}; fix it in this step's fields.` });
const lead = (more: Record<string, unknown>) => ({ name: 'דנה', phone: '0501234567', ...more });
const LEAD_BODY = { phone: '0501234567', name: 'דנה', f_name: 'דנה' };

describe('a lead\'s values that cannot be read are left out, each named with the value it got', () => {
  it.each([
    [{ is_subscriber: ['yes'] }, '"Subscribed to Mailing List" must be yes or no, not a list or an object'],
    [{ is_subscriber: { answer: 'yes' } }, '"Subscribed to Mailing List" must be yes or no, not a list or an object'],
    [{ is_subscriber: 2 }, '"Subscribed to Mailing List" must be yes or no, not 2'],
    [{ is_subscriber: Number.POSITIVE_INFINITY }, '"Subscribed to Mailing List" must be yes or no, not an invalid number'],
    [{ is_subscriber: 'כן, אבל רק בימי שלישי ורביעי, ולא בחגים ובמועדים, ובתנאי שיש מבצע' }, '"Subscribed to Mailing List" must be yes or no, not "כן, אבל רק בימי שלישי ורביעי, ולא בחגים ובמועדים, ובתנאי שיש…"'],
    [{ owner: 'x'.repeat(61) }, `"Owner" must be a Gloop ID (up to 39 digits), not "${'x'.repeat(60)}…"`],
    [{ owner: 'x'.repeat(60) }, `"Owner" must be a Gloop ID (up to 39 digits), not "${'x'.repeat(60)}"`],
    [{ company: Number.NaN }, '"Company" received an invalid number: map text or a valid number'],
  ])('%j', async (more, leftOut) => {
    const received = capturePost('/v2/leads/create', 201, { id: LEAD_ID });
    expect(await run('create_lead', lead(more))).toMatchObject({ id: LEAD_ID, left_out: leftOut });
    expect(received).toEqual([JSON.stringify(LEAD_BODY)]);
  });

  it('names both name fields it could not read when neither gives a name', async () => {
    expect(await zapierErrorOf(run('create_lead', { name: { full: 'דנה' }, f_name: ['דנה', { x: 1 }], phone: '0501234567' }))).toEqual(
      refused('The lead needs a name: map "Full Name" or "First Name" ("Full Name" must be a single value, not a list or an object; "First Name" must be a single value, not a list or an object)'),
    );
  });
});

describe('a list of plain values arrives as one text', () => {
  it.each([
    [['Acme', 5, true], 'Acme, 5, true'],
    [['Acme', ' ', '', 'Ltd'], 'Acme, Ltd'],
  ])('%j as %j', async (company, text) => {
    const received = capturePost('/v2/leads/create', 201, { id: LEAD_ID });
    await run('create_lead', lead({ company }));
    expect(received).toEqual([JSON.stringify({ ...LEAD_BODY, company: text })]);
  });

  it('a list of blanks as no value at all', async () => {
    const received = capturePost('/v2/leads/create', 201, { id: LEAD_ID });
    expect(await run('create_lead', lead({ company: ['', ' '] }))).toMatchObject({ company: '', left_out: '' });
    expect(received).toEqual([JSON.stringify(LEAD_BODY)]);
  });
});

describe('numbers, ids, dates and addresses are read without the spaces around them', () => {
  it('in a task: the owner and the due date', async () => {
    const received = capturePost('/v2/tasks/create', 201, { id: LEAD_ID });
    await run('create_task', { subject: ' x ', owner: ` ${USER_ID} `, status: TASK_STATUS, due: ' 2026-12-01 ' });
    expect(received).toEqual([JSON.stringify({ subject: ' x ', owner: USER_ID, status: TASK_STATUS, due: '2026-12-01' })]);
  });

  it('in a timer: the start time', async () => {
    const received = capturePost('/v2/timer/start', 201, { id: LEAD_ID });
    await run('start_timer', { owner: USER_ID, start_time: ' 2026-12-01T09:30:00+02:00 ' });
    expect(received).toEqual([JSON.stringify({ owner: USER_ID, start_time: '2026-12-01T07:30:00Z' })]);
  });

  it('in a short link: the address', async () => {
    const received = capturePost('/v2/links/shortner', 201, { id: LEAD_ID, short_url: 'https://blabla.link/xxxx' });
    await run('shorten_link', { url: ' https://me.example.com/info ' });
    expect(received).toEqual([JSON.stringify({ url: 'https://me.example.com/info' })]);
  });

  it('in a date sum: the count of days', async () => {
    const received = capturePost('/v2/workingDays/addWorkingDays', 200, { date: '2021-09-22' });
    await run('add_working_days', { start_date: '2021-08-31', increment: ' 14 ', weekend: '6,7' });
    expect(JSON.parse(received[0])).toMatchObject({ increment: 14 });
  });
});

describe('what only looks like a date, a moment or an address is refused before any request', () => {
  it.each([
    ['start_timer', { owner: USER_ID, start_time: 'Tue 2026-12-01 09:30' }, '"Start Time" must be a date and time such as 2026-12-01T09:30:00+02:00, not "Tue 2026-12-01 09:30"'],
    ['start_timer', { owner: USER_ID, start_time: '2026-12-01 09:3' }, '"Start Time" must be a date and time such as 2026-12-01T09:30:00+02:00, not "2026-12-01 09:3"'],
    ['shorten_link', { url: 'see https://me.example.com/info' }, '"Long URL" must start with https://, not "see https://me.example.com/info"'],
    ['shorten_link', { url: 'https://me.example.com/my info' }, '"Long URL" must start with https://, not "https://me.example.com/my info"'],
  ])('%s %j', async (key, inputData, problem) => {
    expect(await zapierErrorOf(run(key, inputData))).toEqual(refused(problem));
  });

  it('a due date with words before the day is left out of the task, and said so', async () => {
    const received = capturePost('/v2/tasks/create', 201, { id: LEAD_ID });
    expect(await run('create_task', { subject: 'x', owner: USER_ID, status: TASK_STATUS, due: 'by 2026-12-01' })).toMatchObject({
      due: '',
      left_out: '"Due Date" must be a date such as 1990-05-17, not "by 2026-12-01"',
    });
    expect(received).toEqual([JSON.stringify({ subject: 'x', owner: USER_ID, status: TASK_STATUS })]);
  });
});

describe('a phone with words in it is sent as written', () => {
  it('to a lead, words first', async () => {
    const received = capturePost('/v2/leads/create', 201, { id: LEAD_ID });
    await run('create_lead', lead({ phone: ' נייד 050-1234567 ' }));
    expect(received).toEqual([JSON.stringify({ ...LEAD_BODY, phone: 'נייד 050-1234567' })]);
  });

  it.each([['tel 972501234567'], ['+97250123456789']])('to an SMS, %j not turned into a local number', async (target) => {
    const received = capturePost('/v2/sms/send', 201, { shipment_id: '1124835822' });
    await run('send_sms', { from: '0544444444', target, message: 'שלום' });
    expect(received).toEqual([JSON.stringify({ from: '0544444444', target, message: 'שלום' })]);
  });
});
