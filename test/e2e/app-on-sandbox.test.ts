import { DOCUMENTED_USER_ID, LEAD_STATUS } from '../../sandbox/seed';
import { zapierErrorOf } from '../helpers/app';
import { armFault, connectTo, expireTokens, sandboxFor, useConnectedSandbox } from '../helpers/sandbox';

const CREATE = 'creates.create_lead.operation.perform';
const lead = { name: 'ישראל ישראלי', phone: '050-123-4567' };

const live = useConnectedSandbox();

describe('the app on the sandbox, over real HTTP', () => {
  it('connects, tests the connection and labels it with the domain', async () => {
    expect(live.zap.authData.access_token).toMatch(/^[\w-]{22}$/);
    await expect(live.zap.run('authentication.test')).resolves.toMatchObject({ limit: 1 });
    expect(await live.zap.run('authentication.connectionLabel')).toBe(new URL(live.sandbox.url).host);
  });

  it('says a wrong secret is wrong, with Gloop\'s Hebrew, and never shows it', async () => {
    const error = await zapierErrorOf(connectTo(live.sandbox, 'not-the-secret'));
    expect(error).toEqual({
      name: 'AppError',
      code: 'InvalidCredentials',
      status: 401,
      message:
        'Gloop did not accept this Client ID and Client Secret (HTTP 401: "פרטי ההתחברות שגויים - invalid_client"): copy them again from System settings -> Webhooks/API -> API token, or ask your admin for a new pair.',
    });
  });

  it('renews an expired token mid-run and creates the lead once', async () => {
    await expireTokens(live.sandbox);
    const output = await live.zap.run<Record<string, string>>(CREATE, { inputData: lead });
    expect(live.zap.sessionsStarted).toBe(2);
    expect(live.sandbox.store.records('LEADS').map((record) => record.id)).toEqual([output.id]);
  });

  it('stores the lead byte for byte: Hebrew, emoji, quotes and 39-digit ids', async () => {
    const output = await live.zap.run<Record<string, string>>(CREATE, {
      inputData: {
        name: ' דנה "הגדולה" לוי 🌟 ',
        phone: '+972 (52) 765-4321',
        text: 'שורה 1\nשורה 2 — "ציטוט" 🙂',
        owner: DOCUMENTED_USER_ID,
        lead_status: LEAD_STATUS.followUp.id,
        utm_campaign: "Valentine's Day",
        is_subscriber: 'yes',
      },
    });
    const [stored] = live.sandbox.store.records('LEADS');
    expect(stored.id).toBe(output.id);
    expect(stored.raw).toBe(
      `{"phone":"+972527654321","name":" דנה \\"הגדולה\\" לוי 🌟 ","f_name":" דנה \\"הגדולה\\" לוי 🌟 ","text":"שורה 1\\nשורה 2 — \\"ציטוט\\" 🙂",` +
        `"owner":"${DOCUMENTED_USER_ID}","lead_status":"${LEAD_STATUS.followUp.id}","utm_campaign":"Valentine's Day","is_subscriber":true}`,
    );
    expect(output).toMatchObject({ id: expect.stringMatching(/^[1-9]\d{38}$/), lead_status: LEAD_STATUS.followUp.id, message: 'הליד נוצר בהצלחה' });
  });

  it('shows Gloop\'s Hebrew reason when it rejects the lead', async () => {
    const error = await zapierErrorOf(live.zap.run(CREATE, { inputData: { ...lead, owner: '1'.repeat(39) } }));
    expect(error).toEqual({
      name: 'AppError',
      code: 'GloopBadRequest',
      status: 400,
      message: `Gloop rejected the request (HTTP 400: "לא נמצא משתמש עם המזהה ${'1'.repeat(39)} (שדה owner)"): fix the field Gloop names and run the step again.`,
    });
  });
});

describe('owner dropdown on an account of 1,000 users', () => {
  it('reaches every active user exactly once through "load more"', async () => {
    const big = await sandboxFor({ users: 1000 });
    try {
      const bigZap = await connectTo(big);
      const seen: string[] = [];
      for (let page = 0; page < 50; page += 1) {
        const choices = await bigZap.run<{ id: string }[]>('triggers.user_list.operation.perform', { meta: { page } as never });
        if (choices.length === 0) break;
        seen.push(...choices.map((choice) => choice.id));
      }
      const active: string[] = [];
      for (let offset = 0; offset < 1000; offset += 500) active.push(...big.store.page('users', offset, 500).items.filter((u) => u.is_active === 'Y').map((u) => u.id));
      expect(active).toHaveLength(800);
      expect(seen).toEqual(active);
    } finally {
      await big.close();
    }
  });
});

describe('template syntax in what a user typed', () => {
  it('reaches Gloop as typed, in every field, where a platform might try to render it', async () => {
    const typed = 'Call me at {{bundle.inputData.phone}}, price {{ 5 }} {% if x %}';
    const output = await live.zap.run<Record<string, string>>(CREATE, { inputData: { name: typed, phone: '0501234567', text: typed, ext_one: typed } });
    const [stored] = live.sandbox.store.records('LEADS');
    expect(stored.id).toBe(output.id);
    expect(stored.fields).toMatchObject({ name: typed, f_name: typed, text: typed, ext_one: typed });
  });
});

describe('every injected fault', () => {
  it.each([
    ['429', { name: 'ThrottledError', delay: 3, message: 'Gloop is limiting how fast it takes requests (HTTP 429: "יותר מדי בקשות, נסו שוב מאוחר יותר"); Zapier will retry in 3 seconds.' }],
    ['500', { name: 'AppError', code: 'GloopServerError', status: 500 }],
    [
      '503',
      {
        name: 'AppError',
        code: 'GloopServerError',
        status: 503,
        message: 'Gloop did not save the lead: it answered HTTP 503: "השירות אינו זמין כרגע", and a search right after found no such lead; replay this run once Gloop is working again.',
      },
    ],
    [
      'drop',
      {
        name: 'AppError',
        code: 'GloopUnreachable',
        status: 503,
        message: 'Gloop did not save the lead: the connection was lost (ECONNRESET), and a search right after found no such lead; replay this run once Gloop is working again.',
      },
    ],
    ['no-id', { name: 'AppError', code: 'GloopInvalidResponse', status: 502 }],
    ['not-json', { name: 'AppError', code: 'GloopInvalidResponse', status: 502 }],
  ] as const)('%s ends in the right Zapier error, and the replay stores the lead once', async (kind, expected) => {
    await armFault(live.sandbox, '/v2/leads/create', kind, 1, 3);
    expect(await zapierErrorOf(live.zap.run(CREATE, { inputData: lead }))).toMatchObject(expected);
    expect(live.sandbox.store.records('LEADS')).toEqual([]);

    const replayed = await live.zap.run<Record<string, string>>(CREATE, { inputData: lead });
    expect(live.sandbox.store.records('LEADS').map((record) => record.id)).toEqual([replayed.id]);
  });
});
