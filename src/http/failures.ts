import type { ZObject } from 'zapier-platform-core';

/**
 * One deadline for a whole Zap step, below Zapier's 30 seconds: every request of the step, its
 * answer's body and a confirming search included, ends by it, in our sentence, not Zapier's timeout.
 */
export const STEP_DEADLINE_MS = 25_000;
const DEFAULT_RETRY_AFTER_SECONDS = 60;
/** Longer waits are Gloop's to ask for, but a Zap run should not sit for a day: Zapier retries after this. */
const MAX_RETRY_AFTER_SECONDS = 900;
const MAX_CRM_MESSAGE_LENGTH = 500;

export interface FailedResponse {
  /** Never a 2xx: callers pass only failures, so below 400 it can only be a redirect. */
  status: number;
  body: string;
  retryAfter?: string | null;
}

/** What the Zap user reads for each way Gloop can answer a call with a failure. */
export function failureFromResponse(z: ZObject, response: FailedResponse, secrets: readonly string[]): Error {
  const { status } = response;
  const said = crmSaid(response.body, secrets);
  if (status === 429) {
    const delay = retryAfterSeconds(response.retryAfter);
    return new z.errors.ThrottledError(`Gloop is limiting how fast it takes requests (HTTP 429${said}); Zapier will retry in ${seconds(delay)}.`, delay);
  }
  if (status >= 500) {
    return new z.errors.Error(`Gloop had a server error (HTTP ${status}${said}); replay this run once Gloop is working again.`, 'GloopServerError', status);
  }
  if (status < 400) return redirected(z, status);
  const [code, advice] = CLIENT_ERRORS[status] ?? ['GloopRejected', 'check the values you mapped into this step'];
  return new z.errors.Error(`Gloop rejected the request (HTTP ${status}${said}): ${advice}.`, code, status);
}

const CLIENT_ERRORS: Record<number, [code: string, advice: string]> = {
  400: ['GloopBadRequest', 'fix the field Gloop names and run the step again'],
  403: ['GloopForbidden', 'ask your Gloop admin to give this API client permission for it'],
  404: ['GloopNotFound', 'check that the connection uses your own Gloop domain, as shown in System settings -> Webhooks/API'],
  405: ['GloopMethodNotAllowed', 'this Gloop account does not offer this operation; contact Gloop support'],
};

/** Nothing is followed: a redirect could carry the lead, or the token, to another host. */
export function redirected(z: ZObject, status: number): Error {
  return new z.errors.Error(
    `Gloop answered with a redirect (HTTP ${status}), which the app does not follow; enter the domain in the connection exactly as Gloop shows it beside the API token.`,
    'GloopRedirected',
    status,
  );
}

/** Why a request got no usable answer, in the words of the errors that carry it. */
export interface LostAnswer {
  code: 'GloopTimeout' | 'GloopUnreachable' | 'GloopServerError' | 'GloopInvalidResponse';
  status: number;
  /** e.g. "it did not answer within 19 seconds" */
  what: string;
}

export function lostAnswer(error: unknown, secrets: readonly string[], waitedMs: number): LostAnswer {
  if (isTimeout(error)) return { code: 'GloopTimeout', status: 504, what: `it did not answer within ${seconds(Math.round(waitedMs / 1000))}` };
  return { code: 'GloopUnreachable', status: 503, what: `the connection was lost (${scrub(networkReason(error), secrets)})` };
}

/** A request that never got an answer, and a read that stored nothing: Zapier may replay it. */
export function failureWithoutResponse(z: ZObject, error: unknown, secrets: readonly string[], waitedMs: number): Error {
  if (isTimeout(error)) {
    return new z.errors.Error(`Gloop did not answer within ${seconds(Math.round(waitedMs / 1000))}; replay this run once Gloop is reachable.`, 'GloopTimeout', 504);
  }
  return new z.errors.Error(`Could not reach Gloop (${scrub(networkReason(error), secrets)}); check the domain in the connection, or replay this run later.`, 'GloopUnreachable', 503);
}

/** A read's 2xx that does not say what it should (a write's is an unknown outcome, see writeToGloop). */
export function invalidAnswer(z: ZObject, what: string): Error {
  return new z.errors.Error(`Gloop answered without ${what}; check that the connection's domain is your Gloop domain, or try again later.`, 'GloopInvalidResponse', 502);
}

/** What a write does, as the step's sentences name it: "save" "the lead", "stop" "the timer". */
export interface Deed {
  verb: string;
  /** The verb's past participle: "saved", "stopped". */
  done: string;
  what: string;
  /** What a replay risks, when not that it is done twice. */
  replayRisk?: string;
}

export const saving = (noun: string): Deed => ({ verb: 'save', done: 'saved', what: `the ${noun}` });

/** A write whose answer was lost, and Gloop, asked right after, certainly did not do it: safe to replay. */
export function notDone(z: ZObject, deed: Deed, lost: LostAnswer, absent: string): Error {
  return new z.errors.Error(`Gloop did not ${deed.verb} ${deed.what}: ${lost.what}, and ${absent}; replay this run once Gloop is working again.`, lost.code, lost.status);
}

