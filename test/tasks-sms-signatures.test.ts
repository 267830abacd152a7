import nock from 'nock';
import { App, authData, BASE_URL, LEAD_ID, perform, TASK_STATUS, USER_ID, zapierErrorOf } from './helpers/app';
import { capturePost } from './helpers/capture';
import { connectionLost, useNock } from './helpers/nock';

useNock();

const ACCOUNT_ID = '318470115526385338148997581651340149330';
const PRIORITY = '234958546424547466946470802875044500902';
const TEMPLATE = '258123218108221845257206184125949190319';
const run = (key: string, inputData: Record<string, unknown>) => perform(App.creates[key as 'create_task'], { authData, inputData });
const refused = (problem: string) => ({ name: 'AppError', code: 'InvalidInput', status: 400, message: `${problem}; fix it in this step's fields.` });

describe('create_task', () => {
  it('sends the task byte for byte, the due date as a day, ids as text, and returns every key', async () => {
    const received = capturePost('/v2/tasks/create', 201, { account_status: '1', id: LEAD_ID, message: 'המשימה נוצרה בהצלחה' });
    const output = await run('create_task', {
      subject: ' לחזור ללקוח "דחוף" 🙂 ',
      owner: USER_ID,
      status: TASK_STATUS,
      priority: PRIORITY,
      due: '2026-12-01T10:00:00+02:00',
      description: 'שורה 1\nשורה 2 {{bundle.inputData.x}}',
      lead_id: LEAD_ID,
    });
    expect(received).toEqual([
      JSON.stringify({ subject: ' לחזור ללקוח "דחוף" 🙂 ', owner: USER_ID, status: TASK_STATUS, priority: PRIORITY, due: '2026-12-01', description: 'שורה 1\nשורה 2 {{bundle.inputData.x}}', lead_id: LEAD_ID }),
    ]);
    // Gloop's example answers a task with a customer's fields: only its id is relied on.
    expect(output).toEqual({
      id: LEAD_ID,
      message: 'המשימה נוצרה בהצלחה',
      subject: ' לחזור ללקוח "דחוף" 🙂 ',
      owner: USER_ID,
      status: TASK_STATUS,
      priority: PRIORITY,
      due: '2026-12-01',
      description: 'שורה 1\nשורה 2 {{bundle.inputData.x}}',
      lead_id: LEAD_ID,
      account_id: '',
      left_out: '',
    });
  });

  it.each([
    [{ owner: USER_ID, status: TASK_STATUS }, '"Subject" is empty, and Gloop needs it: map a value'],
    [{ subject: 'x', status: TASK_STATUS }, '"Owner" is empty, and Gloop needs it: map a value'],
    [{ subject: 'x', owner: 'משה', status: TASK_STATUS }, '"Owner" must be a Gloop ID (up to 39 digits), not "משה"'],
    [{ subject: 'x', owner: USER_ID, status: TASK_STATUS, description: { text: 'שורה 1' } }, '"Description" must be a single value, not a list or an object'],
    [{ subject: 'x', owner: USER_ID, status: TASK_STATUS, description: 'ש'.repeat(4001) }, '"Description" has 4001 characters and Gloop takes at most 4000: shorten it, or add the rest as a note'],
  ])('refuses %j before any request', async (inputData, problem) => {
    expect(await zapierErrorOf(run('create_task', inputData))).toEqual(refused(problem));
  });

  it('takes 4000 characters, counting an emoji as one, and leaves out an unreadable due date and lead, saying so', async () => {
    const received = capturePost('/v2/tasks/create', 201, { id: LEAD_ID });
    const output = await run('create_task', { subject: 'x', owner: USER_ID, status: TASK_STATUS, description: '😀'.repeat(4000), due: 'next week', lead_id: 'דנה' });
    expect(received).toHaveLength(1);
    expect(output.left_out).toBe('"Due Date" must be a date such as 1990-05-17, not "next week"; "Lead" must be a Gloop ID (up to 39 digits), not "דנה"');
  });

  it('after a lost answer, says the task may have been saved and what to look for, for Gloop cannot search tasks', async () => {
    nock(BASE_URL).post('/v2/tasks/create').replyWithError(connectionLost());
    expect(await zapierErrorOf(run('create_task', { subject: 'לחזור', owner: USER_ID, status: TASK_STATUS }))).toEqual({
      name: 'AppError',
      code: 'GloopOutcomeUnknown',
      status: 504,
      message: 'Gloop may have saved the task: the connection was lost (ECONNRESET), and the app could not check; look in Gloop for the task "לחזור" before you replay this run, or it may be saved twice.',
    });
  });

  it('what to look for after a lost answer is one line, read in one direction', async () => {
    nock(BASE_URL).post('/v2/tasks/create').replyWithError(connectionLost());
    expect((await zapierErrorOf(run('create_task', { subject: 'לחזור\r\n\u202eמחר\u0000 💫', owner: USER_ID, status: TASK_STATUS }))).message).toBe(
      'Gloop may have saved the task: the connection was lost (ECONNRESET), and the app could not check; look in Gloop for the task "לחזור\\u000d\\u000a\\u202eמחר\\u0000 💫" before you replay this run, or it may be saved twice.',
    );
  });
});

