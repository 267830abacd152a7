import type { Sandbox } from '../../sandbox/server';
import type { LocalZap } from '../../scripts/local-zap';
import { WATCHES } from '../../scripts/make/app';
import { allowLocalSandbox, connectTo, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, sandboxFor } from '../helpers/sandbox';
import { MakeRunner, type WatchState } from './runner';

/**
 * The Watch modules, rendered by the test's IML evaluator and run against the sandbox over real
 * HTTP as Make runs a scenario's polling trigger, run after run, each keeping where the last ended.
 */
allowLocalSandbox();

const DOMAIN = 'acme.gloopcrm.co.il';
const ALL = 100;
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
const run = <T>(method: string, bundle: object) => zap.run<T>(method, bundle as never);

/** A lead, or a customer with the first status Gloop offers (a customer needs one). */
async function create(key: string, inputData: object): Promise<Output> {
  const status = key === 'create_account' ? { status: (await run<Output[]>('triggers.account_status_list.operation.perform', { meta: { page: 0 } }))[0].id } : {};
  return run<Output>(`creates.${key}.operation.perform`, { inputData: { ...inputData, ...status } });
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

/** A scenario's Watch module: "From now on" (where to start is this moment), then a run each time it is called. */
function fromNowOn(id: string, limit = 10) {
  let state: WatchState | undefined = { date: sandbox.clock.now(), ids: [] };
  return async () => {
    const run = await make.runWatch(id, { limit }, state);
    state = run.state;
    return run.records as Output[];
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
    const run = fromNowOn(watch, ALL);
    expect(await run()).toEqual([]);
    const created: string[] = [];
    for (const [index, phone] of PHONES.entries()) {
      created.push((await create(creates, { name: `רשומה ${index}`, phone })).id);
      if (index % 4 === 3) await nextSecond();
    }
    const fired = await run();
    expect(new Set(ids(fired))).toEqual(new Set(created));
    expect(fired).toHaveLength(PHONES.length);
    // Make's order: oldest first by the trigger's date, then by id.
    const order = fired.map((record) => [Date.parse(String(record.created)), record.id] as const);
    expect(order).toEqual([...order].sort(([a, x], [b, y]) => a - b || x.localeCompare(y)));
    expect(await run()).toEqual([]);
    // The same records, with the same outputs, as the Zapier trigger's.
    const zapped = await zap.run<Output[]>(`triggers.${trigger}.operation.perform`, {});
    const byId = new Map(zapped.map((record) => [record.id, record]));
    for (const record of fired) expect(record).toEqual(byId.get(record.id));
  });

  it('returns at most the limit a run, the rest on the next run, oldest first', async () => {
    const run = fromNowOn('watchNewLeads', 2);
    await nextSecond();
    const created: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      created.push((await create('create_lead', { name: `ליד ${index}`, phone: `05${index}1234567` })).id);
      await nextSecond();
    }
    expect(ids(await run())).toEqual(created.slice(0, 2));
    expect(ids(await run())).toEqual(created.slice(2, 4));
    expect(ids(await run())).toEqual(created.slice(4));
    expect(await run()).toEqual([]);
  });

  it('"All" returns what the Zapier trigger returns, and "Choose where to start" lists records with their dates', async () => {
    for (let index = 0; index < 4; index += 1) await create('create_lead', { name: `ליד ${index}`, phone: `05${index}1234567` });
    const { records } = await make.runWatch('watchNewLeads', { limit: ALL });
    const zapped = await zap.run<Output[]>('triggers.new_lead.operation.perform', {});
    expect(records).toHaveLength(4);
    expect(new Set(records)).toEqual(new Set(zapped));
    const epoch = (await make.runEpoch('watchNewLeads', { limit: ALL })) as { label: string; date: string }[];
    expect(new Set(epoch.map(({ label }) => label))).toEqual(new Set(zapped.map((lead) => `${String(lead.name)} ${String(lead.phone)}`)));
    for (const { date } of epoch) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  });
});

describe('Watch Updated Leads and Watch Updated Customers, against the sandbox', () => {
  beforeEach(() => open());

  it.each([
    ['watchUpdatedLeads', 'create_lead', 'updated_lead'],
    ['watchUpdatedCustomers', 'create_account', 'updated_customer'],
  ])('%s: a record made is no update; each touch comes out once, with its new time', async (watch, creates, trigger) => {
    const run = fromNowOn(watch);
    await nextSecond();
    const record = await create(creates, { name: 'דנה', phone: '052-765-4321' });
    expect(await run()).toEqual([]);
    const first = await touch(record.id);
    const [fired] = await run();
    expect(fired).toMatchObject({ id: record.id, updated: first, name: 'דנה' });
    expect(fired).toEqual((await zap.run<Output[]>(`triggers.${trigger}.operation.perform`, {}))[0]);
    expect(await run()).toEqual([]);
    const second = await touch(record.id);
    expect(await run()).toEqual([expect.objectContaining({ id: record.id, updated: second })]);
    expect(await run()).toEqual([]);
  });
});

describe('Watch New Products, against the sandbox', () => {
  it('pages through a list Gloop serves 25 at a time, and returns each product created after, once', async () => {
    await open({ maxPage: 25 });
    const category = await create('create_product_category', { name: 'חולצות' });
    for (let index = 0; index < 30; index += 1) await create('create_product', { name: `ישן ${index}`, price: '10', category: category.id, is_active: true });
    await nextSecond();
    const run = fromNowOn('watchNewProducts', ALL);
    expect(await run()).toEqual([]);
    const product = await create('create_product', { name: 'חולצת כותנה', price: '49.90', category: category.id, is_active: true, invetory: '12' });
    const fired = await run();
    expect(fired).toEqual([expect.objectContaining({ id: product.id, name: 'חולצת כותנה', price: 49.9, invetory: 12, category: category.id })]);
    expect(fired[0]).toEqual((await zap.run<Output[]>('triggers.new_product.operation.perform', {}))[0]);
    expect(await run()).toEqual([]);
    // Each run, a page of 25 and the last, read by what each page held.
    const asked = make.sent.filter((request) => request.url.includes('/v2/products/')).map((request) => new URL(request.url).searchParams.get('offset'));
    expect(asked).toEqual(['0', '25', '0', '25', '0', '25']);
  });
});

it('every Zapier polling trigger has its Watch module', () => {
  expect(WATCHES.map((watch) => [watch.zapierKey, watch.id])).toEqual([
    ['new_lead', 'watchNewLeads'],
    ['updated_lead', 'watchUpdatedLeads'],
    ['new_customer', 'watchNewCustomers'],
    ['updated_customer', 'watchUpdatedCustomers'],
    ['new_product', 'watchNewProducts'],
  ]);
});
