import { ALLOW_LOCAL_SANDBOX_ENV, ALLOWED_DOMAINS_ENV, gloopBaseUrl, InvalidDomainError } from '../src/http/domain';

describe('gloopBaseUrl', () => {
  it.each([
    ['acme.gloopcrm.co.il', 'https://acme.gloopcrm.co.il'],
    ['https://acme.gloopcrm.co.il/', 'https://acme.gloopcrm.co.il'],
    ['  ACME.GloopCRM.co.il  ', 'https://acme.gloopcrm.co.il'],
    ['HTTPS://Acme.GloopCRM.co.il', 'https://acme.gloopcrm.co.il'],
    ['acme.gloopcrm.co.il.', 'https://acme.gloopcrm.co.il'],
    ['\tacme.gloopcrm.co.il\r\n', 'https://acme.gloopcrm.co.il'],
    ['crm.my-company.com', 'https://crm.my-company.com'],
    ['mycrm.com', 'https://mycrm.com'],
    // Copied from Gloop's Hebrew screen, with the direction marks that keep it left to right.
    ['\u200facme.gloopcrm.co.il\u200e', 'https://acme.gloopcrm.co.il'],
    ['\u2067acme.gloopcrm.co.il\u2069\u200b', 'https://acme.gloopcrm.co.il'],
    // 253 characters, the most a host name can have.
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.co`, `https://${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.co`],
  ])('accepts %j as %s', (pasted, expected) => {
    expect(gloopBaseUrl(pasted, {})).toBe(expected);
  });

  it.each([
    ['', 'The Gloop domain is empty'],
    ['   ', 'The Gloop domain is empty'],
    ['http://acme.gloopcrm.co.il', 'The Gloop domain must use https (got "http:")'],
    ['ftp://acme.gloopcrm.co.il', 'The Gloop domain must use https (got "ftp:")'],
    ['javascript:alert(1)', 'The Gloop domain must use https (got "javascript:")'],
    ['evil.com@acme.gloopcrm.co.il', 'The Gloop domain must not contain a user name or "@"'],
    ['https://user:pass@acme.gloopcrm.co.il', 'The Gloop domain must not contain a user name or "@"'],
    ['acme.gloopcrm.co.il?x=1', 'The Gloop domain must not contain "?" or "#"'],
    ['acme.gloopcrm.co.il#top', 'The Gloop domain must not contain "?" or "#"'],
    ['acme.gloopcrm.co.il/v2', 'The Gloop domain must be a host name only, without a path'],
    ['acme.gloopcrm.co.il:8443', 'The Gloop domain must not contain a port'],
    ['acme gloopcrm.co.il', 'The Gloop domain must not contain spaces or control characters'],
    ['acme.gloopcrm\n.co.il', 'The Gloop domain must not contain spaces or control characters'],
    ['acme.gloop\u0000crm.co.il', 'The Gloop domain must not contain spaces or control characters'],
    ['127.0.0.1', 'The Gloop domain must be a host name, not an IP address'],
    ['2130706433', 'The Gloop domain must be a host name, not an IP address'],
    ['0x7f.0.0.1', 'The Gloop domain must be a host name, not an IP address'],
    ['[::1]', 'The Gloop domain must be a host name, not an IP address'],
    ['https://[2001:db8::1]/', 'The Gloop domain must be a host name, not an IP address'],
    ['localhost', 'The Gloop domain must not be localhost'],
    ['api.localhost', 'The Gloop domain must not be localhost'],
    ['intranet', 'The Gloop domain must be a full host name with a dot'],
    ['-acme.gloopcrm.co.il', 'The Gloop domain "-acme.gloopcrm.co.il" is not a valid host name'],
    ['ac^me.gloopcrm.co.il', 'The Gloop domain is not a valid host name'],
    ['http://127.0.0.1:8080', 'The Gloop domain must use https (got "http:")'],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(59)}.co`, 'The Gloop domain is longer than the 253 characters a host name can have'],
    [`${'a'.repeat(63)}.`.repeat(5) + 'co.il', 'The Gloop domain is longer than the 253 characters a host name can have'],
  ])('refuses %j', (pasted, reason) => {
    const attempt = () => gloopBaseUrl(pasted, {});
    expect(attempt).toThrow(InvalidDomainError);
    // One sentence: the reason, then where to copy the domain from.
    expect(attempt).toThrow(`${reason}; copy it from Gloop's System settings -> Webhooks/API -> API token, e.g. acme.gloopcrm.co.il.`);
  });

  it('refuses values that are not text', () => {
    expect(() => gloopBaseUrl(undefined, {})).toThrow('The Gloop domain is empty; ');
    expect(() => gloopBaseUrl(42, {})).toThrow('The Gloop domain is empty; ');
  });

  it('locks the app to the publisher\'s suffixes when they are set', () => {
    const env = { [ALLOWED_DOMAINS_ENV]: 'gloopcrm.co.il, .thebase.co.il' };
    expect(gloopBaseUrl('acme.gloopcrm.co.il', env)).toBe('https://acme.gloopcrm.co.il');
    expect(gloopBaseUrl('acme.thebase.co.il', env)).toBe('https://acme.thebase.co.il');
    expect(() => gloopBaseUrl('gloopcrm.co.il.evil.com', env)).toThrow('The Gloop domain must end with gloopcrm.co.il or thebase.co.il; ');
    expect(() => gloopBaseUrl('evilgloopcrm.co.il', env)).toThrow('must end with gloopcrm.co.il or thebase.co.il');
  });

  it('lets the local sandbox through only behind the opt-in, and only on 127.0.0.1 with a port', () => {
    const env = { [ALLOW_LOCAL_SANDBOX_ENV]: '1' };
    expect(gloopBaseUrl('http://127.0.0.1:4567', env)).toBe('http://127.0.0.1:4567');
    expect(gloopBaseUrl('http://127.0.0.1:4567/', env)).toBe('http://127.0.0.1:4567');
    for (const other of ['http://10.0.0.8:4567', 'http://localhost:4567', 'http://127.0.0.1', 'http://a@127.0.0.1:4567', 'http://127.0.0.1:4567/x']) {
      expect(() => gloopBaseUrl(other, env)).toThrow('The Gloop domain may use http only as http://127.0.0.1:PORT for the local sandbox; ');
    }
    expect(() => gloopBaseUrl('http://127.0.0.1:4567', { [ALLOW_LOCAL_SANDBOX_ENV]: '0' })).toThrow('must use https');
  });
});