describe('send_sms and send_sms_template', () => {
  it.each([
    ['+972 54-444-4444', '0544444444'],
    ['972544444444', '0544444444'],
    ['054-444-4444', '0544444444'],
    ['\u200f054 444 4444\u200e', '0544444444'],
    ['\u061c054\u2066444\u2069 4444', '0544444444'],
    ['54-444-4444', '544444444'],
  ])('sends %j as the local number %s Gloop\'s SMS service reads', async (typed, local) => {
    const received = capturePost('/v2/sms/send', 201, { shipment_id: '1124835822' });
    const output = await run('send_sms', { from: typed, target: '052-765-4321', message: 'שלום!\n{{x}}' });
    expect(received).toEqual([JSON.stringify({ from: local, target: '0527654321', message: 'שלום!\n{{x}}' })]);
    expect(output).toEqual({ shipment_id: '1124835822', from: local, target: '0527654321', message: 'שלום!\n{{x}}', lead_id: '', account_id: '', left_out: '' });
  });

  it('attaches the SMS to a customer, and reports the shipment id Gloop gave, as text', async () => {
    const received = capturePost('/v2/sms/send', 201, '{"shipment_id": 1124835822}');
    const output = await run('send_sms', { from: '0544444444', target: '0527654321', message: 'x', account_id: ACCOUNT_ID });
    expect(received).toEqual([JSON.stringify({ from: '0544444444', target: '0527654321', message: 'x', account_id: ACCOUNT_ID })]);
    // A short id sent as a bare number is still an id; only a 2xx without one is refused.
    expect(output.shipment_id).toBe('1124835822');
  });

  it('sends a template by its id, and says an SMS may have gone out when Gloop answers without a shipment id', async () => {
    const received = capturePost('/v2/sms/sendTemplate', 201, { message: 'נשלח' });
    expect(await zapierErrorOf(run('send_sms_template', { from: '0544444444', target: '+972527654321', template_id: TEMPLATE, lead_id: LEAD_ID }))).toEqual({
      name: 'AppError',
      code: 'GloopOutcomeUnknown',
      status: 504,
      message:
        "Gloop may have sent the SMS: it answered without the new SMS's id, and the app could not check; look in Gloop for an SMS to 0527654321 in the account's SMS log before you replay this run, or it may be sent twice.",
    });
    expect(received).toEqual([JSON.stringify({ from: '0544444444', target: '0527654321', template_id: TEMPLATE, lead_id: LEAD_ID })]);
  });

  it.each([
    ['send_sms', { target: '0527654321', message: 'x' }, '"Sender Number" is empty, and Gloop needs it: map a value'],
    ['send_sms', { from: '0544444444', target: '0527654321', message: '   ' }, '"Message" is empty, and Gloop needs it: map a value'],
    ['send_sms_template', { from: '0544444444', target: '0527654321' }, '"SMS Template" is empty, and Gloop needs it: map a value'],
    ['send_sms_template', { from: '0544444444', target: '0527654321', template_id: 'ברוכים הבאים' }, '"SMS Template" must be a Gloop ID (up to 39 digits), not "ברוכים הבאים"'],
  ])('%s refuses %j before any request', async (key, inputData, problem) => {
    expect(await zapierErrorOf(run(key, inputData))).toEqual(refused(problem));
  });

  it('keeps Gloop\'s Hebrew reason for a refused number', async () => {
    capturePost('/v2/sms/send', 400, { message: 'מספר הטלפון בשדה target אינו תקין' });
    expect(await zapierErrorOf(run('send_sms', { from: '0544444444', target: '12', message: 'x' }))).toMatchObject({
      code: 'GloopBadRequest',
      message: 'Gloop rejected the request (HTTP 400: "מספר הטלפון בשדה target אינו תקין"): fix the field Gloop names and run the step again.',
    });
  });
});

