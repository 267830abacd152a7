import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { gloopBaseUrl, InvalidDomainError } from './domain';
import {
  crmSaid,
  failureFromResponse,
  failureWithoutResponse,
  invalidAnswer,
  isRecord,
  lostAnswer,
  mayBeDone,
  neverSent,
  notDone,
  scrub,
  STEP_DEADLINE_MS,
  type Deed,
  type LostAnswer,
} from './failures';
import { parseJsonKeepingBigIds } from './json';

export interface GloopCall {
  method: 'GET' | 'POST' | 'PUT';
  path: `/${string}`;
  params?: Record<string, string>;
  body?: Record<string, unknown>;
}

export type GloopAuthData = Bundle['authData'];

/** Values no message or log may show. */
export function secretsOf(authData: GloopAuthData): string[] {
  const { client_id: clientId, client_secret: clientSecret, access_token: accessToken } = authData;
  // scrub drops the spaces a secret was pasted with, and anything too short to be one.
  return [clientSecret, accessToken, clientId !== undefined && clientSecret !== undefined ? basicCredentials(clientId, clientSecret) : undefined].filter((value): value is string => typeof value === 'string');
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

/** Gloop's clock, as one of its answers showed it: its `Date` header, and when (on ours) the request left and its answer was read. */
export interface GloopClockReading {
  date: number;
  askedAt: number;
  answeredAt: number;
}

type Exchange =
  | { status: number; content: string; retryAfter: string | null; clock: GloopClockReading | undefined }
  | { lost: unknown; sent: boolean; waitedMs: number };

/** The step ran out of time; its name is all a sentence reads of it. */
function timeoutError(): Error {
  return Object.assign(new Error(), { name: 'TimeoutError' });
}

/**
 * One request to Gloop: base URL from the connection's domain, the session's bearer token, the
 * body serialized here, no redirect followed, and an answer (headers and body) by `until`. A 401
 * is left to core, which renews the session and retries.
 */
async function exchange(z: ZObject, bundle: Bundle<any>, call: GloopCall, until: number): Promise<Exchange> {
  const started = Date.now();
  const waitMs = until - started;
  // The step's time is spent: what it waited for was Gloop, all along.
  if (waitMs <= 0) return { lost: timeoutError(), sent: false, waitedMs: STEP_DEADLINE_MS };
  const controller = new AbortController();
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
    signal: controller.signal,
    redirect: 'manual',
    skipThrowForStatus: true,
    // Core's own 429 error drops Gloop's message; ours keeps it and honours Retry-After too.
    throwForThrottlingEarly: false,
  };
  // A timer that holds the process open: a body cut half-way leaves core's fetch waiting with
  // nothing pending, and a Lambda would end the step there, with neither answer nor error.
  let deadline: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<never>((_resolve, reject) => {
    deadline = setTimeout(() => {
      const error = timeoutError();
      controller.abort(error);
      reject(error);
    }, waitMs);
  });
  try {
    const response = await Promise.race([z.request(request), outOfTime]);
    const date = Date.parse(response.getHeader('date') ?? '');
    return {
      status: response.status,
      content: response.content,
      retryAfter: response.getHeader('retry-after') ?? null,
      clock: Number.isNaN(date) ? undefined : { date, askedAt: started, answeredAt: Date.now() },
    };
  } catch (error) {
    // core's signal that the session expired: Zapier renews the token and runs this again.
    if (error instanceof z.errors.RefreshAuthError) throw error;
    return { lost: error, sent: !neverSent(error), waitedMs: Date.now() - started };
  } finally {
    clearTimeout(deadline);
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

/** A read's answer, with Gloop's clock as the answer showed it. */
export interface Answered {
  answer: Record<string, unknown>;
  clock: GloopClockReading | undefined;
}

/** The one way operations read from Gloop: every failure a Zapier error, the JSON answer with its ids intact. */
export async function askGloop(z: ZObject, bundle: Bundle<any>, call: GloopCall): Promise<Answered> {
  const secrets = secretsOf(bundle.authData);
  const answer = await exchange(z, bundle, call, stepDeadline(bundle));
  if ('lost' in answer) throw failureWithoutResponse(z, answer.lost, secrets, answer.waitedMs);
  if (answer.status >= 300) throw failureFromResponse(z, { status: answer.status, body: answer.content, retryAfter: answer.retryAfter }, secrets);
  const parsed = parseAnswer(answer.content);
  if (typeof parsed === 'string') throw invalidAnswer(z, parsed);
  return { answer: parsed, clock: answer.clock };
}

export async function callGloop(z: ZObject, bundle: Bundle<any>, call: GloopCall): Promise<Record<string, unknown>> {
  return (await askGloop(z, bundle, call)).answer;
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

/** What Gloop holds, asked after a write's answer was lost. */
export type Found = { stored: Record<string, unknown> } | { absent: true } | { unsure: string };

/** How a write finds out, when its answer was lost, whether Gloop did it. */
export interface Confirmation {
  /** What Gloop holds for the request that left (on our clock) at `sentAt`. */
  find(sentAt: number): Promise<Found>;
  /** How the step says Gloop certainly did not do it, e.g. `a search right after found no such lead`. */
  notFound: string;
}

/** A write to Gloop, and how its outcome is known. */
export interface GloopWrite {
  call: GloopCall;
  deed: Deed;
  /** Whether Gloop's answer shows the work done (the new record's id, a stock figure). */
  proves: (answer: Record<string, unknown>) => boolean;
  /** What the answer lacks when it does not, e.g. "the new lead's id". */
  proofName: string;
  /** How Gloop can be asked after a lost answer; none where only a person can tell. */
  confirmation?: Confirmation;
  /** What a person looks for in Gloop when the app cannot tell, e.g. `"Dana Levi" with phone 0501234567`. */
  lookFor: string;
}

/** What a write did: Gloop's answer, or the record a confirming search found in its place. */
export interface Written {
  confirmedBySearch: boolean;
  answer: Record<string, unknown>;
}

/**
 * Sends a write, and reports it done only with Gloop's proof. When the outcome is unknown (the
 * answer was lost, cut, late, a 5xx, or without its proof), it asks Gloop before it answers: found,
 * the record is reported; certainly not there, the run is safe to replay; otherwise, a person
 * must look before replaying.
 */
export async function writeToGloop(z: ZObject, bundle: Bundle<any>, write: GloopWrite): Promise<Written> {
  const secrets = secretsOf(bundle.authData);
  const sentAt = Date.now();
  const answer = await exchange(z, bundle, write.call, stepDeadline(bundle) - (write.confirmation === undefined ? 0 : SEARCH_RESERVE_MS));
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
    if (typeof parsed !== 'string' && write.proves(parsed)) return { confirmedBySearch: false, answer: parsed };
    lost = { code: 'GloopInvalidResponse', status: 502, what: `it answered without ${typeof parsed === 'string' ? parsed : write.proofName}` };
  }
  // What to look for quotes what the user mapped, which never shows a secret pasted there.
  const lookFor = scrub(write.lookFor, secrets);
  if (write.confirmation === undefined) throw mayBeDone(z, write.deed, lost, 'the app could not check', lookFor);
  let found: Found;
  try {
    found = await write.confirmation.find(sentAt);
  } catch {
    // Even a 401 here: renewing would run the whole step again, and send the write a second time.
    throw mayBeDone(z, write.deed, lost, 'the app could not check', lookFor);
  }
  if ('absent' in found) throw notDone(z, write.deed, lost, write.confirmation.notFound);
  if ('unsure' in found) throw mayBeDone(z, write.deed, lost, found.unsure, lookFor);
  return { confirmedBySearch: true, answer: found.stored };
}
