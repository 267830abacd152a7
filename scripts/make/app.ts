import type { PlainInputField } from 'zapier-platform-core';
import App from '../../src';
import { PAGE_SIZE } from '../../src/dropdowns/paged';
import { LISTS, plural, type GloopList } from '../../src/dropdowns/lists';
import { GLOOPS_FIX, PHONE_NUMBER, PHONE_PUNCTUATION, SMS_972 } from '../../src/fields/values';

/**
 * The Make custom app, derived from the Zapier app's own definitions: every module's parameters
 * come from the Zapier action's input fields, its interface from the action's output fields and its
 * samples from the action's sample, so a field added once appears on both platforms with the same
 * name, label, help, type and dropdown source. The files follow the local-development layout of
 * Make's VS Code extension (makecomapp.json and one file per code of each component).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Field = PlainInputField & { choices?: { value: string; label: string }[]; children?: Field[] };
interface OutputField {
  key: string;
  label?: string;
  type?: string;
}
interface ZapierOperation {
  key: string;
  display: { label: string; description: string };
  operation: { inputFields: Field[]; outputFields: OutputField[]; sample: Record<string, Json> };
}

const zapier = App as unknown as {
  authentication: { fields: Field[] };
  creates: Record<string, ZapierOperation>;
  searches: Record<string, ZapierOperation>;
};

/** The Make RPCs, each standing for the Zapier dropdown of the same Gloop list, by the dropdown's key. */
export const RPCS: Record<string, GloopList> = Object.fromEntries(LISTS.map((list) => [list.key, list]));

/** Outputs only the Zapier app can give: Make's module has no second request after a lost answer, and no place to report a value it left out. */
export const ZAPIER_ONLY_OUTPUTS = ['confirmed_by_search', 'left_out'];

interface ModuleSpec {
  id: string;
  zapierKey: string;
  kind: 'creates' | 'searches';
  label: string;
  path: `/${string}`;
  /** How the request body is made from the parameters, beyond sending each as mapped. */
  body: 'person' | 'plain' | 'search-leads' | 'search-customers' | 'lookup';
  output: 'created' | 'duplicate-check' | 'found';
  /** The key of Gloop's answer that proves it did the work, when not `id`. */
  proofKey?: string;
  /** The proof is a figure, which may be 0 (the stock after a movement): present, not truthy. */
  proofIsFigure?: boolean;
  /** A change (PUT) or a look-up (GET) rather than a new record: the record's id goes in the path, nothing in the body. */
  method?: 'PUT' | 'GET';
  /** Fields Gloop knows by another name. */
  rename?: Record<string, string>;
  /** Values the request always carries: the date format a working-days sum is read and written in. */
  constants?: Record<string, string>;
  crud?: 'create' | 'update';
}

