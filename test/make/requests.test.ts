import type { Sandbox } from '../../sandbox/server';
import type { RecordKind } from '../../sandbox/store';
import { verdictOf } from '../../src/leads/create-with-duplicate-check';
import { DOCUMENTED_USER_ID } from '../../sandbox/seed';
import { allowLocalSandbox, armFault, connectTo, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, expireTokens, sandboxFor } from '../helpers/sandbox';
import { ZAPIER_ONLY_OUTPUTS } from '../../scripts/make/app';
import { MakeError, MakeRunner } from './runner';

/**
 * The Make app's requests, rendered by the test's IML evaluator and sent to the sandbox over real
 * HTTP: a lead the Make module stores must be the lead the Zapier app stores for the same input.
 */
allowLocalSandbox();

const DOMAIN = 'acme.gloopcrm.co.il';
let sandbox: Sandbox;
let make: MakeRunner;
let now: Date;

beforeEach(async () => {
  sandbox = await sandboxFor();
  now = new Date();
  make = new MakeRunner({ domain: DOMAIN, client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET }, (url) => url.replace(`https://${DOMAIN}`, sandbox.url), () => now);
  await make.connect();
});
afterEach(() => sandbox.close());

/** What Gloop received, as it reads it (the duplicate check's own status choice aside), oldest last. */
const stored = (kind: RecordKind) => sandbox.store.records(kind).map((record) => JSON.parse(record.raw) as Record<string, unknown>);

