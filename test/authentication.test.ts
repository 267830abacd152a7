import nock from 'nock';
import { useNock } from './helpers/nock';
import { authentication } from '../src/authentication';
import { ACCESS_TOKEN, appTester, authData, BASE_URL, CLIENT_SECRET, zapierErrorOf } from './helpers/app';

const credentials = { domain: 'https://ACME.gloopcrm.co.il/ ', client_id: 'zapier-client', client_secret: CLIENT_SECRET };
const basic = `Basic ${Buffer.from(`zapier-client:${CLIENT_SECRET}`).toString('base64')}`;

useNock();

describe('session step (client credentials)', () => {
  it('exchanges the client id and secret for a token, with Basic auth and a form body', async () => {
    nock(BASE_URL, { reqheaders: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' } })
      .post('/oauth/token', 'grant_type=client_credentials')
      .reply(200, { access_token: ACCESS_TOKEN, token_type: 'bearer', expires_in: 3600 });

    const session = await appTester(authentication.sessionConfig.perform, { authData: credentials });

    expect(session).toEqual({ access_token: ACCESS_TOKEN });
  });

  it('says in words, with Gloop\'s own message, that a wrong client id or secret was refused', async () => {
    nock(BASE_URL).post('/oauth/token').reply(401, { error: 'invalid_client', error_description: 'פרטי הלקוח שגויים' });

    const error = await zapierErrorOf(appTester(authentication.sessionConfig.perform, { authData: credentials }));

    expect(error).toEqual({
      name: 'AppError',
      code: 'InvalidCredentials',
      status: 401,
      message:
        'Gloop did not accept this Client ID and Client Secret (HTTP 401: "פרטי הלקוח שגויים - invalid_client"): copy them again from System settings -> Webhooks/API -> API token, or ask your admin for a new pair.',
    });
  });

  it('keeps the Basic credentials out of the message when Gloop echoes its Authorization header', async () => {
    nock(BASE_URL).post('/oauth/token').reply(401, { message: `bad header: ${basic}` });
    const error = await zapierErrorOf(appTester(authentication.sessionConfig.perform, { authData: credentials }));
    expect(error.message).toBe(
      'Gloop did not accept this Client ID and Client Secret (HTTP 401: "bad header: Basic :censored:"): copy them again from System settings -> Webhooks/API -> API token, or ask your admin for a new pair.',
    );
  });

  it('refuses a bad domain before sending the secret anywhere', async () => {
    const error = await zapierErrorOf(
      appTester(authentication.sessionConfig.perform, { authData: { ...credentials, domain: 'evil.example@acme.gloopcrm.co.il' } }),
    );
    expect(error.code).toBe('InvalidDomain');
    expect(error.message).toBe(
      'The Gloop domain must not contain a user name or "@"; copy it from Gloop\'s System settings -> Webhooks/API -> API token, e.g. acme.gloopcrm.co.il.',
    );
  });

  it.each([
    ['a blank secret', { ...credentials, client_secret: '  ' }],
    ['a blank client id', { ...credentials, client_id: ' \t' }],
    ['no secret', { domain: credentials.domain, client_id: 'zapier-client' }],
    ['no client id', { domain: credentials.domain, client_secret: CLIENT_SECRET }],
  ])('asks for both credentials on %s, without a request', async (_case, authData) => {
    expect(await zapierErrorOf(appTester(authentication.sessionConfig.perform, { authData }))).toEqual({
      name: 'AppError',
      code: 'MissingCredentials',
      status: 400,
      message: 'Enter both the Client ID and the Client Secret from Gloop: System settings -> Webhooks/API -> API token.',
    });
  });

  it('does not follow a redirect with the secret', async () => {
    nock(BASE_URL).post('/oauth/token').reply(302, '', { Location: 'https://elsewhere.example.com/oauth/token' });
    const error = await zapierErrorOf(appTester(authentication.sessionConfig.perform, { authData: credentials }));
    expect(error).toMatchObject({ code: 'GloopRedirected', status: 302 });
  });

  it('refuses a 200 without an access token', async () => {
    nock(BASE_URL).post('/oauth/token').reply(200, '<html>login</html>', { 'Content-Type': 'text/html' });
    const error = await zapierErrorOf(appTester(authentication.sessionConfig.perform, { authData: credentials }));
    expect(error.message).toBe(
      "Gloop's sign-in answered HTTP 200 without an access token; check that the domain is your Gloop domain, or contact Gloop support.",
    );
  });

  it('reads a 400 from the sign-in as refused credentials, with its own status', async () => {
    nock(BASE_URL).post('/oauth/token').reply(400, { error: 'invalid_request' });
    const error = await zapierErrorOf(appTester(authentication.sessionConfig.perform, { authData: credentials }));
    expect(error).toEqual({
      name: 'AppError',
      code: 'InvalidCredentials',
      status: 400,
      message:
        'Gloop did not accept this Client ID and Client Secret (HTTP 400: "invalid_request"): copy them again from System settings -> Webhooks/API -> API token, or ask your admin for a new pair.',
    });
  });

  it.each([
    [503, {}, { name: 'AppError', code: 'GloopServerError', status: 503, message: 'Gloop had a server error (HTTP 503: "תחזוקה"); replay this run once Gloop is working again.' }],
    [429, { 'Retry-After': '7' }, { name: 'ThrottledError', delay: 7, message: 'Gloop is limiting how fast it takes requests (HTTP 429: "תחזוקה"); Zapier will retry in 7 seconds.' }],
    [404, {}, { name: 'AppError', code: 'GloopNotFound', status: 404, message: 'Gloop rejected the request (HTTP 404: "תחזוקה"): check that the connection uses your own Gloop domain, as shown in System settings -> Webhooks/API.' }],
  ])('a sign-in answered HTTP %i says what happened, not that the secret or the domain redirected', async (status, headers, expected) => {
    nock(BASE_URL).post('/oauth/token').reply(status, { message: 'תחזוקה' }, headers);
    const error = await zapierErrorOf(appTester(authentication.sessionConfig.perform, { authData: credentials }));
    expect(error).toEqual(expected);
  });

  it('refuses a 200 whose access token is empty', async () => {
    nock(BASE_URL).post('/oauth/token').reply(200, { access_token: '', token_type: 'bearer' });
    const error = await zapierErrorOf(appTester(authentication.sessionConfig.perform, { authData: credentials }));
    expect(error).toMatchObject({ code: 'GloopInvalidResponse', status: 502 });
  });

  it('signs in with a client id and secret pasted with spaces around them, and hides the secret as Gloop echoes it', async () => {
    nock(BASE_URL, { reqheaders: { authorization: basic } })
      .post('/oauth/token')
      .reply(401, { message: `הסוד ${CLIENT_SECRET} בוטל` });
    const pasted = { ...credentials, client_id: ' zapier-client\t', client_secret: `\n ${CLIENT_SECRET} ` };
    const error = await zapierErrorOf(appTester(authentication.sessionConfig.perform, { authData: pasted }));
    expect(error.message).toBe(
      'Gloop did not accept this Client ID and Client Secret (HTTP 401: "הסוד :censored: בוטל"): copy them again from System settings -> Webhooks/API -> API token, or ask your admin for a new pair.',
    );
  });

  it('never puts the secret in the message, even when Gloop echoes it', async () => {
    nock(BASE_URL).post('/oauth/token').reply(400, { message: `secret ${CLIENT_SECRET} is revoked` });
    const error = await zapierErrorOf(appTester(authentication.sessionConfig.perform, { authData: credentials }));
    expect(error.message).toContain('secret :censored: is revoked');
    expect(error.message).not.toContain(CLIENT_SECRET);
  });
});

describe('connection test and label', () => {
  it('tests with one cheap authenticated GET', async () => {
    nock(BASE_URL, { reqheaders: { authorization: `Bearer ${ACCESS_TOKEN}` } })
      .get('/v2/users')
      .query({ limit: '1' })
      .reply(200, { items: [], hasMore: false, limit: 1, offset: 0, count: 0 });

    await expect(appTester(authentication.test, { authData })).resolves.toMatchObject({ hasMore: false });
  });

  it('hands an expired token back to Zapier for renewal (RefreshAuthError)', async () => {
    nock(BASE_URL).get('/v2/users').query(true).reply(401, { message: 'הטוקן פג תוקף' });
    const error = await zapierErrorOf(appTester(authentication.test, { authData }));
    expect(error.name).toBe('RefreshAuthError');
  });

  it('labels the connection with the domain only', async () => {
    const label = await appTester(authentication.connectionLabel, {
      authData: { ...authData, domain: ' HTTPS://Acme.GloopCRM.co.il/ ' },
    });
    expect(label).toBe('acme.gloopcrm.co.il');
  });

  it('exposes the three documented auth fields, the secret as a password', () => {
    expect(authentication.fields.map((field) => [field.key, field.type, field.required])).toEqual([
      ['domain', 'string', true],
      ['client_id', 'string', true],
      ['client_secret', 'password', true],
    ]);
    for (const field of authentication.fields) expect(field.helpText).toContain('System settings -> Webhooks/API -> API token');
  });
});
