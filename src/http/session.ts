import type { Bundle, ZObject } from 'zapier-platform-core';
import { basicCredentials, baseUrlFor, secretsOf, stepDeadline } from './client';
import { crmSaid, failureFromResponse, failureWithoutResponse, isRecord } from './failures';

export interface GloopSession {
  access_token: string;
}

/**
 * Exchanges the client id and secret for a bearer token (OAuth 2.0 client credentials).
 * It goes through fetch, not z.request: with session auth, core turns every 401 into a bare
 * RefreshAuthError, and a wrong secret must reach the user in words, with Gloop's own.
 */
export async function exchangeCredentials(z: ZObject, bundle: Bundle): Promise<GloopSession> {
  const { client_id: clientId, client_secret: clientSecret } = bundle.authData;
  if (!clientId?.trim() || !clientSecret?.trim()) {
    throw new z.errors.Error('Enter both the Client ID and the Client Secret from Gloop: System settings -> Webhooks/API -> API token.', 'MissingCredentials', 400);
  }
  const secrets = secretsOf(bundle.authData);
  const url = `${baseUrlFor(z, bundle.authData)}/oauth/token`;
  const started = Date.now();
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${basicCredentials(clientId, clientSecret)}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: 'grant_type=client_credentials',
      // The secret goes to the host the user named and nowhere else.
      redirect: 'manual',
      // One deadline for the answer and its body alike: the step's.
      signal: AbortSignal.timeout(Math.max(1, stepDeadline(bundle) - started)),
    });
    body = await response.text();
  } catch (error) {
    throw failureWithoutResponse(z, error, secrets, Date.now() - started);
  }
  if (response.status === 401 || response.status === 400) {
    throw new z.errors.Error(
      `Gloop did not accept this Client ID and Client Secret (HTTP ${response.status}${crmSaid(body, secrets)}): copy them again from System settings -> Webhooks/API -> API token, or ask your admin for a new pair.`,
      'InvalidCredentials',
      response.status,
    );
  }
  if (!response.ok) {
    throw failureFromResponse(z, { status: response.status, body, retryAfter: response.headers.get('retry-after') }, secrets);
  }
  const token = accessTokenIn(body);
  if (token === undefined) {
    throw new z.errors.Error(
      `Gloop's sign-in answered HTTP ${response.status} without an access token; check that the domain is your Gloop domain, or contact Gloop support.`,
      'GloopInvalidResponse',
      502,
    );
  }
  return { access_token: token };
}

function accessTokenIn(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return isRecord(parsed) && typeof parsed.access_token === 'string' && parsed.access_token !== '' ? parsed.access_token : undefined;
  } catch {
    return undefined;
  }
}
