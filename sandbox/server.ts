import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GloopApi, isRecordKind, type ApiResponse, type ApiSettings, type IdKind, MAX_PAGE } from './api';
import { GloopClock, type CreatedClock } from './clock';
import { Faults, type Fault } from './faults';
import { renderPage } from './page';
import { Store, type RecordKind } from './store';

export const DEFAULT_CLIENT_ID = 'sandbox-client';
export const DEFAULT_CLIENT_SECRET = 'sandbox-secret';

export interface SandboxOptions extends ApiSettings {
  port: number;
  /** A node:sqlite file, or `:memory:`. */
  database: string;
  users: number;
  /** How Gloop writes `created`: in UTC, or Israel's wall-clock time marked `Z`. */
  createdClock?: CreatedClock;
  /** How far Gloop's clock runs ahead of this machine's, in seconds (behind when negative). */
  clockSkewSeconds?: number;
}

export interface Sandbox {
  url: string;
  store: Store;
  faults: Faults;
  /** Gloop's clock: what it stamps records with and writes in its `Date` header. */
  clock: GloopClock;
  /** Calls received per API path (not the page or the controls), for tests and benchmarks to count. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

type Env = Record<string, string | undefined>;

export function sandboxOptionsFromEnv(env: Env, defaults: Partial<SandboxOptions> = {}): SandboxOptions {
  const number = (key: string, fallback: number) => {
    const value = env[key];
    if (value === undefined || value === '') return fallback;
    if (!/^\d+$/.test(value)) throw new Error(`${key} must be a whole number, not "${value}"`);
    return Number(value);
  };
  return {
    port: number('PORT', defaults.port ?? 0),
    database: env.GLOOP_SANDBOX_DB || defaults.database || '.sandbox/gloop.sqlite',
    users: number('GLOOP_SANDBOX_USERS', defaults.users ?? 12),
    clientId: env.GLOOP_SANDBOX_CLIENT_ID || DEFAULT_CLIENT_ID,
    clientSecret: env.GLOOP_SANDBOX_CLIENT_SECRET || DEFAULT_CLIENT_SECRET,
    tokenTtlSeconds: number('GLOOP_SANDBOX_TOKEN_TTL', defaults.tokenTtlSeconds ?? 3600),
    createdClock: createdClockOf(env.GLOOP_SANDBOX_CREATED_CLOCK),
    clockSkewSeconds: skewOf(env.GLOOP_SANDBOX_CLOCK_SKEW),
    maxPage: maxPageOf(number('GLOOP_SANDBOX_MAX_PAGE', defaults.maxPage ?? MAX_PAGE)),
  };
}

function createdClockOf(value: string | undefined): CreatedClock {
  if (value === undefined || value === '' || value === 'utc') return 'utc';
  if (value === 'local') return 'local';
  throw new Error(`GLOOP_SANDBOX_CREATED_CLOCK must be utc or local, not "${value}"`);
}

function maxPageOf(size: number): number {
  if (size === 0) throw new Error('GLOOP_SANDBOX_MAX_PAGE must be at least 1: a page of nothing never ends a list');
  return size;
}

function skewOf(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  if (!/^-?\d+$/.test(value)) throw new Error(`GLOOP_SANDBOX_CLOCK_SKEW must be a whole number of seconds, not "${value}"`);
  return Number(value);
}

/** Starts the local Gloop on loopback only. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const store = new Store(options.database, options.users);
  const clock = new GloopClock(options.createdClock, options.clockSkewSeconds);
  const api = new GloopApi(store, options, clock);
  const faults = new Faults();
  const sockets = new Set<Socket>();
  const requests = new Map<string, number>();

  const server = createServer((request, response) => {
    // Gloop's own clock, which need not agree with the client's.
    response.sendDate = false;
    response.setHeader('Date', clock.httpDate());
    void readBody(request)
      .then((body) => route(request, response, body))
      .catch((error: unknown) => send(response, { status: 500, body: { code: 'INTERNAL', message: `שגיאה פנימית: ${String(error)}` } }));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function route(request: IncomingMessage, response: ServerResponse, body: string): void {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    if (url.pathname.startsWith('/__sandbox/')) return control(request.method ?? 'GET', url, body, response);
    if (url.pathname === '/' && request.method === 'GET') {
      const records = store.records();
      // Leads, customers, products and categories are named by what was created, the rest by the lists.
      const created = new Map(records.flatMap(({ kind, id, fields: { name } }) => (typeof name === 'string' ? [[`${kind} ${id}`, name] as const] : [])));
      const nameOf = (kind: IdKind, id: string) => (isRecordKind(kind) ? created.get(`${kind} ${id}`) : store.findChoice(kind, id)?.name);
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(renderPage(records, nameOf, clock.created));
      return;
    }
    requests.set(url.pathname, (requests.get(url.pathname) ?? 0) + 1);
    const fault = api.knows(url.pathname) ? faults.take(url.pathname) : undefined;
    const work = () => api.handle({ method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, authorization: request.headers.authorization ?? '', body });
    if (fault?.kind.startsWith('store-then-')) {
      const answer = work();
      if (answer.status < 300) faults.lostAfterWork += 1;
      return loseAnswer(fault.kind, answer, request, response);
    }
    if (fault) return misbehave(fault, request, response);
    send(response, work());
  }

  function control(method: string, url: URL, body: string, response: ServerResponse): void {
    const action = `${method} ${url.pathname}`;
    try {
      if (action === 'GET /__sandbox/records') {
        const kind = url.searchParams.get('kind') as RecordKind | null;
        return send(response, { status: 200, body: store.records(kind ?? undefined) });
      }
      if (action === 'POST /__sandbox/touch') {
        // A person edits the lead or customer in Gloop's screens: it changes, nothing else does.
        const { id } = JSON.parse(body) as { id?: unknown };
        const updated = clock.stamp();
        if (typeof id !== 'string' || !store.touch(['LEADS', 'ACCOUNTS'], id, updated)) return send(response, { status: 404, body: { message: `no lead or customer ${String(id)}` } });
        return send(response, { status: 200, body: { id, updated } });
      }
      if (action === 'POST /__sandbox/faults') {
        const { path, times = 1, ...fault } = JSON.parse(body) as Fault & { path: string; times?: number };
        faults.arm(path, fault, times);
      } else if (action === 'DELETE /__sandbox/faults') faults.clear();
      else if (action === 'POST /__sandbox/expire-tokens') store.expireTokens();
      else if (action === 'POST /__sandbox/reset') {
        faults.clear();
        store.reset();
      } else return send(response, { status: 404, body: { message: `no sandbox control "${action}"` } });
      response.writeHead(204).end();
    } catch (error) {
      send(response, { status: 400, body: { message: String(error) } });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    store,
    faults,
    clock,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}

function misbehave(fault: Fault, request: IncomingMessage, response: ServerResponse): void {
  switch (fault.kind) {
    case 'hang':
      return; // never answers; close() ends the socket
    case 'drop':
      request.socket.destroy();
      return;
    case 'no-id':
      return send(response, { status: 201, body: { message: 'הליד נוצר בהצלחה' } });
    case 'not-json':
      response.writeHead(201, { 'Content-Type': 'text/html; charset=utf-8' }).end('<html><body>OK</body></html>');
      return;
    default: {
      const status = Number(fault.kind);
      const headers = status === 429 && fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : undefined;
      const message = status === 429 ? 'יותר מדי בקשות, נסו שוב מאוחר יותר' : 'השירות אינו זמין כרגע';
      send(response, { status, body: { code: status === 429 ? 'TOO_MANY_REQUESTS' : 'SERVER_ERROR', message } }, headers);
    }
  }
}

/** The work is done and stored; then its answer is lost on the way. */
function loseAnswer(kind: Fault['kind'], answer: ApiResponse, request: IncomingMessage, response: ServerResponse): void {
  if (kind === 'store-then-drop') return void request.socket.destroy();
  if (kind === 'store-then-withhold') return; // never answers; close() ends the socket
  const text = Buffer.from(JSON.stringify(answer.body));
  response.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(text.length) });
  // Half the body, then a reset once it is on the wire, or nothing more at all.
  response.write(text.subarray(0, Math.floor(text.length / 2)), () => {
    if (kind === 'store-then-cut-body') request.socket.destroy();
  });
}

function send(response: ServerResponse, answer: ApiResponse, headers: Record<string, string> = {}): void {
  response.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(answer.body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
