import type { Sandbox } from '../../sandbox/server';
import type { LocalZap } from '../../scripts/local-zap';
import { WATCHES } from '../../scripts/make/app';
import { renderTemplate } from '../../scripts/make/iml';
import App from '../../src';
import { leadResource } from '../../src/leads/resource';
import { productResource } from '../../src/products/resource';
import { listGoesOn } from '../../src/polling/list-trigger';
import { POLL_SIZE } from '../../src/polling/poll';
import { changedSinceCreated } from '../../src/polling/search-trigger';
import { allowLocalSandbox, armFault, connectTo, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, sandboxFor } from '../helpers/sandbox';
import { loadMakeApp, MakeError, MakeRunner, type WatchState } from './runner';

/**
 * The Watch modules, rendered by the test's IML evaluator and run against the sandbox over real
 * HTTP as Make runs a scenario's polling trigger, run after run, each keeping where the last ended.
 */
allowLocalSandbox();

const DOMAIN = 'acme.gloopcrm.co.il';
let sandbox: Sandbox;
const opened: Sandbox[] = [];
let zap: LocalZap;
let make: MakeRunner;

async function open(options: Parameters<typeof sandboxFor>[0] = {}): Promise<void> {
  sandbox = await sandboxFor(options);
  opened.push(sandbox);
  zap = await connectTo(sandbox);
  make = new MakeRunner({ domain: DOMAIN, client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET }, (url) => url.replace(`https://${DOMAIN}`, sandbox.url));
  await make.connect();
}
afterEach(async () => {
  for (const gloop of opened.splice(0)) await gloop.close();
});

type Output = Record<string, unknown> & { id: string };
const zapierRun = <T>(method: string, bundle: { inputData?: object; meta?: object }) => zap.run<T>(method, bundle as Parameters<LocalZap['run']>[1]);
/** What the Zapier trigger returns now. */
const zapierPoll = (trigger: string) => zapierRun<Output[]>(`triggers.${trigger}.operation.perform`, {});

/** A lead, or a customer with the first status Gloop offers (a customer needs one). */
async function create(key: string, inputData: object): Promise<Output> {
  const status = key === 'create_account' ? { status: (await zapierRun<Output[]>('triggers.account_status_list.operation.perform', { meta: { page: 0 } }))[0].id } : {};
  return zapierRun<Output>(`creates.${key}.operation.perform`, { inputData: { ...inputData, ...status } });
}
const ids = (records: unknown[]) => (records as Output[]).map((record) => record.id);

/** Gloop stamps to the second: what happens after a moment waits for Gloop's next second. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (sandbox.clock.now() % 1000) + 5));

async function touch(id: string): Promise<string> {
  await nextSecond();
  const response = await fetch(`${sandbox.url}/__sandbox/touch`, { method: 'POST', body: JSON.stringify({ id }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { updated: string }).updated;
}

/** A scenario's Watch module started where `state` says (by default "From now on": this moment on Make's clock), then a run each time it is called. */
function scenario(id: string, limit = POLL_SIZE, start: WatchState = { date: Date.now(), ids: [] }) {
  let state: WatchState | undefined = start;
  return async () => {
    const ran = await make.runWatch(id, { limit }, state);
    state = ran.state;
    return ran.records as Output[];
  };
}

/** A phone in every form a stored one can take. */
const PHONES = ['050-123-4567', '521234567', '03-1234567', '+972 54 123 4567', '+1 212 555 0100', '9-1234567', '1-800-123-456', '4412345', '6123456', '7123456', '8123456', '2123456'];