/** A write whose answer was lost, and nothing could tell whether Gloop did it; what to look for quotes the user's values. */
export function mayBeDone(z: ZObject, deed: Deed, lost: LostAnswer, why: string, lookFor: string): Error {
  return new z.errors.Error(
    `Gloop may have ${deed.done} ${deed.what}: ${lost.what}, and ${why}; look in Gloop for ${inSentence(lookFor)} before you replay this run, or ${deed.replayRisk ?? `it may be ${deed.done} twice`}.`,
    'GloopOutcomeUnknown',
    504,
  );
}

/** The CRM's own words (Hebrew as sent), from whichever error shape its backend used; secrets removed before the cut. */
export function crmSaid(body: string, secrets: readonly string[]): string {
  const text = scrub(extractMessage(body), secrets).replace(/\s+/g, ' ').trim();
  return text === '' ? '' : `: "${inSentence(text, MAX_CRM_MESSAGE_LENGTH)}"`;
}

/** What would break a sentence, turn its direction or hide in it; the joiners inside emoji and words stay. */
const UNPRINTABLE = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}]|(?![\u200c\u200d])\p{Cf}/gu;

/**
 * Outside text (a user's value, Gloop's words) as a sentence quotes it: cut after `limit`
 * characters, never inside one, and each unprintable one written as its code (\u202e).
 */
export function inSentence(text: string, limit = Number.POSITIVE_INFINITY): string {
  const characters = [...text];
  const cut = characters.length > limit ? `${characters.slice(0, limit).join('')}…` : text;
  return cut.replace(UNPRINTABLE, (character) => {
    const code = character.codePointAt(0)!.toString(16);
    return code.length > 4 ? `\\u{${code}}` : `\\u${code.padStart(4, '0')}`;
  });
}

function extractMessage(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return /<[a-z!]/i.test(body) ? '' : body;
  }
  if (typeof parsed === 'string') return parsed;
  if (!isRecord(parsed)) return body;
  const parts = [parsed.message, parsed.error_description, parsed.error, ...(Array.isArray(parsed.errors) ? parsed.errors : [])]
    .map((part) => (isRecord(part) ? (part.message ?? part.detail ?? JSON.stringify(part)) : part))
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length > 0 ? [...new Set(parts)].join(' - ') : body;
}

/** The fewest characters of a secret in a row that show part of it (a shorter secret, all of it). */
const SECRET_RUN = 8;

/**
 * Removes every secret, in any letter case (a server or a URL parser may change it), and every
 * part of one 8 characters long: a value may hold a secret cut short or mistyped. Each stretch
 * of them becomes one `:censored:`.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  const runs = secrets
    // The spaces a secret was pasted with are not part of it, and the text's own must stay.
    .map((secret) => secret.trim())
    .filter((secret) => secret.length >= 4)
    .flatMap((secret) => {
      const length = Math.min(SECRET_RUN, secret.length);
      return Array.from({ length: secret.length - length + 1 }, (_, start) => secret.slice(start, start + length));
    })
    // The longest run first, where a shorter secret starts at the same place.
    .sort((one, other) => other.length - one.length)
    .map((run) => run.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (runs.length === 0) return text;
  const stretches: { start: number; end: number }[] = [];
  // In a lookahead every run is found, the overlapping ones too.
  for (const match of text.matchAll(new RegExp(`(?=(${runs.join('|')}))`, 'gi'))) {
    const last = stretches.at(-1);
    const end = match.index + match[1].length;
    if (last !== undefined && match.index <= last.end) last.end = Math.max(last.end, end);
    else stretches.push({ start: match.index, end });
  }
  return stretches.reduceRight((scrubbed, { start, end }) => `${scrubbed.slice(0, start)}:censored:${scrubbed.slice(end)}`, text);
}

function retryAfterSeconds(header: string | null | undefined): number {
  const value = (header ?? '').trim();
  // Seconds are digits only; Date.parse would read "1.5" or "-5" as days of 2001, so a date must name its weekday or month.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  const asked = /^\d+$/.test(value) ? Number(value) : Number.isNaN(date) ? DEFAULT_RETRY_AFTER_SECONDS : Math.ceil((date - Date.now()) / 1000);
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, asked));
}

function seconds(count: number): string {
  return count === 1 ? '1 second' : `${count} seconds`;
}

/** The system's short name for what broke (ECONNRESET, ENOTFOUND…), or its words: request details stay out of it. */
function networkReason(error: unknown): string {
  const causes = [isRecord(error) ? error.cause : undefined, error];
  const code = causes.map((cause) => (isRecord(cause) ? cause.code : undefined)).find((value) => typeof value === 'string');
  if (typeof code === 'string') return code;
  const cause = causes.find((candidate) => candidate instanceof Error);
  // node-fetch puts the request's address in front of the reason.
  const message = (cause instanceof Error ? cause.message : String(error)).replace(/^request to \S+ failed, reason: /, '');
  return message.length > 120 ? `${message.slice(0, 120)}…` : message;
}

function isTimeout(error: unknown): boolean {
  return isRecord(error) && (error.type === 'request-timeout' || error.type === 'aborted' || error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** Errors that prove the request never left this machine, so Gloop cannot have stored anything. */
const NEVER_SENT = /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_INVALID_URL)/;
export function neverSent(error: unknown): boolean {
  return NEVER_SENT.test(networkReason(error));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
