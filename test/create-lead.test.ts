import nock from 'nock';
import { capturePost } from './helpers/capture';
import { useNock } from './helpers/nock';
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
      '{"phone":"+972501234567","name":"ישראל ישראלי","f_name":"ישראל","l_name":"ישראלי","email":"israel@example.co.il",' +
        '"company":"חברה \\"בע״מ\\" 🚀","text":"שלום! I\'d like a call — \\"ASAP\\" 😀\\nשורה שנייה",' +
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

  it('makes one request per create', async () => {
    const scope = nock(BASE_URL).post('/v2/leads/create').once().reply(201, created);
    await createWith({ name: 'A', phone: '0501234567' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('create_lead refuses bad input before any request', () => {
  it.each([
    [{ phone: '0501234567' }, 'The lead needs a name: map "Full Name" or "First Name"; fix it in this step\'s fields.'],
    [{ name: '   ', l_name: '', phone: '0501234567' }, 'The lead needs a name: map "Full Name" or "First Name"; fix it in this step\'s fields.'],
    [{ name: 'A' }, '"Phone" is empty, and Gloop needs it: map a value; fix it in this step\'s fields.'],
    [
      { name: 'A', phone: 'call me' },
      '"Phone" must be a phone number such as 050-123-4567 or +972 50 123 4567, not "call me"; fix it in this step\'s fields.',
    ],
    [{ name: 'A', phone: '0501234567', owner: 'משה' }, '"Owner" must be a Gloop id (up to 39 digits), not "משה"; fix it in this step\'s fields.'],
    [
      { name: 'A', phone: '0501234567', lead_status: 2.3306907155353543e38 },
      '"Lead Status" arrived as a number that has lost digits; map the id as text, as Gloop sends it; fix it in this step\'s fields.',
    ],
    [{ name: 'A', phone: '0501234567', is_subscriber: 'maybe' }, '"Subscribed to Mailing List" must be yes or no, not "maybe"; fix it in this step\'s fields.'],
    [{ name: { first: 'A' }, phone: '0501234567' }, '"Full Name" must be a single value, not a list or an object; fix it in this step\'s fields.'],
  ])('%j', async (inputData, message) => {
    const error = await zapierErrorOf(createWith(inputData));
    expect(error).toEqual({ name: 'AppError', code: 'InvalidInput', status: 400, message });
  });
});

describe('create_lead answers', () => {
  it('keeps a 39-digit id Gloop sends unquoted', async () => {
    expectCreate(201, `{"id": ${LEAD_ID}, "lead_status": ${STATUS_ID}, "message": "הליד נוצר בהצלחה"}`, { 'Content-Type': 'application/json' });
    const output = await createWith({ name: 'A', phone: '0501234567' });
    expect(output).toMatchObject({ id: LEAD_ID, lead_status: STATUS_ID });
  });

  it.each([
    ['a 201 without an id', 201, { message: 'הליד נוצר בהצלחה' }, "Gloop answered without the new lead's id"],
    ['a 201 whose id is not an id', 201, { id: 'abc' }, "Gloop answered without the new lead's id"],
    ['a 200 that is not JSON', 200, '<html>OK</html>', 'Gloop answered without valid JSON'],
    ['a 201 with a JSON list', 201, '[]', 'Gloop answered without a JSON object'],
  ])('never reports a lead created on %s', async (_case, status, answer, start) => {
    expectCreate(status, answer);
    const error = await zapierErrorOf(createWith({ name: 'A', phone: '0501234567' }));
    expect(error.code).toBe('GloopInvalidResponse');
    expect(error.message).toMatch(new RegExp(`^${start}.*, so Zapier cannot confirm the change was saved; check Gloop before you replay this run\\.$`));
  });
});

describe('create_lead failures', () => {
  const input = { name: 'A', phone: '0501234567' };

  it.each([
    [400, { code: 'BAD', message: 'שדה טלפון חובה' }, 'GloopBadRequest', 'Gloop rejected the request (HTTP 400: "שדה טלפון חובה"): fix the field Gloop names and run the step again.'],
    [400, 'שגיאה כללית', 'GloopBadRequest', 'Gloop rejected the request (HTTP 400: "שגיאה כללית"): fix the field Gloop names and run the step again.'],
    [400, { errors: [{ message: 'אימייל לא תקין' }, 'טלפון חסר'] }, 'GloopBadRequest', 'Gloop rejected the request (HTTP 400: "אימייל לא תקין - טלפון חסר"): fix the field Gloop names and run the step again.'],
    [403, { message: 'אין הרשאה' }, 'GloopForbidden', 'Gloop rejected the request (HTTP 403: "אין הרשאה"): ask your Gloop admin to give this API client permission for it.'],
    [404, '<html><body>Not Found</body></html>', 'GloopNotFound', 'Gloop rejected the request (HTTP 404): check that the connection uses your own Gloop domain, as shown in System settings -> Webhooks/API.'],
    [500, { message: 'שגיאת שרת' }, 'GloopServerError', 'Gloop had a server error (HTTP 500: "שגיאת שרת"); replay this run once Gloop is working again.'],
    [503, '', 'GloopServerError', 'Gloop had a server error (HTTP 503); replay this run once Gloop is working again.'],
  ])('HTTP %i %j', async (status, answer, code, message) => {
    expectCreate(status, answer);
    expect(await zapierErrorOf(createWith(input))).toEqual({ name: 'AppError', code, status, message });
  });

  it('hands a 401 to Zapier to renew the token', async () => {
    expectCreate(401, { message: 'טוקן לא תקף' });
    expect((await zapierErrorOf(createWith(input))).name).toBe('RefreshAuthError');
  });

  it('throttles on 429 with Gloop\'s Retry-After and message', async () => {
    expectCreate(429, { message: 'יותר מדי בקשות' }, { 'Retry-After': '17' });
    expect(await zapierErrorOf(createWith(input))).toEqual({
      name: 'ThrottledError',
      delay: 17,
      message: 'Gloop is limiting how fast it takes requests (HTTP 429: "יותר מדי בקשות"); Zapier will retry in 17 seconds.',
    });
  });

  it('throttles for a minute when 429 has no Retry-After', async () => {
    expectCreate(429, '');
    expect(await zapierErrorOf(createWith(input))).toMatchObject({ name: 'ThrottledError', delay: 60 });
  });

  it('ends a dropped connection in an error Zapier can replay', async () => {
    nock(BASE_URL).post('/v2/leads/create').replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    expect(await zapierErrorOf(createWith(input))).toEqual({
      name: 'AppError',
      code: 'GloopUnreachable',
      status: 503,
      message: 'Could not reach Gloop (ECONNRESET); check the domain in the connection, or replay this run later.',
    });
  });

  it('gives up before Zapier\'s 30 seconds when Gloop hangs', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    nock(BASE_URL).post('/v2/leads/create').delay(60_000).reply(201, created);
    const failure = zapierErrorOf(createWith(input));
    for (let second = 0; second < 26; second += 1) await jest.advanceTimersByTimeAsync(1_000);
    jest.useRealTimers();
    expect(await failure).toEqual({
      name: 'AppError',
      code: 'GloopTimeout',
      status: 504,
      message: 'Gloop did not answer within 25 seconds; replay this run once Gloop is reachable.',
    });
  });

  it('keeps the token and the secret out of every message, even when Gloop echoes them', async () => {
    expectCreate(400, { message: `bad token ${ACCESS_TOKEN} for ${CLIENT_SECRET}` });
    const error = await zapierErrorOf(createWith(input));
    expect(error.message).toBe('Gloop rejected the request (HTTP 400: "bad token :censored: for :censored:"): fix the field Gloop names and run the step again.');
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
