import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CreatedClock } from '../../sandbox/clock';
import type { FaultKind } from '../../sandbox/faults';
import { newId } from '../../sandbox/ids';
import { ACCOUNT_STATUSES } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import type { RecordKind } from '../../sandbox/store';
import { zapierErrorOf } from '../helpers/app';
import { allowLocalSandbox, armFault, connectTo, sandboxFor } from '../helpers/sandbox';

/**
 * Answers lost after Gloop stored the lead, over real sockets (nock's network errors are not
 * the ones a real connection gives): the app finds out what Gloop stored before it answers, and
 * every step ends before Zapier's 30 seconds. Each test has its own sandbox, so the slow ones
 * (a withheld answer waits out the request's share of the step's deadline) run side by side.
 */
allowLocalSandbox();

const CREATE = 'creates.create_lead.operation.perform';
const lead = { name: 'ישראל ישראלי', phone: '050-123-4567' };
const ZAPIER_LIMIT_MS = 30_000;

async function createUnder(fault: FaultKind, path = '/v2/leads/create') {
  const sandbox = await sandboxFor();
  const zap = await connectTo(sandbox);
  await armFault(sandbox, path, fault);
  const started = Date.now();
  const outcome = await zap.run<Record<string, unknown>>(CREATE, { inputData: lead }).catch((error: unknown) => zapierErrorOf(Promise.reject(error)));
  const elapsed = Date.now() - started;
  const stored = sandbox.store.records('LEADS').map((record) => record.id);
  await sandbox.close();
  return { outcome, elapsed, stored };
}

// One describe block: jest starts its concurrent tests together.
describe('answers lost or stalled, over real sockets', () => {
  it.concurrent.each(['store-then-drop', 'store-then-cut-body', 'store-then-withhold', 'store-then-stall-body'] as const)(
    'a lead under %s: reported created with the id Gloop gave it, confirmed by search, within Zapier\'s 30 seconds',
    async (fault) => {
      const { outcome, elapsed, stored } = await createUnder(fault);
      expect(stored).toHaveLength(1);
      expect(outcome).toMatchObject({ id: stored[0], confirmed_by_search: true, name: 'ישראל ישראלי', phone: '0501234567' });
      expect(elapsed).toBeLessThan(ZAPIER_LIMIT_MS);
    },
    ZAPIER_LIMIT_MS,
  );

  it.concurrent('a hang that stored nothing: "not saved", safe to replay, within Zapier\'s 30 seconds', async () => {
    const { outcome, elapsed, stored } = await createUnder('hang');
    expect(stored).toEqual([]);
    expect(outcome).toEqual({
      name: 'AppError',
      code: 'GloopTimeout',
      status: 504,
      message: 'Gloop did not save the lead: it did not answer within 19 seconds, and a search right after found no such lead; replay this run once Gloop is working again.',
    });
    expect(elapsed).toBeLessThan(ZAPIER_LIMIT_MS);
  }, ZAPIER_LIMIT_MS);

  it.concurrent.each([
    ['store-then-cut-body', 'GloopUnreachable', /^Could not reach Gloop \((ECONNRESET|UND_ERR_SOCKET|terminated|other side closed)\); check the domain in the connection, or replay this run later\.$/],
    ['store-then-stall-body', 'GloopTimeout', /^Gloop did not answer within 25 seconds; replay this run once Gloop is reachable\.$/],
  ] as const)('a sign-in under %s: says the connection broke, not that Gloop sent no token, within Zapier\'s 30 seconds', async (fault, code, message) => {
    const sandbox = await sandboxFor();
    await armFault(sandbox, '/oauth/token', fault);
    const started = Date.now();
    const error = await zapierErrorOf(connectTo(sandbox));
    expect(Date.now() - started).toBeLessThan(ZAPIER_LIMIT_MS);
    await sandbox.close();
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
  }, ZAPIER_LIMIT_MS);

  it.concurrent('a sign-in to a port where nothing listens: names the reason, not "fetch failed"', async () => {
    const sandbox = await sandboxFor();
    const { port } = new URL(sandbox.url);
    await sandbox.close();
    const error = await zapierErrorOf(connectTo({ url: `http://127.0.0.1:${port}` } as never));
    expect(error).toEqual({
      name: 'AppError',
      code: 'GloopUnreachable',
      status: 503,
      message: 'Could not reach Gloop (ECONNREFUSED); check the domain in the connection, or replay this run later.',
    });
  });

  it.concurrent('a server that sends the headers and stalls the body: a read (a dropdown) ends in one timeout sentence within the step\'s 25 seconds, body included', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      response.write('{"items": [');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const sandbox = await sandboxFor();
    const zap = await connectTo(sandbox);
    await sandbox.close();
    zap.authData = { ...zap.authData, domain: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    const started = Date.now();
    const error = await zapierErrorOf(zap.run('triggers.lead_status_list.operation.perform', {}));
    expect(Date.now() - started).toBeLessThan(ZAPIER_LIMIT_MS);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(error).toEqual({ name: 'AppError', code: 'GloopTimeout', status: 504, message: 'Gloop did not answer within 25 seconds; replay this run once Gloop is reachable.' });
  }, ZAPIER_LIMIT_MS);
});

