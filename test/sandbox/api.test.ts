import { GloopClock } from '../../sandbox/clock';
import { renderPage } from '../../sandbox/page';
import { sandboxOptionsFromEnv, type Sandbox } from '../../sandbox/server';
import { DOCUMENTED_NEW_STATUS_ID, DOCUMENTED_USER_ID, LEAD_STATUS } from '../../sandbox/seed';
import { armFault, expireTokens, RawGloop, sandboxFor } from '../helpers/sandbox';

let sandbox: Sandbox;
let gloop: RawGloop;

beforeEach(async () => {
  sandbox = await sandboxFor();
  gloop = new RawGloop(sandbox.url);
  await gloop.signIn();
});
afterEach(() => sandbox.close());

const lead = { name: 'ישראל ישראלי', f_name: 'ישראל', phone: '0501234567' };

describe('sandbox: authentication', () => {
  it('issues a bearer token for the right client id and secret', async () => {
    const response = await gloop.signIn();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ access_token: expect.stringMatching(/^[\w-]{22}$/), token_type: 'bearer', expires_in: 3600 });
  });

  it('answers 401 in Hebrew for a wrong secret', async () => {
    const response = await gloop.signIn(undefined, 'wrong');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_client', error_description: 'פרטי ההתחברות שגויים' });
  });

  it('refuses a missing, wrong or expired token with 401', async () => {
    const missing = await fetch(`${sandbox.url}/v2/users`);
    expect(missing.status).toBe(401);
    gloop.token = 'nope';
    expect((await gloop.call('GET', '/v2/users')).status).toBe(401);
    await gloop.signIn();
    await expireTokens(sandbox);
    expect(await gloop.call('GET', '/v2/users')).toEqual({ status: 401, json: { code: 'UNAUTHORIZED', message: 'הטוקן אינו תקף או שפג תוקפו' } });
  });

  it('lets a token live GLOOP_SANDBOX_TOKEN_TTL seconds', async () => {
    const shortLived = await sandboxFor({ tokenTtlSeconds: 1 });
    try {
      const client = new RawGloop(shortLived.url);
      expect(((await (await client.signIn()).json()) as { expires_in: number }).expires_in).toBe(1);
      expect((await client.call('GET', '/v2/users')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await client.call('GET', '/v2/users')).status).toBe(401);
    } finally {
      await shortLived.close();
    }
  });
});

describe('sandbox: lists', () => {
  it('pages users with offset, limit and hasMore, the documented user first', async () => {
    const first = await gloop.call('GET', '/v2/users?limit=5');
    expect(first.json).toMatchObject({ hasMore: true, limit: 5, offset: 0, count: 5 });
    expect(first.json.items?.[0]).toEqual({ id: DOCUMENTED_USER_ID, name: 'משה', is_active: 'Y', created: '2021-04-03T00:00:00Z' });
    expect(first.json.items?.[4].is_active).toBe('N');
    const last = await gloop.call('GET', '/v2/users?offset=10&limit=5');
    expect(last.json).toMatchObject({ hasMore: false, count: 2 });
    const defaults = await gloop.call('GET', '/v2/users');
    expect(defaults.json).toMatchObject({ limit: 25, hasMore: false, count: 12 });
  });

  it('seeds as many users as asked', async () => {
    const big = await sandboxFor({ users: 1000 });
    try {
      const client = new RawGloop(big.url);
      await client.signIn();
      expect((await client.call('GET', '/v2/users?offset=990&limit=100')).json).toMatchObject({ count: 10, hasMore: false });
    } finally {
      await big.close();
    }
  });

  it('lists lead statuses, account statuses and types, ids as 39-digit strings', async () => {
    const statuses = await gloop.call('GET', '/v2/leads/statuses');
    expect(statuses.json.items?.[0]).toEqual({ id: DOCUMENTED_NEW_STATUS_ID, name: '💫 חדש', is_active: 'Y' });
    expect(statuses.json.items?.map((status) => status.name)).toEqual(expect.arrayContaining(['❗️ כפול', '⚠️ לקוח חוזר', '🤖 ליד חוזר']));
    for (const path of ['/v2/accounts/statuses', '/v2/accounts/types']) {
      const { json } = await gloop.call('GET', path);
      expect(json.items?.length).toBeGreaterThan(1);
      for (const item of json.items ?? []) expect(item.id).toMatch(/^[1-9]\d{38}$/);
    }
  });

  it('answers 404 for an unknown path and 405 for a wrong method', async () => {
    expect(await gloop.call('GET', '/v2/leads')).toEqual({ status: 404, json: { code: 'NOT_FOUND', message: 'הכתובת המבוקשת לא נמצאה' } });
    expect((await gloop.call('GET', '/v2/leads/create')).status).toBe(405);
  });
});

