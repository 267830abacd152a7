import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import App from '../../src';
import { ALLOW_LOCAL_SANDBOX_ENV } from '../../src/http/domain';
import { LocalZap } from '../local-zap';
import { makeAppFiles, MODULES } from './app';
import { render, type Scope } from './iml';

/**
 * `npm run make:render -- <makeModuleId> '<inputData JSON>' [--zapier]`: the request a Make
 * module sends for an input, rendered by the project's IML evaluator, or with `--zapier` the
 * request the Zapier action sends for it (the app's own code, its request caught on loopback).
 * Either is one JSON object, or `{"refused": "…"}` when that platform refuses the input.
 */

export interface RenderedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}
export type Rendered = RenderedRequest | { refused: string };
/** The Zapier side: its request, and the step's Values Left Out. */
export interface ZapierRendered {
  rendered: Rendered;
  leftOut: string;
}

/** The connection the tool renders with: a Gloop domain and a token, never a real one. */
const CONNECTION = { domain: 'acme.gloopcrm.co.il', accessToken: 'render-token' };

interface Parameter {
  name: string;
  type: string;
  label?: string;
  required?: boolean;
  spec?: Parameter[];
}

const blank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * A mapped value as Make hands it to the module, by the parameter's type, as this tool models
 * Make's validation: blank is unmapped, a number is a number or its digits, a date is an ISO 8601
 * text (a moment in UTC), text (and a choice that takes mapped values) is one value (Make's values
 * are JSON's: no NaN or Infinity).
 */
function asMakeParameter(parameter: Parameter, value: unknown): unknown {
  const refuse = (what: string): never => {
    throw new MakeRefusal(`Validation failed for 1 parameter(s): "${parameter.label ?? parameter.name}" ${what}.`);
  };
  if (parameter.type === 'number' || parameter.type === 'integer') {
    const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isFinite(number) || (parameter.type === 'integer' && !Number.isInteger(number))) refuse(`must be ${parameter.type === 'integer' ? 'an integer' : 'a number'}`);
    return number;
  }
  if (parameter.type === 'date') {
    const text = typeof value === 'string' ? value.trim() : '';
    const [, year, month, day] = ISO_8601.exec(text) ?? [];
    // A day its month has not (2026-02-30) is no date, where Date.parse would roll it over.
    const onCalendar = day !== undefined && new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDate() === Number(day);
    const time = onCalendar ? Date.parse(text) : Number.NaN;
    return Number.isNaN(time) ? refuse('must be a date') : new Date(time);
  }
  if (parameter.type === 'array') {
    if (!Array.isArray(value)) return refuse('must be an array');
    return value.map((line) => (typeof line === 'object' && line !== null ? parametersOf(parameter.spec ?? [], line as Record<string, unknown>) : refuse('must be an array of collections')));
  }
  if (!['text', 'select', 'password'].includes(parameter.type)) throw new Error(`the renderer has no model of Make's "${parameter.type}" parameters`);
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean' ? String(value) : refuse('must be text');
}

/** An ISO 8601 day, or moment with its offset, and nothing after it. */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

class MakeRefusal extends Error {}

/** The module's parameters as Make fills them from a mapping: unmapped ones absent, a required one missing refused. */
function parametersOf(parameters: Parameter[], input: Record<string, unknown>): Record<string, unknown> {
  const filled: Record<string, unknown> = {};
  for (const parameter of parameters) {
    const value = input[parameter.name];
    if (blank(value)) {
      if (parameter.required) throw new MakeRefusal(`Missing value of required parameter "${parameter.label ?? parameter.name}".`);
      continue;
    }
    filled[parameter.name] = asMakeParameter(parameter, value);
  }
  return filled;
}

/** The Make module of this id, or a sentence that names them all. */
function specOf(moduleId: string) {
  const spec = MODULES.find((candidate) => candidate.id === moduleId);
  if (!spec) throw new Error(`no Make module ${moduleId}; the modules are ${MODULES.map((candidate) => candidate.id).join(', ')}`);
  return spec;
}

let appFiles: Map<string, string> | undefined;