/** The modules of the Make app, each standing for one Zapier action or search. */
export const MODULES: ModuleSpec[] = [
  { id: 'createLead', zapierKey: 'create_lead', kind: 'creates', label: 'Create a Lead', path: '/v2/leads/create', body: 'person', output: 'created', crud: 'create' },
  {
    id: 'createLeadWithDuplicateCheck',
    zapierKey: 'create_lead_with_duplicate_check',
    kind: 'creates',
    label: 'Create a Lead with Duplicate Check',
    path: '/v2/leads/intelligent',
    body: 'person',
    output: 'duplicate-check',
    crud: 'create',
  },
  { id: 'searchLeads', zapierKey: 'find_lead', kind: 'searches', label: 'Search Leads', path: '/v2/search/leadsAndAccounts', body: 'search-leads', output: 'found' },
  { id: 'searchCustomers', zapierKey: 'find_customer', kind: 'searches', label: 'Search Customers', path: '/v2/search/leadsAndAccounts', body: 'search-customers', output: 'found' },
  { id: 'addNote', zapierKey: 'create_note', kind: 'creates', label: 'Add a Note', path: '/v2/notes/create', body: 'plain', output: 'created', crud: 'create' },
  { id: 'createCustomer', zapierKey: 'create_account', kind: 'creates', label: 'Create a Customer', path: '/v2/accounts/create', body: 'person', output: 'created', crud: 'create' },
  { id: 'createTask', zapierKey: 'create_task', kind: 'creates', label: 'Create a Task', path: '/v2/tasks/create', body: 'plain', output: 'created', crud: 'create' },
  { id: 'sendSms', zapierKey: 'send_sms', kind: 'creates', label: 'Send an SMS', path: '/v2/sms/send', body: 'plain', output: 'created', proofKey: 'shipment_id', crud: 'create' },
  {
    id: 'sendSmsFromTemplate',
    zapierKey: 'send_sms_template',
    kind: 'creates',
    label: 'Send an SMS from a Template',
    path: '/v2/sms/sendTemplate',
    body: 'plain',
    output: 'created',
    proofKey: 'shipment_id',
    crud: 'create',
  },
  {
    id: 'createDocumentForSignature',
    zapierKey: 'create_signature_document',
    kind: 'creates',
    label: 'Create a Document for Signature',
    path: '/v2/signatures/create',
    body: 'plain',
    output: 'created',
    crud: 'create',
  },
  { id: 'createTicket', zapierKey: 'create_ticket', kind: 'creates', label: 'Create a Ticket', path: '/v2/tickets/create', body: 'plain', output: 'created', crud: 'create' },
  { id: 'shortenLink', zapierKey: 'shorten_link', kind: 'creates', label: 'Shorten a Link', path: '/v2/links/shortner', body: 'plain', output: 'created', rename: { access_code: 'password' }, crud: 'create' },
  { id: 'startTimer', zapierKey: 'start_timer', kind: 'creates', label: 'Start a Timer', path: '/v2/timer/start', body: 'plain', output: 'created', crud: 'create' },
  { id: 'stopTimer', zapierKey: 'stop_timer', kind: 'creates', label: 'Stop a Timer', path: '/v2/timer/{{parameters.timer_id}}', method: 'PUT', body: 'plain', output: 'created', proofKey: 'total_minuets', crud: 'update' },
  { id: 'createSale', zapierKey: 'create_sale', kind: 'creates', label: 'Create a Sale', path: '/v2/sales/create', body: 'plain', output: 'created', crud: 'create' },
  { id: 'createProduct', zapierKey: 'create_product', kind: 'creates', label: 'Create a Product', path: '/v2/products/create', body: 'plain', output: 'created', crud: 'create' },
  { id: 'createProductCategory', zapierKey: 'create_product_category', kind: 'creates', label: 'Create a Product Category', path: '/v2/products/categories/create', body: 'plain', output: 'created', crud: 'create' },
  {
    id: 'moveStock',
    zapierKey: 'move_stock',
    kind: 'creates',
    label: 'Move Stock',
    path: '/v2/products/inventory/movment',
    body: 'plain',
    output: 'created',
    proofKey: 'inventory_after',
    proofIsFigure: true,
    crud: 'update',
  },
  ...(
    [
      ['addWorkingDays', 'add_working_days', 'Add Working Days', '/v2/workingDays/addWorkingDays'],
      ['addWeekdays', 'add_week_days', 'Add Weekdays', '/v2/workingDays/addWeekDays'],
      ['countWorkingDays', 'working_days_between', 'Count Working Days', '/v2/workingDays/WorkingDaysBetween'],
    ] as const
  ).map(([id, zapierKey, label, path]): ModuleSpec => ({
    id,
    zapierKey,
    kind: 'creates',
    label,
    path,
    body: 'plain',
    output: 'created',
    proofKey: 'date',
    constants: { date_format: 'YYYY-MM-DD', return_format: 'YYYY-MM-DD' },
  })),
  { id: 'getProduct', zapierKey: 'find_product', kind: 'searches', label: 'Get a Product', path: '/v2/products/{{parameters.product_id}}', method: 'GET', body: 'lookup', output: 'found' },
];

export const CONNECTION_ID = 'gloop';

const kebab = (id: string) => id.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const iml = (expression: string) => `{{${expression}}}`;
const text = (value: string) => JSON.stringify(value);

/**
 * A phone as the Zapier app sends it: without its punctuation when what is left is a number
 * (a regex that replaces the whole text with nothing matched it), else as written, trimmed:
 * `050-1234567 ext 5` keeps its words.
 */
function phoneExpression(key: string): string {
  const compact = `replace(parameters.${key}; /${PHONE_PUNCTUATION.source}/g; "")`;
  return `if(replace(${compact}; /${PHONE_NUMBER.source}/; "") = ""; ${compact}; trim(parameters.${key}))`;
}

/** Gloop's words for the duplicate check's outcomes, as the Zapier app reads them. */
const VERDICT_EXPRESSION = [
  ['כפול', 'duplicate'],
  ['לקוח חוזר', 'returning_customer'],
  ['לקוח קיים', 'returning_customer'],
  ['ליד חוזר', 'returning_lead'],
  ['נוצר', 'new'],
].reduceRight((otherwise, [word, verdict]) => `if(contains(body.message; ${text(word)}); ${text(verdict)}; ${otherwise})`, text('unknown'));

