import nock from 'nock';
import { verdictOf } from '../src/leads/create-with-duplicate-check';
import { App, authData, BASE_URL, CLIENT_SECRET, LEAD_ID, perform, STATUS_ID, USER_ID, zapierErrorOf } from './helpers/app';
import { capturePost } from './helpers/capture';
import { connectionLost, gloopDate, useNock } from './helpers/nock';

useNock();

const ACCOUNT_ID = '318470115526385338148997581651340149330';
const ACCOUNT_STATUS_ID = '104788409124312076361553853542960557491';
const OTHER_STATUS_ID = '104788409124312076361553853542960557492';
const run = (key: 'create_lead_with_duplicate_check' | 'create_note' | 'create_account', inputData: Record<string, unknown>) =>
  perform(App.creates[key], { authData, inputData });
const find = (inputData: Record<string, unknown>) => perform(App.searches.find_lead, { authData, inputData });

describe('create_lead_with_duplicate_check', () => {
  const duplicate = 'הפעולה הושלמה - הליד כפול וכבר עובר כרגע תהליך מכירה.';

  it('sends only the fields the duplicate check takes, and returns the verdict in words a filter can use', async () => {
    const received = capturePost('/v2/leads/intelligent', 201, { id: LEAD_ID, message: duplicate, name: 'israel israeli' });
    const output = await run('create_lead_with_duplicate_check', {
      name: 'ישראל ישראלי',
      phone: '050 123 4567',
      email: 'israel@example.co.il',
      utm_source: 'Facebook',
      owner: USER_ID,
      lead_status: STATUS_ID,
      company: 'אקמה',
    });
    expect(received).toEqual(['{"phone":"0501234567","name":"ישראל ישראלי","f_name":"ישראל ישראלי","email":"israel@example.co.il","utm_source":"Facebook"}']);
    // Every output key on every run, blank where nothing was sent, so a mapped field never vanishes.
    expect(output).toEqual({
      phone: '0501234567',
      name: 'ישראל ישראלי',
      f_name: 'ישראל ישראלי',
      l_name: '',
      email: 'israel@example.co.il',
      text: '',
      utm_source: 'Facebook',
      utm_medium: '',
      utm_campaign: '',
      utm_term: '',
      utm_content: '',
      id: LEAD_ID,
      message: duplicate,
      verdict: 'duplicate',
      is_known: true,
      confirmed_by_search: false,
      left_out: '',
    });
  });

  it.each([
    [duplicate, 'duplicate'],
    ['הפעולה הושלמה - לקוח חוזר: הליד שויך ללקוח קיים.', 'returning_customer'],
    ['⚠️ לקוח חוזר', 'returning_customer'],
    ['הפעולה הושלמה - ליד חוזר: הליד כבר היה במערכת ונפתח מחדש.', 'returning_lead'],
    ['הפעולה הושלמה - הליד נוצר בהצלחה.', 'new'],
    ['OK', 'unknown'],
  ])('reads %j as %s', (message, verdict) => {
    expect(verdictOf(message)).toBe(verdict);
  });

  it('leaves out a value it cannot read, and says so in Left Out', async () => {
    const received = capturePost('/v2/leads/intelligent', 201, { id: LEAD_ID, message: duplicate });
    const output = await run('create_lead_with_duplicate_check', { name: 'A', phone: '0501234567', email: ['a@b.co.il', { x: 1 }], utm_source: { name: 'facebook' } });
    expect(received).toEqual(['{"phone":"0501234567","name":"A","f_name":"A"}']);
    expect(output).toMatchObject({ id: LEAD_ID, left_out: '"Email" must be a single value, not a list or an object; "UTM Source" must be a single value, not a list or an object' });
  });

  it('refuses to report a lead without an id, and after searching for it, says the run can be replayed', async () => {
    capturePost('/v2/leads/intelligent', 201, { message: duplicate });
    capturePost('/v2/search/leadsAndAccounts', 200, { count: 0, results: [] });
    expect(await zapierErrorOf(run('create_lead_with_duplicate_check', { name: 'A', phone: '0501234567' }))).toMatchObject({
      code: 'GloopInvalidResponse',
      message: "Gloop did not save the lead: it answered without the new lead's id, and a search right after found no such lead; replay this run once Gloop is working again.",
    });
  });

  it('after a lost answer, reports the lead the search finds, without a verdict it cannot know', async () => {
    nock(BASE_URL).post('/v2/leads/intelligent').replyWithError(connectionLost());
    capturePost('/v2/search/leadsAndAccounts', 200, () => ({ count: 1, results: [{ id: LEAD_ID, object_type: 'LEADS', created: new Date().toISOString(), name: 'A', phone: '0501234567' }] }), gloopDate());
    expect(await run('create_lead_with_duplicate_check', { name: 'A', phone: '0501234567' })).toMatchObject({ id: LEAD_ID, verdict: 'unknown', is_known: false, confirmed_by_search: true });
  });
});

