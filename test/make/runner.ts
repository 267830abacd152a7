import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, renderTemplate, type Scope } from '../../scripts/make/iml';

/**
 * Runs the generated Make app's requests the way its documentation says Make does, with the IML
 * evaluator beside it: the connection's token, refresh and info, each module and each RPC. A
 * re-implementation for tests, not Make.
 */

type Spec = Record<string, unknown> & { url: string; method?: string; response?: ResponseSpec; pagination?: Record<string, unknown>; condition?: string };
interface ResponseSpec {
  data?: Record<string, unknown>;
  output?: unknown;
  iterate?: string | { container: string; condition?: string };
  valid?: string | { condition: string; message: string; type: string };
  error?: Record<string, unknown>;
  metadata?: unknown;
  temp?: Record<string, unknown>;
  limit?: string | number;
  trigger?: { type: string; order: string; id: string; date?: string };
}

/**
 * Where a Watch module's last run ended, which Make keeps between runs: a record is new when its
 * date is later, or the same with an id not yet returned.
 */
export interface WatchState {
  date: number;
  ids: string[];
}

/** A record a Watch module returns, with the date and id its trigger directive reads. */
interface Triggered {
  output: unknown;
  date: number;
  id: string;
}

export const MAKE_APP_ROOT = join(__dirname, '..', '..', 'make');

export class MakeError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode?: number,
  ) {
    super(message);
  }
}

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export function loadMakeApp() {
  const project = JSON.parse(readFileSync(join(MAKE_APP_ROOT, 'makecomapp.json'), 'utf8')) as {
    generalCodeFiles: Record<string, string>;
    components: Record<string, Record<string, { codeFiles: Record<string, string> }>>;
  };
  const code = (path: string) => JSON.parse(readFileSync(join(MAKE_APP_ROOT, path), 'utf8')) as unknown;
  return {
    project,
    base: code(project.generalCodeFiles.base) as { baseUrl: string; headers: Record<string, string>; response: { error: Record<string, unknown> } },
    connection: (id: string) => code(project.components.connection[id].codeFiles.communication) as Record<'token' | 'refresh' | 'info', Spec>,
    module: (id: string) => code(project.components.module[id].codeFiles.communication) as Spec,
    watch: (id: string) => {
      const { communication, epoch } = project.components.module[id].codeFiles;
      const requests = code(communication) as Spec | Spec[];
      return { requests: Array.isArray(requests) ? requests : [requests], epoch: code(epoch) as Spec };
    },
    rpc: (id: string) => code(project.components.rpc[id].codeFiles.communication) as Spec,
  };
}

export class MakeRunner {
  readonly app = loadMakeApp();
  readonly sent: SentRequest[] = [];
  data: Record<string, unknown> = {};