describe('Watch New Leads and Watch New Customers, against the sandbox', () => {
  beforeEach(() => open());

  it.each([
    ['watchNewLeads', 'create_lead', 'new_lead'],
    ['watchNewCustomers', 'create_account', 'new_customer'],
  ])('%s: nothing old from now on; each record created after, with a phone in every form, once, oldest first', async (watch, creates, trigger) => {
    await create(creates, { name: 'ותיק', phone: '0509999999' });
    await nextSecond();
    const nextRun = scenario(watch);
    expect(await nextRun()).toEqual([]);
    const created: string[] = [];
    for (const [index, phone] of PHONES.entries()) {
      created.push((await create(creates, { name: `רשומה ${index}`, phone })).id);
      if (index % 4 === 3) await nextSecond();
    }
    const fired = await nextRun();
    expect(new Set(ids(fired))).toEqual(new Set(created));
    expect(fired).toHaveLength(PHONES.length);
    // Make's order: oldest first by the trigger's date, then by id.
    const order = fired.map((record) => [Date.parse(String(record.created)), record.id] as const);
    expect(order).toEqual([...order].sort(([a, x], [b, y]) => a - b || x.localeCompare(y)));
    expect(await nextRun()).toEqual([]);
    // The same records, with the same outputs, as the Zapier trigger's.
    const byId = new Map((await zapierPoll(trigger)).map((record) => [record.id, record]));
    for (const record of fired) expect(record).toEqual(byId.get(record.id));
  });

  it('returns at most the limit a run, the rest on the next run, oldest first', async () => {
    const nextRun = scenario('watchNewLeads', 2);
    await nextSecond();
    const created: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      created.push((await create('create_lead', { name: `ליד ${index}`, phone: `05${index}1234567` })).id);
      await nextSecond();
    }
    expect(ids(await nextRun())).toEqual(created.slice(0, 2));
    expect(ids(await nextRun())).toEqual(created.slice(2, 4));
    expect(ids(await nextRun())).toEqual(created.slice(4));
    expect(await nextRun()).toEqual([]);
  });

  it('"All" returns what the Zapier trigger returns', async () => {
    for (let index = 0; index < 4; index += 1) await create('create_lead', { name: `ליד ${index}`, phone: `05${index}1234567` });
    const { records } = await make.runWatch('watchNewLeads', { limit: POLL_SIZE });
    const zapped = await zapierPoll('new_lead');
    expect(records).toHaveLength(4);
    expect(new Set(records)).toEqual(new Set(zapped));
  });

  it('"Choose where to start" lists records by name and phone; started after one, a run returns only what came after it', async () => {
    await create('create_lead', { name: 'ראשון', phone: '0501111111' });
    await nextSecond();
    const chosen = await create('create_lead', { name: 'שני', phone: '0502222222' });
    await nextSecond();
    const later = await create('create_lead', { name: 'שלישי', phone: '0503333333' });
    const epoch = (await make.runEpoch('watchNewLeads', { limit: POLL_SIZE })) as { label: string; date: Date }[];
    expect(new Set(epoch.map(({ label }) => label))).toEqual(new Set(['ראשון 0501111111', 'שני 0502222222', 'שלישי 0503333333']));
    // Make keeps the chosen item's date as where the last run ended.
    const { date } = epoch.find(({ label }) => label.startsWith('שני'))!;
    expect(ids(await scenario('watchNewLeads', POLL_SIZE, { date: date.getTime(), ids: [chosen.id] })())).toEqual([later.id]);
    expect(ids(await scenario('watchNewLeads', POLL_SIZE, { date: date.getTime() - 1, ids: [] })())).toEqual([chosen.id, later.id]);
  });

  it('an answer without its results fails the run, as it fails the Zapier poll, and the lead behind it comes out on the next', async () => {
    const nextRun = scenario('watchNewLeads');
    await nextSecond();
    const lead = await create('create_lead', { name: 'דנה', phone: '0501234567' });
    await armFault(sandbox, '/v2/search/leadsAndAccounts', 'no-id');
    await expect(nextRun()).rejects.toBeInstanceOf(MakeError);
    expect(ids(await nextRun())).toEqual([lead.id]);
  });
});

describe('Watch Updated Leads and Watch Updated Customers, against the sandbox', () => {
  beforeEach(() => open());

  it.each([
    ['watchUpdatedLeads', 'create_lead', 'updated_lead'],
    ['watchUpdatedCustomers', 'create_account', 'updated_customer'],
  ])('%s: a record made is no update; each touch comes out once, with its new time', async (watch, creates, trigger) => {
    const nextRun = scenario(watch);
    await nextSecond();
    const record = await create(creates, { name: 'דנה', phone: '052-765-4321' });
    expect(await nextRun()).toEqual([]);
    const first = await touch(record.id);
    const [fired] = await nextRun();
    expect(fired).toMatchObject({ id: record.id, updated: first, name: 'דנה' });
    expect(fired).toEqual((await zapierPoll(trigger))[0]);
    expect(await nextRun()).toEqual([]);
    const second = await touch(record.id);
    expect(await nextRun()).toEqual([expect.objectContaining({ id: record.id, updated: second })]);
    expect(await nextRun()).toEqual([]);
  });
});

describe('Watch New Products, against the sandbox', () => {
  it('pages through a list Gloop serves 25 at a time, and returns each product created after, once', async () => {
    await open({ maxPage: 25 });
    const category = await create('create_product_category', { name: 'חולצות' });
    for (let index = 0; index < 30; index += 1) await create('create_product', { name: `ישן ${index}`, price: '10', category: category.id, is_active: true });
    await nextSecond();
    const nextRun = scenario('watchNewProducts');
    expect(await nextRun()).toEqual([]);
    const product = await create('create_product', { name: 'חולצת כותנה', price: '49.90', category: category.id, is_active: true, invetory: '12' });
    const fired = await nextRun();
    expect(fired).toEqual([expect.objectContaining({ id: product.id, name: 'חולצת כותנה', price: 49.9, invetory: 12, category: category.id })]);
    expect(fired[0]).toEqual((await zapierPoll('new_product'))[0]);
    expect(await nextRun()).toEqual([]);
    // Each run, a page of 25 and the last, read by what each page held.
    const asked = make.sent.filter((request) => request.url.includes('/v2/products/')).map((request) => new URL(request.url).searchParams.get('offset'));
    expect(asked).toEqual(['0', '25', '0', '25', '0', '25']);
  });
});