/** A Zapier input field as a Make parameter: same name, label, help and requirement; its dropdown from the RPC standing for its trigger. */
export function parameterOf(field: Field): Record<string, Json> {
  const dropdown = typeof field.dynamic === 'string' ? RPCS[field.dynamic.split('.')[0]] : undefined;
  // Zapier's line items are Make's array of collections, each line's fields its spec.
  if (field.children) return { name: field.key, type: 'array', label: field.label ?? field.key, spec: field.children.map(parameterOf) };
  const type = field.choices || dropdown ? 'select' : field.type === 'password' ? 'password' : field.type ? (MAKE_TYPES[field.type] ?? 'text') : 'text';
  return {
    name: field.key,
    type,
    label: field.label ?? field.key,
    ...(field.helpText ? { help: field.helpText } : {}),
    ...(field.required ? { required: true } : {}),
    ...(field.type === 'text' ? { multiline: true } : {}),
    ...(dropdown ? { options: `rpc://${dropdown.rpc}` } : {}),
    ...(field.choices ? { options: field.choices.map((choice) => ({ label: choice.label, value: choice.value })) } : {}),
    ...(field.default !== undefined ? { default: field.default } : {}),
  };
}

/** Zapier's field types as Make's; the rest are text. */
const MAKE_TYPES: Record<string, string> = { boolean: 'boolean', datetime: 'date', number: 'number', integer: 'integer' };

/** A Zapier output field as a Make interface item. */
export function interfaceItemOf(field: OutputField): Record<string, Json> {
  return { name: field.key, type: (field.type && MAKE_TYPES[field.type]) ?? 'text', label: field.label ?? field.key };
}

/** The module's interface: the Zapier outputs, a line item's (`products[]quantity`) gathered into one array. */
export function interfaceOf(outputs: OutputField[], fields: Field[]): Record<string, Json>[] {
  const items: Record<string, Json>[] = [];
  const lists = new Map<string, Json[]>();
  for (const field of outputs) {
    const [parent, child] = field.key.split('[]');
    if (child === undefined) {
      items.push(interfaceItemOf(field));
      continue;
    }
    if (!lists.has(parent)) {
      lists.set(parent, []);
      items.push({ name: parent, type: 'array', label: fields.find((input) => input.key === parent)?.label ?? parent, spec: lists.get(parent)! });
    }
    lists.get(parent)!.push(interfaceItemOf({ ...field, key: child }));
  }
  return items;
}

/** Output keys as Make gives them: a line item's outputs are the one list they are in. */
const outputKeysOf = (outputs: OutputField[]) => [...new Set(outputs.map((field) => field.key.split('[]')[0]))];

/** Gloop's rule for a name, as the Zapier app applies it: the full name, or first and last joined. */
const FULL_NAME = 'ifempty(parameters.name; trim(ifempty(parameters.f_name; "") + " " + ifempty(parameters.l_name; "")))';

/** The IML expression of the value a field sends, by the Zapier app's rules. */
function expressionOf(field: Field, body: ModuleSpec['body']): string {
  if (body === 'person' && field.key === 'name') return FULL_NAME;
  if (body === 'person' && field.key === 'f_name') return `ifempty(parameters.f_name; ${FULL_NAME})`;
  // A search matches a phone from the start as Gloop stores it: a +972 number as Gloop's fix writes it.
  if (field.key === 'phone' && (body === 'search-leads' || body === 'search-customers')) return `replace(${phoneExpression('phone')}; /${GLOOPS_FIX.source}/; "0")`;
  if (field.key === 'phone') return phoneExpression('phone');
  // A web address loses the spaces a copy-paste puts around it: Gloop refuses one with spaces.
  if (field.key === 'url') return 'trim(parameters.url)';
  // An SMS's numbers in the local form Gloop's SMS service reads: +972 50… is 050….
  if (field.key === 'from' || field.key === 'target') return `replace(${phoneExpression(field.key)}; /${SMS_972.source}/; "0$1")`;
  // Gloop's dates are days, but for the moment a timer started; Make's date parameters carry a time.
  if (field.type === 'datetime') return field.key === 'start_time' ? `formatDate(parameters.${field.key}; "YYYY-MM-DDTHH:mm:ss[Z]"; "UTC")` : `formatDate(parameters.${field.key}; "YYYY-MM-DD")`;
  return `parameters.${field.key}`;
}