  /** `hostFor` maps the https address the templates build to where the test's Gloop listens. */
  constructor(
    readonly connectionParameters: Record<string, unknown>,
    private readonly hostFor: (url: string) => string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private scope(extra: Scope = {}): Scope {
    return { parameters: this.connectionParameters, data: this.data, connection: { ...this.connectionParameters, ...this.data }, now: this.clock(), ...extra };
  }

  async connect(): Promise<void> {
    const token = this.app.connection('gloop').token;
    const { body } = await this.call(token, this.scope(), false);
    this.data = render(token.response?.data, this.scope({ body })) as Record<string, unknown>;
  }

  /** Renews the token when the refresh's condition says it is due; true when it did. */
  async refreshIfDue(): Promise<boolean> {
    const refresh = this.app.connection('gloop').refresh;
    if (!renderTemplate(String(refresh.condition), this.scope())) return false;
    const { body } = await this.call(refresh, this.scope(), false);
    this.data = render(refresh.response?.data, this.scope({ body })) as Record<string, unknown>;
    return true;
  }

  async info(): Promise<unknown> {
    const info = this.app.connection('gloop').info;
    await this.call(info, this.scope(), false);
    return render(info.response?.metadata, this.scope());
  }

  async runModule(id: string, parameters: Record<string, unknown>): Promise<unknown> {
    const spec = this.app.module(id);
    const scope = this.scope({ parameters });
    const { body, statusCode } = await this.call(spec, scope, true);
    return this.output(spec.response ?? {}, { ...scope, body, statusCode });
  }

  /** Every option an RPC offers, page after page while its pagination's condition holds. */
  async runRpc(id: string): Promise<unknown[]> {
    const spec = this.app.rpc(id);
    const options: unknown[] = [];
    for await (const scope of this.pages(spec, this.scope())) options.push(...(this.output(spec.response ?? {}, scope) as unknown[]));
    return options;
  }

  /**
   * One run of a Watch module, as Make's documentation describes a polling trigger: its requests
   * in order (each one's `temp` seen by the next), the last one's records (page after page), sorted
   * by the trigger's date and id, those after `state`, at most the module's limit, oldest first.
   * Without a state it returns every record ("All"). Returns the records and where this run ended.
   */
  async runWatch(id: string, parameters: Record<string, unknown>, state?: WatchState): Promise<{ records: unknown[]; state?: WatchState }> {
    const { requests } = this.app.watch(id);
    const last = requests[requests.length - 1].response ?? {};
    const { trigger } = last;
    // Only what the generator emits is modelled: dated records, in no order Gloop promises.
    if (trigger?.type !== 'date' || trigger.order !== 'unordered') throw new Error(`a trigger of type ${String(trigger?.type)}, order ${String(trigger?.order)}, is outside what this runner models`);
    let temp: Record<string, unknown> = {};
    const found: Triggered[] = [];
    for (const spec of requests) {
      for await (const scope of this.pages(spec, this.scope({ parameters, temp }))) {
        this.checkValid(spec.response ?? {}, scope);
        temp = { ...temp, ...(render(spec.response?.temp ?? {}, scope) as Record<string, unknown>) };
        if (spec.response === last) found.push(...this.triggered(last, trigger, scope));
      }
    }
    const limit = last.limit === undefined ? Infinity : Number(renderTemplate(String(last.limit), this.scope({ parameters })));
    const fresh = found
      .filter(({ date, id: recordId }) => state === undefined || date > state.date || (date === state.date && !state.ids.includes(recordId)))
      .sort((a, b) => a.date - b.date || a.id.localeCompare(b.id))
      .slice(0, limit);
    const end = fresh.at(-1);
    if (end === undefined) return { records: [], state };
    const ids = fresh.filter(({ date }) => date === end.date).map(({ id: recordId }) => recordId);
    return { records: fresh.map(({ output }) => output), state: { date: end.date, ids: end.date === state?.date ? [...state.ids, ...ids] : ids } };
  }

  /** What a Watch module offers under "Choose where to start": its epoch request's items, each a label and a date. */
  async runEpoch(id: string, parameters: Record<string, unknown>): Promise<unknown[]> {
    const { epoch } = this.app.watch(id);
    const items: unknown[] = [];
    for await (const scope of this.pages(epoch, this.scope({ parameters }))) items.push(...(this.output(epoch.response ?? {}, scope) as unknown[]));
    return items.slice(0, Number(epoch.response?.limit ?? Infinity));
  }

  /** Each page of a request, while its pagination's condition holds; a page's request sees the last answer's body. */
  private async *pages(spec: Spec, scope: Scope): AsyncGenerator<Scope> {
    let last: unknown;
    for (let page = 1; ; page += 1) {
      const paged = page === 1 ? spec : { ...spec, ...spec.pagination, qs: { ...(spec.qs as object), ...(spec.pagination?.qs as object) } };
      const { body, statusCode } = await this.call(paged, { ...scope, pagination: { page }, body: last }, true);
      const answered = { ...scope, pagination: { page }, body, statusCode };
      yield answered;
      if (!spec.pagination || !renderTemplate(String(spec.pagination.condition), answered)) return;
      last = body;
    }
  }

  private triggered(response: ResponseSpec, trigger: NonNullable<ResponseSpec['trigger']>, scope: Scope): Triggered[] {
    return this.items(response, scope).map((item) => {
      const at = { ...scope, item };
      const date = renderTemplate(String(trigger.date), at);
      if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error(`the trigger's date ${String(trigger.date)} is no date: ${String(date)}`);
      return { output: render(response.output, at), date: date.getTime(), id: String(renderTemplate(trigger.id, at)) };
    });
  }

  private output(response: ResponseSpec, scope: Scope): unknown {
    this.checkValid(response, scope);
    if (response.iterate === undefined) return render(response.output, scope);
    return this.items(response, scope).map((item) => render(response.output, { ...scope, item }));
  }

  /** Make's `valid`: a response it does not hold valid is an error, in the module's words when it gives them. */
  private checkValid({ valid }: ResponseSpec, scope: Scope): void {
    if (valid === undefined) return;
    const { condition, message, type } = typeof valid === 'string' ? { condition: valid, message: 'Response marked as invalid.', type: 'RuntimeError' } : valid;
    if (!renderTemplate(condition, scope)) throw new MakeError(type, message);
  }

  /** The items a response iterates over, those its condition keeps. */
  private items(response: ResponseSpec, scope: Scope): unknown[] {
    const iterate = typeof response.iterate === 'string' ? { container: response.iterate } : response.iterate!;
    const items = renderTemplate(iterate.container, scope);
    return (Array.isArray(items) ? items : []).filter((item) => iterate.condition === undefined || renderTemplate(iterate.condition, { ...scope, item }));
  }

  private async call(spec: Spec, scope: Scope, viaBase: boolean): Promise<{ body: unknown; statusCode: number }> {
    const request = render({ url: spec.url, method: spec.method, headers: spec.headers, qs: spec.qs, body: spec.body }, scope) as {
      url: string;
      method?: string;
      headers?: Record<string, string>;
      qs?: Record<string, unknown>;
      body?: unknown;
    };
    const base = viaBase ? (render({ baseUrl: this.app.base.baseUrl, headers: this.app.base.headers }, scope) as { baseUrl: string; headers: Record<string, string> }) : undefined;
    const url = new URL(this.hostFor(`${/^https?:/.test(request.url) ? '' : (base?.baseUrl ?? '')}${request.url}`));
    for (const [key, value] of Object.entries(request.qs ?? {})) url.searchParams.set(key, String(value));
    const urlencoded = spec.type === 'urlencoded';
    const headers: Record<string, string> = {
      ...(base?.headers ?? {}),
      ...(request.headers ?? {}),
      ...(request.body === undefined ? {} : { 'Content-Type': urlencoded ? 'application/x-www-form-urlencoded' : 'application/json' }),
    };
    const body = request.body === undefined ? undefined : urlencoded ? new URLSearchParams(request.body as Record<string, string>).toString() : JSON.stringify(request.body);
    const method = request.method ?? 'GET';
    this.sent.push({ method, url: url.toString(), headers, body });
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let answer: unknown = text;
    try {
      answer = JSON.parse(text);
    } catch {
      // Make keeps a body that is not JSON as text.
    }
    if (response.status >= 400) throw this.error(spec.response?.error, { ...scope, body: answer, statusCode: response.status }, response.status, viaBase);
    return { body: answer, statusCode: response.status };
  }

  /** The error Make raises: a module's is the base's, with its own and the status code's over it; a connection's is its own. */
  private error(own: Record<string, unknown> | undefined, scope: Scope, status: number, viaBase: boolean): MakeError {
    const merged = { ...(viaBase ? this.app.base.response.error : {}), ...(own ?? {}) } as Record<string, unknown>;
    const specific = (merged[String(status)] ?? {}) as { type?: string; message?: string };
    const type = specific.type ?? (merged.type as string | undefined) ?? 'RuntimeError';
    const message = specific.message ?? (merged.message as string | undefined) ?? `HTTP ${status}`;
    return new MakeError(String(renderTemplate(type, scope)), String(renderTemplate(message, scope)), status);
  }
}
