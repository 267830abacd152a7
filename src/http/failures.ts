import type { ZObject } from 'zapier-platform-core';

/** Below Zapier's 30-second limit, so a slow Gloop ends in our sentence, not in Zapier's timeout. */
export const REQUEST_TIMEOUT_MS = 25_000;
const DEFAULT_RETRY_AFTER_SECONDS = 60;
const MAX_CRM_MESSAGE_LENGTH = 500;

export interface FailedResponse {
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
    return new z.errors.ThrottledError(`Gloop is limiting how fast it takes requests (HTTP 429${said}); Zapier will retry in ${delay} seconds.`, delay);
  }
  if (status >= 500) {
    return new z.errors.Error(`Gloop had a server error (HTTP ${status}${said}); replay this run once Gloop is working again.`, 'GloopServerError', status);
  }
  const [code, advice] = CLIENT_ERRORS[status] ?? ['GloopRejected', 'check the values you mapped into this step'];
  return new z.errors.Error(`Gloop rejected the request (HTTP ${status}${said}): ${advice}.`, code, status);
}

const CLIENT_ERRORS: Record<number, [code: string, advice: string]> = {
  400: ['GloopBadRequest', 'fix the field Gloop names and run the step again'],
  403: ['GloopForbidden', 'ask your Gloop admin to give this API client permission for it'],
  404: ['GloopNotFound', 'check that the connection uses your own Gloop domain, as shown in System settings -> Webhooks/API'],
  405: ['GloopMethodNotAllowed', 'this Gloop account does not offer this operation; contact Gloop support'],
};

/** A request that never got an answer: nothing is known to have been stored, so Zapier may replay it. */
export function failureWithoutResponse(z: ZObject, error: unknown, secrets: readonly string[]): Error {
  if (isTimeout(error)) {
    return new z.errors.Error(
      `Gloop did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds; replay this run once Gloop is reachable.`,
      'GloopTimeout',
      504,
    );
  }
  return new z.errors.Error(`Could not reach Gloop (${scrub(networkReason(error), secrets)}); check the domain in the connection, or replay this run later.`, 'GloopUnreachable', 503);
}

/** A 2xx that does not say what it should: after a write, nobody knows whether it was saved. */
export function invalidAnswer(z: ZObject, what: string, afterWrite: boolean): Error {
  const consequence = afterWrite
    ? ', so Zapier cannot confirm the change was saved; check Gloop before you replay this run'
    : "; check that the connection's domain is your Gloop domain, or try again later";
  return new z.errors.Error(`Gloop answered without ${what}${consequence}.`, 'GloopInvalidResponse', 502);
}

/** The CRM's own words (Hebrew as sent), from whichever error shape its backend used. */
export function crmSaid(body: string, secrets: readonly string[]): string {
  const text = extractMessage(body).replace(/\s+/g, ' ').trim();
  if (text === '') return '';
  const short = text.length > MAX_CRM_MESSAGE_LENGTH ? `${text.slice(0, MAX_CRM_MESSAGE_LENGTH)}…` : text;
  return `: "${scrub(short, secrets)}"`;
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

export function scrub(text: string, secrets: readonly string[]): string {
  return secrets.filter((secret) => secret.length >= 4).reduce((out, secret) => out.split(secret).join(':censored:'), text);
}

function retryAfterSeconds(header: string | null | undefined): number {
  const value = (header ?? '').trim();
  if (/^\d+$/.test(value)) return Math.max(1, Number(value));
  const date = Date.parse(value);
  if (!Number.isNaN(date)) return Math.max(1, Math.ceil((date - Date.now()) / 1000));
  return DEFAULT_RETRY_AFTER_SECONDS;
}

/** The system's short name for what broke (ECONNRESET, ENOTFOUND…): request details stay out of it. */
function networkReason(error: unknown): string {
  const cause = isRecord(error) && isRecord(error.cause) ? error.cause : undefined;
  const code = [cause?.code, isRecord(error) ? error.code : undefined].find((value) => typeof value === 'string');
  if (typeof code === 'string') return code;
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 120 ? `${message.slice(0, 120)}…` : message;
}

function isTimeout(error: unknown): boolean {
  if (!isRecord(error)) return false;
  return error.type === 'request-timeout' || error.name === 'TimeoutError' || error.name === 'AbortError';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