function requestBody(spec: ModuleSpec, fields: Field[]): Record<string, Json> {
  const sent = Object.fromEntries(fields.filter((field) => field.key !== 'object_type').map((field) => [spec.rename?.[field.key] ?? field.key, iml(expressionOf(field, spec.body))]));
  if (spec.body === 'search-leads') return { ...sent, object_type: iml('if(parameters.object_type = "BOTH"; null; "LEADS")'), order_by: 'created', order: 'desc', limit: 10 };
  if (spec.body === 'search-customers') return { ...sent, object_type: 'ACCOUNTS', order_by: 'created', order: 'desc', limit: 10 };
  return { ...sent, ...spec.constants };
}

function responseOf(spec: ModuleSpec, operation: ZapierOperation, fields: Field[]): Record<string, Json> {
  const outputs = operation.operation.outputFields.filter((field) => !ZAPIER_ONLY_OUTPUTS.includes(field.key));
  if (spec.body === 'lookup') {
    // Gloop answers a record as a one-item page, an unknown id as an empty one.
    return { iterate: iml('body.items'), output: Object.fromEntries(outputs.map((field) => [field.key, iml(`ifempty(item.${field.key}; "")`)])) };
  }
  if (spec.output === 'found') {
    const wanted = spec.body === 'search-customers' ? '"ACCOUNTS"' : 'if(parameters.object_type = "BOTH"; item.object_type; "LEADS")';
    return {
      iterate: { container: iml('body.results'), condition: iml(`item.object_type = ${wanted}`) },
      output: Object.fromEntries(outputs.map((field) => [field.key, iml(`ifempty(item.${field.key}; "")`)])),
    };
  }
  // An output is what the module sent, or else what Gloop answered under its name.
  const sentOrAnswered = (key: string) => {
    const field = fields.find((candidate) => candidate.key === key);
    return iml(`ifempty(${field ? expressionOf(field, spec.body) : `body.${key}`}; "")`);
  };
  const proofKey = spec.proofKey ?? 'id';
  // Answers that are not Gloop's own key, or that fall back on what was sent.
  const answered: Record<string, string> = {
    [proofKey]: iml(`body.${proofKey}`),
    ticket_status: iml('ifempty(body.ticket_status; parameters.status)'),
    guid_value: iml('ifempty(body.guid; "")'),
    lead_status: iml('ifempty(body.lead_status; ifempty(parameters.lead_status; ""))'),
    account_status: iml('ifempty(body.account_status; parameters.status)'),
    verdict: iml(VERDICT_EXPRESSION),
    is_known: iml(`contains("duplicate returning_lead returning_customer"; ${VERDICT_EXPRESSION})`),
  };
  return {
    // Reported created only with the id Gloop gave it.
    valid: iml(spec.proofIsFigure ? `ifempty(body.${proofKey}; "missing") != "missing"` : `body.${proofKey}`),
    // Every output on every run, blank where nothing was sent, as the Zapier app answers.
    output: Object.fromEntries(outputKeysOf(outputs).map((key) => [key, answered[key] ?? sentOrAnswered(key)])),
  };
}

/** Gloop's own (Hebrew) words, from whichever error shape its backend used. */
const GLOOP_SAID = 'ifempty(body.message; ifempty(body.error_description; ifempty(body.error; "")))';
const errorOf = (type: string, advice: string) => ({ type, message: `[{{statusCode}}] ${iml(GLOOP_SAID)} ${advice}` });

function base(): Record<string, Json> {
  return {
    baseUrl: 'https://{{connection.domain}}',
    headers: { Authorization: 'Bearer {{connection.accessToken}}', Accept: 'application/json' },
    response: {
      error: {
        ...errorOf('RuntimeError', '(Gloop rejected the request: check the values you mapped into this module.)'),
        400: errorOf('DataError', '(Gloop rejected the request: fix the field Gloop names and run the module again.)'),
        401: errorOf('InvalidAccessTokenError', '(Gloop did not accept the token: reauthorize the connection.)'),
        403: errorOf('InvalidConfigurationError', '(Ask your Gloop admin to give this API client permission for it.)'),
        404: errorOf('InvalidConfigurationError', '(Check that the connection uses your own Gloop domain.)'),
        429: errorOf('RateLimitError', '(Gloop is limiting how fast it takes requests.)'),
        500: errorOf('ConnectionError', '(Gloop had a server error: check Gloop before you run it again.)'),
        502: errorOf('ConnectionError', '(Gloop could not be reached: check Gloop before you run it again.)'),
        503: errorOf('ConnectionError', '(Gloop is unavailable: check Gloop before you run it again.)'),
        504: errorOf('ConnectionError', '(Gloop did not answer in time: check Gloop before you run it again.)'),
      },
    },
    log: { sanitize: ['request.headers.authorization'] },
  };
}

