import nock from 'nock';
import { DEDUPE_SIZE, POLL_SIZE, SAMPLE_SIZE } from '../src/polling/poll';
import { LIST_PAGES, LIST_PAGE_SIZE } from '../src/polling/list-trigger';
import { App, appTester, authData, BASE_URL, LEAD_ID, zapierErrorOf } from './helpers/app';
import { useNock } from './helpers/nock';

useNock();

type Result = Record<string, unknown>;
type Meta = { isLoadingSample?: boolean; isPopulatingDedupe?: boolean; limit?: number };

const poll = (key: string, meta: Meta = {}) =>
  appTester((App.triggers[key as keyof typeof App.triggers].operation as unknown as { perform: never }).perform, { authData, meta: meta as never }) as Promise<Result[]>;

const STARTS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+'];
const idOf = (n: number) => `2719178139591315406761179048866738${String(n).padStart(5, '0')}`;

/** Gloop's search answering each first character of a phone with its own records, as raw JSON with bare 39-digit ids. */
function searchesAnswer(byStart: Record<string, string[]> = {}, status = 200): string[] {
  const received: string[] = [];
  nock(BASE_URL)
    .post('/v2/search/leadsAndAccounts')
    .times(STARTS.length)
    .reply(function (_uri, body) {
      received.push(JSON.stringify(body));
      const start = (body as { phone: string }).phone;
      const results = (byStart[start] ?? []).join(',');
      return [status, `{"count":${(byStart[start] ?? []).length},"results":[${results}]}`, { 'Content-Type': 'application/json' }];
    });
  return received;
}

const lead = (n: number, created: string, updated = created, phone = '0501234567') =>
  `{"id":${idOf(n)},"object_type":"LEADS","created":"${created}","updated":"${updated}","created_by":"API","updated_by":"MOSHE","name":"ליד ${n}","phone":"${phone}","email":null}`;

