import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { gloopBaseUrl, InvalidDomainError } from './domain';
import {
  crmSaid,
  failureFromResponse,
  failureWithoutResponse,
  invalidAnswer,
  isRecord,
  lostAnswer,
  mayBeSaved,
  neverSent,
  notSaved,
  scrub,
  STEP_DEADLINE_MS,
  type LostAnswer,
} from './failures';
import { idFrom, parseJsonKeepingBigIds } from './json';

export interface GloopCall {
  method: 'GET' | 'POST' | 'PUT';
  path: `/${string}`;
  params?: Record<string, string>;
  body?: Record<string, unknown>;
  /** The call changes what Gloop stores (a search or a date sum POSTs too, and changes nothing). */
  writes?: boolean;
}

export type GloopAuthData = Bundle['authData'];

/** Values no message or log may show. */
export function secretsOf(authData: GloopAuthData): string[] {
  const { client_id: clientId, client_secret: clientSecret, access_token: accessToken } = authData;
  return [clientSecret, clientSecret?.trim(), accessToken, clientId !== undefined && clientSecret !== undefined ? basicCredentials(clientId, clientSecret) : undefined].filter(
    (value): value is string => typeof value === 'string' && value !== '',
  );
}

export function basicCredentials(clientId: string, clientSecret: string): string {
  return Buffer.from(`${clientId.trim()}:${clientSecret.trim()}`).toString('base64');
}

export function baseUrlFor(z: ZObject, authData: GloopAuthData): string {
  try {
    return gloopBaseUrl(authData.domain);
  } catch (error) {
    // An admin may paste the secret into the wrong field.
    if (error instanceof InvalidDomainError) throw new z.errors.Error(scrub(error.message, secretsOf(authData)), 'InvalidDomain', 400);
    throw error;
  }
}

const stepDeadlines = new WeakMap<object, number>();

/** When this Zap step must be done: set by its first request, shared by every later one. */
export function stepDeadline(bundle: object): number {
  const deadline = stepDeadlines.get(bundle) ?? Date.now() + STEP_DEADLINE_MS;
  stepDeadlines.set(bundle, deadline);
  return deadline;
}

/** The same step with another token: its deadline stays the step's. */
export function withAccessToken<B extends Bundle<any>>(bundle: B, accessToken: string): B {
  const renewed = { ...bundle, authData: { ...bundle.authData, access_token: accessToken } };
  stepDeadlines.set(renewed, stepDeadline(bundle));
  return renewed;
}

/** Kept back from a create's own request for the search that confirms it when its answer is lost. */
const SEARCH_RESERVE_MS = 6_000;

type Exchange = { status: number; content: string; retryAfter: string | null } | { lost: unknown; sent: boolean; waitedMs: number };

/**
 * One request to Gloop: base URL from the connection's domain, the session's bearer token, the
 * body serialized here, no redirect followed, and an answer (headers and body) by `until`. A 401
 * is left to core, which renews the session and retries.
 */