const PRODUCT_ID = newId();

/** Each create the app confirms by asking Gloop, with what it sends and what Gloop stores of it. */
const CONFIRMED_CREATES = [
  { action: 'create_lead', path: '/v2/leads/create', kind: 'LEADS', input: { name: 'דנה לוי', phone: '0501234567', email: 'dana@example.co.il' } },
  { action: 'create_lead_with_duplicate_check', path: '/v2/leads/intelligent', kind: 'LEADS', input: { name: 'דנה לוי', phone: '0501234567' } },
  { action: 'create_account', path: '/v2/accounts/create', kind: 'ACCOUNTS', input: { name: 'דנה לוי', phone: '0501234567', status: ACCOUNT_STATUSES[0].id } },
  { action: 'move_stock', path: '/v2/products/inventory/movment', kind: 'MOVEMENTS', input: { product_id: PRODUCT_ID, operation: 'OUT', quantity: 1, comment: 'Website order' } },
] as const;

/** What Gloop would have stored for the same request `agoMs` before now, by its own clock. */
function storeEarlier(sandbox: Sandbox, { kind, input }: (typeof CONFIRMED_CREATES)[number], agoMs: number): void {
  const fields = kind === 'MOVEMENTS' ? { ...input, total_before: 9, total_after: 8 } : { ...input, f_name: 'דנה' };
  const created = sandbox.clock.stamp(sandbox.clock.now() - agoMs);
  sandbox.store.addRecord({ kind: kind as RecordKind, id: newId(), created, updated: created, raw: JSON.stringify(fields), fields });
}

async function sandboxWithProduct(createdClock: CreatedClock, clockSkewSeconds = 0): Promise<Sandbox> {
  const sandbox = await sandboxFor({ createdClock, clockSkewSeconds });
  const created = sandbox.clock.stamp();
  sandbox.store.addRecord({ kind: 'PRODUCTS', id: PRODUCT_ID, created, updated: created, raw: '{}', fields: { name: 'TV', price: 550, invetory: 5, is_active: true } });
  return sandbox;
}

describe("an identical record Gloop stored before the request left is never taken for it, by Gloop's clock in UTC or Israel's time", () => {
  const each = (['utc', 'local'] as const).flatMap((clock) => CONFIRMED_CREATES.map((create) => [create.action, clock, create] as const));

  it.concurrent.each(each.flatMap(([action, clock, create]) => [[action, clock, create, 10, 'may have saved'] as const, [action, clock, create, 120, 'did not save'] as const]))(
    '%s, stamps in %s: one stored %i s before a request Gloop refused with a 500 is never taken: Gloop %s it',
    async (_action, clock, create, agoSeconds, verdict) => {
      const sandbox = await sandboxWithProduct(clock);
      try {
        storeEarlier(sandbox, create, agoSeconds * 1000);
        storeEarlier(sandbox, create, 600_000);
        const zap = await connectTo(sandbox);
        await armFault(sandbox, create.path, '500');
        const error = await zapierErrorOf(zap.run(`creates.${create.action}.operation.perform`, { inputData: create.input }));
        expect(error).toMatchObject({
          code: verdict === 'did not save' ? 'GloopServerError' : 'GloopOutcomeUnknown',
          message: expect.stringMatching(new RegExp(`^Gloop ${verdict} the (lead|customer|stock movement): it answered HTTP 500`)),
        });
        expect(sandbox.store.records(create.kind as RecordKind)).toHaveLength(2);
      } finally {
        await sandbox.close();
      }
    },
  );

  it.concurrent.each(each)('%s, stamps in %s, Gloop\'s clock 5 min behind: stored, then dropped, beside one from 5 s before -> the new one confirmed', async (_action, clock, create) => {
    const sandbox = await sandboxWithProduct(clock, -300);
    try {
      storeEarlier(sandbox, create, 5_000);
      const zap = await connectTo(sandbox);
      await armFault(sandbox, create.path, 'store-then-drop');
      const output = await zap.run<Record<string, unknown>>(`creates.${create.action}.operation.perform`, { inputData: create.input });
      const [newest, earlier] = sandbox.store.records(create.kind as RecordKind);
      expect(earlier).toBeDefined();
      expect(output).toMatchObject({ confirmed_by_search: true, ...(create.kind === 'MOVEMENTS' ? { inventory_before: newest.fields.total_before, inventory_after: newest.fields.total_after } : { id: newest.id }) });
    } finally {
      await sandbox.close();
    }
  });
});
