import nock from 'nock';
import { gloopBaseUrl } from '../src/http/domain';
import { App, appTester, authData, BASE_URL, CLIENT_SECRET, DOMAIN, LEAD_ID, localZap, perform, STATUS_ID, USER_ID } from './helpers/app';
import { definition, type Field, type Kind, type Operation } from './helpers/definition';
import { useNock } from './helpers/nock';

/**
 * Zapier's integration checks (the public check reference) and the written publishing
 * requirements and build guidelines, for every rule the app definition alone decides.
 * Each test is named by its check id, so a regression fails here, not in Zapier's review.
 */

useNock();

const operationsOf = (kind: Kind) => Object.values(definition[kind]).map((operation) => ({ kind, operation }));
const triggers = operationsOf('triggers');
const searches = operationsOf('searches');
const creates = operationsOf('creates');
const everyOperation = [...triggers, ...searches, ...creates];
const visible = everyOperation.filter(({ operation }) => !operation.display.hidden);
const inputFieldsOf = (operation: Operation) => operation.operation.inputFields ?? [];
/** Every field a user fills, the fields of a line item included. */
const everyInputField = everyOperation.flatMap(({ operation }) => inputFieldsOf(operation).flatMap((field) => [field, ...(field.children ?? [])].map((one) => ({ operation, field: one }))));
const named = <Row extends { operation: Operation }>(rows: Row[]) => rows.map((row) => [row.operation.key, row] as const);

/** Every user-facing text of the definition, with where it stands. */
function userFacingTexts(): [where: string, text: string][] {
  const texts: [string, string][] = [];
  for (const field of definition.authentication.fields) texts.push([`auth ${field.key}`, `${field.label} ${field.helpText ?? ''} ${field.placeholder ?? ''}`]);
  for (const { operation } of everyOperation) {
    texts.push([operation.key, `${operation.display.label} ${operation.display.description} ${operation.noun}`]);
    for (const group of operation.operation.inputFieldGroups ?? []) texts.push([`${operation.key} group ${group.key}`, group.label]);
    for (const field of inputFieldsOf(operation)) {
      texts.push([`${operation.key}.${field.key}`, [field.label, field.helpText, field.placeholder, ...(field.choices ?? []).map((choice) => choice.label)].join(' ')]);
    }
    for (const field of operation.operation.outputFields) texts.push([`${operation.key} output ${field.key}`, field.label ?? '']);
  }
  for (const searchOrCreate of Object.values(definition.searchOrCreates)) texts.push([`${searchOrCreate.key} (search or create)`, `${searchOrCreate.display.label} ${searchOrCreate.display.description}`]);
  return texts;
}

const helpTexts = (): [string, string][] => [
  ...definition.authentication.fields.map((field): [string, string] => [`auth ${field.key}`, field.helpText ?? '']),
  ...everyInputField.map(({ operation, field }): [string, string] => [`${operation.key}.${field.key}`, field.helpText ?? '']),
  ...everyOperation.map(({ operation }): [string, string] => [operation.key, operation.display.description]),
];

/** Zapier's title case: every word capitalised, but for short joining words inside the label. */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of', 'on', 'or', 'per', 'the', 'to', 'via', 'vs', 'with']);
function titleCaseProblems(label: string): string[] {
  // A parenthesised list of values shows the values as they come, not as words of the label.
  const words = label.replace(/\([^)]*\)/g, ' ').split(/\s+/).filter((word) => /\p{L}/u.test(word));
  return words.flatMap((word, index) => {
    const bare = word.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
    const edge = index === 0 || index === words.length - 1;
    if (!edge && SMALL_WORDS.has(bare.toLowerCase())) return bare === bare.toLowerCase() ? [] : [`"${bare}" should be lower case`];
    return /^[\p{Lu}\d]/u.test(bare) ? [] : [`"${bare}" should start with a capital`];
  });
}