describe('sandbox: create lead', () => {
  it('stores the lead with a fresh 39-digit id, the default status and the body as it arrived', async () => {
    const raw = '{"name":"ישראל ישראלי","f_name":"ישראל","phone":"0501234567","owner":' + DOCUMENTED_USER_ID + '}';
    const created = await gloop.call('POST', '/v2/leads/create', raw);
    expect(created).toEqual({ status: 201, json: { id: expect.stringMatching(/^[1-9]\d{38}$/), lead_status: DOCUMENTED_NEW_STATUS_ID, message: 'הליד נוצר בהצלחה' } });
    const [stored] = sandbox.store.records('LEADS');
    expect(stored.raw).toBe(raw);
    expect(stored.fields.owner).toBe(DOCUMENTED_USER_ID);
  });

  it('reads a body with a fraction of 16 digits as JSON, quoting only long whole numbers', async () => {
    // Past the parse, the unknown field is what is refused, not the JSON.
    const fraction = await gloop.call('POST', '/v2/products/categories/create', '{"name":"c","is_active_yn":true,"x":0.1234567890123456}');
    expect(fraction).toEqual({ status: 400, json: expect.objectContaining({ message: 'שדה לא מוכר: x' }) });
  });

  it.each([
    [{ name: 'A', phone: '050' }, 'חסר שדה חובה: f_name'],
    [{ ...lead, phone: '' }, 'חסר שדה חובה: phone'],
    [{ ...lead, nickname: 'x' }, 'שדה לא מוכר: nickname'],
    [{ ...lead, owner: '123' }, 'לא נמצא משתמש עם המזהה 123 (שדה owner)'],
    [{ ...lead, lead_status: 'new' }, 'ערך לא תקין בשדה lead_status: נדרש מזהה'],
    [{ ...lead, is_subscriber: 'yes' }, 'ערך לא תקין בשדה is_subscriber: נדרש true או false'],
    [{ ...lead, phone: 501234567 }, 'ערך לא תקין בשדה phone: נדרש טקסט'],
    ['{"name":', 'גוף הבקשה אינו JSON תקין'],
  ])('answers 400 in Hebrew for %j', async (body, message) => {
    expect(await gloop.call('POST', '/v2/leads/create', body)).toEqual({ status: 400, json: { code: 'BAD_REQUEST', message } });
    expect(sandbox.store.records()).toEqual([]);
  });
});