describe('create_signature_document', () => {
  it('creates the document from its template and returns the signing URL', async () => {
    const received = capturePost('/v2/signatures/create', 201, { document: 'https://e-sign.co.il/abc', id: '261', message: 'המסמך נוצר בהצלחה' });
    const output = await run('create_signature_document', { name: 'דנה לוי - הסכם', template_id: '3', by_user: USER_ID, phone: '054-444-4444', email: 'dana@example.co.il' });
    expect(received).toEqual([JSON.stringify({ name: 'דנה לוי - הסכם', template_id: '3', by_user: USER_ID, phone: '0544444444', email: 'dana@example.co.il' })]);
    expect(output).toEqual({
      id: '261',
      document: 'https://e-sign.co.il/abc',
      message: 'המסמך נוצר בהצלחה',
      name: 'דנה לוי - הסכם',
      template_id: '3',
      by_user: USER_ID,
      phone: '0544444444',
      email: 'dana@example.co.il',
      left_out: '',
    });
  });

  it('refuses a document without its sending user, before any request', async () => {
    expect(await zapierErrorOf(run('create_signature_document', { name: 'x', template_id: '3' }))).toEqual(refused('"Sending User" is empty, and Gloop needs it: map a value'));
  });
});

describe('the new dropdowns', () => {
  it('lists SMS templates with the message each sends, active ones only', async () => {
    nock(BASE_URL)
      .get('/v2/sms/templates')
      .query({ offset: '0', limit: '100' })
      .reply(200, {
        items: [
          { id: TEMPLATE, name: 'ברוכים הבאים', msg: 'היי ***שם***, תודה!', is_active: 'Y' },
          { id: '1'.repeat(39), name: 'ישן', msg: 'x', is_active: 'N' },
          { id: '2'.repeat(39), name: 'בלי נוסח', msg: null, is_active: 'Y' },
          { id: '3'.repeat(39), name: '', msg: 'נוסח בלי שם', is_active: 'Y' },
          { id: '4'.repeat(39), is_active: 'Y' },
        ],
        hasMore: false,
      });
    const { localZap } = await import('./helpers/app');
    expect(await localZap().run('triggers.sms_template_list.operation.perform', { meta: { page: 0 } as never })).toEqual([
      { id: TEMPLATE, name: 'ברוכים הבאים: היי ***שם***, תודה!' },
      { id: '2'.repeat(39), name: 'בלי נוסח' },
      { id: '3'.repeat(39), name: 'נוסח בלי שם' },
      // Nothing to show but its id.
      { id: '4'.repeat(39), name: '4'.repeat(39) },
    ]);
  });
});