describe('the Make connection, against the sandbox', () => {
  it('gets a token with Basic credentials and grant_type=client_credentials, and checks it with one cheap call', async () => {
    const [token] = make.sent;
    expect(token).toMatchObject({
      method: 'POST',
      url: `${sandbox.url}/oauth/token`,
      headers: { Authorization: `Basic ${Buffer.from(`${DEFAULT_CLIENT_ID}:${DEFAULT_CLIENT_SECRET}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(make.data).toEqual({ accessToken: expect.stringMatching(/^[\w-]{22}$/), expires: expect.any(Date) });
    // Renewed five minutes before Gloop's hour runs out.
    expect((make.data.expires as Date).getTime() - now.getTime()).toBe(55 * 60_000);
    expect(await make.info()).toEqual({ type: 'text', value: DOMAIN });
    expect(make.sent[1]).toMatchObject({ method: 'GET', url: `${sandbox.url}/v2/users?limit=1`, headers: { Authorization: `Bearer ${make.data.accessToken}` } });
  });

  it('renews the token only when it is due, and the new token works', async () => {
    expect(await make.refreshIfDue()).toBe(false);
    now = new Date(now.getTime() + 56 * 60_000);
    await expireTokens(sandbox);
    expect(await make.refreshIfDue()).toBe(true);
    await expect(make.info()).resolves.toEqual({ type: 'text', value: DOMAIN });
  });

  it('a wrong secret is an error with Gloop\'s own words', async () => {
    const wrong = new MakeRunner({ domain: DOMAIN, client_id: DEFAULT_CLIENT_ID, client_secret: 'not-it' }, (url) => url.replace(`https://${DOMAIN}`, sandbox.url));
    const error = await wrong.connect().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MakeError);
    expect(error).toMatchObject({ type: 'InvalidConfigurationError', statusCode: 401, message: expect.stringMatching(/^\[401\] פרטי ההתחברות שגויים.*Client ID and Client Secret/) });
  });
});

/** Each Make module, then the Zapier action, for the same input: Gloop receives the same, and both answer the same keys. */
async function expectSameAsZapier(zap: Awaited<ReturnType<typeof connectTo>>, steps: readonly (readonly [string, string, RecordKind, object])[]): Promise<void> {
  for (const [makeModule, zapierCreate, kind, input] of steps) {
    const made = (await make.runModule(makeModule, input as Record<string, unknown>)) as Record<string, unknown>;
    const zapped = await zap.run<Record<string, unknown>>(`creates.${zapierCreate}.operation.perform`, { inputData: input as never });
    const [fromZapier, fromMake] = stored(kind);
    expect([makeModule, fromMake]).toEqual([makeModule, fromZapier]);
    const zapierOutputs = Object.keys(zapped).filter((key) => !ZAPIER_ONLY_OUTPUTS.includes(key));
    expect([makeModule, Object.keys(made).sort()]).toEqual([makeModule, zapierOutputs.sort()]);
  }
}

describe('the Make modules store what the Zapier app stores, for the same input', () => {
  const lead = {
    name: 'דנה "הגדולה" לוי 🌟',
    f_name: 'דנה',
    phone: '+972 (52) 765-4321',
    email: 'dana@example.co.il',
    text: 'שורה 1\nשורה 2',
    owner: DOCUMENTED_USER_ID,
    utm_campaign: "Valentine's Day",
    ext_one: 'בערב',
    is_subscriber: true,
  };

  it.each([
    ['createLead', 'create_lead', 'LEADS', lead],
    ['createLead', 'create_lead', 'LEADS', { f_name: 'יוסי', l_name: 'כהן', phone: '050-111-2222' }],
    // A phone with words is sent as written; 972 without a + is not a +972 number.
    ['createLead', 'create_lead', 'LEADS', { name: 'שלוחה', phone: ' 050-1234567 ext 5 ' }],
    ['createLead', 'create_lead', 'LEADS', { name: 'קצר', phone: '9721234' }],
    ['createLead', 'create_lead', 'LEADS', { name: 'לונדון', phone: '+44 20 7946\u22120958' }],
    ['createLeadWithDuplicateCheck', 'create_lead_with_duplicate_check', 'LEADS', { name: 'רות', phone: '0521234567', email: 'ruth@example.co.il' }],
  ] as const)('%s', async (makeModule, zapierCreate, kind, input) => {
    const made = (await make.runModule(makeModule, input)) as Record<string, unknown>;
    const zap = await connectTo(sandbox);
    const zapped = await zap.run<Record<string, unknown>>(`creates.${zapierCreate}.operation.perform`, { inputData: input as never });
    const [fromZapier, fromMake] = stored(kind);
    expect(fromMake).toEqual(fromZapier);
    expect(made.id).toMatch(/^\d{39}$/);
    // Same outputs, but those only the Zapier app can give.
    const { confirmed_by_search: _confirmed, left_out: _leftOut, ...zapierOutputs } = zapped;
    expect(Object.keys(made).sort()).toEqual(Object.keys(zapierOutputs).sort());
    // Gloop answers each call on its own (a new id; the second of two the same is a duplicate).
    const gloopsOwn = ['id', 'lead_status', 'message', 'verdict', 'is_known'].filter((key) => key in made);
    const without = (output: Record<string, unknown>) => Object.fromEntries(Object.entries(output).filter(([key]) => !gloopsOwn.includes(key)));
    expect(without(made)).toEqual(without(zapierOutputs));
    if ('verdict' in made) expect([made.verdict, made.is_known]).toEqual([verdictOf(String(made.message)), verdictOf(String(made.message)) !== 'new' && verdictOf(String(made.message)) !== 'unknown']);
  });

  it('createCustomer and addNote, linked to the lead, store what the Zapier app stores', async () => {
    const [status] = (await make.runRpc('listCustomerStatuses')) as { value: string }[];
    const zap = await connectTo(sandbox);
    const leadId = ((await make.runModule('createLead', { name: 'רון', phone: '0541112233' })) as { id: string }).id;
    const customer = { name: 'רון לוי', status: status.value, lead_id: leadId, b_day: '1990-05-17', phone: '054-111-2233' };
    await make.runModule('createCustomer', customer);
    await zap.run('creates.create_account.operation.perform', { inputData: customer as never });
    const [fromZapier, fromMake] = stored('ACCOUNTS');
    expect(fromMake).toEqual(fromZapier);

    const note = { lead_id: leadId, msg: 'התקשר בערב 🙂' };
    expect(await make.runModule('addNote', note)).toMatchObject({ id: expect.stringMatching(/^\d{39}$/), lead_id: leadId, account_id: '', msg: note.msg });
    await zap.run('creates.create_note.operation.perform', { inputData: note as never });
    const [noteFromZapier, noteFromMake] = stored('NOTES');
    expect(noteFromMake).toEqual(noteFromZapier);
  });

  it('createTask, sendSms, sendSmsFromTemplate and createDocumentForSignature send what the Zapier app sends', async () => {
    const zap = await connectTo(sandbox);
    const leadId = ((await make.runModule('createLead', { name: 'דנה', phone: '0527654321' })) as { id: string }).id;
    const [status] = (await make.runRpc('listTaskStatuses')) as { value: string }[];
    const [template] = (await make.runRpc('listSmsTemplates')) as { value: string; label: string }[];
    expect(template.label).toMatch(/^ברוכים הבאים: היי \*\*\*שם\*\*\*/);
    const [documentTemplate] = (await make.runRpc('listSignatureTemplates')) as { value: string }[];
    const steps = [
      ['createTask', 'create_task', 'TASKS', { subject: 'לחזור', owner: DOCUMENTED_USER_ID, status: status.value, due: '2026-12-01T09:00:00.000Z', description: 'שורה\nשנייה', lead_id: leadId }],
      ['sendSms', 'send_sms', 'SMS', { from: '\u061c+972 54-444-4444', target: '052-765-4321', message: 'שלום', lead_id: leadId }],
      ['sendSmsFromTemplate', 'send_sms_template', 'SMS', { from: '0544444444', target: '+972527654321', template_id: template.value, lead_id: leadId }],
      ['sendSms', 'send_sms', 'SMS', { from: '972544444444', target: '054 444\u20134444', message: 'קצר', lead_id: leadId }],
      ['createDocumentForSignature', 'create_signature_document', 'DOCUMENTS', { name: 'דנה - הסכם', template_id: documentTemplate.value, by_user: DOCUMENTED_USER_ID, phone: '052-765-4321' }],
    ] as const;
    await expectSameAsZapier(zap, steps);
    // Only a whole 972 number is read as one: 9721234 goes as typed, and Gloop refuses it on both platforms.
    const short = { from: '0544444444', target: '9721234', message: 'קצר' };
    const refusal = 'מספר הטלפון בשדה target אינו תקין';
    await expect(make.runModule('sendSms', short)).rejects.toMatchObject({ type: 'DataError', message: expect.stringContaining(refusal) });
    expect(JSON.parse(String(make.sent.at(-1)?.body))).toMatchObject({ target: '9721234' });
    await expect(zap.run('creates.send_sms.operation.perform', { inputData: short as never })).rejects.toThrow(refusal);
    // Its Message output is the text it sent, as in the Zapier app; Gloop answers an SMS with a shipment id only.
    expect(await make.runModule('sendSms', { from: '0544444444', target: '0527654321', message: 'שלום' })).toMatchObject({ message: 'שלום', shipment_id: expect.stringMatching(/^\d+$/) });
  });

  it('createTicket, shortenLink, startTimer and stopTimer send what the Zapier app sends', async () => {
    const zap = await connectTo(sandbox);
    const [status] = (await make.runRpc('listTicketStatuses')) as { value: string }[];
    const [customerStatus] = (await make.runRpc('listCustomerStatuses')) as { value: string }[];
    const customer = (await make.runModule('createCustomer', { name: 'רון', status: customerStatus.value })) as { id: string };
    const steps = [
      ['createTicket', 'create_ticket', 'TICKETS', { subject: 'לא מצליח להתחבר', status: status.value, msg: 'שלום', account_id: customer.id, phone: '054-925-5555' }],
      ['shortenLink', 'shorten_link', 'LINKS', { url: ' https://example.co.il/a?b=1\n', access_code: '1234', guid: true, description: 'מבצע' }],
      ['startTimer', 'start_timer', 'TIMERS', { owner: DOCUMENTED_USER_ID, account_id: customer.id, start_time: '2026-12-01T09:30:00+02:00', comment: 'שיחה' }],
    ] as const;
    await expectSameAsZapier(zap, steps);
    const timers = (await make.runRpc('listOpenTimers')) as { value: string; label: string }[];
    expect(timers.map((timer) => timer.label)).toEqual(['שיחה (started 2026-12-01T07:30:00Z)', 'שיחה (started 2026-12-01T07:30:00Z)']);
    expect(await make.runModule('stopTimer', { timer_id: timers[0].value })).toEqual({ timer_id: timers[0].value, total_minuets: expect.stringMatching(/^\d+\.\d$/), message: 'הטיימר הופסק' });
    expect(make.sent.at(-1)).toMatchObject({ method: 'PUT', url: `${sandbox.url}/v2/timer/${timers[0].value}` });
  });

  it('createProductCategory, createProduct and createSale send what the Zapier app sends, when every amount is given', async () => {
    const zap = await connectTo(sandbox);
    const category = (await make.runModule('createProductCategory', { name: 'חולצות', is_active_yn: true })) as { id: string };
    const [categoryChoice] = (await make.runRpc('listProductCategories')) as { value: string }[];
    expect(categoryChoice.value).toBe(category.id);
    const product = { name: 'חולצת "כותנה"', price: 49.9, category: category.id, is_active: true, invetory: 12, sku: 'SH-01' };
    await expectSameAsZapier(zap, [['createProduct', 'create_product', 'PRODUCTS', product]]);
    const products = (await make.runRpc('listProducts')) as { value: string }[];
    const [status] = (await make.runRpc('listSaleStatuses')) as { value: string }[];
    const sale = {
      title: 'הזמנה 1042',
      status: status.value,
      total: 153.4,
      products: [{ product_id: products[0].value, description: 'מידה L', quantity: 3, price_per_unit: 49.9, total_product: 149.7 }],
      discount_type: '#',
      discount: 19.7,
      discount_value: 19.7,
      sub_total: 149.7,
      is_tax: true,
      tax_rate: 18,
      tax: 23.4,
    };
    await expectSameAsZapier(zap, [['createSale', 'create_sale', 'SALES', sale]]);
    const found = await make.runModule('getProduct', { product_id: products[0].value });
    const zapped = await zap.run<unknown[]>('searches.find_product.operation.perform', { inputData: { product_id: products[0].value } as never });
    expect(found).toEqual(zapped);
    // Gloop answers a movement with the stock after it, which may be 0: the module takes that as done.
    await expectSameAsZapier(zap, [['moveStock', 'move_stock', 'MOVEMENTS', { product_id: products[0].value, operation: 'OUT', quantity: 6, comment: 'הזמנה 1042' }]]);
    await make.runModule('moveStock', { product_id: products[0].value, operation: 'IN', quantity: 0.5, comment: 'x' });
    expect(await make.runModule('moveStock', { product_id: products[0].value, operation: 'OUT', quantity: 0.5, comment: 'x' })).toMatchObject({ inventory_before: 0.5, inventory_after: 0 });
  });

  it.each([
    ['addWorkingDays', 'add_working_days', { start_date: '2021-08-31T00:00:00Z', increment: 14, weekend: '6,7' }],
    ['addWeekdays', 'add_week_days', { start_date: '2021-08-31T00:00:00Z', increment: 14, weekend: '6,7' }],
    ['countWorkingDays', 'working_days_between', { start_date: '2021-08-31T00:00:00Z', end_date: '2021-09-15T00:00:00Z', weekend: '6,7' }],
  ] as const)('%s sends plain days and answers the date and counts the Zapier app answers', async (makeModule, zapierCreate, input) => {
    const zap = await connectTo(sandbox);
    const made = (await make.runModule(makeModule, input)) as Record<string, unknown>;
    const zapped = await zap.run<Record<string, unknown>>(`creates.${zapierCreate}.operation.perform`, { inputData: input as never });
    // The Zapier app's request is proven byte for byte in test/working-days.test.ts: the same days, in the same format.
    const [sentByMake] = make.sent.filter((call) => call.url.includes('/v2/workingDays/')).map((call) => JSON.parse(String(call.body)) as Record<string, unknown>);
    expect(sentByMake).toEqual({ ...input, start_date: '2021-08-31', ...('end_date' in input ? { end_date: '2021-09-15' } : {}), date_format: 'YYYY-MM-DD', return_format: 'YYYY-MM-DD' });
    const counts = (output: Record<string, unknown>) => ({ date: output.date, holidays: output.days_total_holidays, weekends: output.days_total_weekends, working: output.days_total_working_days });
    expect(counts(made)).toEqual(counts(zapped));
    expect(Object.keys(made).sort()).toEqual(Object.keys(zapped).sort());
  });

  it('searches leads only, or leads and customers, and customers only, with every output key', async () => {
    const created = (await make.runModule('createLead', { name: 'נועה', phone: '0509998877' })) as { id: string };
    const [status] = (await make.runRpc('listCustomerStatuses')) as { value: string }[];
    const customer = (await make.runModule('createCustomer', { name: 'נועה', phone: '0509998877', status: status.value })) as { id: string };
    const leads = (await make.runModule('searchLeads', { phone: '050-999-8877' })) as Record<string, unknown>[];
    expect(leads.map((found) => [found.id, found.object_type])).toEqual([[created.id, 'LEADS']]);
    expect(Object.keys(leads[0]).sort()).toEqual(['company', 'created', 'created_by', 'email', 'id', 'name', 'object_type', 'passport', 'phone', 'updated', 'updated_by', 'utm_campaign', 'utm_source']);
    const both = (await make.runModule('searchLeads', { phone: '0509998877', object_type: 'BOTH' })) as Record<string, unknown>[];
    expect(both.map((found) => found.id)).toEqual([customer.id, created.id]);
    const customers = (await make.runModule('searchCustomers', { name: 'נועה' })) as Record<string, unknown>[];
    expect(customers.map((found) => [found.id, found.object_type])).toEqual([[customer.id, 'ACCOUNTS']]);
    // Gloop stores a +972 number in its local form, and its search matches from the start: both platforms search by the local one.
    // A number without the + is stored as sent, so it is searched as sent: this one finds nothing on either.
    const searchers = { make: (phone: string) => make.runModule('searchCustomers', { phone }), zapier: async (phone: string) => (await connectTo(sandbox)).run('searches.find_customer.operation.perform', { inputData: { phone } as never }) };
    for (const [phone, found] of [['+972 50-999-8877', [customer.id]], ['+9720509998877', [customer.id]], ['972509998877', []]] as const) {
      for (const [platform, search] of Object.entries(searchers)) {
        expect([platform, phone, ((await search(phone)) as Record<string, unknown>[]).map((result) => result.id)]).toEqual([platform, phone, found]);
      }
    }
  });

  it('Gloop\'s Hebrew message and the right error type reach the Make user', async () => {
    await expect(make.runModule('addNote', { lead_id: '9'.repeat(39), msg: 'x' })).rejects.toMatchObject({ type: 'DataError', statusCode: 400, message: expect.stringContaining('לא נמצא ליד') });
    await armFault(sandbox, '/v2/leads/create', '429', 1, 5);
    await expect(make.runModule('createLead', { name: 'A', phone: '0501234567' })).rejects.toMatchObject({ type: 'RateLimitError', statusCode: 429, message: expect.stringContaining('יותר מדי בקשות') });
    await armFault(sandbox, '/v2/leads/create', '503');
    await expect(make.runModule('createLead', { name: 'A', phone: '0501234567' })).rejects.toMatchObject({ type: 'ConnectionError', statusCode: 503 });
    await expireTokens(sandbox);
    await expect(make.runModule('createLead', { name: 'A', phone: '0501234567' })).rejects.toMatchObject({ type: 'InvalidAccessTokenError', statusCode: 401 });
    await armFault(sandbox, '/v2/leads/create', 'no-id');
    make.data = {};
    await make.connect();
    await expect(make.runModule('createLead', { name: 'A', phone: '0501234567' })).rejects.toMatchObject({ type: 'RuntimeError' });
  });
});

describe('the Make RPCs behind the dropdowns', () => {
  it('list every active user, paged to the last page, ids as strings, users who left left out', async () => {
    const many = await sandboxFor({ users: 250 });
    try {
      const runner = new MakeRunner({ domain: DOMAIN, client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET }, (url) => url.replace(`https://${DOMAIN}`, many.url));
      await runner.connect();
      const users = (await runner.runRpc('listUsers')) as { value: string; label: string }[];
      const active = many.store.page('users', 0, 1000).items.filter((user) => user.is_active === 'Y');
      expect(users.map((user) => user.value)).toEqual(active.map((user) => user.id));
      expect(runner.sent.filter((request) => request.url.includes('/v2/users')).map((request) => new URL(request.url).searchParams.get('offset'))).toEqual(['0', '100', '200']);
    } finally {
      await many.close();
    }
  });

  it.each([
    'listLeadStatuses',
    'listCustomerStatuses',
    'listCustomerTypes',
    'listTaskStatuses',
    'listTaskPriorities',
    'listSmsTemplates',
    'listSignatureTemplates',
    'listTicketStatuses',
    'listTicketDepartments',
    'listTicketPriorities',
  ])(
    '%s offers the selectable entries with their ids',
    async (rpc) => {
      const options = (await make.runRpc(rpc)) as { value: string; label: string }[];
      expect(options.length).toBeGreaterThan(1);
      for (const option of options) expect(option).toEqual({ value: expect.stringMatching(/^\d{1,39}$/), label: expect.any(String) });
    },
  );
});
