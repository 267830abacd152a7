import { isIP } from 'node:net';

/** Opt-in for the local sandbox: lets `http://127.0.0.1:PORT` through. Never set it in production. */
export const ALLOW_LOCAL_SANDBOX_ENV = 'GLOOP_ALLOW_LOCAL_SANDBOX';
/** Comma-separated suffixes the publisher may lock the public app to (`zapier-platform env:set`). */
export const ALLOWED_DOMAINS_ENV = 'GLOOP_ALLOWED_DOMAIN_SUFFIXES';

const HELP = "copy it from Gloop's System settings -> Webhooks/API -> API token, e.g. acme.gloopcrm.co.il";
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** The longest host name DNS allows. */
const MAX_HOST_LENGTH = 253;
/** Invisible marks that Hebrew screens put around a left-to-right text such as a host name. */
const INVISIBLE_MARKS = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export class InvalidDomainError extends Error {
  constructor(reason: string) {
    super(`The Gloop domain ${reason}; ${HELP}.`);
    this.name = 'InvalidDomainError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Turns what an admin pasted into the base URL that will receive the client secret.
 * Refuses anything that could send it somewhere other than a public Gloop host.
 */
export function gloopBaseUrl(pasted: unknown, env: Env = process.env): string {
  const text = typeof pasted === 'string' ? pasted.replace(INVISIBLE_MARKS, '').trim() : '';
  if (text === '') throw new InvalidDomainError('is empty');
  if (/[\s\u0000-\u001f\u007f]/.test(text)) throw new InvalidDomainError('must not contain spaces or control characters');

  // "host:443" is a port, not a scheme.
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'http' && isTruthy(env[ALLOW_LOCAL_SANDBOX_ENV])) return localSandboxUrl(text);
  if (scheme !== undefined && scheme !== 'https') {
    throw new InvalidDomainError(`must use https (got "${scheme}:")`);
  }

  const url = parse(scheme === 'https' ? text : `https://${text}`);
  if (text.includes('@')) throw new InvalidDomainError('must not contain a user name or "@"');
  if (/[?#]/.test(text)) throw new InvalidDomainError('must not contain "?" or "#"');
  if (url.pathname !== '/') throw new InvalidDomainError('must be a host name only, without a path');
  if (url.port) throw new InvalidDomainError('must not contain a port');

  const host = url.hostname.replace(/\.$/, '');
  if (host.length > MAX_HOST_LENGTH) throw new InvalidDomainError(`is longer than the ${MAX_HOST_LENGTH} characters a host name can have`);
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0) throw new InvalidDomainError('must be a host name, not an IP address');
  const labels = host.split('.');
  if (host === 'localhost' || host.endsWith('.localhost')) throw new InvalidDomainError('must not be localhost');
  if (labels.length < 2) throw new InvalidDomainError('must be a full host name with a dot');
  if (!labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels[labels.length - 1])) {
    throw new InvalidDomainError(`"${host}" is not a valid host name`);
  }

  const allowed = allowedSuffixes(env);
  if (allowed.length > 0 && !allowed.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) {
    throw new InvalidDomainError(`must end with ${allowed.join(' or ')}`);
  }
  return `https://${host}`;
}

function localSandboxUrl(text: string): string {
  const url = parse(text);
  if (url.hostname !== '127.0.0.1' || !url.port || url.username || url.password || url.search || url.hash || url.pathname !== '/') {
    throw new InvalidDomainError('may use http only as http://127.0.0.1:PORT for the local sandbox');
  }
  return `http://127.0.0.1:${url.port}`;
}

function parse(text: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new InvalidDomainError('is not a valid host name');
  }
}

function allowedSuffixes(env: Env): string[] {
  return (env[ALLOWED_DOMAINS_ENV] ?? '')
    .split(',')
    .map((suffix) => suffix.trim().toLowerCase().replace(/^\.+|\.+$/g, ''))
    .filter(Boolean);
}

function isTruthy(value: string | undefined): boolean {
  return ['1', 'true', 'yes'].includes((value ?? '').trim().toLowerCase());
}