const RESULT = (type: 'LEADS' | 'ACCOUNTS', id = LEAD_ID) =>
  `{"count": 1, "results": [{"id": ${id}, "object_type": "${type}", "created": "2026-02-14T09:30:00Z", "name": "ישראל ישראלי", "phone": "0501234567", "passport": null}]}`;
const NONE = { count: 0, results: [] };

/** Answers each search in turn and keeps the raw bodies Gloop received. */
function searches(...answers: (string | object)[]): string[] {
  const received: string[] = [];
  for (const answer of answers) {
    nock(BASE_URL)
      .post('/v2/search/leadsAndAccounts')
      .reply(function (_uri, body) {
        received.push(JSON.stringify(body));
        return [200, answer, { 'Content-Type': 'application/json' }];
      });
  }
  return received;
}
const searchBody = (criteria: string, type: string) => `{${criteria},"object_type":"${type}","order_by":"created","order":"desc","limit":10}`;

describe('find_lead', () => {
  it('searches leads only, newest first, for a +972 number as Gloop stores it, and returns every key with ids as strings', async () => {
    const received = searches(RESULT('LEADS'));
    const found = await find({ phone: '+972 50-123-4567' });
    expect(received).toEqual([searchBody('"phone":"0501234567"', 'LEADS')]);
    expect(found).toEqual([
      {
        id: LEAD_ID,
        object_type: 'LEADS',
        name: 'ישראל ישראלי',
        phone: '0501234567',
        email: '',
        company: '',
        passport: '',
        utm_source: '',
        utm_campaign: '',
        created: '2026-02-14T09:30:00Z',
        updated: '',
        created_by: '',
        updated_by: '',
      },
    ]);
  });

  it.each([
    ['+972 0-1234567', '01234567'],
    ['+9720501234567', '0501234567'],
    ['+972 50-123-4567', '0501234567'],
  ])('searches %s as Gloop\'s fix stores it: its +972 and the 0 after it become one 0 (%s)', async (phone, stored) => {
    const received = searches({ results: [] });
    await find({ phone });
    expect(received).toEqual([searchBody(`"phone":"${stored}"`, 'LEADS')]);
  });

  it('never returns a customer when asked for leads only, even if Gloop sends one', async () => {
    searches(RESULT('ACCOUNTS'));
    expect(await find({ email: 'a@b.co.il', object_type: 'LEADS' })).toEqual([]);
  });

  it('with "Leads, then customers", returns a matching customer when no lead matches, so a Zap can branch', async () => {
    const received = searches(NONE, RESULT('ACCOUNTS', ACCOUNT_ID));
    expect(await find({ email: 'a@b.co.il', object_type: 'BOTH' })).toEqual([expect.objectContaining({ id: ACCOUNT_ID, object_type: 'ACCOUNTS' })]);
    expect(received).toEqual([searchBody('"email":"a@b.co.il"', 'LEADS'), searchBody('"email":"a@b.co.il"', 'ACCOUNTS')]);
  });

  it('passes over results it cannot use (not a record, no id); an answer without results is no "none", which Find or Create would create on', async () => {
    searches(`{"count": 3, "results": [null, {"id": "", "object_type": "LEADS", "name": "x"}, {"id": ${LEAD_ID}, "object_type": "LEADS", "name": "x"}]}`, {});
    expect(await find({ phone: '0501234567' })).toEqual([expect.objectContaining({ id: LEAD_ID })]);
    expect(await zapierErrorOf(find({ phone: '0501234567' }))).toEqual({
      name: 'AppError',
      code: 'GloopInvalidResponse',
      status: 502,
      message: "Gloop answered without its list of results; check that the connection's domain is your Gloop domain, or try again later.",
    });
  });

  it('outputs Gloop\'s numbers and yes/no values as text, and what is neither text nor a plain value as blank', async () => {
    searches(`{"count": 1, "results": [{"id": ${LEAD_ID}, "name": "x", "phone": 501234567, "company": true, "passport": {"number": 1}, "utm_source": ["a"]}]}`);
    expect(await find({ name: 'x' })).toEqual([expect.objectContaining({ id: LEAD_ID, object_type: 'LEADS', phone: '501234567', company: 'true', passport: '', utm_source: '' })]);
  });

  it('reads "Look In" mapped with spaces around it', async () => {
    const received = searches(NONE, RESULT('ACCOUNTS', ACCOUNT_ID));
    expect(await find({ email: 'a@b.co.il', object_type: ' BOTH ' })).toEqual([expect.objectContaining({ id: ACCOUNT_ID })]);
    expect(received).toHaveLength(2);
  });

  it('with "Leads, then customers", a matching lead ends the search in one request', async () => {
    const received = searches(RESULT('LEADS'));
    expect(await find({ email: 'a@b.co.il', object_type: 'BOTH' })).toEqual([expect.objectContaining({ id: LEAD_ID, object_type: 'LEADS' })]);
    expect(received).toHaveLength(1);
  });

  it('a search answered without JSON says what to check, and claims no change: a search saves nothing', async () => {
    nock(BASE_URL).post('/v2/search/leadsAndAccounts').reply(200, '<html>maintenance</html>');
    expect(await zapierErrorOf(find({ phone: '0501234567' }))).toEqual({
      name: 'AppError',
      code: 'GloopInvalidResponse',
      status: 502,
      message: "Gloop answered without valid JSON; check that the connection's domain is your Gloop domain, or try again later.",
    });
  });

  it.each([
    [{ object_type: 'LEADS', phone: '  ' }, 'Fill at least one of Phone, Email, Name, Company or ID Number: Gloop finds nothing for an empty search'],
    [{ phone: '0501234567', object_type: 'ACCOUNTS' }, '"Look In" must be "Leads only" or "Leads, then customers", not "ACCOUNTS"'],
    [{ phone: '0501234567', object_type: '\u202eLEADS\r\nBOTH' }, '"Look In" must be "Leads only" or "Leads, then customers", not "\\u202eLEADS\\u000d\\u000aBOTH"'],
    [{ phone: '0501234567', object_type: `${CLIENT_SECRET.slice(0, 12)}` }, '"Look In" must be "Leads only" or "Leads, then customers", not ":censored:"'],
  ])('refuses %j before any request', async (inputData, problem) => {
    expect(await zapierErrorOf(find(inputData))).toEqual({ name: 'AppError', code: 'InvalidInput', status: 400, message: `${problem}; fix it in this step's fields.` });
  });

  it('is paired with create_lead as Find or Create Lead', () => {
    expect(App.searchOrCreates?.find_lead).toMatchObject({ search: 'find_lead', create: 'create_lead' });
  });
});

