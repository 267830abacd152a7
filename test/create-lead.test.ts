import nock from 'nock';
import { capturePost } from './helpers/capture';
import { connectionLost, gloopDate, stampedAgo, useNock } from './helpers/nock';
import { createLead } from '../src/leads/create';
import { ACCESS_TOKEN, App, authData, perform, BASE_URL, CLIENT_SECRET, LEAD_ID, STATUS_ID, USER_ID, zapierErrorOf } from './helpers/app';

const created = { id: LEAD_ID, lead_status: STATUS_ID, message: 'הליד נוצר בהצלחה' };

function createWith(inputData: Record<string, unknown>) {
  return perform(App.creates.create_lead, { authData, inputData });
}

function expectCreate(status = 201, answer: object | string = created, headers: Record<string, string> = {}) {
  return capturePost('/v2/leads/create', status, answer, headers);
}

useNock();

describe('create_lead request body', () => {
  it('sends every field in order, Hebrew, emoji and quotes byte for byte, ids as strings and the subscription as a boolean', async () => {
    const received = expectCreate();
    const output = await createWith({
      name: '  ישראל ישראלי ',
      f_name: 'ישראל',
      l_name: 'ישראלי',
      phone: '+972 (50) 123-45.67',
      email: 'israel@example.co.il',
      company: 'חברה "בע״מ" 🚀',
      text: '  שלום! I\'d like a call — "ASAP" 😀\nשורה שנייה  ',
      owner: USER_ID,
      lead_status: STATUS_ID,
      utm_source: 'Facebook',
      utm_medium: 'cpc',
      utm_campaign: "Valentine's Day",
      utm_term: 'crm',
      utm_content: 'ad-7',
      ext_one: 'בערב',
      ext_two: 'b',
      ext_three: 'c',
      ext_four: 'd',
      is_subscriber: true,
    });

    expect(received).toEqual([
      '{"phone":"+972501234567","name":"  ישראל ישראלי ","f_name":"ישראל","l_name":"ישראלי","email":"israel@example.co.il",' +
        '"company":"חברה \\"בע״מ\\" 🚀","text":"  שלום! I\'d like a call — \\"ASAP\\" 😀\\nשורה שנייה  ",' +
        `"owner":"${USER_ID}","lead_status":"${STATUS_ID}","utm_source":"Facebook","utm_medium":"cpc",` +
        '"utm_campaign":"Valentine\'s Day","utm_term":"crm","utm_content":"ad-7","ext_one":"בערב","ext_two":"b","ext_three":"c","ext_four":"d",' +
        '"is_subscriber":true}',
    ]);
    expect(output).toMatchObject({ id: LEAD_ID, lead_status: STATUS_ID, message: 'הליד נוצר בהצלחה', phone: '+972501234567' });
  });

  it('leaves blank optional fields out and fills the first name with the full name, as Gloop asks', async () => {
    const received = expectCreate();
    await createWith({ name: 'משה כהן', phone: '050-1234567', email: '   ', company: '', owner: null, is_subscriber: undefined });
    expect(received).toEqual(['{"phone":"0501234567","name":"משה כהן","f_name":"משה כהן"}']);
  });

  it('composes the full name from first and last name when it is blank', async () => {
    const received = expectCreate();
    await createWith({ f_name: 'דנה', l_name: 'לוי', phone: '03.123.4567' });
    expect(received).toEqual(['{"phone":"031234567","name":"דנה לוי","f_name":"דנה","l_name":"לוי"}']);
  });

  it('reads yes/no words and "false" strings as booleans', async () => {
    const received = expectCreate();
    await createWith({ name: 'A B', phone: '0501234567', is_subscriber: 'false' });
    expect(received).toEqual(['{"phone":"0501234567","name":"A B","f_name":"A B","is_subscriber":false}']);
  });

  it('strips the invisible direction marks Hebrew forms put around phone numbers', async () => {
    const received = expectCreate();
    await createWith({ name: 'A', phone: '\u200f050-123\u200e-4567' });
    expect(received).toEqual(['{"phone":"0501234567","name":"A","f_name":"A"}']);
  });

  it.each([
    ['price is {{ 5 }} NIS'],
    ['Call me at {{bundle.inputData.phone}}'],
    ['{{process.env.SECRET}} and {% if x %}{% endif %}'],
    ['back\\slash, "quotes", \'apostrophes\' and a tab\there'],
  ])('sends %j byte for byte, in any field', async (typed) => {
    const received = expectCreate();
    await createWith({ name: typed, phone: '0501234567', text: typed, utm_campaign: typed, ext_four: typed });
    expect(received).toEqual([JSON.stringify({ phone: '0501234567', name: typed, f_name: typed, text: typed, utm_campaign: typed, ext_four: typed })]);
  });

  it('makes one request per create', async () => {
    const scope = nock(BASE_URL).post('/v2/leads/create').once().reply(201, created);
    await createWith({ name: 'A', phone: '0501234567' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('create_lead reads a yes or no however a form sends it', () => {
  it.each([
    [1, true],
    [0, false],
    ['1', true],
    [' Yes ', true],
    ['NO', false],
    [true, true],
  ])('reads %j as %s', async (value, subscribed) => {
    const received = expectCreate();
    await createWith({ name: 'A', phone: '0501234567', is_subscriber: value });
    expect(received).toEqual([`{"phone":"0501234567","name":"A","f_name":"A","is_subscriber":${subscribed}}`]);
  });

  it.each([[''], ['  ']])('leaves a blank yes or no (%j) out, as if it were not mapped', async (value) => {
    const received = expectCreate();
    expect(await createWith({ name: 'A', phone: '0501234567', is_subscriber: value })).toMatchObject({ left_out: '' });
    expect(received).toEqual(['{"phone":"0501234567","name":"A","f_name":"A"}']);
  });
});

describe('create_lead refuses a lead before any request only when Gloop certainly would', () => {
  it.each([
    [{ phone: '0501234567' }, 'The lead needs a name: map "Full Name" or "First Name"; fix it in this step\'s fields.'],
    [{ name: '   ', l_name: '', phone: '0501234567' }, 'The lead needs a name: map "Full Name" or "First Name"; fix it in this step\'s fields.'],
    [
      { name: { first: 'A' }, phone: '0501234567' },
      'The lead needs a name: map "Full Name" or "First Name" ("Full Name" must be a single value, not a list or an object); fix it in this step\'s fields.',
    ],
    [
      { name: { first: 'A' }, owner: 'Full Name', company: { legal: 'x' }, phone: '0501234567' },
      'The lead needs a name: map "Full Name" or "First Name" ("Full Name" must be a single value, not a list or an object); fix it in this step\'s fields.',
    ],
    [{ name: 'A' }, '"Phone" is empty, and Gloop needs it: map a value; fix it in this step\'s fields.'],
    [{ name: 'A', phone: ['050', { ext: 5 }] }, '"Phone" must be a single value, not a list or an object; fix it in this step\'s fields.'],
  ])('%j', async (inputData, message) => {
    const error = await zapierErrorOf(createWith(inputData));
    expect(error).toEqual({ name: 'AppError', code: 'InvalidInput', status: 400, message });
  });
});

describe('create_lead sends what it cannot read as Gloop would take it', () => {
  it('sends a phone with words in it as written, trimmed', async () => {
    const received = expectCreate();
    const output = await createWith({ name: 'A', phone: ' 050-1234567 ext 5 ' });
    expect(received).toEqual(['{"phone":"050-1234567 ext 5","name":"A","f_name":"A"}']);
    expect(output).toMatchObject({ phone: '050-1234567 ext 5', left_out: '' });
  });

  it('leaves out an optional value it cannot read, stores the lead, and says what it left out and why', async () => {
    const received = expectCreate();
    const output = await createWith({ name: 'A', phone: '0501234567', owner: 'משה', lead_status: 2.3306907155353543e38, is_subscriber: 'maybe', company: { legal: 'x' } });
    expect(received).toEqual(['{"phone":"0501234567","name":"A","f_name":"A"}']);
    expect(output).toMatchObject({
      id: LEAD_ID,
      owner: '',
      is_subscriber: '',
      left_out:
        '"Company" must be a single value, not a list or an object; "Owner" must be a Gloop ID (up to 39 digits), not "משה"; ' +
        '"Lead Status" arrived as a number, which loses the digits of a Gloop ID: map the ID as text, as Gloop sends it; "Subscribed to Mailing List" must be yes or no, not "maybe"',
    });
  });

  it.each([['0'], ['000'], ['0'.repeat(39)], ['1'.repeat(40)]])('does not take %j for a Gloop id', async (owner) => {
    const received = expectCreate();
    const output = await createWith({ name: 'A', phone: '0501234567', owner });
    expect(received).toEqual(['{"phone":"0501234567","name":"A","f_name":"A"}']);
    expect(output.left_out).toMatch(/^"Owner" must be a Gloop ID \(up to 39 digits\), not "\d+…?"$/);
  });
});

/** Answers the confirming search after a lost answer, and keeps the body Gloop received. */
function expectSearch(status: number, answer: object | (() => object), headers: Record<string, () => string> = gloopDate()): string[] {
  const received: string[] = [];
  nock(BASE_URL)
    .post('/v2/search/leadsAndAccounts')
    .reply(function (_uri, body) {
      received.push(JSON.stringify(body));
      return [status, typeof answer === 'function' ? answer() : answer, headers];
    });
  return received;
}
const NOTHING_FOUND = { count: 0, results: [] };
const OTHER_LEAD_ID = '271917813959131540676117904886673869330';
const found = (created: string, name = 'A', phone = '0501234567') => ({ count: 1, results: [{ id: LEAD_ID, object_type: 'LEADS', created, name, phone }] });
const notSaved = (what: string) => `Gloop did not save the lead: ${what}, and a search right after found no such lead; replay this run once Gloop is working again.`;

describe('create_lead answers', () => {
  it('keeps a 39-digit id Gloop sends unquoted', async () => {
    expectCreate(201, `{"id": ${LEAD_ID}, "lead_status": ${STATUS_ID}, "message": "הליד נוצר בהצלחה"}`, { 'Content-Type': 'application/json' });
    const output = await createWith({ name: 'A', phone: '0501234567' });
    expect(output).toMatchObject({ id: LEAD_ID, lead_status: STATUS_ID, confirmed_by_search: false });
  });

  it.each([
    ['a 201 without an id', 201, { message: 'הליד נוצר בהצלחה' }, "it answered without the new lead's id"],
    ['a 201 whose id is not an id', 201, { id: 'abc' }, "it answered without the new lead's id"],
    ['a 201 whose id is "0"', 201, { id: '0' }, "it answered without the new lead's id"],
    ['a 201 whose id is "000"', 201, { id: '000' }, "it answered without the new lead's id"],
    ['a 201 whose id has 60 digits', 201, { id: '1'.repeat(60) }, "it answered without the new lead's id"],
    ['a 200 that is not JSON', 200, '<html>OK</html>', 'it answered without valid JSON'],
    ['a 201 with a JSON list', 201, '[]', 'it answered without a JSON object'],
    ['a 201 with JSON null', 201, 'null', 'it answered without a JSON object'],
  ])('never reports a lead created on %s: it searches, and finding nothing, says so', async (_case, status, answer, what) => {
    expectCreate(status, answer);
    const searched = expectSearch(200, NOTHING_FOUND);
    expect(await zapierErrorOf(createWith({ name: 'A', phone: '050-123-4567', email: 'a@example.co.il' }))).toEqual({
      name: 'AppError',
      code: 'GloopInvalidResponse',
      status: 502,
      message: notSaved(what),
    });
    expect(searched).toEqual(['{"name":"A","phone":"0501234567","email":"a@example.co.il","object_type":"LEADS","order_by":"created","order":"desc","limit":10}']);
  });

  it('reports the lead Gloop stored when its answer was lost, with its id, confirmed by search', async () => {
    expectCreate(201, { message: 'הליד נוצר בהצלחה' });
    expectSearch(200, found(new Date().toISOString(), 'A', '+972501234567'));
    const output = await createWith({ name: 'A', phone: '050-123-4567' });
    expect(output).toMatchObject({ id: LEAD_ID, confirmed_by_search: true, message: '', name: 'A', phone: '0501234567' });
  });

  it.each([
    ['an older lead of the same person', found(new Date(Date.now() - 10 * 60_000).toISOString())],
    ['a new lead of another name', found(new Date().toISOString(), 'AB')],
    ['a new lead of another phone', found(new Date().toISOString(), 'A', '0501234568')],
  ])('does not take %s for the lead it sent', async (_case, answer) => {
    expectCreate(500, { message: 'שגיאת שרת' });
    expectSearch(200, answer);
    expect(await zapierErrorOf(createWith({ name: 'A', phone: '0501234567' }))).toMatchObject({ code: 'GloopServerError', message: notSaved('it answered HTTP 500: "שגיאת שרת"') });
  });

  it('takes only a lead with the email it sent, in any letter case, for the lead it sent', async () => {
    expectCreate(500, '');
    expectSearch(200, () => {
      // Stamped when Gloop answers: after the create's request left.
      const now = new Date().toISOString();
      return {
        count: 2,
        results: [
          { id: OTHER_LEAD_ID, object_type: 'LEADS', created: now, name: 'A', phone: '0501234567', email: 'other@example.co.il' },
          { id: LEAD_ID, object_type: 'LEADS', created: now, name: 'A', phone: '0501234567', email: ' Dana@Example.CO.IL ' },
        ],
      };
    });
    expect(await createWith({ name: 'A', phone: '0501234567', email: 'dana@example.co.il' })).toMatchObject({ id: LEAD_ID, confirmed_by_search: true });
  });

  it('takes a lead Gloop stored without the spaces around the name and email it was sent', async () => {
    expectCreate(500, '');
    expectSearch(200, () => ({ count: 1, results: [{ id: LEAD_ID, object_type: 'LEADS', created: new Date().toISOString(), name: 'דנה', phone: '0501234567', email: 'dana@example.co.il' }] }));
    expect(await createWith({ name: ' דנה ', phone: '0501234567', email: ' dana@example.co.il ' })).toMatchObject({ id: LEAD_ID, confirmed_by_search: true });
  });

  it('takes a phone that is not a number only as written, spaces aside', async () => {
    expectCreate(500, '');
    const searched = expectSearch(200, () => {
      // Stamped when Gloop answers: after the create's request left.
      const now = new Date().toISOString();
      return {
        count: 2,
        results: [
          { id: OTHER_LEAD_ID, object_type: 'LEADS', created: now, name: 'A', phone: '1-800-FLOWER' },
          { id: LEAD_ID, object_type: 'LEADS', created: now, name: 'A', phone: ' 1-800-FLOWERS ' },
        ],
      };
    });
    expect(await createWith({ name: 'A', phone: ' 1-800-FLOWERS' })).toMatchObject({ id: LEAD_ID, phone: '1-800-FLOWERS', confirmed_by_search: true });
    expect(searched).toEqual(['{"name":"A","phone":"1-800-FLOWERS","object_type":"LEADS","order_by":"created","order":"desc","limit":10}']);
  });

  it('signs in again for its search when the token expired after the lead was sent, rather than sending the lead twice', async () => {
    expectCreate(503, '');
    nock(BASE_URL, { reqheaders: { authorization: `Bearer ${ACCESS_TOKEN}` } }).post('/v2/search/leadsAndAccounts').reply(401, { message: 'טוקן פג תוקף' });
    nock(BASE_URL).post('/oauth/token', 'grant_type=client_credentials').reply(200, { access_token: 'renewed-token-7' });
    nock(BASE_URL, { reqheaders: { authorization: 'Bearer renewed-token-7' } })
      .post('/v2/search/leadsAndAccounts')
      .reply(200, found(stampedAgo(0)), gloopDate());
    expect(await createWith({ name: 'A', phone: '0501234567' })).toMatchObject({ id: LEAD_ID, confirmed_by_search: true });
  });

  it('says the lead may have been saved, and what to look for, when the search fails too, without signing in again', async () => {
    expectCreate(503, '');
    expectSearch(503, { message: 'השירות אינו זמין' });
    const signIns: string[] = [];
    nock(BASE_URL)
      .post('/oauth/token')
      .optionally()
      .reply((_uri, body) => {
        signIns.push(String(body));
        return [200, { access_token: 'renewed-token-7' }];
      });
    expect(await zapierErrorOf(createWith({ name: ' דנה לוי ', phone: '0501234567' }))).toEqual({
      name: 'AppError',
      code: 'GloopOutcomeUnknown',
      status: 504,
      message:
        'Gloop may have saved the lead: it answered HTTP 503, and the app could not check; look in Gloop for "דנה לוי" with phone 0501234567 before you replay this run, or it may be saved twice.',
    });
    expect(signIns).toEqual([]);
  });
});

/** Israel's wall-clock time marked `Z`, as an Oracle DATE read through ORDS can come out. */
const israelWallClock = (instant: number) => `${new Date(instant).toLocaleString('sv-SE', { timeZone: 'Asia/Jerusalem' }).replace(' ', 'T')}Z`;
const maybeSaved = (why: string) =>
  `Gloop may have saved the lead: it answered HTTP 500, and ${why}; look in Gloop for "A" with phone 0501234567 before you replay this run, or it may be saved twice.`;

describe("create_lead tells the lead it sent from an identical one by Gloop's clock, not this machine's", () => {
  const lead = { name: 'A', phone: '0501234567' };
  const notSavedOn500 = { name: 'AppError', code: 'GloopServerError', status: 500, message: notSaved('it answered HTTP 500') };

  it.each([
    ['five minutes behind', -5 * 60_000],
    ['five minutes ahead of', 5 * 60_000],
    ['an hour behind', -60 * 60_000],
  ])("confirms the lead Gloop stored just now when Gloop's clock runs %s this machine's", async (_case, aheadMs) => {
    expectCreate(500, '');
    expectSearch(200, found(stampedAgo(0, aheadMs)), gloopDate(aheadMs));
    expect(await createWith(lead)).toMatchObject({ id: LEAD_ID, confirmed_by_search: true });
  });

  it.each([
    ['two minutes', 120_000, 0],
    ['an hour', 3_600_000, 0],
    ['two minutes, by a Gloop clock five minutes ahead', 120_000, 5 * 60_000],
    ['ten minutes, by a Gloop clock two minutes behind', 600_000, -2 * 60_000],
  ])('never takes an identical lead stored %s before the request left for it: not saved, safe to replay', async (_case, agoMs, aheadMs) => {
    expectCreate(500, '');
    expectSearch(200, found(stampedAgo(agoMs, aheadMs)), gloopDate(aheadMs));
    expect(await zapierErrorOf(createWith(lead))).toEqual(notSavedOn500);
  });

  it.each([
    ['five seconds', 5_000, 0],
    ['a little under a minute', 55_000, 0],
    ['five seconds, by a Gloop clock five minutes ahead', 5_000, 5 * 60_000],
  ])('an identical lead stored %s before the request left: never taken, and not "not saved" either, should Gloop\'s database run behind', async (_case, agoMs, aheadMs) => {
    expectCreate(500, '');
    expectSearch(200, found(stampedAgo(agoMs, aheadMs)), gloopDate(aheadMs));
    expect(await zapierErrorOf(createWith(lead))).toMatchObject({
      code: 'GloopOutcomeUnknown',
      message: maybeSaved('a search right after found an identical lead stamped so close to when it was sent that it could not tell whether it is this one'),
    });
  });

  it('a full page of identical leads, none of them this one: Gloop may not have shown the newest, so says to look', async () => {
    expectCreate(500, '');
    const older = Array.from({ length: 10 }, (_unused, index) => ({ ...found(stampedAgo(600_000 + index * 1000)).results[0], id: `${OTHER_LEAD_ID.slice(0, -2)}${10 + index}` }));
    expectSearch(200, { count: 11, results: older });
    expect(await zapierErrorOf(createWith(lead))).toMatchObject({ code: 'GloopOutcomeUnknown', message: maybeSaved('a search right after found more leads than one answer holds, so it could not see them all') });
  });

  it('a lead of the same name and phone but another email is not the one it sent', async () => {
    expectCreate(500, '');
    const searched = expectSearch(200, { count: 1, results: [{ ...found(stampedAgo(0)).results[0], email: 'other@example.co.il' }] });
    expect(await zapierErrorOf(createWith({ ...lead, email: 'a@example.co.il' }))).toEqual(notSavedOn500);
    expect(searched).toEqual(['{"name":"A","phone":"0501234567","email":"a@example.co.il","object_type":"LEADS","order_by":"created","order":"desc","limit":10}']);
  });

  it('a customer without a phone is searched for by its name alone, and looked for by it', async () => {
    nock(BASE_URL).post('/v2/accounts/create').reply(500, '');
    const searched = expectSearch(200, { count: 0 });
    expect(await zapierErrorOf(perform(App.creates.create_account, { authData, inputData: { name: 'רון', status: STATUS_ID } }))).toMatchObject({
      code: 'GloopOutcomeUnknown',
      message: 'Gloop may have saved the customer: it answered HTTP 500, and the app could not check; look in Gloop for "רון" before you replay this run, or it may be saved twice.',
    });
    expect(searched).toEqual(['{"name":"רון","object_type":"ACCOUNTS","order_by":"created","order":"desc","limit":10}']);
  });

  it('a search answered without its list of results: cannot tell, so says to look', async () => {
    expectCreate(500, '');
    expectSearch(200, { count: 1, items: [found(stampedAgo(0)).results[0]] });
    expect(await zapierErrorOf(createWith(lead))).toMatchObject({
      code: 'GloopOutcomeUnknown',
      message: 'Gloop may have saved the lead: it answered HTTP 500, and the app could not check; look in Gloop for "A" with phone 0501234567 before you replay this run, or it may be saved twice.',
    });
  });

  it('searches for the name and email as Gloop may have stored them, spaces run together and invisible marks gone', async () => {
    expectCreate(500, '');
    const searched = expectSearch(200, NOTHING_FOUND);
    await zapierErrorOf(createWith({ name: ' דנה  לוי\u200f ', phone: '0501234567', email: ' dana@example.co.il ' }));
    expect(searched).toEqual(['{"name":"דנה לוי","phone":"0501234567","email":"dana@example.co.il","object_type":"LEADS","order_by":"created","order":"desc","limit":10}']);
  });

  it.each([
    ['with its spaces run together', 'דנה  לוי', 'דנה לוי'],
    ['with a direction mark after it', 'דנה לוי\u200f', 'דנה לוי'],
    ['with a no-break space', 'דנה\u00a0לוי', 'דנה לוי'],
  ])('takes the lead Gloop stored %s for the name it sent', async (_case, sent, stored) => {
    expectCreate(500, '');
    expectSearch(200, found(stampedAgo(0), stored));
    expect(await createWith({ name: sent, phone: '0501234567' })).toMatchObject({ id: LEAD_ID, confirmed_by_search: true });
  });

  it("reads stamps written in Israel's time marked Z: the lead stored just now confirmed, ones of minutes before not taken", async () => {
    expectCreate(500, '');
    expectSearch(200, found(israelWallClock(Date.now())));
    expect(await createWith(lead)).toMatchObject({ id: LEAD_ID, confirmed_by_search: true });
    expectCreate(500, '');
    expectSearch(200, { count: 2, results: [found(israelWallClock(Date.now() - 120_000)).results[0], { ...found(israelWallClock(Date.now() - 3_600_000)).results[0], id: OTHER_LEAD_ID }] });
    expect(await zapierErrorOf(createWith(lead))).toEqual(notSavedOn500);
  });

  it.each([
    ['sent +972, stored local with dashes', '+972 50-123-4567', '050-123-4567'],
    ['sent local, stored +972 with dashes and brackets', '050 1234567', '+972 (50) 123-4567'],
  ])('takes the same phone written another way for the phone it sent: %s', async (_case, sent, stored) => {
    expectCreate(500, '');
    expectSearch(200, found(stampedAgo(0), 'A', stored));
    expect(await createWith({ name: 'A', phone: sent })).toMatchObject({ id: LEAD_ID, confirmed_by_search: true });
  });

  it('two identical leads stored since the request left: cannot tell which is this one, so says to look', async () => {
    expectCreate(500, '');
    expectSearch(200, { count: 2, results: [found(stampedAgo(0)).results[0], { ...found(stampedAgo(0)).results[0], id: OTHER_LEAD_ID }] });
    expect(await zapierErrorOf(createWith(lead))).toMatchObject({
      code: 'GloopOutcomeUnknown',
      message: maybeSaved('a search right after found 2 identical leads stored since it was sent, and cannot tell which is this one'),
    });
  });

  it("an answer without Gloop's clock: an identical lead cannot be placed, so says to look; none at all is not saved", async () => {
    expectCreate(500, '');
    expectSearch(200, found(stampedAgo(0)), {});
    expect(await zapierErrorOf(createWith(lead))).toMatchObject({
      code: 'GloopOutcomeUnknown',
      message: maybeSaved("Gloop's answer to the search did not show its clock, so an identical lead it holds could not be told from this one"),
    });
    expectCreate(500, '');
    expectSearch(200, NOTHING_FOUND, {});
    expect(await zapierErrorOf(createWith(lead))).toEqual(notSavedOn500);
  });

  it.each([['not a time', 'yesterday'], ['missing', undefined], ['a day ahead of Gloop\'s clock, whatever its zone', new Date(Date.now() + 86_400_000).toISOString()]])(
    'an identical lead whose stamp is %s: cannot be placed, so says to look',
    async (_case, created) => {
      expectCreate(500, '');
      expectSearch(200, { count: 1, results: [{ id: LEAD_ID, object_type: 'LEADS', created, name: 'A', phone: '0501234567' }] });
      expect(await zapierErrorOf(createWith(lead))).toMatchObject({
        code: 'GloopOutcomeUnknown',
        message: maybeSaved('the lead it found carries a time the app cannot read, so it could not tell whether it is this one'),
      });
    },
  );
});

describe('create_lead failures', () => {
  const input = { name: 'A', phone: '0501234567' };

  it.each([
    [400, { code: 'BAD', message: 'שדה טלפון חובה' }, 'GloopBadRequest', 'Gloop rejected the request (HTTP 400: "שדה טלפון חובה"): fix the field Gloop names and run the step again.'],
    [400, 'שגיאה כללית', 'GloopBadRequest', 'Gloop rejected the request (HTTP 400: "שגיאה כללית"): fix the field Gloop names and run the step again.'],
    [400, { errors: [{ message: 'אימייל לא תקין' }, 'טלפון חסר'] }, 'GloopBadRequest', 'Gloop rejected the request (HTTP 400: "אימייל לא תקין - טלפון חסר"): fix the field Gloop names and run the step again.'],
    [403, { message: 'אין הרשאה' }, 'GloopForbidden', 'Gloop rejected the request (HTTP 403: "אין הרשאה"): ask your Gloop admin to give this API client permission for it.'],
    [404, '<html><body>Not Found</body></html>', 'GloopNotFound', 'Gloop rejected the request (HTTP 404): check that the connection uses your own Gloop domain, as shown in System settings -> Webhooks/API.'],
    [409, { message: 'התנגשות' }, 'GloopRejected', 'Gloop rejected the request (HTTP 409: "התנגשות"): check the values you mapped into this step.'],
    [422, { code: 'E17', field: 'phone' }, 'GloopRejected', 'Gloop rejected the request (HTTP 422: "{"code":"E17","field":"phone"}"): check the values you mapped into this step.'],
    [400, { message: 'ב'.repeat(501) }, 'GloopBadRequest', `Gloop rejected the request (HTTP 400: "${'ב'.repeat(500)}…"): fix the field Gloop names and run the step again.`],
    [400, { message: 'ב'.repeat(500) }, 'GloopBadRequest', `Gloop rejected the request (HTTP 400: "${'ב'.repeat(500)}"): fix the field Gloop names and run the step again.`],
  ])('HTTP %i %j: rejected, nothing stored, no search', async (status, answer, code, message) => {
    expectCreate(status, answer);
    expect(await zapierErrorOf(createWith(input))).toEqual({ name: 'AppError', code, status, message });
  });

  it.each([
    [500, { message: 'שגיאת שרת' }, notSaved('it answered HTTP 500: "שגיאת שרת"')],
    [503, '', notSaved('it answered HTTP 503')],
  ])('HTTP %i: searches, and finding nothing, says the run can be replayed', async (status, answer, message) => {
    expectCreate(status, answer);
    expectSearch(200, NOTHING_FOUND);
    expect(await zapierErrorOf(createWith(input))).toEqual({ name: 'AppError', code: 'GloopServerError', status, message });
  });

  it('hands a 401 to Zapier to renew the token', async () => {
    expectCreate(401, { message: 'טוקן לא תקף' });
    expect((await zapierErrorOf(createWith(input))).name).toBe('RefreshAuthError');
  });

  it.each([
    ['17', 17, 'Zapier will retry in 17 seconds.'],
    ['1', 1, 'Zapier will retry in 1 second.'],
    ['86400', 900, 'Zapier will retry in 900 seconds.'],
    [new Date(Date.now() + 120_000).toUTCString(), expect.any(Number), expect.stringMatching(/Zapier will retry in 1[12]\d seconds\.$/)],
  ])('throttles on 429 with Gloop\'s message and Retry-After %j, at most 15 minutes', async (retryAfter, delay, end) => {
    expectCreate(429, { message: 'יותר מדי בקשות' }, { 'Retry-After': retryAfter });
    const error = await zapierErrorOf(createWith(input));
    expect(error).toEqual({ name: 'ThrottledError', delay, message: expect.stringContaining('Gloop is limiting how fast it takes requests (HTTP 429: "יותר מדי בקשות");') });
    expect(error.message).toEqual(typeof end === 'string' ? expect.stringMatching(new RegExp(`${end.replace(/[.]/g, '\\.')}$`)) : end);
  });

  it('throttles for a minute when 429 has no Retry-After', async () => {
    expectCreate(429, '');
    expect(await zapierErrorOf(createWith(input))).toMatchObject({ name: 'ThrottledError', delay: 60 });
  });

  it('a connection lost after the request left: searches, and finding nothing, says the run can be replayed', async () => {
    nock(BASE_URL).post('/v2/leads/create').replyWithError(connectionLost());
    expectSearch(200, NOTHING_FOUND);
    expect(await zapierErrorOf(createWith(input))).toEqual({ name: 'AppError', code: 'GloopUnreachable', status: 503, message: notSaved('the connection was lost (ECONNRESET)') });
  });

  it('a connection lost for a reason without a code: the reason in at most 120 characters', async () => {
    nock(BASE_URL).post('/v2/leads/create').replyWithError(`proxy said: ${'x'.repeat(200)}`);
    expectSearch(200, NOTHING_FOUND);
    expect(await zapierErrorOf(createWith(input))).toEqual({
      name: 'AppError',
      code: 'GloopUnreachable',
      status: 503,
      message: notSaved(`the connection was lost (proxy said: ${'x'.repeat(108)}…)`),
    });
  });

  it('a request that never left (connection refused): says so, without a search', async () => {
    nock(BASE_URL).post('/v2/leads/create').replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(await zapierErrorOf(createWith(input))).toEqual({
      name: 'AppError',
      code: 'GloopUnreachable',
      status: 503,
      message: 'Could not reach Gloop (ECONNREFUSED); check the domain in the connection, or replay this run later.',
    });
  });

  it.each([300, 301, 302, 303, 307, 308])('never follows a redirect (HTTP %i), to any host', async (status) => {
    expectCreate(status, 'moved', { Location: 'http://169.254.169.254/latest/meta-data' });
    expect(await zapierErrorOf(createWith(input))).toEqual({
      name: 'AppError',
      code: 'GloopRedirected',
      status,
      message: `Gloop answered with a redirect (HTTP ${status}), which the app does not follow; enter the domain in the connection exactly as Gloop shows it beside the API token.`,
    });
  });

  it('keeps the token and the secret out of every message, even when Gloop echoes them', async () => {
    expectCreate(400, { message: `bad token ${ACCESS_TOKEN} for ${CLIENT_SECRET.toUpperCase()}` });
    const error = await zapierErrorOf(createWith(input));
    expect(error.message).toBe('Gloop rejected the request (HTTP 400: "bad token :censored: for :censored:"): fix the field Gloop names and run the step again.');
  });

  it('removes a secret that straddles the 500-character cut of Gloop\'s message before it cuts', async () => {
    expectCreate(400, { message: `${'א'.repeat(490)}${CLIENT_SECRET}` });
    const error = await zapierErrorOf(createWith(input));
    expect(error.message).toBe(`Gloop rejected the request (HTTP 400: "${'א'.repeat(490)}:censored:"): fix the field Gloop names and run the step again.`);
  });
});

describe('create_lead definition', () => {
  interface Field { key: string; label?: string; helpText?: string; required?: boolean; type?: string; dynamic?: string }
  const operation = createLead.operation as unknown as { inputFields: Field[]; outputFields: Field[]; sample: Record<string, string> };
  const fields = operation.inputFields;

  it('offers all 19 documented attributes, each labelled and explained, the phone required and first', () => {
    expect(fields.map((field) => field.key)).toEqual([
      'phone', 'name', 'f_name', 'l_name', 'email', 'company', 'text', 'owner', 'lead_status',
      'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'ext_one', 'ext_two', 'ext_three', 'ext_four', 'is_subscriber',
    ]);
    expect(fields.filter((field) => field.required).map((field) => field.key)).toEqual(['phone']);
    for (const field of fields) {
      expect(field.label).toBeTruthy();
      expect(field.helpText).toBeTruthy();
    }
  });

  it('backs owner and status with hidden dropdown triggers and no number type', () => {
    const byKey = Object.fromEntries(fields.map((field) => [field.key, field]));
    expect(byKey.owner.dynamic).toBe('user_list.id.name');
    expect(byKey.lead_status.dynamic).toBe('lead_status_list.id.name');
    expect(fields.filter((field) => field.type === 'integer' || field.type === 'number')).toEqual([]);
    expect(byKey.is_subscriber.type).toBe('boolean');
  });

  it('labels every key it returns and samples a 39-digit id', () => {
    const outputKeys = operation.outputFields.map((field) => field.key);
    expect(outputKeys.slice(0, 3)).toEqual(['id', 'lead_status', 'message']);
    expect(outputKeys).toEqual(expect.arrayContaining(fields.map((field) => field.key)));
    expect(Object.keys(operation.sample).filter((key) => !outputKeys.includes(key))).toEqual([]);
    expect(operation.sample.id).toMatch(/^\d{39}$/);
  });
});