describe('sandbox: create lead with duplicate check', () => {
  it('tells a new lead, a duplicate, a returning lead and a returning customer apart', async () => {
    const smart = (body: object) => gloop.call('POST', '/v2/leads/intelligent', body);
    expect((await smart(lead)).json).toEqual({ id: expect.any(String), message: 'הפעולה הושלמה - הליד נוצר בהצלחה.', name: 'ישראל ישראלי' });
    expect((await smart({ ...lead, phone: '+972-50-123-4567' })).json.message).toBe('הפעולה הושלמה - הליד כפול וכבר עובר כרגע תהליך מכירה.');

    await gloop.call('POST', '/v2/leads/create', { name: 'דנה', f_name: 'דנה', phone: '0529999999', lead_status: LEAD_STATUS.notInterested.id });
    expect((await smart({ name: 'דנה', f_name: 'דנה', phone: '052-9999999' })).json.message).toBe('הפעולה הושלמה - ליד חוזר: הליד כבר היה במערכת ונפתח מחדש.');

    const status = (await gloop.call('GET', '/v2/accounts/statuses')).json.items?.[0].id;
    await gloop.call('POST', '/v2/accounts/create', { name: 'רון', f_name: 'רון', phone: '0541111111', status });
    expect((await smart({ name: 'רון', f_name: 'רון', phone: '0541111111' })).json.message).toBe('הפעולה הושלמה - לקוח חוזר: הליד שויך ללקוח קיים.');

    const statuses = sandbox.store.records('LEADS').map((record) => record.fields.lead_status);
    expect(statuses.slice(0, 4)).toEqual([LEAD_STATUS.returningCustomer.id, LEAD_STATUS.returningLead.id, LEAD_STATUS.notInterested.id, LEAD_STATUS.duplicate.id]);
  });

  it('accepts only its smaller field set', async () => {
    expect((await gloop.call('POST', '/v2/leads/intelligent', { ...lead, owner: DOCUMENTED_USER_ID })).json.message).toBe('שדה לא מוכר: owner');
  });
});

describe('sandbox: search', () => {
  beforeEach(async () => {
    await gloop.call('POST', '/v2/leads/create', { ...lead, email: 'Israel@Example.co.il', company: 'אקמה' });
    await gloop.call('POST', '/v2/leads/create', { name: 'ישראל כהן', f_name: 'ישראל', phone: '0527777777' });
  });
  const search = (criteria: object) => gloop.call('POST', '/v2/search/leadsAndAccounts', criteria);

  it('returns nothing for an empty search', async () => {
    expect((await search({})).json).toEqual({ count: 0, results: [] });
  });

  it('ANDs the criteria, newest first, within the limit', async () => {
    expect((await search({ name: 'ישראל' })).json.count).toBe(2);
    expect((await search({ name: 'ישראל', phone: '050' })).json).toMatchObject({ count: 1, results: [{ name: 'ישראל ישראלי', object_type: 'LEADS', email: 'Israel@Example.co.il' }] });
    expect((await search({ email: 'israel@example.co.il', company: 'אקמה' })).json.count).toBe(1);
    expect((await search({ name: 'ישראל', limit: 1 })).json).toMatchObject({ count: 1, results: [{ name: 'ישראל כהן' }] });
    expect((await search({ name: 'ישראל', order: 'asc', limit: 1 })).json).toMatchObject({ results: [{ name: 'ישראל ישראלי' }] });
    expect((await search({ name: 'ישראל', object_type: 'ACCOUNTS' })).json.count).toBe(0);
  });

  it('matches a phone from the start of the stored number, as the vendor\'s example: 05492 finds 05492, 0549255555 and 05492222222, oldest first with asc', async () => {
    for (const phone of ['05492', '0549255555', '05492222222', '0505492', '5492']) await gloop.call('POST', '/v2/leads/create', { name: phone, f_name: phone, phone });
    // The example sends every other criterion as an empty string, and object_type "" for both kinds.
    const { json } = await search({ name: '', phone: '05492', email: '', passport: '', company: '', limit: 50, order_by: 'created', order: 'asc', object_type: '' });
    expect(json.count).toBe(3);
    expect((json.results as { phone: string }[]).map((result) => result.phone)).toEqual(['05492', '0549255555', '05492222222']);
  });

  it('keeps a +972 number in its local form, which a search for +972 does not find', async () => {
    await gloop.call('POST', '/v2/leads/create', { name: 'דנה', f_name: 'דנה', phone: '+972 54-765-4321' });
    await gloop.call('POST', '/v2/leads/create', { name: 'רות', f_name: 'רות', phone: '+9720521112233' });
    await gloop.call('POST', '/v2/leads/create', { name: 'Ann', f_name: 'Ann', phone: '+1 212 555 0100' });
    expect(sandbox.store.records('LEADS').slice(0, 3).map((record) => record.fields.phone)).toEqual(['+1 212 555 0100', '0521112233', '054-765-4321']);
    expect((await search({ phone: '054-765' })).json.count).toBe(1);
    expect((await search({ phone: '+972' })).json.count).toBe(0);
    expect((await search({ phone: '+1' })).json.count).toBe(1);
  });

  it('orders by the last change when asked: a touched lead comes first, with its new time', async () => {
    const [older] = sandbox.store.records('LEADS').slice(-1);
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
    const touched = await fetch(`${sandbox.url}/__sandbox/touch`, { method: 'POST', body: JSON.stringify({ id: older.id }) });
    const { updated } = (await touched.json()) as { updated: string };
    const { json } = await search({ phone: '05', order_by: 'updated', order: 'desc' });
    expect((json.results as { id: string; updated: string; created: string }[]).map((result) => [result.id, result.updated === result.created])).toEqual([
      [older.id, false],
      [sandbox.store.records('LEADS')[0].id, true],
    ]);
    expect((json.results as { updated: string }[])[0].updated).toBe(updated);
    expect((await fetch(`${sandbox.url}/__sandbox/touch`, { method: 'POST', body: JSON.stringify({ id: '1'.repeat(39) }) })).status).toBe(404);
  });
});