describe('find_customer', () => {
  const findCustomer = (inputData: Record<string, unknown>) => perform(App.searches.find_customer, { authData, inputData });

  it('searches customers only and never returns a lead', async () => {
    const received = searches(RESULT('ACCOUNTS', ACCOUNT_ID), RESULT('LEADS'));
    expect(await findCustomer({ name: 'רון', passport: '123456782' })).toEqual([expect.objectContaining({ id: ACCOUNT_ID, object_type: 'ACCOUNTS', name: 'ישראל ישראלי' })]);
    expect(await findCustomer({ name: 'רון' })).toEqual([]);
    expect(received).toEqual([searchBody('"name":"רון","passport":"123456782"', 'ACCOUNTS'), searchBody('"name":"רון"', 'ACCOUNTS')]);
  });

  it('is paired with create_account as Find or Create Customer', () => {
    expect(App.searchOrCreates?.find_customer).toMatchObject({ search: 'find_customer', create: 'create_account' });
  });
});

describe('create_note', () => {
  it('adds a note to a lead, byte for byte', async () => {
    const received = capturePost('/v2/notes/create', 201, { id: '196872918095809862949125226744960663127', message: 'ההערה נוצרה בהצלחה' });
    const output = await run('create_note', { lead_id: LEAD_ID, msg: ' התקשר בערב 🙂 "דחוף" ' });
    expect(received).toEqual([`{"msg":" התקשר בערב 🙂 \\"דחוף\\" ","lead_id":"${LEAD_ID}"}`]);
    expect(output).toMatchObject({ id: '196872918095809862949125226744960663127', message: 'ההערה נוצרה בהצלחה' });
  });

  it.each([
    [{ account_id: ACCOUNT_ID }, `customer ${ACCOUNT_ID}`],
    [{ lead_id: LEAD_ID }, `lead ${LEAD_ID}`],
  ])('after a lost answer, says the note on %j may have been saved and where to look, for Gloop cannot search notes', async (target, where) => {
    nock(BASE_URL).post('/v2/notes/create').replyWithError(connectionLost());
    expect(await zapierErrorOf(run('create_note', { ...target, msg: 'x' }))).toEqual({
      name: 'AppError',
      code: 'GloopOutcomeUnknown',
      status: 504,
      message: `Gloop may have saved the note: the connection was lost (ECONNRESET), and the app could not check; look in Gloop for this note on the ${where} before you replay this run, or it may be saved twice.`,
    });
  });

  it('takes 4000 characters, counting an emoji as one', async () => {
    const received = capturePost('/v2/notes/create', 201, { id: '1'.repeat(39), message: 'ההערה נוצרה בהצלחה' });
    await run('create_note', { account_id: ACCOUNT_ID, msg: '😀'.repeat(4000) });
    expect(received).toHaveLength(1);
  });

  it.each([
    [{ msg: 'x' }, 'Fill exactly one of "Lead" and "Customer": the note goes on one lead or one customer'],
    [{ lead_id: LEAD_ID, account_id: ACCOUNT_ID, msg: 'x' }, 'Fill exactly one of "Lead" and "Customer": the note goes on one lead or one customer'],
    [{ lead_id: LEAD_ID, msg: '  ' }, '"Note" is empty, and Gloop needs it: map a value'],
    [{ lead_id: LEAD_ID, msg: 'ש'.repeat(4001) }, '"Note" has 4001 characters and Gloop takes at most 4000: shorten it or split it into several notes'],
    [{ lead_id: 'ישראל', msg: 'x' }, '"Lead" must be a Gloop ID (up to 39 digits), not "ישראל"'],
  ])('refuses %j before any request', async (inputData, problem) => {
    expect(await zapierErrorOf(run('create_note', inputData))).toEqual({ name: 'AppError', code: 'InvalidInput', status: 400, message: `${problem}; fix it in this step's fields.` });
  });
});

