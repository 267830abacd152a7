import nock from 'nock';
import { ACCESS_TOKEN, App, authData, BASE_URL, LEAD_ID, perform, STATUS_ID, zapierErrorOf } from './helpers/app';
import { useNock } from './helpers/nock';

useNock();

const createLead = (auth: Record<string, string> = authData) => perform(App.creates.create_lead, { authData: auth, inputData: { name: 'דנה', phone: '0501234567' } });
const listStatuses = () => perform(App.triggers.lead_status_list, { authData });

describe('every request to Gloop', () => {
  it('a create: JSON in UTF-8 with the bearer token, asking for JSON back', async () => {
    nock(BASE_URL, { reqheaders: { accept: 'application/json', authorization: `Bearer ${ACCESS_TOKEN}`, 'content-type': 'application/json; charset=utf-8' } })
      .post('/v2/leads/create')
      .reply(201, { id: LEAD_ID });
    expect(await createLead()).toMatchObject({ id: LEAD_ID });
  });

  it('a read: no body, so no content type', async () => {
    nock(BASE_URL, { reqheaders: { accept: 'application/json', authorization: `Bearer ${ACCESS_TOKEN}` }, badheaders: ['content-type'] })
      .get('/v2/leads/statuses')
      .reply(200, { items: [{ id: STATUS_ID, name: 'חדש', is_active: 'Y' }] });
    expect(await listStatuses()).toEqual([{ id: STATUS_ID, name: 'חדש' }]);
  });

  it.each(['client_id', 'client_secret'])("a connection without its %s: Gloop's refusal with the token kept out of it, not a crash", async (missing) => {
    nock(BASE_URL).post('/v2/leads/create').reply(400, { message: `בקשה שגויה: ${ACCESS_TOKEN}` });
    const { [missing]: _missing, ...partial } = authData as Record<string, string>;
    expect(await zapierErrorOf(createLead(partial))).toEqual({
      name: 'AppError',
      code: 'GloopBadRequest',
      status: 400,
      message: 'Gloop rejected the request (HTTP 400: "בקשה שגויה: :censored:"): fix the field Gloop names and run the step again.',
    });
  });

  it('before any sign-in: an empty bearer, which Gloop refuses and Zapier answers by signing in', async () => {
    nock(BASE_URL, { reqheaders: { authorization: 'Bearer' } }).post('/v2/leads/create').reply(401, { message: 'לא מורשה' });
    const { access_token: _token, ...withoutToken } = authData;
    expect(await zapierErrorOf(createLead(withoutToken))).toMatchObject({ name: 'RefreshAuthError' });
  });
});

describe('HTTP 300, the first of the redirects', () => {
  const redirected = {
    name: 'AppError',
    code: 'GloopRedirected',
    status: 300,
    message: 'Gloop answered with a redirect (HTTP 300), which the app does not follow; enter the domain in the connection exactly as Gloop shows it beside the API token.',
  };

  it('answering a create', async () => {
    nock(BASE_URL).post('/v2/leads/create').reply(300, 'choose');
    expect(await zapierErrorOf(createLead())).toEqual(redirected);
  });

  it('answering a read', async () => {
    nock(BASE_URL).get('/v2/leads/statuses').reply(300, 'choose');
    expect(await zapierErrorOf(listStatuses())).toEqual(redirected);
  });
});