describe('sandbox: notes and customers', () => {
  it('adds a note to a lead, refusing one over 4000 characters or without exactly one target', async () => {
    const { json } = await gloop.call('POST', '/v2/leads/create', lead);
    expect((await gloop.call('POST', '/v2/notes/create', { lead_id: json.id, msg: 'ש'.repeat(4000) })).json).toEqual({ id: expect.any(String), message: 'ההערה נוצרה בהצלחה' });
    expect((await gloop.call('POST', '/v2/notes/create', { lead_id: json.id, msg: 'ש'.repeat(4001) })).json.message).toBe('ההערה ארוכה מ-4000 תווים');
    expect((await gloop.call('POST', '/v2/notes/create', { msg: 'x' })).status).toBe(400);
    expect((await gloop.call('POST', '/v2/notes/create', { lead_id: '1'.repeat(39), msg: 'x' })).json.message).toBe(`לא נמצא ליד עם המזהה ${'1'.repeat(39)} (שדה lead_id)`);
  });

  it('creates a customer with its status, linked to its lead', async () => {
    const { json: created } = await gloop.call('POST', '/v2/leads/create', lead);
    const status = (await gloop.call('GET', '/v2/accounts/statuses')).json.items?.[0].id;
    const answer = await gloop.call('POST', '/v2/accounts/create', { name: 'רון לוי', f_name: 'רון', status, lead_id: created.id, b_day: '1990-05-17', is_subscriber: true });
    expect(answer).toEqual({ status: 201, json: { account_status: status, id: expect.stringMatching(/^\d{39}$/), message: 'הלקוח נוצר בהצלחה' } });
    expect((await gloop.call('POST', '/v2/accounts/create', { name: 'רון', f_name: 'רון' })).json.message).toBe('חסר שדה חובה: status');
  });
});

