import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../src';

export { App };
export const appTester = createAppTester(App);

export const DOMAIN = 'acme.gloopcrm.co.il';
export const BASE_URL = `https://${DOMAIN}`;
export const CLIENT_SECRET = 'sEcReT-9f8e7d6c5b4a';
export const ACCESS_TOKEN = 'HsXI8gp1B5F2d5EDnGy3Tw';

export const authData = { domain: DOMAIN, client_id: 'zapier-client', client_secret: CLIENT_SECRET, access_token: ACCESS_TOKEN };

export const LEAD_ID = '271917813959131540676117904886673869329';
export const STATUS_ID = '233069071553535427697228277840563827497';
export const USER_ID = '253960413951646409173244928790043995930';

/**
 * A cursor store for core's local RPC mock, which files `z.cursor.set(value)` under the key
 * `value` and answers `z.cursor.get()` from the key `undefined`: this one remembers the last set.
 */
export function cursorStore(): Record<string, string> {
  let cursor: string | null = null;
  return new Proxy({} as Record<string, string>, {
    set: (_target, key) => {
      cursor = String(key);
      return true;
    },
    get: (_target, key) => (key === 'undefined' ? cursor : undefined),
  });
}

/**
 * Runs one app method the way `zapier-platform invoke` does, with a cursor store (appTester
 * has none), so paging triggers can be driven page after page.
 */
export async function runPage<T>(method: string, bundle: Partial<Bundle>, cursorStore: Record<string, string>): Promise<T> {
  // Core exports createAppHandler (the CLI's invoke uses it) without a type for it.
  const { createAppHandler } = jest.requireActual('zapier-platform-core') as { createAppHandler: (app: object) => (event: object) => Promise<{ results: T }> };
  const handler = createAppHandler(App);
  const output = await handler({ command: 'execute', method, bundle, storeKey: `test-${method}`, cursorTestObj: cursorStore });
  return output.results;
}

/** The Zapier error a promise ends in, with AppError's JSON message unpacked. */
export async function zapierErrorOf(promise: Promise<unknown>): Promise<{ name: string; message: string; code?: string; status?: number; delay?: number }> {
  try {
    await promise;
  } catch (error) {
    const { name, message } = error as Error;
    if (name === 'AppError' || name === 'ThrottledError') return { name, ...JSON.parse(message) };
    return { name, message };
  }
  throw new Error('expected the promise to fail, and it succeeded');
}

type Perform = (z: ZObject, bundle: Bundle) => Promise<Record<string, unknown>>;

/** Runs an operation's perform through appTester, as Zapier would, with raw (untyped) input. */
export function perform(operation: { operation: object }, bundle: { authData?: Record<string, string>; inputData?: Record<string, unknown> }) {
  return appTester((operation.operation as { perform: Perform }).perform, bundle);
}