function moduleFiles(moduleId: string) {
  specOf(moduleId);
  const files = (appFiles ??= makeAppFiles());
  const project = JSON.parse(files.get('makecomapp.json')!) as { components: { module: Record<string, { codeFiles: Record<string, string> }> } };
  const module = project.components.module[moduleId];
  const code = (name: string) => JSON.parse(files.get(module.codeFiles[name])!) as unknown;
  return { communication: code('communication') as { url: string; method: string; qs?: Record<string, unknown>; body?: unknown }, parameters: code('mappableParams') as Parameter[] };
}

/** The request the Make module sends for this input. */
export function makeRequestFor(moduleId: string, input: Record<string, unknown>): Rendered {
  const { communication, parameters } = moduleFiles(moduleId);
  let scope: Scope;
  try {
    scope = { parameters: parametersOf(parameters, input), connection: CONNECTION };
  } catch (error) {
    if (error instanceof MakeRefusal) return { refused: error.message };
    throw error;
  }
  const request = render({ url: communication.url, method: communication.method, qs: communication.qs ?? {}, body: communication.body }, scope) as {
    url: string;
    method: string;
    qs: Record<string, unknown>;
    body?: unknown;
  };
  return { method: request.method, path: request.url, query: Object.fromEntries(Object.entries(request.qs).map(([key, value]) => [key, String(value)])), body: onTheWire(request.body ?? null) };
}

/** A body as Make sends it: JSON, where -0 is 0. */
function onTheWire(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body)) as unknown;
}

/** What a Gloop that did every request would answer, enough for each step to end. */
const ANSWER = {
  id: '271917813959131540676117904886673869329',
  shipment_id: '1124835822',
  short_url: 'https://blabla.link/xxxx',
  document: 'https://e-sign.co.il/xxxx',
  date: '2021-09-22',
  inventory_after: 0,
  total_minuets: '1.7',
  message: 'נוצר בהצלחה',
  results: [],
  items: [],
  hasMore: false,
};

/** The body as one text: decoded once, as a character's bytes may be split between chunks. */
const readAll = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/**
 * The Zapier app run against a stand-in of Gloop on loopback, which notes each request and
 * answers it as a Gloop that did the work would: the request each action sends, caught.
 */
class ZapierRequests {
  private readonly caught: RenderedRequest[] = [];
  private kind: 'creates' | 'searches' = 'creates';

  private constructor(
    private readonly gloop: Server,
    private readonly zap: LocalZap,
  ) {}

  static async open(): Promise<ZapierRequests> {
    let requests: ZapierRequests | undefined;
    const gloop = createServer((request, response) => {
      void readAll(request).then((text) => {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        requests?.caught.push({ method: request.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), body: text === '' ? null : JSON.parse(text) });
        response.writeHead(request.method === 'POST' && requests?.kind === 'creates' ? 201 : 200, { 'Content-Type': 'application/json' }).end(JSON.stringify(ANSWER));
      });
    });
    await new Promise<void>((resolve) => gloop.listen(0, '127.0.0.1', resolve));
    const domain = `http://127.0.0.1:${(gloop.address() as AddressInfo).port}`;
    requests = new ZapierRequests(gloop, new LocalZap(App, { domain, client_id: 'render', client_secret: 'render-secret', access_token: CONNECTION.accessToken }));
    return requests;
  }

  /** The first request the Zapier action of this Make module sends for this input, or its refusal; and what the step left out, as its output names it. */
  async requestFor(moduleId: string, input: Record<string, unknown>): Promise<ZapierRendered> {
    const spec = specOf(moduleId);
    this.caught.length = 0;
    this.kind = spec.kind;
    const allowed = process.env[ALLOW_LOCAL_SANDBOX_ENV];
    process.env[ALLOW_LOCAL_SANDBOX_ENV] = '1';
    let output: unknown;
    try {
      output = await this.zap.run(`${spec.kind}.${spec.zapierKey}.operation.perform`, { inputData: input as never });
    } catch (error) {
      if (this.caught.length === 0) return { rendered: { refused: refusalOf(error) }, leftOut: '' };
    } finally {
      if (allowed === undefined) delete process.env[ALLOW_LOCAL_SANDBOX_ENV];
      else process.env[ALLOW_LOCAL_SANDBOX_ENV] = allowed;
    }
    const leftOut = (output as { left_out?: unknown } | undefined)?.left_out;
    return { rendered: this.caught[0], leftOut: typeof leftOut === 'string' ? leftOut : '' };
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.gloop.close(() => resolve()));
  }
}