/** Fields whose value is a Gloop id, by Gloop's names for them; `woo_id` is the user's shop's own number. */
const NOT_GLOOP_IDS = ['woo_id'];
const isIdField = (field: Field) => (/_id$/.test(field.key) && !NOT_GLOOP_IDS.includes(field.key)) || ['owner', 'lead_status', 'status', 'type'].includes(field.key);
const holdsId = (field: Field, inputs: Field[]) =>
  !NOT_GLOOP_IDS.includes(field.key) && (field.key === 'id' || /_id$|_status$/.test(field.key) || inputs.some((input) => input.key === field.key && isIdField(input)));

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;
const typeMatches = (type: string | undefined, value: unknown) =>
  type === 'boolean' ? typeof value === 'boolean' : type === 'datetime' ? typeof value === 'string' && ISO_8601.test(value) : type === 'integer' || type === 'number' ? typeof value === 'number' : typeof value === 'string';

describe('Definition checks (D)', () => {
  it('D001: no trigger, search or action asks for an API key, token or secret; credentials live in the connection only', () => {
    const credentialLike = everyInputField.filter(({ field }) => /api.?key|token|secret|password|client.?id/i.test(`${field.key} ${field.label}`) || field.type === 'password');
    expect(credentialLike.map(({ operation, field }) => `${operation.key}.${field.key}`)).toEqual([]);
  });

  it('D002: every connection field links to where a Gloop admin finds the credentials', () => {
    for (const field of definition.authentication.fields) expect([field.key, field.helpText]).toEqual([field.key, expect.stringMatching(/\[[^\]]+\]\(https:\/\/[^)\s]+\)/)]);
  });

  it('D003: the connection label names the account by its Gloop host, and never shows a secret (publishing requirement 5.6)', async () => {
    const label = await appTester(definition.authentication.connectionLabel as never, { authData: { ...authData, client_id: 'zapier-client' } });
    expect(label).toBe(DOMAIN);
    expect(String(label)).not.toContain(CLIENT_SECRET);
  });

  it('D004: every field that takes a Gloop id has a dynamic dropdown', () => {
    const bare = everyInputField.filter(({ field }) => isIdField(field) && !field.dynamic);
    expect(bare.map(({ operation, field }) => `${operation.key}.${field.key}`)).toEqual([]);
    expect(everyInputField.filter(({ field }) => isIdField(field)).length).toBeGreaterThanOrEqual(8);
  });

  it('D005: every dropdown reads an existing trigger, whose output has the value and the label it names', () => {
    for (const { operation, field } of everyInputField.filter(({ field }) => field.dynamic)) {
      const [triggerKey, valueKey, labelKey] = field.dynamic!.split('.');
      const trigger = definition.triggers[triggerKey];
      expect([operation.key, field.key, trigger?.key]).toEqual([operation.key, field.key, triggerKey]);
      const outputs = trigger.operation.outputFields.map((output) => output.key);
      expect(outputs).toEqual(expect.arrayContaining([valueKey, labelKey]));
    }
  });

  it('D006, D016, D017: every trigger is a polling trigger; there are no REST or static hooks', () => {
    expect(triggers.filter(({ operation }) => operation.operation.type !== 'polling').map(({ operation }) => operation.key)).toEqual([]);
  });

  it('D007 and publishing requirement 4.2: every URL in the definition is https', () => {
    expect(JSON.stringify(App).match(/http:\/\/[^"\s)]*/g) ?? []).toEqual([]);
  });

  it('D008: links in help texts and descriptions are Markdown links, and addresses shown as examples are in backticks', () => {
    for (const [where, text] of helpTexts()) {
      const rest = text.replace(/\[[^\][]+\]\(https:\/\/[^\s()]+\)/g, '').replace(/`[^`]*`/g, '');
      expect([where, rest]).toEqual([where, expect.not.stringMatching(/https?:|www\.|[[\]]|\]\(|\.(com|co\.il)\b/)]);
    }
  });

  it.each(named(searches))('D009: search %s has at least one field to search by', (_key, { operation }) => {
    expect(inputFieldsOf(operation).length).toBeGreaterThan(0);
  });

  it.each(named(triggers))('D010: the sample of polling trigger %s holds its primary key', (_key, { operation }) => {
    const primary = operation.operation.outputFields.filter((field) => field.primary).map((field) => field.key);
    for (const key of primary.length > 0 ? primary : ['id']) expect(operation.operation.sample[key]).toEqual(expect.any(String));
  });

  it('D011: no help text repeats its label; each says more', () => {
    const fields = [...definition.authentication.fields.map((field) => ({ where: 'auth', field })), ...everyInputField.map(({ operation, field }) => ({ where: operation.key, field }))];
    // Zapier's schema gives a line item's parent no help text: its lines carry it.
    for (const { where, field } of fields.filter(({ field }) => !('children' in field && field.children))) {
      const help = (field.helpText ?? '').trim().replace(/\.$/, '').toLowerCase();
      expect([where, field.key, help.length > (field.label ?? '').length + 10]).toEqual([where, field.key, true]);
      expect(help).not.toBe((field.label ?? '').toLowerCase());
    }
  });

  it.each(named(everyOperation))('D012: %s has a static sample', (_key, { operation }) => {
    expect(Object.keys(operation.operation.sample).length).toBeGreaterThan(1);
  });

  it('D013: every search-powered field names an existing search, and a key that search returns', () => {
    const searchPowered = everyInputField.filter(({ field }) => field.search);
    expect(searchPowered.map(({ operation, field }) => `${operation.key}.${field.key}:${field.search}`)).toEqual([
      'create_note.lead_id:find_lead.id',
      'create_note.account_id:find_customer.id',
      'create_account.lead_id:find_lead.id',
      'create_task.lead_id:find_lead.id',
      'create_task.account_id:find_customer.id',
      'send_sms.lead_id:find_lead.id',
      'send_sms.account_id:find_customer.id',
      'send_sms_template.lead_id:find_lead.id',
      'send_sms_template.account_id:find_customer.id',
      'create_ticket.account_id:find_customer.id',
      'start_timer.account_id:find_customer.id',
      'create_sale.account_id:find_customer.id',
      'create_sale.lead_id:find_lead.id',
    ]);
    for (const { field } of searchPowered) {
      const [searchKey, outputKey] = field.search!.split('.');
      expect(definition.searches[searchKey].operation.outputFields.map((output) => output.key)).toContain(outputKey);
    }
  });

  it('D014: every search-powered field also has a dropdown, which the "Add a search step" button needs', () => {
    expect(everyInputField.filter(({ field }) => field.search && !field.dynamic).map(({ field }) => field.key)).toEqual([]);
  });

  it('D014: a lead field searches leads and a customer field searches customers', () => {
    for (const { field } of everyInputField.filter(({ field }) => field.search)) {
      const search = definition.searches[field.search!.split('.')[0]];
      expect([field.key, search.noun]).toEqual([field.key, field.key === 'account_id' ? 'Customer' : 'Lead']);
      expect(definition.triggers[field.dynamic!.split('.')[0]].noun).toBe(search.noun);
    }
  });

  it('D015: each search-or-create pairs an existing search with an existing create, under the search\'s key', () => {
    expect(Object.values(definition.searchOrCreates).map(({ key, search, create }) => [key, search, create])).toEqual([
      ['find_lead', 'find_lead', 'create_lead'],
      ['find_customer', 'find_customer', 'create_account'],
    ]);
    for (const { search, create } of Object.values(definition.searchOrCreates)) {
      expect(definition.searches[search]).toBeDefined();
      expect(definition.creates[create]).toBeDefined();
    }
  });

  it('D018: trigger, search and action labels, field labels, group labels and output labels are in title case', () => {
    const labels = [
      ...everyOperation.map(({ operation }) => operation.display.label),
      ...Object.values(definition.searchOrCreates).map((searchOrCreate) => searchOrCreate.display.label),
      ...definition.authentication.fields.map((field) => field.label ?? ''),
      ...everyInputField.map(({ field }) => field.label ?? ''),
      ...everyOperation.flatMap(({ operation }) => (operation.operation.inputFieldGroups ?? []).map((group) => group.label)),
      ...everyOperation.flatMap(({ operation }) => operation.operation.outputFields.map((field) => field.label ?? '')),
    ];
    expect(labels.map((label) => [label, titleCaseProblems(label)]).filter(([, problems]) => problems.length > 0)).toEqual([]);
  });

  it('D018: the title-case rule itself catches what the reference calls wrong', () => {
    expect(titleCaseProblems('new contact')).toEqual(['"new" should start with a capital', '"contact" should start with a capital']);
    expect(titleCaseProblems('Subscribed To Mailing List')).toEqual(['"To" should be lower case']);
    expect(titleCaseProblems('Verdict (new or duplicate)')).toEqual([]);
  });

  it.each(named(triggers))('D021: trigger %s describes itself with "Triggers when …."', (_key, { operation }) => {
    expect(operation.display.description).toMatch(/^Triggers when [^.]+\.$/);
  });

  it.each(named(creates))('D022: action %s has static input fields a Zap template can fill', (_key, { operation }) => {
    expect(inputFieldsOf(operation).every((field) => typeof field === 'object' && typeof field.key === 'string')).toBe(true);
    expect(inputFieldsOf(operation).length).toBeGreaterThan(0);
  });

  it.each(named(everyOperation))('D023: every date in the sample of %s is ISO 8601 with a time zone', (_key, { operation }) => {
    for (const [key, value] of Object.entries(operation.operation.sample)) {
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) expect([key, value]).toEqual([key, expect.stringMatching(ISO_8601)]);
    }
  });

  it.each(named(everyOperation))('D024: the sample of %s respects its output fields: required keys present, types matching', (_key, { operation }) => {
    const { sample, outputFields } = operation.operation;
    for (const field of outputFields) {
      if ((field as { required?: boolean }).required) expect(Object.keys(sample)).toContain(field.key);
      if (field.key in sample) expect([field.key, typeMatches(field.type, sample[field.key])]).toEqual([field.key, true]);
    }
    // A line item's outputs are named `products[]quantity`, and its sample is the list.
    expect(Object.keys(sample).filter((key) => !outputFields.some((field) => field.key === key || field.key.startsWith(`${key}[]`)))).toEqual([]);
  });

  it('D025: no URL in the definition is a javascript:, data: or vbscript: URI', () => {
    expect(JSON.stringify(App)).not.toMatch(/(javascript|data|vbscript):/i);
  });

  it.each([
    'acme.gloopcrm.co.il@evil.example',
    'evil.example/acme.gloopcrm.co.il',
    'http://acme.gloopcrm.co.il',
    'acme.gloopcrm.co.il:8443',
    'acme.gloopcrm.co.il#.evil.example',
    '169.254.169.254',
    'localhost',
    'intranet',
    'javascript:alert(1)',
  ])('D026: the domain a user types is validated before any request: %j is refused', (domain) => {
    expect(() => gloopBaseUrl(domain, {})).toThrow(/^The Gloop domain /);
  });
});

/** Gloop's smallest successful answers: only what the vendor documents it always sends. */
const MINIMAL = {
  create_lead: { path: '/v2/leads/create', answer: { id: LEAD_ID, message: 'הליד נוצר בהצלחה' }, input: { name: 'ישראל', phone: '0501234567' } },
  create_lead_with_duplicate_check: { path: '/v2/leads/intelligent', answer: { id: LEAD_ID, message: 'נוצר' }, input: { f_name: 'ישראל', phone: '0501234567' } },
  create_note: { path: '/v2/notes/create', answer: { id: LEAD_ID }, input: { msg: 'הערה', account_id: LEAD_ID } },
  create_account: { path: '/v2/accounts/create', answer: { id: LEAD_ID }, input: { f_name: 'רון', status: STATUS_ID } },
  create_task: { path: '/v2/tasks/create', answer: { id: LEAD_ID }, input: { subject: 'לחזור', owner: USER_ID, status: STATUS_ID } },
  send_sms: { path: '/v2/sms/send', answer: { shipment_id: '1124835822' }, input: { from: '0544444444', target: '0542222222', message: 'שלום' } },
  send_sms_template: { path: '/v2/sms/sendTemplate', answer: { shipment_id: '1124840092' }, input: { from: '0544444444', target: '0542222222', template_id: LEAD_ID } },
  create_signature_document: { path: '/v2/signatures/create', answer: { id: '261', document: 'https://e-sign.co.il/xxxx' }, input: { name: 'הסכם', template_id: '3', by_user: USER_ID } },
  create_ticket: { path: '/v2/tickets/create', answer: { id: LEAD_ID }, input: { subject: 'x', status: STATUS_ID } },
  shorten_link: { path: '/v2/links/shortner', answer: { id: LEAD_ID, short_url: 'https://blabla.link/xxxx' }, input: { url: 'https://example.com/a' } },
  start_timer: { path: '/v2/timer/start', answer: { id: LEAD_ID }, input: { owner: USER_ID } },
  create_sale: { path: '/v2/sales/create', answer: { id: LEAD_ID }, input: { title: 'הזמנה', status: STATUS_ID, total: '100' } },
  create_product: { path: '/v2/products/create', answer: { id: LEAD_ID }, input: { name: 'TV', price: '550', category: STATUS_ID, is_active: 'yes' } },
  create_product_category: { path: '/v2/products/categories/create', answer: { id: LEAD_ID }, input: { name: 'חולצות' } },
  // Every example of the vendor's counts the days it skipped.
  add_working_days: { path: '/v2/workingDays/addWorkingDays', answer: { date: '2021-09-22', days_total_holidays: 4, days_total_weekends: 4 }, input: { start_date: '2021-08-31', increment: '14', weekend: '6,7' } },
  add_week_days: { path: '/v2/workingDays/addWeekDays', answer: { date: '2021-09-18', days_total_weekends: 4 }, input: { start_date: '2021-08-31', increment: '14', weekend: '6,7' } },
  working_days_between: {
    path: '/v2/workingDays/WorkingDaysBetween',
    answer: { date: '2021-09-15', days_total_holidays: 5, days_total_weekends: 4, days_total_working_days: 6 },
    input: { start_date: '2021-08-31', end_date: '2021-09-15', weekend: '6,7' },
  },
  move_stock: { path: '/v2/products/inventory/movment', answer: { inventory_before: 4, inventory_after: 1 }, input: { product_id: LEAD_ID, operation: 'OUT', quantity: '3', comment: 'x' } },
} as const;
const MINIMAL_SEARCHES = {
  find_lead: { type: 'LEADS', input: { phone: '0501234567' } },
  find_customer: { type: 'ACCOUNTS', input: { email: 'a@example.co.il' } },
} as const;

async function liveCreate(key: keyof typeof MINIMAL) {
  const { path, answer, input } = MINIMAL[key];
  nock(BASE_URL).post(path).reply(201, answer);
  return (await perform(definition.creates[key], { authData, inputData: input })) as Record<string, unknown>;
}

async function liveSearch(key: keyof typeof MINIMAL_SEARCHES) {
  const { type, input } = MINIMAL_SEARCHES[key];
  nock(BASE_URL).post('/v2/search/leadsAndAccounts').reply(200, { count: 1, results: [{ id: LEAD_ID, object_type: type, created: '2026-02-14T09:30:00Z' }] });
  return (await perform(definition.searches[key], { authData, inputData: input })) as unknown as Record<string, unknown>[];
}

/** What Gloop's search always sends of a record, as the vendor's example shows: an Updated trigger's record changed after it was made. */
const SEARCHED = (type: string) => ({ id: LEAD_ID, object_type: type, created: '2021-09-15T21:00:00Z', updated: '2021-09-20T14:11:16Z' });
const LIVE_POLLS: Record<string, () => void> = {
  new_lead: () => answerSearches('LEADS'),
  updated_lead: () => answerSearches('LEADS'),
  new_customer: () => answerSearches('ACCOUNTS'),
  updated_customer: () => answerSearches('ACCOUNTS'),
  new_product: () => {
    // The vendor's product, with the nulls it shows.
    const product = { id: LEAD_ID, name: 'TV', price: 550, desctiption: null, sku: null, invetory: 4, is_physical_yn: 'Y', tags: null, is_active_yn: 'Y', display_sequence: null, category: STATUS_ID, payplus_uid: null };
    nock(BASE_URL).get('/v2/products/').query(true).reply(200, { items: [{ ...product, created: '2021-09-22T11:00:54.274Z', updated: '2021-09-22T11:00:54.461Z' }], hasMore: false });
  },
};

function answerSearches(type: string) {
  nock(BASE_URL).post('/v2/search/leadsAndAccounts').times(11).reply(200, { count: 1, results: [SEARCHED(type)] });
}

async function liveTrigger(key: string) {
  const poll = LIVE_POLLS[key];
  if (poll) poll();
  else {
    nock(BASE_URL)
      .get(/\/v2\/.*/)
      .reply(200, { items: [{ id: USER_ID, name: 'משה', is_active: 'Y' }], hasMore: false });
  }
  // Through Zapier's runtime, which keeps the cursor of a paged dropdown.
  return localZap().run<Record<string, unknown>[]>(`triggers.${key}.operation.perform`, { meta: { page: 0 } as never });
}

// A line item's outputs (`products[]quantity`) are the keys of each entry of its list.
const keysOf = (operation: Operation) => [...new Set([...Object.keys(operation.operation.sample), ...operation.operation.outputFields.map((field) => field.key.replace(/\[\].*$/, ''))])];
const listable = triggers.filter(({ operation }) => !['lead_list', 'customer_list'].includes(operation.key));

describe('Zap history checks (T), run live against Gloop\'s smallest answers', () => {
  it.each(named(listable))('T002: every result of polling trigger %s has its primary key', async (key, { operation }) => {
    const results = await liveTrigger(key);
    expect(results.length).toBeGreaterThan(0);
    const primary = operation.operation.outputFields.filter((field) => field.primary).map((field) => field.key);
    for (const result of results) {
      expect(result.id).toMatch(/^\d{39}$/);
      for (const field of primary) expect([field, result[field]]).toEqual([field, expect.stringMatching(/\S/)]);
    }
  });

  it('T002: an Updated trigger deduplicates on the record and the moment it changed, so each change is new to Zapier', () => {
    for (const key of ['updated_lead', 'updated_customer']) {
      expect([key, definition.triggers[key].operation.outputFields.filter((field) => field.primary).map((field) => field.key)]).toEqual([key, ['id', 'updated']]);
    }
    for (const key of ['new_lead', 'new_customer', 'new_product']) expect(definition.triggers[key].operation.outputFields.filter((field) => field.primary)).toEqual([]);
  });

  it('T002: the lead and customer dropdowns, which Gloop cannot fill, answer an empty list without a request', async () => {
    expect(await appTester(definition.triggers.lead_list.operation.perform as never, { authData })).toEqual([]);
    expect(await appTester(definition.triggers.customer_list.operation.perform as never, { authData })).toEqual([]);
  });

  it.each(Object.keys(MINIMAL_SEARCHES))('T003: dates that %s returns are ISO 8601 with a time zone', async (key) => {
    const [result] = await liveSearch(key as keyof typeof MINIMAL_SEARCHES);
    expect(result.created).toMatch(ISO_8601);
  });

  it.each(Object.keys(MINIMAL))('T004: with only the inputs it needs, %s returns every key of its sample and output fields', async (key) => {
    const output = await liveCreate(key as keyof typeof MINIMAL);
    expect(Object.keys(output)).toEqual(expect.arrayContaining(keysOf(definition.creates[key])));
    expect(Object.entries(output).filter(([, value]) => value === undefined || value === null)).toEqual([]);
  });

  it('T004: find_product returns every key of its sample and output fields, even where Gloop has no value, but a figure it has none of', async () => {
    nock(BASE_URL).get(`/v2/products/${LEAD_ID}`).reply(200, { items: [{ id: LEAD_ID, name: 'TV', price: 550, sku: null }], hasMore: false });
    const [product] = (await perform(definition.searches.find_product, { authData, inputData: { product_id: LEAD_ID } })) as unknown as Record<string, unknown>[];
    expect(Object.keys(product).sort()).toEqual(keysOf(definition.searches.find_product).filter((key) => key !== 'invetory').sort());
    expect(Object.entries(product).filter(([, value]) => value === undefined || value === null)).toEqual([]);
  });

  it.each(Object.keys(MINIMAL_SEARCHES))('T004: with one criterion, every result of %s holds every key of its sample and output fields', async (key) => {
    const results = await liveSearch(key as keyof typeof MINIMAL_SEARCHES);
    expect(results).toHaveLength(1);
    expect(Object.keys(results[0])).toEqual(expect.arrayContaining(keysOf(definition.searches[key])));
    expect(Object.entries(results[0]).filter(([, value]) => value === undefined || value === null)).toEqual([]);
  });

  it.each(named(listable))('T005 and T006: live results of trigger %s respect its output fields and hold every key of its sample', async (key, { operation }) => {
    for (const result of await liveTrigger(key)) {
      for (const field of operation.operation.outputFields) expect([field.key, typeMatches(field.type, result[field.key])]).toEqual([field.key, true]);
      expect(Object.keys(result)).toEqual(expect.arrayContaining(Object.keys(operation.operation.sample)));
    }
  });
});

describe('Publishing requirements and build guidelines', () => {
  it('5.7: every label, description, help text and choice is in English (Hebrew stays in data and in Gloop\'s own messages)', () => {
    expect(userFacingTexts().filter(([, text]) => /\p{Script=Hebrew}/u.test(text))).toEqual([]);
  });

  it.each(named(visible.filter(({ kind }) => kind !== 'triggers')))('action copy: %s has a one-sentence description that starts with its verb, ends with a period and does not name the app', (_key, { kind, operation }) => {
    const { description, label } = operation.display;
    expect(description).toMatch(/^[A-Z][a-z]+s [^.!?;]+\.$/);
    expect(description).not.toMatch(/gloop|zapier|thebase/i);
    expect(description.length).toBeLessThanOrEqual(120);
    // The label's verb, and the description starting with the same verb in the third person.
    const verb = label.split(' ')[0];
    if (kind === 'searches') expect(verb).toBe('Find');
    expect(description.startsWith(`${verb}s `) || description.startsWith(`${verb}es `)).toBe(true);
    expect(operation.noun).toMatch(/^[A-Z][a-z]+$/);
  });

  it.each(named(visible.filter(({ kind }) => kind === 'triggers')))('trigger copy: %s is "New …" or "Updated …", with a one-sentence description that does not name the app', (_key, { operation }) => {
    expect(operation.display.label).toMatch(/^(New|Updated) [A-Z][a-z]+$/);
    expect(operation.display.label.endsWith(` ${operation.noun}`)).toBe(true);
    expect(operation.display.description).not.toMatch(/gloop|zapier|thebase|[;!?]/i);
    expect(operation.display.description.length).toBeLessThanOrEqual(120);
  });

  it('search-or-create copy: "Find or Create …" with a one-sentence description', () => {
    for (const { display } of Object.values(definition.searchOrCreates)) {
      expect(display.label).toMatch(/^Find or Create [A-Z][a-z]+$/);
      expect(display.description).toMatch(/^Finds [^.!?;]+\.$/);
    }
  });

  it('ID fields: no input field is labelled "… ID"; ids are picked from dropdowns or searches', () => {
    expect(everyInputField.filter(({ field }) => /\bID$/.test(field.label ?? '')).map(({ operation, field }) => `${operation.key}.${field.label}`)).toEqual([]);
  });

  it.each(named(visible))('output fields: %s labels every id as an ID, and no two outputs share a label', (_key, { operation }) => {
    const { outputFields, inputFields } = operation.operation;
    for (const field of outputFields.filter((output) => holdsId(output, inputFields ?? []))) expect(field.label).toMatch(/\bID\b/);
    const labels = outputFields.map((field) => field.label);
    expect(labels.filter((label, index) => labels.indexOf(label) !== index)).toEqual([]);
  });

  it('required fields: required exactly when Gloop needs the value and nothing else in the step can give it', () => {
    const required = Object.fromEntries(visible.map(({ operation }) => [operation.key, inputFieldsOf(operation).filter((field) => field.required).map((field) => field.key)]));
    expect(required).toEqual({
      new_lead: [],
      updated_lead: [],
      new_customer: [],
      updated_customer: [],
      new_product: [],
      find_lead: [],
      find_customer: [],
      create_lead: ['phone'],
      create_lead_with_duplicate_check: ['phone'],
      create_note: ['msg'],
      create_account: ['status'],
      create_task: ['subject', 'owner', 'status'],
      send_sms: ['from', 'target', 'message'],
      send_sms_template: ['from', 'target', 'template_id'],
      create_signature_document: ['name', 'template_id', 'by_user'],
      create_ticket: ['subject', 'status'],
      shorten_link: ['url'],
      start_timer: ['owner'],
      stop_timer: ['timer_id'],
      create_sale: ['title', 'status', 'total'],
      create_product: ['name', 'price', 'category', 'is_active'],
      create_product_category: ['name'],
      find_product: ['product_id'],
      move_stock: ['product_id', 'operation', 'quantity', 'comment'],
      add_working_days: ['start_date', 'increment', 'weekend'],
      add_week_days: ['start_date', 'increment', 'weekend'],
      working_days_between: ['start_date', 'end_date', 'weekend'],
    });
  });

  it.each(named(visible))('ordering: the required fields of %s come first', (_key, { operation }) => {
    const flags = inputFieldsOf(operation).map((field) => Boolean(field.required));
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
  });

  it('keys Zaps depend on stay as they were', () => {
    const keys = (kind: Kind) => Object.keys(definition[kind]);
    // Published keys, in any order: a Zap step and a field's dropdown name them.
    expect(keys('creates')).toEqual(expect.arrayContaining(['create_lead', 'create_lead_with_duplicate_check', 'create_note', 'create_account']));
    expect(keys('searches')).toEqual(expect.arrayContaining(['find_lead', 'find_customer']));
    expect(keys('triggers')).toEqual(expect.arrayContaining(['user_list', 'lead_status_list', 'account_status_list', 'account_type_list', 'lead_list', 'customer_list']));
    expect(inputFieldsOf(definition.creates.create_note).map((field) => field.key).sort()).toEqual(['account_id', 'lead_id', 'msg']);
  });

  it('4.3: no credential is written into the definition', () => {
    expect(JSON.stringify(App)).not.toMatch(/sandbox-secret|sandbox-client|Bearer [A-Za-z0-9]/);
  });
});
