import type { Bundle } from 'zapier-platform-core';

type Handler = (event: object) => Promise<{ results: unknown }>;
// Core exports createAppHandler (the CLI's `invoke` runs apps through it) without a type for it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createAppHandler } = require('zapier-platform-core') as { createAppHandler: (app: object) => Handler };

type AuthData = Record<string, string>;

/** Receives every log line as Zapier would store it: message and data, already scrubbed by core. */
export type LogSink = (message: string, data: Record<string, unknown>) => void;

/**
 * Runs the app's methods the way Zapier's runtime does around them: through core's handler,
 * with a cursor for paging triggers, and on RefreshAuthError a new session and one more try.
 */
export class LocalZap {
  private readonly handler: Handler;
  private readonly cursors = new Map<string, Record<string, string>>();
  authData: AuthData;
  sessionsStarted = 0;

  constructor(
    app: object,
    credentials: AuthData,
    private readonly logSink?: LogSink,
  ) {
    this.handler = createAppHandler(app);
    this.authData = { ...credentials };
  }

  /** The session step: exchanges the credentials for a token and keeps it, as Zapier stores it. */
  async connect(): Promise<void> {
    const session = (await this.call('authentication.sessionConfig.perform', {})) as AuthData;
    this.sessionsStarted += 1;
    this.authData = { ...this.authData, ...session };
  }

  async run<T = unknown>(method: string, bundle: Partial<Bundle> = {}): Promise<T> {
    try {
      return (await this.call(method, bundle)) as T;
    } catch (error) {
      if ((error as Error).name !== 'RefreshAuthError') throw error;
      await this.connect();
      return (await this.call(method, bundle)) as T;
    }
  }

  private async call(method: string, bundle: Partial<Bundle>): Promise<unknown> {
    const output = await this.handler({
      command: 'execute',
      method,
      bundle: { ...bundle, authData: this.authData },
      storeKey: method,
      cursorTestObj: this.cursorFor(method, bundle.meta?.page ?? 0),
      // As the CLI runs apps: no per-run memory report on stdout; with a log sink, as
      // `zapier-platform invoke` does, every HTTP call (fetch too) is logged to it.
      calledFromCli: true,
      ...(this.logSink ? { calledFromCliInvoke: true, customLogger: this.logSink } : {}),
    });
    return output.results;
  }

  /** Page 0 starts a new listing. */
  private cursorFor(method: string, page: number): Record<string, string> {
    if (page === 0 || !this.cursors.has(method)) this.cursors.set(method, cursorStore());
    return this.cursors.get(method) as Record<string, string>;
  }
}

/**
 * A cursor store for core's local RPC mock, which files `z.cursor.set(value)` under the key
 * `value` and answers `z.cursor.get()` from the key `undefined`: this one remembers the last set.
 */
function cursorStore(): Record<string, string> {
  let cursor: string | null = null;
  return new Proxy({} as Record<string, string>, {
    set: (_target, key) => {
      cursor = String(key);
      return true;
    },
    get: (_target, key) => (key === 'undefined' ? cursor : undefined),
  });
}
