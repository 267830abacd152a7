import nock from 'nock';
import { LocalZap } from '../../scripts/local-zap';
import type { FaultKind } from '../../sandbox/faults';
import type { Sandbox } from '../../sandbox/server';
import App from '../../src';
import { allowLocalSandbox, armFault, DEFAULT_CLIENT_ID, sandboxFor } from '../helpers/sandbox';
import { secretShownIn } from '../helpers/secrets';

const SECRET = 'S3cr3t-Do-Not-Leak-42';
const WRONG_SECRET = 'Wr0ng-Secret-Also-Private-7';
const NOCK_DOMAIN = 'acme.gloopcrm.co.il';
const NOCK_TOKEN = 'NockToken-HsXI8gp1B5F2d5EDnGy3Tw';
const CREATE = 'creates.create_lead.operation.perform';
const LEAD = { name: 'ישראל ישראלי', phone: '050-123-4567' };

/** What the app says: errors and outputs. */
const seen: string[] = [];
/** Every log line, as core hands it to Zapier's log stream after its own scrubbing. */
const logged: string[] = [];
const tokens = new Set<string>([NOCK_TOKEN]);
const logSink = (message: string, data: Record<string, unknown>) => logged.push(message, JSON.stringify(data));

/** Records what an attempt ended in, and returns its error's message (or its output as JSON). */
async function observe(attempt: Promise<unknown>): Promise<string> {
  try {
    const output = JSON.stringify(await attempt);
    seen.push(output);
    return output;
  } catch (error) {
    seen.push(String((error as Error).message), String((error as Error).stack));
    return String((error as Error).message);
  }
}

function zapOn(domain: string, clientSecret = SECRET, accessToken?: string): LocalZap {
  return new LocalZap(App, { domain, client_id: DEFAULT_CLIENT_ID, client_secret: clientSecret, ...(accessToken ? { access_token: accessToken } : {}) }, logSink);
}

let sandbox: Sandbox;
allowLocalSandbox();
beforeAll(async () => {
  sandbox = await sandboxFor({ clientSecret: SECRET });
});
afterAll(async () => {
  await sandbox.close();
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
});