describe('sandbox: faults and reset', () => {
  it('answers the next N calls to a path with the armed fault, then works again', async () => {
    await armFault(sandbox, '/v2/leads/create', '429', 2, 7);
    for (let i = 0; i < 2; i += 1) {
      const response = await fetch(`${sandbox.url}/v2/leads/create`, { method: 'POST', headers: { Authorization: `Bearer ${gloop.token}` }, body: JSON.stringify(lead) });
      expect([response.status, response.headers.get('retry-after')]).toEqual([429, '7']);
    }
    expect((await gloop.call('POST', '/v2/leads/create', lead)).status).toBe(201);
    expect(sandbox.store.records('LEADS')).toHaveLength(1);
  });

  it('drops the connection, or answers 201 without an id or without JSON, storing nothing', async () => {
    await armFault(sandbox, '/v2/leads/create', 'drop');
    await expect(gloop.call('POST', '/v2/leads/create', lead)).rejects.toThrow('fetch failed');
    await armFault(sandbox, '/v2/leads/create', 'no-id');
    expect(await gloop.call('POST', '/v2/leads/create', lead)).toEqual({ status: 201, json: { message: 'הליד נוצר בהצלחה' } });
    await armFault(sandbox, '/v2/leads/create', 'not-json');
    await expect(gloop.call('POST', '/v2/leads/create', lead)).rejects.toThrow('is not valid JSON');
    expect(sandbox.store.records()).toEqual([]);
  });

  it('refuses an unknown fault', async () => {
    await expect(armFault(sandbox, '/v2/leads/create', 'explode' as never)).rejects.toThrow(/400 .*unknown fault .*explode/);
  });

  it('empties to the seed on reset', async () => {
    await gloop.call('POST', '/v2/leads/create', lead);
    await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
    expect(sandbox.store.records()).toEqual([]);
    expect(sandbox.store.count('users')).toBe(12);
  });
});

/** The working-days endpoints against the vendor's documented examples, Israel's holidays from @hebcal/core. */
const documented = { start_date: '31/08/2021', weekend: '6,7', date_format: 'DD/MM/YYYY', return_format: 'DD/MM/YYYY' };

describe('sandbox: working days, as the vendor documents them', () => {
  it('14 working days from 31/08/2021 is 22/09/2021: Rosh Hashana, its eve and second day, and the Fast of Gedaliah, and two weekends skipped', async () => {
    const { status, json } = await gloop.call('POST', '/v2/workingDays/addWorkingDays', { ...documented, increment: 14 });
    expect(status).toBe(200);
    expect(json).toMatchObject({ date: '22/09/2021', days_total_holidays: 4, days_total_weekends: 4 });
    expect((json as { holidays: { date: string }[] }).holidays.map((holiday) => holiday.date)).toEqual(['2021-09-09T00:00:00Z', '2021-09-08T00:00:00Z', '2021-09-07T00:00:00Z', '2021-09-06T00:00:00Z']);
  });

  it('14 weekdays from 31/08/2021 skip the weekends only: 18/09/2021', async () => {
    const { json } = await gloop.call('POST', '/v2/workingDays/addWeekDays', { ...documented, increment: 14 });
    expect(json).toMatchObject({ date: '18/09/2021', days_total_weekends: 4 });
    expect(json).not.toHaveProperty('holidays');
  });

  it('between 31/08/2021 and 15/09/2021 lie 5 holidays (Yom Kippur\'s eve the fifth) and 4 weekend days', async () => {
    const { json } = await gloop.call('POST', '/v2/workingDays/WorkingDaysBetween', { ...documented, end_date: '15/09/2021' });
    expect(json).toMatchObject({ date: '15/09/2021', days_total_holidays: 5, days_total_weekends: 4, days_total_working_days: 6 });
  });

  it('reads and writes the documented format tokens', async () => {
    const { json } = await gloop.call('POST', '/v2/workingDays/addWeekDays', { ...documented, start_date: '2026-12-01', date_format: 'YYYY-MM-DD', return_format: 'DD.MM.YY (D)', increment: 1, weekend: '7' });
    expect(json).toMatchObject({ date: '02.12.26 (4)' });
  });

  it.each([
    [{ ...documented, increment: 1, start_date: '2021-08-31' }, 'התאריך בשדה start_date אינו תואם לפורמט DD/MM/YYYY'],
    [{ ...documented, increment: 1, weekend: 'Friday' }, 'מבנה סוף השבוע אינו תקין: יש להזין מספרי ימים 1-7 מופרדים בפסיק'],
    [{ ...documented, increment: '14' }, 'ערך לא תקין בשדה increment: נדרש מספר'],
  ])('refuses %j in Hebrew', async (body, message) => {
    expect(await gloop.call('POST', '/v2/workingDays/addWorkingDays', body)).toEqual({ status: 400, json: { code: 'BAD_REQUEST', message } });
  });
});

