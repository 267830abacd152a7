import { startSandbox, type Sandbox, type SandboxOptions, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../../sandbox/server';
import type { FaultKind } from '../../sandbox/faults';
import { LocalZap } from '../../scripts/local-zap';
import App from '../../src';
import { ALLOW_LOCAL_SANDBOX_ENV } from '../../src/http/domain';

export { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET };

/** A fresh in-memory sandbox on a free loopback port. */
export function sandboxFor(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  return startSandbox({
    port: 0,
    database: ':memory:',
    users: 12,
    clientId: DEFAULT_CLIENT_ID,
    clientSecret: DEFAULT_CLIENT_SECRET,
    tokenTtlSeconds: 3600,
    ...options,
  });
}

export async function armFault(sandbox: Sandbox, path: string, kind: FaultKind, times = 1, retryAfter?: number): Promise<void> {
  const response = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ path, kind, times, retryAfter }) });
  if (response.status !== 204) throw new Error(`arming ${kind} failed: ${response.status} ${await response.text()}`);
}

export async function expireTokens(sandbox: Sandbox): Promise<void> {
  await fetch(`${sandbox.url}/__sandbox/expire-tokens`, { method: 'POST' });
}

/** A raw client of the sandbox's API, the way any HTTP client would talk to Gloop. */
export class RawGloop {
  token = '';

  constructor(readonly url: string) {}

  async signIn(clientId = DEFAULT_CLIENT_ID, clientSecret = DEFAULT_CLIENT_SECRET): Promise<Response> {
    const response = await fetch(`${this.url}/oauth/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    if (response.ok) this.token = ((await response.clone().json()) as { access_token: string }).access_token;
    return response;
  }

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> & { items?: Record<string, string>[] } }> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }
}

/** The app may call the sandbox's http://127.0.0.1 only behind its opt-in. */
export function allowLocalSandbox(): void {
  beforeAll(() => {
    process.env[ALLOW_LOCAL_SANDBOX_ENV] = '1';
  });
  afterAll(() => {
    delete process.env[ALLOW_LOCAL_SANDBOX_ENV];
  });
}

/** A Zap connected to the sandbox through the app's own session step. */
export async function connectTo(sandbox: Sandbox, clientSecret = DEFAULT_CLIENT_SECRET): Promise<LocalZap> {
  const zap = new LocalZap(App, { domain: sandbox.url, client_id: DEFAULT_CLIENT_ID, client_secret: clientSecret });
  await zap.connect();
  return zap;
}

/** Each test gets a fresh in-memory sandbox and a Zap connected to it. */
export function useConnectedSandbox(): { sandbox: Sandbox; zap: LocalZap } {
  const context = {} as { sandbox: Sandbox; zap: LocalZap };
  allowLocalSandbox();
  beforeEach(async () => {
    context.sandbox = await sandboxFor();
    context.zap = await connectTo(context.sandbox);
  });
  afterEach(() => context.sandbox.close());
  return context;
}