describe('no secret or token in any message, output or log line', () => {
  it('drives every error path', async () => {
    // The sandbox: a good session, a wrong secret, an expired token, every fault.
    const zap = zapOn(sandbox.url);
    await zap.connect();
    tokens.add(zap.authData.access_token);
    await observe(zapOn(sandbox.url, WRONG_SECRET).connect());
    sandbox.store.expireTokens();
    await observe(zap.run(CREATE, { inputData: LEAD }));
    tokens.add(zap.authData.access_token);
    for (const kind of ['429', '500', '503', 'drop', 'no-id', 'not-json'] as FaultKind[]) {
      await armFault(sandbox, '/v2/leads/create', kind);
      await observe(zap.run(CREATE, { inputData: LEAD }));
      await armFault(sandbox, '/oauth/token', kind);
      await observe(zapOn(sandbox.url).connect());
    }
    for (const inputData of [{ phone: 'x' }, { name: 'A', phone: 'call me' }, { name: 'A', phone: '050', owner: 'moshe' }, { name: { a: 1 }, phone: '0501234567' }]) {
      await observe(zap.run(CREATE, { inputData: inputData as never }));
    }
    await observe(zap.run('creates.create_note.operation.perform', { inputData: { msg: 'x'.repeat(4001), lead_id: '1' } as never }));
    await observe(zap.run('searches.find_lead.operation.perform', { inputData: {} }));

    // Every status, from a Gloop that echoes the credentials back in its errors.
    nock.disableNetConnect();
    const echo = {
      message: `token ${NOCK_TOKEN} secret ${SECRET} SECRET ${SECRET.toUpperCase()} secret ${SECRET.toLowerCase()}`,
      error: `Bearer ${NOCK_TOKEN.toLowerCase()}`,
      errors: [`Basic ${Buffer.from(`${DEFAULT_CLIENT_ID}:${SECRET}`).toString('base64')}`],
    };
    const statuses = [400, 401, 403, 404, 405, 409, 422, 429, 500, 502, 503, 504];
    const heard: [string, number, string][] = [];
    // A Zapier error's message is JSON around the sentence.
    const sentenceOf = (message: string) => String((JSON.parse(message) as { message: string }).message);
    for (const status of statuses) {
      nock(`https://${NOCK_DOMAIN}`).post('/v2/leads/create').reply(status, echo).post('/oauth/token').reply(status, echo);
      heard.push(['create', status, sentenceOf(await observe(zapOn(NOCK_DOMAIN, SECRET, NOCK_TOKEN).run(CREATE, { inputData: LEAD })))]);
      nock.cleanAll();
      nock(`https://${NOCK_DOMAIN}`).post('/oauth/token').reply(status, echo);
      // A renewal: the connection still holds the token that expired.
      heard.push(['connect', status, sentenceOf(await observe(zapOn(NOCK_DOMAIN, SECRET, NOCK_TOKEN).connect()))]);
      nock.cleanAll();
    }
    // Gloop's words survive in every sentence, each credential in them censored (a create's 401
    // renews the token, and the sign-in's own 401 then speaks).
    const gloopSaid = '"token :censored: secret :censored: SECRET :censored: secret :censored: - Bearer :censored: - Basic :censored:"';
    expect(heard.filter(([, status, sentence]) => !sentence.includes(`HTTP ${status}: ${gloopSaid}`))).toEqual([]);
    expect(heard).toHaveLength(statuses.length * 2);
    nock(`https://${NOCK_DOMAIN}`).post('/oauth/token').replyWithError(Object.assign(new Error(`reset ${SECRET}`), { code: 'ECONNRESET' }));
    await observe(zapOn(NOCK_DOMAIN, SECRET, NOCK_TOKEN).connect());

    // A secret right at the 500-character cut of Gloop's message.
    for (const padding of [480, 490, 495, 499]) {
      nock(`https://${NOCK_DOMAIN}`).post('/v2/leads/create').reply(400, { message: `${'א'.repeat(padding)}${SECRET}` });
      await observe(zapOn(NOCK_DOMAIN, SECRET, NOCK_TOKEN).run(CREATE, { inputData: LEAD }));
      nock.cleanAll();
    }

    // The secret pasted into every field of every action, as it is, inside other text, across
    // the 60th character where a value shown back is cut, and cut short.
    for (const [key, operation] of Object.entries(App.creates)) {
      for (const pasted of [SECRET, `${SECRET.toUpperCase()} x`, { nested: SECRET }, `${'x'.repeat(50)}${SECRET}`, SECRET.slice(0, 16)]) {
        const inputData = Object.fromEntries((operation.operation.inputFields as { key: string }[]).map((field) => [field.key, pasted]));
        nock(`https://${NOCK_DOMAIN}`).post(/.*/).reply(201, { id: '1'.repeat(39), message: 'נוצר' });
        const outcome: Record<string, unknown> = await zapOn(NOCK_DOMAIN, SECRET, NOCK_TOKEN)
          .run<Record<string, unknown>>(`creates.${key}.operation.perform`, { inputData: inputData as never })
          .catch((error: Error) => ({ error: error.message }));
        // What the user mapped comes back in its own field; every sentence the app writes is checked.
        seen.push(JSON.stringify([outcome.error, outcome.left_out, outcome.message]));
        nock.cleanAll();
      }
    }

    // Bad domains, the secret pasted where the domain goes among them.
    for (const domain of [`${SECRET}.example`, `${SECRET.toUpperCase()}.example`, `\u200f${SECRET}\u200e`, `https://user:${SECRET}@acme.gloopcrm.co.il`, `-${SECRET}.gloopcrm.co.il`, 'http://acme.gloopcrm.co.il', '127.0.0.1', 'localhost']) {
      await observe(zapOn(domain).connect());
      await observe(zapOn(domain, SECRET, NOCK_TOKEN).run(CREATE, { inputData: LEAD }));
    }

    const secrets = [SECRET, WRONG_SECRET, Buffer.from(`${DEFAULT_CLIENT_ID}:${SECRET}`).toString('base64'), Buffer.from(`${DEFAULT_CLIENT_ID}:${WRONG_SECRET}`).toString('base64'), ...tokens];
    expect(seen.length).toBeGreaterThan(100);
    expect(logged.length).toBeGreaterThan(100);
    // What the app says, in any letter case (a server or a URL parser may change it), not even 8
    // characters of a secret in a row.
    expect(seen.filter((text) => secretShownIn(text, secrets) !== undefined)).toEqual([]);
    // Log lines as written: core's scrubbing of Gloop's raw answers in its HTTP log matches the
    // secret's own letters (an upper-cased echo there is core's to remove, and is left to it).
    expect(logged.filter((text) => secrets.some((secret) => text.includes(secret)))).toEqual([]);
  }, 60_000);
});