describe('create_ticket', () => {
  it('sends the ticket byte for byte and reports the status Gloop saved', async () => {
    const received = capturePost('/v2/tickets/create', 201, { id: LEAD_ID, message: 'טיקט נוצר בהצלחה', ticket_status: TASK_STATUS });
    const output = await run('create_ticket', { subject: 'לא מצליח להתחבר', status: TASK_STATUS, msg: 'שלום,\nאני לא מצליח', priority_id: PRIORITY, account_id: ACCOUNT_ID, phone: '054-925-5555' });
    expect(received).toEqual([JSON.stringify({ subject: 'לא מצליח להתחבר', status: TASK_STATUS, msg: 'שלום,\nאני לא מצליח', priority_id: PRIORITY, account_id: ACCOUNT_ID, phone: '0549255555' })]);
    expect(output).toMatchObject({ id: LEAD_ID, ticket_status: TASK_STATUS, message: 'טיקט נוצר בהצלחה', owner: '', department_id: '', email: '', left_out: '' });
  });

  it.each([
    ['the status Gloop saved, when it differs from the one sent', { ticket_status: PRIORITY }, PRIORITY],
    ['the status sent, when Gloop names none', {}, TASK_STATUS],
  ])('reports %s', async (_case, answer, status) => {
    capturePost('/v2/tickets/create', 201, { id: LEAD_ID, message: 'טיקט נוצר בהצלחה', ...answer });
    expect(await run('create_ticket', { subject: 'x', status: TASK_STATUS })).toMatchObject({ id: LEAD_ID, ticket_status: status });
  });

  it('refuses a ticket without a status, before any request', async () => {
    expect(await zapierErrorOf(run('create_ticket', { subject: 'x' }))).toEqual(refused('"Ticket Status" is empty, and Gloop needs it: map a value'));
  });
});