async function exchange(z: ZObject, bundle: Bundle<any>, call: GloopCall, until: number): Promise<Exchange> {
  const started = Date.now();
  const waitMs = until - started;
  // The step's time is spent: what it waited for was Gloop, all along.
  if (waitMs <= 0) return { lost: Object.assign(new Error('the step ran out of time'), { name: 'TimeoutError' }), sent: false, waitedMs: STEP_DEADLINE_MS };
  const request: HttpRequestOptions & { url: string; throwForThrottlingEarly: boolean; signal: AbortSignal; redirect: 'manual' } = {
    url: `${baseUrlFor(z, bundle.authData)}${call.path}`,
    method: call.method,
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${bundle.authData.access_token ?? ''}`,
      ...(call.body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    },
    params: call.params,
    body: call.body === undefined ? undefined : jsonWithoutDoubleBraces(call.body),
    signal: AbortSignal.timeout(waitMs),
    redirect: 'manual',
    skipThrowForStatus: true,
    // Core's own 429 error drops Gloop's message; ours keeps it and honours Retry-After too.
    throwForThrottlingEarly: false,
  };
  try {
    const response = await z.request(request);
    return { status: response.status, content: response.content, retryAfter: response.getHeader('retry-after') ?? null };
  } catch (error) {
    // core's signal that the session expired: Zapier renews the token and runs this again.
    if (error instanceof z.errors.RefreshAuthError) throw error;
    return { lost: error, sent: !neverSent(error), waitedMs: Date.now() - started };
  }
}

/**
 * The body's JSON, its text free of `{{`: core rewrites `{{…}}` in an object body and refuses
 * `{{bundle.…}}` in a text one. `\u007b` is JSON's other way to write `{`, so Gloop reads exactly
 * what the user typed.
 */
function jsonWithoutDoubleBraces(body: Record<string, unknown>): string {
  return JSON.stringify(body).replace(/\{\{/g, '{\\u007b');
}

/** The one way operations read from Gloop: every failure a Zapier error, the JSON answer with its ids intact. */
export async function callGloop(z: ZObject, bundle: Bundle<any>, call: GloopCall): Promise<Record<string, unknown>> {
  const secrets = secretsOf(bundle.authData);
  const answer = await exchange(z, bundle, call, stepDeadline(bundle));
  if ('lost' in answer) throw failureWithoutResponse(z, answer.lost, secrets, answer.waitedMs);
  if (answer.status >= 300) throw failureFromResponse(z, { status: answer.status, body: answer.content, retryAfter: answer.retryAfter }, secrets);
  const parsed = parseAnswer(answer.content);
  if (typeof parsed === 'string') throw invalidAnswer(z, parsed, call.writes === true);
  return parsed;
}

/** The answer as a JSON object, or what it lacks. */
function parseAnswer(content: string): Record<string, unknown> | string {
  let parsed: unknown;
  try {
    parsed = parseJsonKeepingBigIds(content);
  } catch {
    return 'valid JSON';
  }
  return isRecord(parsed) ? parsed : 'a JSON object';
}

/** How a create finds out, when its answer was lost, whether Gloop stored what it sent. */
export interface Confirmation {
  /** The id of the record Gloop stored since `since`, or nothing when it has none. */
  find(since: number): Promise<string | undefined>;
  /** What a person looks for in Gloop when nothing could tell, e.g. `"Dana Levi" with phone 0501234567`. */
  checkFor: string;
}

export interface Created {
  id: string;
  message: string;
  confirmedBySearch: boolean;
  answer: Record<string, unknown>;
}

/**
 * POSTs a new record, and reports it created only with the id Gloop gave it. When the outcome is
 * unknown (the answer was lost, cut, late, a 5xx or without an id), it asks Gloop before it
 * answers: found, the record is reported with its id; not found, the run is safe to replay.
 */
export async function createInGloop(
  z: ZObject,
  bundle: Bundle<any>,
  path: `/${string}`,
  body: Record<string, unknown>,
  noun: string,
  confirmation: Confirmation | string,
  // What Gloop names the new record's id (an SMS answers `shipment_id`), or how its answer proves the work.
  idKey: string | ((answer: Record<string, unknown>) => string | undefined) = 'id',
): Promise<Created> {
  const secrets = secretsOf(bundle.authData);
  const since = Date.now();
  const answer = await exchange(z, bundle, { method: 'POST', path, body }, stepDeadline(bundle) - (typeof confirmation === 'string' ? 0 : SEARCH_RESERVE_MS));
  let lost: LostAnswer;
  if ('lost' in answer) {
    if (!answer.sent) throw failureWithoutResponse(z, answer.lost, secrets, answer.waitedMs);
    lost = lostAnswer(answer.lost, secrets, answer.waitedMs);
  } else if (answer.status >= 500) {
    lost = { code: 'GloopServerError', status: answer.status, what: `it answered HTTP ${answer.status}${crmSaid(answer.content, secrets)}` };
  } else if (answer.status >= 300) {
    throw failureFromResponse(z, { status: answer.status, body: answer.content, retryAfter: answer.retryAfter }, secrets);
  } else {
    const parsed = parseAnswer(answer.content);
    const id = typeof parsed === 'string' ? undefined : typeof idKey === 'string' ? idFrom(parsed[idKey]) : idKey(parsed);
    if (typeof parsed !== 'string' && id !== undefined) {
      return { id, message: typeof parsed.message === 'string' ? parsed.message : '', confirmedBySearch: false, answer: parsed };
    }
    const proof = typeof idKey === 'string' ? `the new ${noun}'s id` : `what shows the ${noun} was made`;
    lost = { code: 'GloopInvalidResponse', status: 502, what: `it answered without ${typeof parsed === 'string' ? parsed : proof}` };
  }
  // What to look for quotes what the user mapped, which never shows a secret pasted there.
  if (typeof confirmation === 'string') throw mayBeSaved(z, noun, lost, scrub(confirmation, secrets));
  let found: string | undefined;
  try {
    found = await confirmation.find(since);
  } catch {
    // Even a 401 here: renewing would run the whole step again, and send the record a second time.
    throw mayBeSaved(z, noun, lost, scrub(confirmation.checkFor, secrets));
  }
  if (found === undefined) throw notSaved(z, noun, lost);
  return { id: found, message: '', confirmedBySearch: true, answer: {} };
}
