import type { Sandbox } from '../../sandbox/server';
import { CHOICE_LISTS } from '../../sandbox/api';
import { sandboxOptionsFromEnv } from '../../sandbox/server';
import { DOCUMENTED_USER_ID } from '../../sandbox/seed';
import { LISTS } from '../../src/dropdowns/lists';
import { allowLocalSandbox, connectTo, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, RawGloop, sandboxFor } from '../helpers/sandbox';
import { MakeRunner } from './runner';

/**
 * Every Make RPC against a Gloop that serves 25 per page whatever is asked (ORDS's default), with
 * 250 entries in its list: the same entries, in the same order, as the Zapier dropdown's pages.
 */
allowLocalSandbox();

const DOMAIN = 'acme.gloopcrm.co.il';
const ENTRIES = 250;
const MAX_PAGE = 25;

/** Fills a list to ENTRIES, every seventh one inactive where the list has a flag for it. */
async function fill(sandbox: Sandbox, path: string): Promise<void> {
  const kind = CHOICE_LISTS[path];
  if (kind !== undefined) {
    const more = ENTRIES - sandbox.store.count(kind);
    sandbox.store.addChoices(kind, Array.from({ length: more }, (_, n) => ({ id: `7${String(n).padStart(38, '0')}`, name: `ערך ${n}`, is_active: n % 7 === 3 ? 'N' : 'Y' })));
    return;
  }
  const gloop = new RawGloop(sandbox.url);
  await gloop.signIn();
  const create = async (createPath: string, body: (n: number) => object) => {
    for (let n = 0; n < ENTRIES; n += 1) expect((await gloop.call('POST', createPath, body(n))).status).toBe(201);
  };
  if (path === '/v2/products/categories/') return create('/v2/products/categories/create', (n) => ({ name: `קטגוריה ${n}`, is_active_yn: n % 7 !== 3 }));
  if (path === '/v2/products/') {
    const { json } = await gloop.call('POST', '/v2/products/categories/create', { name: 'כללי' });
    return create('/v2/products/create', (n) => ({ name: `מוצר ${n}`, price: n, is_active: n % 7 !== 3, category: String(json.id) }));
  }
  if (path === '/v2/timer/open') return create('/v2/timer/start', (n) => ({ owner: DOCUMENTED_USER_ID, ...(n % 5 === 0 ? {} : { comment: `טיימר ${n}` }) }));
  if (path !== '/v2/users') throw new Error(`no way to fill ${path}`);
}

/** The whole list as Gloop serves it, read page by page by what each page held. */
async function rawList(sandbox: Sandbox, path: string): Promise<Record<string, string>[]> {
  const gloop = new RawGloop(sandbox.url);
  await gloop.signIn();
  const items: Record<string, string>[] = [];
  for (;;) {
    const { json } = await gloop.call('GET', `${path}?offset=${items.length}&limit=${MAX_PAGE}`);
    items.push(...(json.items ?? []));
    if (json.hasMore !== true) return items;
  }
}

describe.each(LISTS.map((list) => [list.rpc, list] as const))('the Make RPC %s', (_rpc, list) => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    // As a maintainer starts it: GLOOP_SANDBOX_MAX_PAGE=25.
    const { users, maxPage } = sandboxOptionsFromEnv({ GLOOP_SANDBOX_USERS: String(ENTRIES), GLOOP_SANDBOX_MAX_PAGE: String(MAX_PAGE) });
    sandbox = await sandboxFor({ users, maxPage });
    await fill(sandbox, list.path);
  });
  afterEach(() => sandbox.close());

  it(`offers what the Zapier dropdown ${list.key} offers, in its order, page after page of ${MAX_PAGE}`, async () => {
    const zap = await connectTo(sandbox);
    const zapier: { id: string; name: string }[] = [];
    for (let page = 0; ; page += 1) {
      const choices = await zap.run<{ id: string; name: string }[]>(`triggers.${list.key}.operation.perform`, { meta: { page } as never });
      zapier.push(...choices);
      // A list served whole is one dropdown page; "load more" shows the same.
      if (choices.length === 0 || !list.paged) break;
    }
    const make = new MakeRunner({ domain: DOMAIN, client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET }, (url) => url.replace(`https://${DOMAIN}`, sandbox.url));
    await make.connect();
    const options = (await make.runRpc(list.rpc)) as { value: string; label: string }[];

    expect(options).toEqual(zapier.map(({ id, name }) => ({ value: id, label: name })));
    // Every entry Gloop lists, but those marked inactive by either flag.
    const everything = await rawList(sandbox, list.path);
    expect(everything.length).toBeGreaterThanOrEqual(ENTRIES);
    expect(options.map((option) => option.value)).toEqual(everything.filter((item) => item.is_active !== 'N' && item.is_active_yn !== 'N').map((item) => item.id));
    if (list.paged) expect(make.sent.filter((request) => new URL(request.url).pathname === list.path)).toHaveLength(Math.ceil(everything.length / MAX_PAGE));
  });
});