describe('the Watch modules\' rules are the Zapier triggers\'', () => {
  it('every visible Zapier trigger has its Watch module, under the id Make scenarios keep', () => {
    const visible = Object.values(App.triggers as Record<string, { key: string; display: { hidden?: boolean } }>).filter((trigger) => !trigger.display.hidden);
    expect(WATCHES.map((watch) => watch.zapierKey)).toEqual(visible.map((trigger) => trigger.key));
    // Published: a scenario keeps the module's id, so none may change.
    expect(WATCHES.map((watch) => watch.id)).toEqual(['watchNewLeads', 'watchUpdatedLeads', 'watchNewCustomers', 'watchUpdatedCustomers', 'watchNewProducts']);
  });

  const ID = '271917813959131540676117904886673869329';
  const OTHER_ID = '271917813959131540676117904886673869330';
  const { watch } = loadMakeApp();
  /** Whether the module keeps an item Gloop listed, by its iterate condition. */
  const keeps = (id: string, item: object) => {
    const { requests } = watch(id);
    const { condition } = requests[requests.length - 1].response!.iterate as { condition: string };
    return renderTemplate(condition, { item }) === true;
  };

  const CREATED = '2026-02-14T09:30:00Z';
  it.each([
    { id: ID, object_type: 'LEADS' },
    { id: ID },
    { id: ID, object_type: '' },
    { id: ID, object_type: null },
    { id: ID, object_type: 'ACCOUNTS' },
    { id: '0', object_type: 'LEADS' },
    { id: 'abc', object_type: 'LEADS' },
    { object_type: 'LEADS' },
    { id: `${ID}1`, object_type: 'LEADS' },
  ])('Watch New Leads keeps %j exactly when the Zapier trigger does', (item) => {
    expect(keeps('watchNewLeads', { ...item, created: CREATED })).toBe(leadResource.recordOf(item) !== undefined);
  });

  it.each([{ id: ID }, { id: '' }, { name: 'no id' }, { id: '0' }])('Watch New Products keeps %j exactly when the Zapier trigger does', (item) => {
    expect(keeps('watchNewProducts', { ...item, created: CREATED })).toBe(productResource.recordOf(item) !== undefined);
  });

  it.each([
    ['2026-02-14T09:30:00Z', '2026-02-14T09:30:00Z'],
    ['2026-02-14T09:30:00Z', '2026-02-14T09:30:00.999Z'],
    ['2026-02-14T09:30:00Z', '2026-02-14T09:30:01Z'],
    ['2026-02-14T09:30:00Z', '2026-03-01T10:00:00Z'],
    [undefined, '2026-03-01T10:00:00Z'],
  ])('Watch Updated Leads takes a record created %j and updated %j for a change exactly when the Zapier trigger does', (created, updated) => {
    expect(keeps('watchUpdatedLeads', { id: ID, object_type: 'LEADS', created, updated })).toBe(changedSinceCreated({ created, updated }));
  });

  it('a record Make cannot date (no stamp) is left out, where the Zapier trigger returns it last', () => {
    expect([keeps('watchNewLeads', { id: ID }), leadResource.recordOf({ id: ID }) !== undefined]).toEqual([false, true]);
  });

  it('a record two searches hold comes out once, the first copy', () => {
    const { requests } = watch('watchNewLeads');
    const { container } = requests[requests.length - 1].response!.iterate as { container: string };
    const [first, again, other] = [{ id: ID, name: 'א' }, { id: ID, name: 'ב' }, { id: OTHER_ID }];
    expect(renderTemplate(container, { temp: { found: [first, other] }, body: { results: [again] } })).toEqual([first, other]);
  });

  it.each([
    [{ offset: 0, items: [], hasMore: false }, true],
    [{ offset: 0, items: [{ id: ID }] }, true],
    [{ offset: 0, items: [], hasMore: true }, false],
    [{ message: 'תקלה' }, false],
  ])('Watch New Products takes the page %j as an answer: %s, as the Zapier trigger does', (body, taken) => {
    const { requests } = watch('watchNewProducts');
    expect(renderTemplate((requests[0].response!.valid as { condition: string }).condition, { body })).toBe(taken);
  });

  it.each([true, false, undefined].flatMap((hasMore) => [1, 99, 100].map((items) => [hasMore, items] as const)))('Watch New Products reads on after a page (hasMore %j, %i items) exactly when the Zapier trigger does', (hasMore, count) => {
    const { requests } = watch('watchNewProducts');
    const body = { offset: 0, items: Array.from({ length: count }, () => ({ id: ID })), ...(hasMore === undefined ? {} : { hasMore }) };
    expect(renderTemplate(String(requests[0].pagination!.condition), { body })).toBe(listGoesOn(hasMore, count));
  });
});