describe("sandbox: Gloop's clock", () => {
  const israelNow = () => new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Jerusalem' }).replace(' ', 'T');
  const createdOfNewLead = async (other: Sandbox) => {
    const raw = new RawGloop(other.url);
    await raw.signIn();
    await raw.call('POST', '/v2/leads/create', lead);
    return other.store.records('LEADS')[0].created;
  };

  it('stamps created in UTC to the second by default, and says its time in every Date header', async () => {
    const created = await createdOfNewLead(sandbox);
    expect(created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Math.abs(Date.parse(created) - Date.now())).toBeLessThan(2_000);
    const date = (await fetch(`${sandbox.url}/v2/users`)).headers.get('date');
    expect(Math.abs(Date.parse(String(date)) - Date.now())).toBeLessThan(2_000);
  });

  it("stamps Israel's wall-clock time marked Z with GLOOP_SANDBOX_CREATED_CLOCK=local, and its page shows the same time as in UTC", async () => {
    const local = await sandboxFor({ createdClock: 'local' });
    try {
      const created = await createdOfNewLead(local);
      expect(Math.abs(Date.parse(created) - Date.parse(`${israelNow()}Z`))).toBeLessThan(2_000);
      // One moment, stamped both ways: 07:30:05 UTC is 09:30:05 in Israel in December.
      const at = Date.UTC(2026, 11, 1, 7, 30, 5);
      const page = (clock: GloopClock) => {
        const record = { kind: 'LEADS' as const, id: '1', created: clock.stamp(at), updated: clock.stamp(at), raw: '{}', fields: { name: 'דנה' } };
        return /<time datetime="([^"]+)">([^<]+)<\/time>/.exec(renderPage([record], () => undefined, clock.created))?.slice(1);
      };
      expect(page(new GloopClock('utc'))).toEqual(['2026-12-01T07:30:05Z', expect.stringContaining('9:30:05')]);
      expect(page(new GloopClock('local'))).toEqual(['2026-12-01T09:30:05Z', page(new GloopClock('utc'))?.[1]]);
    } finally {
      await local.close();
    }
  });

  it('runs its clock GLOOP_SANDBOX_CLOCK_SKEW seconds ahead, in stamps and in the Date header', async () => {
    const ahead = await sandboxFor({ clockSkewSeconds: 600 });
    try {
      const created = await createdOfNewLead(ahead);
      expect(Math.abs(Date.parse(created) - (Date.now() + 600_000))).toBeLessThan(2_000);
      const date = (await fetch(`${ahead.url}/v2/users`)).headers.get('date');
      expect(Math.abs(Date.parse(String(date)) - (Date.now() + 600_000))).toBeLessThan(2_000);
    } finally {
      await ahead.close();
    }
  });

  it('refuses a clock it cannot read from the environment', () => {
    expect(() => sandboxOptionsFromEnv({ GLOOP_SANDBOX_CREATED_CLOCK: 'israel' })).toThrow('GLOOP_SANDBOX_CREATED_CLOCK must be utc or local, not "israel"');
    expect(() => sandboxOptionsFromEnv({ GLOOP_SANDBOX_CLOCK_SKEW: '1.5' })).toThrow('GLOOP_SANDBOX_CLOCK_SKEW must be a whole number of seconds, not "1.5"');
    expect(sandboxOptionsFromEnv({ GLOOP_SANDBOX_CREATED_CLOCK: 'local', GLOOP_SANDBOX_CLOCK_SKEW: '-90' })).toMatchObject({ createdClock: 'local', clockSkewSeconds: -90 });
  });
});