/** The sentence a Zap user reads, from core's error. */
function refusalOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  try {
    return (JSON.parse(message) as { message: string }).message;
  } catch {
    return message;
  }
}

interface Asked {
  moduleId: string;
  input: Record<string, unknown>;
}
type Answer = { zapier: ZapierRendered } | { failed: string };

/**
 * The Zapier side run in a bare Node process of its own (this script, compiled, with `--serve`),
 * as Zapier runs an app: thousands of runs in a test runner's process, whose garbage is collected
 * late, would cross core's memory check, which ends the process. Values travel by structured
 * clone, so an input's NaN, Infinity or undefined arrives as generated.
 */
export class ZapierChild {
  private next: Promise<unknown> = Promise.resolve();

  private constructor(private readonly child: ChildProcess) {}

  static open(compiledScript: string): ZapierChild {
    return new ZapierChild(fork(compiledScript, ['--serve'], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  }

  /** One question at a time: the child answers in the order it is asked. */
  requestFor(moduleId: string, input: Record<string, unknown>): Promise<ZapierRendered> {
    const answer = this.next.then(
      () =>
        new Promise<ZapierRendered>((resolve, reject) => {
          const exited = (code: number | null) => reject(new Error(`the Zapier side ended (exit code ${code}) before it answered`));
          this.child.once('exit', exited);
          this.child.once('message', (answer: Answer) => {
            this.child.off('exit', exited);
            if ('failed' in answer) reject(new Error(answer.failed));
            else resolve(answer.zapier);
          });
          this.child.send({ moduleId, input } satisfies Asked, (error) => error && reject(error));
        }),
    );
    this.next = answer.catch(() => undefined);
    return answer;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.disconnect();
    });
  }
}

/** The child of ZapierChild: answers each question, and ends when its parent lets go. */
async function serve(): Promise<void> {
  if (process.send === undefined) throw new Error('--serve answers a parent process (ZapierChild); run it without --serve');
  const zapier = await ZapierRequests.open();
  process.on('message', (asked: Asked) => {
    const answer = (said: Answer) => process.connected && process.send?.(said);
    void zapier.requestFor(asked.moduleId, asked.input).then(
      (zapier) => answer({ zapier }),
      (error: unknown) => answer({ failed: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.once('disconnect', () => void zapier.close());
}

/** The step's input data: one JSON object of field keys and values. */
function inputDataOf(json: string): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch (error) {
    throw new Error(`the input data is not JSON (${(error as Error).message}); give one object such as '{"name":"דנה כהן","phone":"050-1234567"}'`);
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new Error(`the input data must be one JSON object of field keys and values, not ${json}`);
  return input as Record<string, unknown>;
}

async function main(argv: string[]): Promise<void> {
  // Zapier runs a step in UTC; the Make side is modelled for an organization in UTC.
  process.env.TZ = 'UTC';
  if (argv[0] === '--serve') return serve();
  const [moduleId, json, ...flags] = argv;
  if (moduleId === undefined || json === undefined || flags.some((flag) => flag !== '--zapier')) {
    throw new Error(`usage: npm run make:render -- <makeModuleId> '<inputData JSON>' [--zapier]; the modules are ${MODULES.map((spec) => spec.id).join(', ')}`);
  }
  const input = inputDataOf(json);
  if (!flags.includes('--zapier')) {
    console.log(JSON.stringify(makeRequestFor(moduleId, input)));
    return;
  }
  const zapier = await ZapierRequests.open();
  try {
    console.log(JSON.stringify((await zapier.requestFor(moduleId, input)).rendered));
  } finally {
    await zapier.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
