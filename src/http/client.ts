import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { gloopBaseUrl, InvalidDomainError } from './domain';
import { failureFromResponse, failureWithoutResponse, invalidAnswer, isRecord, REQUEST_TIMEOUT_MS, scrub } from './failures';
import { parseJsonKeepingBigIds } from './json';

export interface GloopCall {
  method: 'GET' | 'POST';
  path: `/${string}`;
  params?: Record<string, string>;
  body?: Record<string, unknown>;
}

export type GloopAuthData = Bundle['authData'];

/** Values no message or log may show. */
export function secretsOf(authData: GloopAuthData): string[] {
  const { client_id: clientId, client_secret: clientSecret, access_token: accessToken } = authData;
  return [clientSecret, clientSecret?.trim(), accessToken, clientSecret && basicCredentials(clientId ?? '', clientSecret)].filter(
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

/**
 * The one way operations talk to Gloop: base URL from the connection's domain, the session's
 * bearer token, a timeout, every failure turned into a Zapier error, and the JSON answer with
 * its ids intact. A 401 is left to core, which renews the session and retries.
 */
export async function callGloop(z: ZObject, bundle: Bundle<any>, call: GloopCall): Promise<Record<string, unknown>> {
  const secrets = secretsOf(bundle.authData);
  const request: HttpRequestOptions & { url: string; throwForThrottlingEarly: boolean } = {
    url: `${baseUrlFor(z, bundle.authData)}${call.path}`,
    method: call.method,
    headers: { Accept: 'application/json', Authorization: `Bearer ${bundle.authData.access_token ?? ''}` },
    params: call.params,
    body: call.body,
    timeout: REQUEST_TIMEOUT_MS,
    skipThrowForStatus: true,
    // Core's own 429 error drops Gloop's message; ours keeps it and honours Retry-After too.
    throwForThrottlingEarly: false,
  };
  let response;
  try {
    response = await z.request(request);
  } catch (error) {
    // core's signal that the session expired: Zapier renews the token and runs this again.
    if (error instanceof z.errors.RefreshAuthError) throw error;
    throw failureWithoutResponse(z, error, secrets);
  }
  if (response.status >= 400) {
    throw failureFromResponse(z, { status: response.status, body: response.content, retryAfter: response.getHeader('retry-after') }, secrets);
  }
  return parseAnswer(z, response.content, call.method !== 'GET');
}

function parseAnswer(z: ZObject, content: string, afterWrite: boolean): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parseJsonKeepingBigIds(content);
  } catch {
    throw invalidAnswer(z, 'valid JSON', afterWrite);
  }
  if (!isRecord(parsed)) throw invalidAnswer(z, 'a JSON object', afterWrite);
  return parsed;
}

/** An id as Gloop sent it, or nothing: never a number that may have lost digits. */
export function idFrom(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d+$/.test(value) ? value : undefined;
}

/** POSTs a new record and returns Gloop's answer, only if it names the new record's id. */
export async function createInGloop(
  z: ZObject,
  bundle: Bundle<any>,
  path: `/${string}`,
  body: Record<string, unknown>,
  noun: string,
): Promise<Record<string, unknown> & { id: string; message: string }> {
  const answer = await callGloop(z, bundle, { method: 'POST', path, body });
  const id = idFrom(answer.id);
  if (id === undefined) throw invalidAnswer(z, `the new ${noun}'s id`, true);
  return { ...answer, id, message: typeof answer.message === 'string' ? answer.message : '' };
}
