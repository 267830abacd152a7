import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import { LocalZap } from '../../scripts/local-zap';
import App from '../../src';

export { App };
// Core patches node:http for its logs once per process; the patch outlives a test file and
// wraps whatever nock instance was active then. Zapier's logging is not under test here.
export const appTester = createAppTester({ ...App, flags: { skipHttpPatch: true } });

export const DOMAIN = 'acme.gloopcrm.co.il';
export const BASE_URL = `https://${DOMAIN}`;
export const CLIENT_SECRET = 'sEcReT-9f8e7d6c5b4a';
export const ACCESS_TOKEN = 'HsXI8gp1B5F2d5EDnGy3Tw';

/** A Zap on this app with an established session, for methods that need Zapier's runtime around them. */
export const localZap = () => new LocalZap(App, authData);

export const authData = { domain: DOMAIN, client_id: 'zapier-client', client_secret: CLIENT_SECRET, access_token: ACCESS_TOKEN };

export const LEAD_ID = '271917813959131540676117904886673869329';
export const STATUS_ID = '233069071553535427697228277840563827497';
export const USER_ID = '253960413951646409173244928790043995930';
export const TASK_STATUS = '234958461663827606436640835426029570923';

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