/** Gloop's OAuth 2.0 client-credentials grant: a token request, the same request to renew it, and one cheap call to check it. */
function connectionCommunication(): Record<string, Json> {
  const tokenRequest = {
    url: 'https://{{parameters.domain}}/oauth/token',
    method: 'POST',
    headers: { Authorization: `Basic ${iml('base64(parameters.client_id + ":" + parameters.client_secret)')}` },
    type: 'urlencoded',
    body: { grant_type: 'client_credentials' },
    response: {
      // Renewed five minutes before Gloop's hour runs out.
      data: { accessToken: iml('body.access_token'), expires: iml('addSeconds(now; body.expires_in - 300)') },
      error: errorOf('InvalidConfigurationError', '(Gloop did not accept this Client ID and Client Secret: copy them again from System settings -> Webhooks/API -> API token.)'),
    },
    log: { sanitize: ['request.headers.authorization', 'response.body.access_token'] },
  };
  return {
    token: tokenRequest,
    refresh: { condition: iml('data.expires < now'), ...tokenRequest },
    info: {
      url: 'https://{{parameters.domain}}/v2/users',
      method: 'GET',
      qs: { limit: 1 },
      headers: { Authorization: 'Bearer {{data.accessToken}}' },
      response: { metadata: { type: 'text', value: '{{parameters.domain}}' } },
      log: { sanitize: ['request.headers.authorization'] },
    },
  };
}

/** The connection's parameters, from the Zapier app's connection fields; the domain checked as far as a Make pattern can. */
function connectionParameters(): Record<string, Json>[] {
  return zapier.authentication.fields.map((field) => ({
    ...parameterOf(field),
    ...(field.key === 'domain'
      ? // A host name only (https is added): labels of letters, digits and inner hyphens, a dot, a top-level name of letters.
        { validate: { pattern: '^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$' } }
      : {}),
  }));
}

function rpcCommunication(rpc: GloopList): Record<string, Json> {
  return {
    url: rpc.path,
    method: 'GET',
    ...(rpc.paged
      ? {
          qs: { offset: 0, limit: PAGE_SIZE },
          // Page after page until Gloop says there is no more, each from where the last one's items
          // ended: Gloop may serve fewer than asked (ORDS's pages hold 25 unless told).
          pagination: { qs: { offset: iml('body.offset + length(body.items)'), limit: PAGE_SIZE }, condition: iml('if(length(body.items) > 0; body.hasMore; false)') },
        }
      : {}),
    response: {
      // Hidden statuses, users who left and inactive products (`is_active_yn`) are not offered.
      iterate: { container: iml('body.items'), condition: iml('if(item.is_active = "N"; false; item.is_active_yn != "N")') },
      output: { label: rpc.entryLabel?.iml ?? iml('ifempty(item.name; item.id)'), value: iml('item.id') },
    },
  };
}

const pretty = (value: Json) => `${JSON.stringify(value, null, '\t')}\n`;