describe('New Lead and New Customer: one search per first character of a phone', () => {
  it('sends exactly these eleven searches, newest created first, 100 each', async () => {
    const received = searchesAnswer();
    expect(await poll('new_lead')).toEqual([]);
    expect([...received].sort()).toEqual(STARTS.map((start) => `{"phone":"${start}","object_type":"LEADS","order_by":"created","order":"desc","limit":${POLL_SIZE}}`).sort());
  });

  it('merges the answers newest first, each record once, ids as the 39 digits Gloop sent', async () => {
    searchesAnswer({
      '0': [lead(3, '2026-02-14T09:30:03Z'), lead(1, '2026-02-14T09:30:01Z')],
      '+': [lead(2, '2026-02-14T09:30:02Z', undefined, '+12125550100')],
      // Gloop matching by part would list a record under two starts: it comes once.
      '5': [lead(3, '2026-02-14T09:30:03Z')],
    });
    const results = await poll('new_lead');
    expect(results.map((result) => result.id)).toEqual([idOf(3), idOf(2), idOf(1)]);
    expect(results[1]).toEqual({
      id: idOf(2),
      object_type: 'LEADS',
      name: 'ליד 2',
      phone: '+12125550100',
      email: '',
      company: '',
      passport: '',
      utm_source: '',
      utm_campaign: '',
      created: '2026-02-14T09:30:02Z',
      updated: '2026-02-14T09:30:02Z',
      created_by: 'API',
      updated_by: 'MOSHE',
    });
  });

  it('returns the newest 100 of all the answers, though each holds its own newest 100', async () => {
    const stamp = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const now = Date.UTC(2026, 1, 14, 9, 30);
    // The two searches' records alternate in time: the newest 100 of all are the first 50 of each.
    searchesAnswer({
      '0': Array.from({ length: 100 }, (_unused, n) => lead(n, stamp(now - 2 * n * 1000))),
      '5': Array.from({ length: 100 }, (_unused, n) => lead(1000 + n, stamp(now - (2 * n + 1) * 1000))),
    });
    const results = await poll('new_lead');
    expect(results.map((result) => result.id)).toEqual(Array.from({ length: 50 }, (_unused, n) => [idOf(n), idOf(1000 + n)]).flat());
  });

  it('asks for a few records for the editor\'s sample, and for as many as it can when a Zap is turned on', async () => {
    let received = searchesAnswer();
    await poll('new_customer', { isLoadingSample: true });
    expect(received.every((body) => body.endsWith(`"object_type":"ACCOUNTS","order_by":"created","order":"desc","limit":${SAMPLE_SIZE}}`))).toBe(true);
    received = searchesAnswer();
    await poll('new_customer', { isPopulatingDedupe: true });
    expect(received.every((body) => body.endsWith(`"limit":${DEDUPE_SIZE}}`))).toBe(true);
    received = searchesAnswer();
    await poll('new_customer', { limit: 7 });
    expect(received.every((body) => body.endsWith('"limit":7}'))).toBe(true);
    expect(received).toHaveLength(11);
  });

  it('keeps the later copy of a record two answers hold, and reads a fractional limit as whole', async () => {
    const received = searchesAnswer({ '0': [lead(1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:05Z')], '5': [lead(1, '2026-01-01T00:00:00Z', '2026-01-02T00:00:05Z')] });
    expect((await poll('updated_lead', { limit: 2.5 })).map((result) => result.updated)).toEqual(['2026-01-02T00:00:05Z']);
    expect(received.every((body) => body.endsWith(`"limit":${DEDUPE_SIZE}}`))).toBe(true);
    const sample = searchesAnswer();
    await poll('new_lead', { limit: 2.5 });
    expect(sample.every((body) => body.endsWith('"limit":2}'))).toBe(true);
  });

  it('leaves out a result without a usable id or of the other kind', async () => {
    searchesAnswer({ '0': ['{"id":"12ab","object_type":"LEADS","created":"2026-02-14T09:30:00Z"}', `{"id":${LEAD_ID},"object_type":"ACCOUNTS","created":"2026-02-14T09:30:00Z"}`, '"text"', lead(1, '2026-02-14T09:30:00Z')] });
    expect((await poll('new_lead')).map((result) => result.id)).toEqual([idOf(1)]);
  });
});

describe('Updated Lead and Updated Customer', () => {
  it('search by the latest change, and fire only records changed after they were made', async () => {
    const received = searchesAnswer({
      '0': [lead(1, '2026-02-14T09:30:00Z', '2026-02-15T07:12:40Z'), lead(2, '2026-02-14T09:31:00Z'), lead(3, '2026-02-14T09:32:00.120Z', '2026-02-14T09:32:00.480Z')],
      '9': [lead(4, '2026-02-14T09:29:00Z', '2026-02-16T10:00:00Z')],
    });
    const results = await poll('updated_lead');
    // Never-edited records sort among the edits by `updated`: an Updated poll asks for more than it returns.
    expect(received.every((body) => body.endsWith(`"order_by":"updated","order":"desc","limit":${DEDUPE_SIZE}}`))).toBe(true);
    expect(results.map((result) => [result.id, result.updated])).toEqual([
      [idOf(4), '2026-02-16T10:00:00Z'],
      [idOf(1), '2026-02-15T07:12:40Z'],
    ]);
  });
});

describe('a poll that meets a failure ends with one clear sentence', () => {
  it('an expired token: Zapier renews the session and polls again', async () => {
    searchesAnswer({}, 401);
    expect(await zapierErrorOf(poll('new_lead'))).toMatchObject({ name: 'RefreshAuthError' });
  });

  it('Gloop\'s throttle: Zapier waits and polls again', async () => {
    nock(BASE_URL).post('/v2/search/leadsAndAccounts').times(11).reply(429, { message: 'יותר מדי בקשות' }, { 'Retry-After': '30' });
    expect(await zapierErrorOf(poll('updated_customer'))).toMatchObject({ name: 'ThrottledError', delay: 30 });
  });

  it('Gloop\'s own Hebrew reason reaches the user', async () => {
    nock(BASE_URL).post('/v2/search/leadsAndAccounts').times(11).reply(500, { code: 'INTERNAL', message: 'שגיאה פנימית בחיפוש' });
    const error = await zapierErrorOf(poll('new_lead'));
    expect(error.message).toContain('שגיאה פנימית בחיפוש');
    expect(error.message).not.toContain(authData.client_secret);
  });

  it('an answer without its list of results is not taken for "nothing new"', async () => {
    nock(BASE_URL).post('/v2/search/leadsAndAccounts').times(11).reply(200, { count: 0 });
    expect(await zapierErrorOf(poll('new_customer'))).toMatchObject({
      message: "Gloop answered without its list of results; check that the connection's domain is your Gloop domain, or try again later.",
    });
  });
});

const product = (n: number, created: string) => ({ id: idOf(n), name: `מוצר ${n}`, price: '49.90', invetory: null, is_active_yn: 'N', category: LEAD_ID, created });

describe('New Product: the whole product list, newest created first', () => {
  it('pages by what each page held, and returns the newest', async () => {
    const asked: string[] = [];
    const page = (offset: number, items: object[], hasMore: boolean) =>
      nock(BASE_URL)
        .get('/v2/products/')
        .query({ offset: String(offset), limit: String(LIST_PAGE_SIZE) })
        .reply(() => {
          asked.push(String(offset));
          return [200, { items, hasMore, limit: 25, offset, count: items.length }];
        });
    // Gloop may serve fewer than asked, as ORDS pages of 25 do.
    page(0, Array.from({ length: 25 }, (_unused, n) => product(n, `2026-02-14T09:${String(10 + n).padStart(2, '0')}:00Z`)), true);
    page(25, [product(99, '2026-03-01T08:00:00.500Z')], false);
    const results = await poll('new_product');
    expect(asked).toEqual(['0', '25']);
    expect(results).toHaveLength(26);
    expect(results[0]).toEqual({
      id: idOf(99),
      name: 'מוצר 99',
      price: 49.9,
      desctiption: '',
      sku: '',
      is_physical_yn: '',
      is_active_yn: 'N',
      category: LEAD_ID,
      payplus_uid: '',
      created: '2026-03-01T08:00:00.500Z',
      updated: '',
    });
    expect(results[1].id).toBe(idOf(24));
  });

  it('leaves out a price or stock that is not a plain number', async () => {
    nock(BASE_URL).get('/v2/products/').query(true).reply(200, { items: [{ ...product(1, '2026-01-01T00:00:00Z'), price: ' 0x10 ', invetory: '1,234.50' }, { ...product(2, '2026-01-02T00:00:00Z'), price: ' 12.5 ', invetory: '-3' }], hasMore: false });
    const [second, first] = await poll('new_product');
    expect([second.price, second.invetory]).toEqual([12.5, -3]);
    expect(first).not.toHaveProperty('price');
    expect(first).not.toHaveProperty('invetory');
  });

  it('an empty page that says more follow is not taken for the end of the list', async () => {
    nock(BASE_URL).get('/v2/products/').query(true).reply(200, { items: [], hasMore: true });
    expect((await zapierErrorOf(poll('new_product'))).message).toBe(
      "Gloop answered without the rest of its list (an empty page said more follow); check that the connection's domain is your Gloop domain, or try again later.",
    );
  });

  it('the sample is the newest three', async () => {
    nock(BASE_URL).get('/v2/products/').query(true).reply(200, { items: [product(1, '2026-01-01T00:00:00Z'), product(2, '2026-01-03T00:00:00Z'), product(3, '2026-01-02T00:00:00Z'), product(4, '2025-01-01T00:00:00Z')], hasMore: false });
    expect((await poll('new_product', { isLoadingSample: true })).map((result) => result.id)).toEqual([idOf(2), idOf(3), idOf(1)]);
  });

  it(`refuses a list longer than ${LIST_PAGES} pages rather than miss a product in it`, async () => {
    nock(BASE_URL)
      .get('/v2/products/')
      .query(true)
      .times(LIST_PAGES)
      .reply(200, { items: Array.from({ length: LIST_PAGE_SIZE }, (_unused, n) => product(n, '2026-01-01T00:00:00Z')), hasMore: true });
    expect(await zapierErrorOf(poll('new_product'))).toMatchObject({
      message: "Gloop's list of products is longer than one poll can read (5,000 read in 50 pages, more to come), and Gloop lists them in no order that would let a poll read only the newest; this trigger cannot watch this account.",
    });
  });

  it.each([
    [401, {}, { name: 'RefreshAuthError' }],
    [429, { 'Retry-After': '20' }, { name: 'ThrottledError', delay: 20 }],
    [500, {}, { name: 'AppError', message: expect.stringContaining('שגיאה בשרת המוצרים') }],
  ])('a %s on a page of the list ends the poll as Zapier expects', async (status, headers, expected) => {
    nock(BASE_URL).get('/v2/products/').query({ offset: '0', limit: String(LIST_PAGE_SIZE) }).reply(200, { items: [product(1, '2026-01-01T00:00:00Z')], hasMore: true });
    nock(BASE_URL).get('/v2/products/').query({ offset: '1', limit: String(LIST_PAGE_SIZE) }).reply(status, { message: 'שגיאה בשרת המוצרים' }, headers);
    expect(await zapierErrorOf(poll('new_product'))).toMatchObject(expected);
  });

  it('an answer without its list of items is not taken for "nothing new"', async () => {
    nock(BASE_URL).get('/v2/products/').query(true).reply(200, '<html>OK</html>', { 'Content-Type': 'text/html' });
    expect((await zapierErrorOf(poll('new_product'))).message).toMatch(/^Gloop answered /);
  });
});
