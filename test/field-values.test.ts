import { App, authData, LEAD_ID, perform, TASK_STATUS, USER_ID, zapierErrorOf } from './helpers/app';
import { capturePost } from './helpers/capture';
import { useNock } from './helpers/nock';
import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import { kind, readInput, samePhone, storedPhone } from '../src/fields/values';

useNock();

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
    [{ owner: true }, '"Owner" must be a Gloop ID (up to 39 digits), not "true"'],
    [{ owner: 2.719178139591315e38 }, '"Owner" arrived as a number, which loses the digits of a Gloop ID: map the ID as text, as Gloop sends it'],
  ])('%j', async (more, leftOut) => {
    const received = capturePost('/v2/leads/create', 201, { id: LEAD_ID });
    expect(await run('create_lead', lead(more))).toMatchObject({ id: LEAD_ID, left_out: leftOut });
    expect(received).toEqual([JSON.stringify(LEAD_BODY)]);
  });

  it('names only the name fields it could not read when there is no name, not others that quote a name field', async () => {
    expect(await zapierErrorOf(run('create_lead', { name: ['דנה', { x: 1 }], owner: '"Full Name"', phone: '0501234567' }))).toEqual(
      refused('The lead needs a name: map "Full Name" or "First Name" ("Full Name" must be a single value, not a list or an object)'),
    );
  });

  it('leaves out a value mapped as null, as a blank, without naming it', async () => {
    const received = capturePost('/v2/leads/create', 201, { id: LEAD_ID });
    expect(await run('create_lead', lead({ email: null }))).toMatchObject({ id: LEAD_ID, left_out: '' });
    expect(received).toEqual([JSON.stringify(LEAD_BODY)]);
  });

  it.each([
    [1, true],
    [0, false],
  ])('reads the yes/no mapped as the number %j as %j', async (answer, yes) => {
    const received = capturePost('/v2/leads/create', 201, { id: LEAD_ID });
    await run('create_lead', lead({ is_subscriber: answer }));
    expect(received).toEqual([JSON.stringify({ ...LEAD_BODY, is_subscriber: yes })]);
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

  // The day is checked as written, in its own offset: in UTC it may be another month's.
  it.each([
    ['2024-02-29T10:00:00Z', '2024-02-29T10:00:00Z'],
    ['2026-04-30T23:30:00-03:00', '2026-05-01T02:30:00Z'],
    ['2026-03-01T01:00:00+03:00', '2026-02-28T22:00:00Z'],
  ])('in a timer: %s, a real day, as %s', async (startTime, utc) => {
    const received = capturePost('/v2/timer/start', 201, { id: LEAD_ID });
    await run('start_timer', { owner: USER_ID, start_time: startTime });
    expect(received).toEqual([JSON.stringify({ owner: USER_ID, start_time: utc })]);
  });

  it('in a short link: the address', async () => {
    const received = capturePost('/v2/links/shortner', 201, { id: LEAD_ID, short_url: 'https://blabla.link/xxxx' });
    await run('shorten_link', { url: ' https://me.example.com/info ' });
    expect(received).toEqual([JSON.stringify({ url: 'https://me.example.com/info' })]);
  });

  it('in a product: the price', async () => {
    const received = capturePost('/v2/products/create', 201, { id: LEAD_ID });
    await run('create_product', { name: 'חולצה', price: ' 49.90 ', category: LEAD_ID, is_active: 'yes' });
    expect(received).toEqual([JSON.stringify({ name: 'חולצה', price: 49.9, category: LEAD_ID, is_active: true })]);
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
    // Date.parse would roll each over into the next day or month.
    ...['2026-02-30T10:00:00Z', '2026-04-31T10:00:00+03:00', '2026-02-29 10:00', '2026-12-01T24:00:00Z'].map((startTime) => [
      'start_timer',
      { owner: USER_ID, start_time: startTime },
      `"Start Time" must name a day its month has and an hour from 00 to 23, not "${startTime}"`,
    ]),
    // A number holds 15 significant digits: more would be sent rounded (12345678901234.568, 100000000000).
    ...['12345678901234.567891', '99999999999.999999', '-1234567890.123456'].map((price) => [
      'create_product',
      { name: 'x', price, category: LEAD_ID, is_active: 'yes' },
      `"Price" must be a number of at most 15 significant digits (more would reach Gloop rounded), not "${price}"`,
    ]),
  ] as [string, Record<string, unknown>, string][])('%s %j', async (key, inputData, problem) => {
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

describe('an amount of 15 significant digits is sent exactly as typed', () => {
  it.each([
    ['123456789012.345', 123456789012.345],
    ['999999999999999', 999999999999999],
    ['1234567890.123450', 1234567890.12345],
    ['-000012345678901.2340', -12345678901.234],
    ['0.000001', 0.000001],
    ['123456789012345.00', 123456789012345],
  ])('%s', async (price, sent) => {
    const received = capturePost('/v2/products/create', 201, { id: LEAD_ID });
    await run('create_product', { name: 'x', price, category: LEAD_ID, is_active: 'yes' });
    expect(received).toEqual([`{"name":"x","price":${String(sent)},"category":"${LEAD_ID}","is_active":true}`]);
  });
});

it('refuses an amount whose 16 significant digits have a zero among them', async () => {
  expect(await zapierErrorOf(run('create_product', { name: 'x', price: '1234567890123.105', category: LEAD_ID, is_active: 'yes' }))).toEqual(
    refused('"Price" must be a number of at most 15 significant digits (more would reach Gloop rounded), not "1234567890123.105"'),
  );
});

describe('phones as Gloop stores and shows them', () => {
  it.each([
    ['050-1234567', '0501234567', true],
    ['+972 50 1234567', '0501234567', true],
    ['050 ext ß', '050 ext ss', false],
    ['050 EXT 5', '050 ext 5', true],
  ])('%j and %j are the same phone: %s', (sent, stored, same) => {
    expect(samePhone(sent, stored)).toBe(same);
  });

  it.each([
    ['0501234567', '0501234567'],
    ['+44 20 7946 0958', '+44 20 7946 0958'],
    ['+972501234567', '0501234567'],
  ])('%j is stored as %j', (phone, stored) => {
    expect(storedPhone(phone)).toBe(stored);
  });
});

describe('a secret pasted into a field is never shown, not even in part', () => {
  // Longer than the 60 characters a value shown back is cut at.
  const SECRET = 'q9F2xL7vR4tB8nW1mK6hJ3sD5gY0cZ2aP7eU4iO9rT1yH6bN3vM8kL5jG2fQ0wE4Xz';
  const withSecret = (key: string, inputData: Record<string, unknown>) => perform(App.creates[key as 'create_lead'], { authData: { ...authData, client_secret: SECRET }, inputData });

  it('in a field Gloop needs: a task\'s owner', async () => {
    expect(await zapierErrorOf(withSecret('create_task', { subject: 'x', owner: SECRET, status: TASK_STATUS }))).toEqual(
      refused('"Owner" must be a Gloop ID (up to 39 digits), not ":censored:"'),
    );
  });

  it.each([
    ['whole', SECRET, ':censored:'],
    ['partly beyond the cut', `${'x'.repeat(40)}${SECRET}`, `${'x'.repeat(40)}:censored:`],
    ['where the cut falls', `${'x'.repeat(50)}${SECRET}`, `${'x'.repeat(50)}:censored:`],
    ['cut short', SECRET.slice(0, 30), ':censored:'],
    ['in another letter case, mistyped', `${SECRET.slice(0, 20).toUpperCase()}?${SECRET.slice(21)}`, ':censored:?:censored:'],
  ])('in a field left out: a lead\'s owner, the secret %s', async (_how, owner, shown) => {
    const received = capturePost('/v2/leads/create', 201, { id: LEAD_ID });
    expect(await withSecret('create_lead', lead({ owner }))).toMatchObject({ left_out: `"Owner" must be a Gloop ID (up to 39 digits), not "${shown}"` });
    expect(received).toEqual([JSON.stringify(LEAD_BODY)]);
  });
});

describe('a value shown back is one line, read in one direction, cut between characters', () => {
  it.each([
    ['line\r\nbreak', 'line\\u000d\\u000abreak'],
    ['tab\tand nul\u0000', 'tab\\u0009and nul\\u0000'],
    ['\u202eevil\u2066x\u2069', '\\u202eevil\\u2066x\\u2069'],
    ['half \ud83d a pair \udc00', 'half \\ud83d a pair \\udc00'],
    ['a\u2028b\ufeffc', 'a\\u2028b\\ufeffc'],
    ['דנה 💫 👩‍👩‍👧', 'דנה 💫 👩‍👩‍👧'],
    ['💫'.repeat(61), `${'💫'.repeat(60)}…`],
    [`${'x'.repeat(59)}💫💫`, `${'x'.repeat(59)}💫…`],
  ])('%j as %j', async (owner, shown) => {
    const received = capturePost('/v2/leads/create', 201, { id: LEAD_ID });
    expect(await run('create_lead', lead({ owner }))).toMatchObject({ left_out: `"Owner" must be a Gloop ID (up to 39 digits), not "${shown}"` });
    expect(received).toEqual([JSON.stringify(LEAD_BODY)]);
  });
});

describe("a field's kind is what it declares, never what its key is called", () => {
  const bundle = { authData, inputDataRaw: {}, meta: {}, inputData: { from: '2026-02-14T09:30:00Z', url: ' spaced ', phone: '050-123 4567', notes: '+972 (50) 123-4567', arrival: '2026-02-14T11:30:00+02:00' } } as unknown as Bundle;
  const z = { errors: { Error } } as unknown as ZObject;

  it('reads a `from` date as a day, `url` and `phone` without a kind as text, and a declared phone and moment by their kinds', () => {
    const fields = [
      { key: 'from', type: 'datetime' },
      { key: 'url' },
      { key: 'phone' },
      { key: 'notes', meta: kind('phone') },
      { key: 'arrival', type: 'datetime', meta: kind('moment') },
    ] as const satisfies readonly PlainInputField[];
    expect(readInput(z, fields, bundle, [])).toEqual({
      body: { from: '2026-02-14', url: ' spaced ', phone: '050-123 4567', notes: '+972501234567', arrival: '2026-02-14T09:30:00Z' },
      leftOut: [],
    });
  });

  it('refuses to read a field that declares a kind the app does not know', () => {
    expect(() => readInput(z, [{ key: 'url', meta: { kind: 'address' } }], bundle, [])).toThrow('field url declares an unknown kind address');
  });

  it('every field of the app that is read as a phone, an SMS number, a web address or a moment says so on itself', () => {
    const declared = Object.values({ ...App.creates, ...App.searches }).flatMap((step) =>
      ((step.operation.inputFields ?? []) as PlainInputField[]).flatMap((field) => (field.meta?.kind === undefined ? [] : [`${step.key}.${field.key}: ${String(field.meta.kind)}`])),
    );
    expect(declared.sort()).toEqual(
      [
        'create_account.phone: phone',
        'create_lead.phone: phone',
        'create_lead_with_duplicate_check.phone: phone',
        'create_signature_document.phone: phone',
        'create_ticket.phone: phone',
        'find_customer.phone: phone',
        'find_lead.phone: phone',
        'send_sms.from: sms-number',
        'send_sms.target: sms-number',
        'send_sms_template.from: sms-number',
        'send_sms_template.target: sms-number',
        'shorten_link.url: web-address',
        'start_timer.start_time: moment',
        'add_working_days.weekend: day-numbers',
        'add_week_days.weekend: day-numbers',
        'working_days_between.weekend: day-numbers',
      ].sort(),
    );
  });
});