/** Every file of the Make app, by its path under make/. */
export function makeAppFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const components: Record<string, Record<string, Json>> = { connection: {}, webhook: {}, module: {}, rpc: {}, function: {}, endpoint: {} };

  const connectionDir = `connections/${CONNECTION_ID}`;
  const connectionCodes: Record<string, [string, Json]> = {
    communication: [`${CONNECTION_ID}.oauth-communication.iml.json`, connectionCommunication()],
    params: [`${CONNECTION_ID}.params.iml.json`, connectionParameters()],
    common: [`${CONNECTION_ID}.common.json`, {}],
    scopeList: [`${CONNECTION_ID}.scope-list.iml.json`, {}],
    defaultScope: [`${CONNECTION_ID}.default-scope.iml.json`, []],
    installSpec: [`${CONNECTION_ID}.install-spec.iml.json`, []],
    installDirectives: [`${CONNECTION_ID}.install-directives.iml.json`, {}],
  };
  components.connection[CONNECTION_ID] = { label: 'Gloop CRM', connectionType: 'oauth', codeFiles: {} };
  for (const [code, [name, content]] of Object.entries(connectionCodes)) {
    files.set(`${connectionDir}/${name}`, pretty(content));
    (components.connection[CONNECTION_ID] as { codeFiles: Record<string, string> }).codeFiles[code] = `${connectionDir}/${name}`;
  }

  for (const list of LISTS) {
    const dir = `rpcs/${kebab(list.rpc)}`;
    const codeFiles = { communication: `${dir}/${kebab(list.rpc)}.communication.iml.json`, params: `${dir}/${kebab(list.rpc)}.params.iml.json` };
    files.set(codeFiles.communication, pretty(rpcCommunication(list)));
    files.set(codeFiles.params, pretty([]));
    components.rpc[list.rpc] = { label: `List ${plural(list.noun)}`, connection: CONNECTION_ID, codeFiles };
  }

  for (const spec of MODULES) {
    const operation = zapier[spec.kind][spec.zapierKey];
    const fields = operation.operation.inputFields;
    const dir = `modules/${kebab(spec.id)}`;
    const file = (code: string) => `${dir}/${kebab(spec.id)}.${code}.iml.json`;
    const codes: Record<string, [string, Json]> = {
      communication: [
        file('communication'),
        spec.method
          ? { url: spec.path, method: spec.method, response: responseOf(spec, operation, fields) }
          : { url: spec.path, method: 'POST', body: requestBody(spec, fields), response: responseOf(spec, operation, fields) },
      ],
      staticParams: [file('static-params'), []],
      mappableParams: [file('mappable-params'), fields.map(parameterOf)],
      interface: [file('interface'), interfaceOf(operation.operation.outputFields.filter((field) => !ZAPIER_ONLY_OUTPUTS.includes(field.key)), fields)],
      samples: [file('samples'), Object.fromEntries(Object.entries(operation.operation.sample).filter(([key]) => !ZAPIER_ONLY_OUTPUTS.includes(key)))],
      scope: [file('scope'), []],
    };
    const codeFiles: Record<string, string> = {};
    for (const [code, [path, content]] of Object.entries(codes)) {
      files.set(path, pretty(content));
      codeFiles[code] = path;
    }
    components.module[spec.id] = {
      label: spec.label,
      description: operation.display.description,
      moduleType: spec.kind === 'creates' ? 'action' : 'search',
      ...(spec.crud ? { actionCrud: spec.crud } : {}),
      connection: CONNECTION_ID,
      codeFiles,
    };
  }

  files.set('general/base.iml.json', pretty(base()));
  files.set('general/common.json', pretty({}));
  files.set(
    'modules/groups.json',
    pretty([
      { label: 'Leads', modules: ['createLead', 'createLeadWithDuplicateCheck', 'searchLeads', 'addNote'] },
      { label: 'Customers', modules: ['createCustomer', 'searchCustomers'] },
      { label: 'Tasks, SMS and Documents', modules: ['createTask', 'sendSms', 'sendSmsFromTemplate', 'createDocumentForSignature'] },
      { label: 'Tickets, Links and Timers', modules: ['createTicket', 'shortenLink', 'startTimer', 'stopTimer'] },
      { label: 'Sales and Products', modules: ['createSale', 'createProduct', 'createProductCategory', 'getProduct', 'moveStock'] },
      { label: 'Working Days', modules: ['addWorkingDays', 'addWeekdays', 'countWorkingDays'] },
    ]),
  );
  files.set('README.md', readme());
  files.set(
    'makecomapp.json',
    pretty({
      fileVersion: 1,
      generalCodeFiles: { base: 'general/base.iml.json', common: 'general/common.json', readme: 'README.md', groups: 'modules/groups.json' },
      components: components as Json,
      origins: [{ label: 'Make', baseUrl: 'https://eu1.make.com/api', appId: 'gloop-crm', appVersion: 1, apikeyFile: '.secrets/apikey' }],
    }),
  );
  return new Map([...files.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

function readme(): string {
  const lines = MODULES.map((spec) => `- **${spec.label}**: ${zapier[spec.kind][spec.zapierKey].display.description}`);
  return [
    'Gloop CRM',
    '=========',
    '',
    'Gloop CRM (formerly TheBase) is an Israeli CRM for leads, customers and sales, in Hebrew.',
    'Connect it with your Gloop domain, Client ID and Client Secret (System settings -> Webhooks/API -> API token).',
    '',
    ...lines,
    '',
    'Generated from the Gloop CRM for Zapier definitions; edit those, then run `npm run make:generate`.',
    '',
  ].join('\n');
}