describe('records Gloop cannot search: what to look for when the answer is lost', () => {
  it.each([
    ['shorten_link', '/v2/links/shortner', { url: 'https://me.example.com/info' }, 'saved the link', 'a short link to https://me.example.com/info', 'saved'],
    ['create_signature_document', '/v2/signatures/create', { name: 'דנה לוי - הסכם', template_id: '3', by_user: USER_ID }, 'saved the document', 'the document "דנה לוי - הסכם"', 'saved'],
    ['create_ticket', '/v2/tickets/create', { subject: 'לא מצליח להתחבר', status: TASK_STATUS }, 'saved the ticket', 'the ticket "לא מצליח להתחבר"', 'saved'],
    ['start_timer', '/v2/timer/start', { owner: USER_ID }, 'started the timer', 'an open timer of this user', 'started'],
  ])('%s', async (key, path, inputData, deed, lookFor, done) => {
    nock(BASE_URL).post(path).replyWithError(connectionLost());
    expect((await zapierErrorOf(run(key, inputData))).message).toBe(
      `Gloop may have ${deed}: the connection was lost (ECONNRESET), and the app could not check; look in Gloop for ${lookFor} before you replay this run, or it may be ${done} twice.`,
    );
  });

  it.each([
    ['shorten_link', '/v2/links/shortner', { url: 'https://me.example.com/info' }, { id: LEAD_ID, short_url: '   ' }],
    ['create_signature_document', '/v2/signatures/create', { name: 'הסכם', template_id: '3', by_user: USER_ID }, { id: LEAD_ID, document: ' ' }],
  ])('%s answered with spaces for its proof: not reported done', async (key, path, inputData, answer) => {
    nock(BASE_URL).post(path).reply(201, answer);
    expect(await zapierErrorOf(run(key, inputData))).toMatchObject({ code: 'GloopOutcomeUnknown', message: expect.stringMatching(/^Gloop may have saved the (link|document): it answered without the new (link|document)'s /) });
  });
});

describe('shorten_link', () => {
  it('sends the access code as Gloop\'s password, and returns the short URL and the generated identifier', async () => {
    const received = capturePost('/v2/links/shortner', 201, { guid: 'CC96592A', id: LEAD_ID, message: 'הקישור קוצר בהצלחה', short_url: 'https://blabla.link/xxxx' });
    const output = await run('shorten_link', { url: 'https://me.example.com/info/?a=1&b={{x}}', custom_alias: 'spring', access_code: '1234', guid: 'yes', description: 'מבצע' });
    expect(received).toEqual([JSON.stringify({ url: 'https://me.example.com/info/?a=1&b={{x}}', custom_alias: 'spring', password: '1234', guid: true, description: 'מבצע' })]);
    expect(output).toMatchObject({ id: LEAD_ID, short_url: 'https://blabla.link/xxxx', guid_value: 'CC96592A', access_code: '1234' });
  });

  it('outputs blank what Gloop\'s answer leaves out', async () => {
    capturePost('/v2/links/shortner', 201, { id: LEAD_ID, short_url: 'https://blabla.link/xxxx', guid: { value: 'CC96592A' } });
    expect(await run('shorten_link', { url: 'https://me.example.com/info' })).toMatchObject({ id: LEAD_ID, short_url: 'https://blabla.link/xxxx', guid_value: '', message: '' });
  });

  it.each([['me.example.com/info'], ['ftp://example.com/file']])('refuses %j, which is not a full web address, before any request', async (url) => {
    expect(await zapierErrorOf(run('shorten_link', { url }))).toEqual(refused(`"Long URL" must start with https://, not "${url}"`));
  });
});

describe('start_timer and stop_timer', () => {
  it('starts a timer from a given moment, sent as UTC', async () => {
    const received = capturePost('/v2/timer/start', 201, { id: LEAD_ID, message: 'הטיימר הופעל' });
    const output = await run('start_timer', { owner: USER_ID, start_time: '2026-12-01T09:30:00+02:00', comment: 'פגישה' });
    expect(received).toEqual([JSON.stringify({ owner: USER_ID, start_time: '2026-12-01T07:30:00Z', comment: 'פגישה' })]);
    expect(output).toMatchObject({ id: LEAD_ID, message: 'הטיימר הופעל', account_id: '' });
  });

  it('refuses a start time it cannot read, for Gloop would start the timer at the wrong moment', async () => {
    expect(await zapierErrorOf(run('start_timer', { owner: USER_ID, start_time: 'after lunch' }))).toEqual(
      refused('"Start Time" must be a date and time such as 2026-12-01T09:30:00+02:00, not "after lunch"'),
    );
  });

  it('stops a timer with PUT to its id, the body an empty JSON object, and returns the minutes it ran', async () => {
    nock(BASE_URL)
      .put(`/v2/timer/${LEAD_ID}`, (body: unknown) => JSON.stringify(body) === '{}')
      .matchHeader('content-type', /^application\/json/)
      .reply(200, { message: 'הטיימר הופסק', total_minuets: '1.7' });
    expect(await run('stop_timer', { timer_id: LEAD_ID })).toEqual({ timer_id: LEAD_ID, total_minuets: '1.7', message: 'הטיימר הופסק' });
  });

  it.each([
    ['without JSON', 'OK', 'valid JSON'],
    ['without the minutes it ran', { message: 'הליד נוצר בהצלחה' }, 'the minutes the timer ran'],
  ])('a stop answered %s, while Gloop still lists the timer open: not stopped, safe to replay', async (_case, answer, what) => {
    nock(BASE_URL).put(`/v2/timer/${LEAD_ID}`).reply(200, answer);
    nock(BASE_URL)
      .get('/v2/timer/open')
      .query({ offset: '0', limit: '100' })
      .reply(200, { items: [{ id: ACCOUNT_ID }], hasMore: true })
      .get('/v2/timer/open')
      .query({ offset: '1', limit: '100' })
      .reply(200, { items: [{ id: LEAD_ID, comment: 'פגישה' }], hasMore: false });
    expect(await zapierErrorOf(run('stop_timer', { timer_id: LEAD_ID }))).toEqual({
      name: 'AppError',
      code: 'GloopInvalidResponse',
      status: 502,
      message: `Gloop did not stop the timer: it answered without ${what}, and Gloop's open timers right after still list it; replay this run once Gloop is working again.`,
    });
  });

  it.each([
    ['no longer open', { items: [{ id: ACCOUNT_ID }], hasMore: false }, 1, "no longer list it, which does not tell whether this run stopped it or it had stopped before"],
    ['listed in a form the app cannot read', { data: [{ id: LEAD_ID }] }, 1, 'came without their list'],
    ['among more open timers than five pages', { items: [{ id: ACCOUNT_ID }], hasMore: true }, 5, 'hold more than 500 timers, and it is not among the first'],
  ])('a stop whose answer was lost, and the timer %s: never reported stopped, so says to look', async (_case, open, pages, why) => {
    nock(BASE_URL).put(`/v2/timer/${LEAD_ID}`).replyWithError(connectionLost());
    nock(BASE_URL).get('/v2/timer/open').query(true).times(pages).reply(200, open);
    expect(await zapierErrorOf(run('stop_timer', { timer_id: LEAD_ID }))).toEqual({
      name: 'AppError',
      code: 'GloopOutcomeUnknown',
      status: 504,
      message: `Gloop may have stopped the timer: the connection was lost (ECONNRESET), and Gloop's open timers right after ${why}; look in Gloop for timer ${LEAD_ID} among the open timers before you replay this run, or the replay fails, as Gloop refuses to stop a timer twice.`,
    });
  });

  it('a stop whose answer was lost, and open timers that cannot be read: says to look before replaying', async () => {
    nock(BASE_URL).put(`/v2/timer/${LEAD_ID}`).reply(503, '');
    nock(BASE_URL).get('/v2/timer/open').query(true).reply(500, '');
    expect((await zapierErrorOf(run('stop_timer', { timer_id: LEAD_ID }))).message).toBe(
      `Gloop may have stopped the timer: it answered HTTP 503, and the app could not check; look in Gloop for timer ${LEAD_ID} among the open timers before you replay this run, or the replay fails, as Gloop refuses to stop a timer twice.`,
    );
  });

  it('returns a blank message when Gloop stops the timer without one', async () => {
    nock(BASE_URL).put(`/v2/timer/${LEAD_ID}`).reply(200, { total_minuets: 3 });
    expect(await run('stop_timer', { timer_id: LEAD_ID })).toEqual({ timer_id: LEAD_ID, total_minuets: '3', message: '' });
  });

  it('refuses to stop a timer it was not given, before any request', async () => {
    expect(await zapierErrorOf(run('stop_timer', { timer_id: '' }))).toEqual(refused('"Timer" is empty, and Gloop needs it: map a value'));
  });

  it('lists open timers by their comment and start, or as "Timer" when they have no comment', async () => {
    nock(BASE_URL)
      .get('/v2/timer/open')
      .query(true)
      .reply(200, { items: [{ id: LEAD_ID, comment: 'פגישה', start_time: '2026-12-01T07:30:00Z' }, { id: ACCOUNT_ID, comment: '' }], hasMore: false });
    const { localZap } = await import('./helpers/app');
    expect(await localZap().run('triggers.open_timer_list.operation.perform', { meta: { page: 0 } as never })).toEqual([
      { id: LEAD_ID, name: 'פגישה (started 2026-12-01T07:30:00Z)' },
      { id: ACCOUNT_ID, name: 'Timer (started at an unknown time)' },
    ]);
  });

  it('keeps Gloop\'s reason when the timer was already stopped', async () => {
    nock(BASE_URL).put(`/v2/timer/${LEAD_ID}`).reply(400, { message: 'הטיימר כבר הופסק' });
    expect(await zapierErrorOf(run('stop_timer', { timer_id: LEAD_ID }))).toMatchObject({ code: 'GloopBadRequest', message: expect.stringContaining('"הטיימר כבר הופסק"') });
  });
});