describe('create_account', () => {
  it('creates a customer: first name from the full name, the birthday as a date, ids as strings', async () => {
    const received = capturePost('/v2/accounts/create', 201, { account_status: ACCOUNT_STATUS_ID, id: ACCOUNT_ID, message: 'הלקוח נוצר בהצלחה' });
    const output = await run('create_account', {
      name: 'רון לוי',
      phone: '054-111-2233',
      b_day: '1990-05-17T00:00:00+03:00',
      status: ACCOUNT_STATUS_ID,
      owner: USER_ID,
      lead_id: LEAD_ID,
      is_subscriber: 'no',
    });
    expect(received).toEqual([
      `{"status":"${ACCOUNT_STATUS_ID}","name":"רון לוי","f_name":"רון לוי","phone":"0541112233","b_day":"1990-05-17","owner":"${USER_ID}","lead_id":"${LEAD_ID}","is_subscriber":false}`,
    ]);
    expect(output).toMatchObject({ id: ACCOUNT_ID, account_status: ACCOUNT_STATUS_ID, message: 'הלקוח נוצר בהצלחה' });
  });

  it.each([
    ['the status Gloop gave the customer, when it names one', { account_status: OTHER_STATUS_ID }, OTHER_STATUS_ID],
    ['the status it sent, when Gloop names none', {}, ACCOUNT_STATUS_ID],
  ])('returns %s', async (_case, answer, status) => {
    capturePost('/v2/accounts/create', 201, { id: ACCOUNT_ID, message: 'הלקוח נוצר בהצלחה', ...answer });
    expect(await run('create_account', { name: 'רון', status: ACCOUNT_STATUS_ID })).toMatchObject({ id: ACCOUNT_ID, account_status: status });
  });

  it.each([
    [{ name: 'רון' }, '"Customer Status" is empty, and Gloop needs it: map a value'],
    [{ status: ACCOUNT_STATUS_ID }, 'The customer needs a name: map "Full Name" or "First Name"'],
    [{ name: 'רון', status: 'פעיל' }, '"Customer Status" must be a Gloop ID (up to 39 digits), not "פעיל"'],
  ])('refuses %j before any request', async (inputData, problem) => {
    expect(await zapierErrorOf(run('create_account', inputData))).toEqual({ name: 'AppError', code: 'InvalidInput', status: 400, message: `${problem}; fix it in this step's fields.` });
  });

  it.each([['17/05/1990'], ['2021-02-30']])('leaves out a birthday it cannot read as a date (%s), and says so', async (bDay) => {
    const received = capturePost('/v2/accounts/create', 201, { account_status: ACCOUNT_STATUS_ID, id: ACCOUNT_ID, message: 'הלקוח נוצר בהצלחה' });
    const output = await run('create_account', { name: 'רון', status: ACCOUNT_STATUS_ID, b_day: bDay });
    expect(received).toEqual([`{"status":"${ACCOUNT_STATUS_ID}","name":"רון","f_name":"רון"}`]);
    expect(output).toMatchObject({ id: ACCOUNT_ID, b_day: '', left_out: `"Birthday" must be a date such as 1990-05-17, not "${bDay}"` });
  });

  it('after an answer without an id and no such customer found, says Gloop did not save the customer', async () => {
    nock(BASE_URL).post('/v2/accounts/create').reply(201, { message: 'הלקוח נוצר בהצלחה' });
    nock(BASE_URL).post('/v2/search/leadsAndAccounts').reply(200, { results: [] });
    expect((await zapierErrorOf(run('create_account', { name: 'רון', status: ACCOUNT_STATUS_ID }))).message).toBe(
      "Gloop did not save the customer: it answered without the new customer's id, and a search right after found no such customer; replay this run once Gloop is working again.",
    );
  });

  it('warns in its description that a customer can start automations', () => {
    expect(App.creates.create_account.display.description).toContain('can start automations such as invoicing');
  });
});
