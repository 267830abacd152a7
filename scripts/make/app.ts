import type { PlainInputField } from 'zapier-platform-core';
import App from '../../src';
import { PAGE_SIZE } from '../../src/dropdowns/paged';
import { LISTS, plural, type GloopList } from '../../src/dropdowns/lists';
import { descriptionOf, MAKE_GROUPS, type BodyShape, type OperationDescription, type Proof, type Reading, type VerdictWords } from '../../src/records/operation';
import { GLOOP_ID } from '../../src/http/json';
import { FALSE_WORDS, GLOOPS_FIX, kindOf, PERSON_NAME, PHONE_NUMBER, PHONE_PUNCTUATION, SMS_972, TRUE_WORDS } from '../../src/fields/values';
import { LIST_PAGE_SIZE } from '../../src/polling/list-trigger';
import { orderStampOf, pollDescriptionOf, POLL_SIZE, STAMP_RESOLUTION_MS, type PollDescription, type PollPlan, type SearchPlan } from '../../src/polling/poll';
import { PHONE_STARTS, SAME_MOMENT_MS, searchOrderOf } from '../../src/polling/search-trigger';
import { SEARCH_PATH, searchBody } from '../../src/search/leads-and-accounts';

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
  primary?: boolean;
}
interface ZapierOperation {
  key: string;
  noun: string;
  display: { label: string; description: string };
  operation: { inputFields: Field[]; outputFields: OutputField[]; sample: Record<string, Json> };
}

const zapier = App as unknown as {
  authentication: { fields: Field[] };
  creates: Record<string, ZapierOperation>;
  searches: Record<string, ZapierOperation>;
  triggers: Record<string, Omit<ZapierOperation, 'operation'> & { operation: Omit<ZapierOperation['operation'], 'inputFields'> }>;
};

/** The Make RPCs, each standing for the Zapier dropdown of the same Gloop list, by the dropdown's key. */
export const RPCS: Record<string, GloopList> = Object.fromEntries(LISTS.map((list) => [list.key, list]));

/** Outputs only the Zapier app can give: Make's module has no second request after a lost answer, and no place to report a value it left out. */
export const ZAPIER_ONLY_OUTPUTS = ['confirmed_by_search', 'left_out'];

/** A Make module: the Zapier step it stands for, and that step's own description. */
interface ModuleSpec {
  id: string;
  zapierKey: string;
  kind: 'creates' | 'searches';
  operation: ZapierOperation;
  description: OperationDescription;
}

/** The modules of the Make app: every Zapier action and search that describes its Make module, in the Zapier app's order. */
export const MODULES: ModuleSpec[] = (['creates', 'searches'] as const).flatMap((kind) =>
  Object.values(zapier[kind]).flatMap((operation) => {
    const description = descriptionOf(operation.key);
    return description ? [{ id: description.make.id, zapierKey: operation.key, kind, operation, description }] : [];
  }),
);

/** A Make Watch module: the Zapier polling trigger it stands for, and how that trigger reads Gloop. */
interface WatchSpec {
  id: string;
  zapierKey: string;
  operation: (typeof zapier.triggers)[string];
  poll: PollDescription;
}

/** The Watch modules: every Zapier polling trigger that describes its Make module, in the Zapier app's order. */
export const WATCHES: WatchSpec[] = Object.values(zapier.triggers).flatMap((operation) => {
  const poll = pollDescriptionOf(operation.key);
  return poll ? [{ id: poll.make.id, zapierKey: operation.key, operation, poll }] : [];
});

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
  const asWritten = `trim(parameters.${key})`;
  // Punctuation alone is no number: it goes as written, as the Zapier app sends it.
  return whenMapped(`parameters.${key}`, `if(${compact} = ""; ${asWritten}; if(replace(${compact}; /${PHONE_NUMBER.source}/; "") = ""; ${compact}; ${asWritten}))`);
}

/** An expression of a mapped value; an unmapped one stays unmapped, so the module leaves it out. */
const whenMapped = (value: string, expression: string) => `if(${value}; ${expression}; ${value})`;
/** Whether a search looks in every kind, the choice trimmed as the Zapier app trims it. */
const everyKind = ({ key, both }: { key: string; both: string }) => `trim(parameters.${key}) = ${text(both)}`;

/**
 * A yes/no as the Zapier app reads it, from its own words: Make would turn any mapped text but
 * "false" into true (so "no" into yes); a word of neither list goes as mapped, for Gloop to refuse.
 */
function yesNoExpression(key: string): string {
  const word = `lower(trim(parameters.${key}))`;
  const among = (words: Set<string>) => `contains(split(${text([...words].join(','))}; ","); ${word})`;
  return `if(${among(TRUE_WORDS)}; true; if(${among(FALSE_WORDS)}; false; parameters.${key}))`;
}

/** A Zapier input field as a Make parameter: same name, label, help and requirement; its dropdown from the RPC standing for its trigger. */
export function parameterOf(field: Field): Record<string, Json> {
  const dropdown = typeof field.dynamic === 'string' ? RPCS[field.dynamic.split('.')[0]] : undefined;
  // Zapier's line items are Make's array of collections, each line's fields its spec.
  if (field.children) return { name: field.key, type: 'array', label: field.label ?? field.key, spec: field.children.map(parameterOf) };
  // A yes/no is a Yes/No choice that also takes a mapped word, read in the module as the Zapier app reads it.
  if (kindOf(field) === 'yes-no') return { ...parameterOf({ ...field, type: 'string', choices: YES_NO }), validate: false };
  // A day is text, read as the Zapier app reads it: a date parameter would be a moment, its day the organization's time zone's.
  if (kindOf(field) === 'day') return parameterOf({ ...field, type: 'string' });
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
const YES_NO = [
  { value: 'true', label: 'Yes', sample: 'true' },
  { value: 'false', label: 'No', sample: 'false' },
];

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
const [FULL, FIRST, LAST] = [PERSON_NAME.full, PERSON_NAME.first, PERSON_NAME.last].map((key) => `parameters.${key}`);
const FULL_NAME = `ifempty(${FULL}; if(${FIRST}; if(${LAST}; ${FIRST} + " " + ${LAST}; ${FIRST}); ifempty(${LAST}; "")))`;

/** The IML expression of the value a field sends, by the Zapier app's rules. */
function expressionOf(field: Field, body: BodyShape): string {
  if (body === 'person' && field.key === PERSON_NAME.full) return FULL_NAME;
  if (body === 'person' && field.key === PERSON_NAME.first) return `ifempty(${FIRST}; ${FULL_NAME})`;
  const value = `parameters.${field.key}`;
  switch (kindOf(field)) {
    case 'yes-no':
      return yesNoExpression(field.key);
    case 'phone':
      // A search matches a phone from the start as Gloop stores it: a +972 number as Gloop's fix writes it.
      return body === 'search' ? `replace(${phoneExpression(field.key)}; /${GLOOPS_FIX.source}/; "0")` : phoneExpression(field.key);
    case 'sms-number':
      // An SMS's numbers in the local form Gloop's SMS service reads: +972 50… is 050….
      return `replace(${phoneExpression(field.key)}; /${SMS_972.source}/; "0$1")`;
    case 'day-numbers':
      return `replace(${value}; /\\s/g; "")`;
    case 'web-address':
      // A web address loses the spaces a copy-paste puts around it: Gloop refuses one with spaces.
      return `trim(${value})`;
    // A moment, such as when a timer started, is Make's date parameter: a time, sent in UTC.
    case 'moment':
      return `formatDate(${value}; "YYYY-MM-DDTHH:mm:ss[Z]"; "UTC")`;
    case 'day':
      // The day as written, the time after it aside.
      return whenMapped(value, `substring(trim(${value}); 0; 10)`);
    // An id is digits: the spaces a mapping brings around it go, as in the Zapier app.
    case 'id':
      return whenMapped(value, `trim(${value})`);
    default:
      return value;
  }
}

/** The field a path's `{key}` names: a description naming no field of its step is a mistake to stop at. */
function fieldFor(fields: Field[], key: string): Field {
  const field = fields.find((candidate) => candidate.key === key);
  if (!field) throw new Error(`a path names {${key}}, which is no field of its step`);
  return field;
}

function requestBody({ description }: ModuleSpec, fields: Field[]): Record<string, Json> {
  const { body, rename, constants, lookIn } = description;
  // Neither the path's values nor the choice of where to look are sent as fields.
  const apart = new Set([...[...description.path.matchAll(/\{(\w+)\}/g)].map(([, key]) => key), ...(lookIn?.choice ? [lookIn.choice.key] : [])]);
  const sent = Object.fromEntries(fields.filter((field) => !apart.has(field.key)).map((field) => [rename?.[field.key] ?? field.key, iml(expressionOf(field, body))]));
  // Every kind at once is a search that names none.
  const kind = lookIn && (lookIn.choice ? iml(`if(${everyKind(lookIn.choice)}; null; ${text(lookIn.kind)})`) : lookIn.kind);
  return { ...sent, ...(kind === undefined ? {} : { object_type: kind }), ...constants };
}

/** The IML of a verdict Gloop's message names, from the Zapier app's own words. */
function verdictExpression(from: string, words: VerdictWords): string {
  return words.reduceRight((otherwise, [word, verdict]) => `if(contains(body.${from}; ${text(word)}); ${text(verdict)}; ${otherwise})`, text('unknown'));
}

/** The IML of an output the Zapier app reads from Gloop's answer, by the same reading. */
function readingExpression(reading: Reading, fields: Field[], body: BodyShape): string {
  if (reading.as === 'verdict') return verdictExpression(reading.from, reading.words);
  if (reading.as === 'known') return `contains(split(${text(reading.known.join(','))}; ","); ${verdictExpression(reading.from, reading.words)})`;
  const sent = fields.find((field) => field.key === reading.otherwise);
  return `ifempty(body.${reading.from}; ${sent ? `ifempty(${expressionOf(sent, body)}; "")` : '""'})`;
}

/** Make's `valid`: the answer shows the work done as the Zapier app's proof reads it. */
function validExpression(proof: Proof): string {
  // Present, not truthy: a stop of 0 minutes or a stock of 0 after a movement is an answer too.
  const shown = `ifempty(body.${proof.key}; "missing") != "missing"`;
  return (proof.with ?? []).reduceRight((then, key) => `if(body.${key}; ${then}; false)`, shown);
}

function responseOf({ kind, operation, description }: ModuleSpec, fields: Field[]): Record<string, Json> {
  const outputs = operation.operation.outputFields.filter((field) => !ZAPIER_ONLY_OUTPUTS.includes(field.key));
  const found = itemOutput(outputs);
  // Gloop answers a record as a one-item page, an unknown id as an empty one.
  if (kind === 'searches' && description.body === 'none') return { iterate: iml('body.items'), output: found };
  const { lookIn } = description;
  if (kind === 'searches' && lookIn) {
    const wanted = lookIn.choice ? `if(${everyKind(lookIn.choice)}; item.object_type; ${text(lookIn.kind)})` : text(lookIn.kind);
    return { iterate: { container: iml('body.results'), condition: iml(`item.object_type = ${wanted}`) }, output: found };
  }
  // An output is what Gloop answered as the Zapier app reads it, else what the module sent under its name.
  const outputOf = (key: string) => {
    const reading = description.answered.find((field) => field.key === key)?.read;
    if (reading) return iml(readingExpression(reading, fields, description.body));
    const field = fields.find((candidate) => candidate.key === key);
    return iml(`ifempty(${field ? expressionOf(field, description.body) : `body.${key}`}; "")`);
  };
  return {
    // Reported done only with the proof the Zapier app asks for.
    ...(description.proof ? { valid: iml(validExpression(description.proof)) } : {}),
    // Every output on every run, blank where nothing was sent, as the Zapier app answers.
    output: Object.fromEntries(outputKeysOf(outputs).map((key) => [key, outputOf(key)])),
  };
}

/**
 * What a Watch module outputs of a record: the Zapier trigger's outputs, blank where Gloop has
 * nothing; a person's kind is the one searched for, as the Zapier trigger reports it.
 */
function recordOutput(outputs: OutputField[], plan: PollPlan): Record<string, Json> {
  return plan.reads === 'search' ? { ...itemOutput(outputs), object_type: plan.objectType } : itemOutput(outputs);
}

/** Each output of an item Gloop listed, blank where it has nothing. */
const itemOutput = (outputs: OutputField[]) => Object.fromEntries(outputs.map((field) => [field.key, iml(`ifempty(item.${field.key}; "")`)]));

/**
 * A record the Zapier trigger keeps, and Make can date: a Gloop ID, its stamp, and of a person the
 * kind asked for (or none said).
 */
function keptCondition(plan: PollPlan): string {
  const gloopId = `replace(item.id; /${GLOOP_ID.source}/; "") = ""`;
  const dated = `if(item.id; if(${gloopId}; if(item.${orderStampOf(plan)}; true; false); false); false)`;
  if (plan.reads === 'list') return dated;
  const ofKind = `ifempty(item.object_type; ${text(plan.objectType)}) = ${text(plan.objectType)}`;
  // An Updated poll keeps only records changed after they were made, by the Zapier trigger's same-moment rule (no `created`: changed).
  const changed = `if(item.created; addSeconds(item.updated; 0) >= addSeconds(item.created; ${SAME_MOMENT_MS / 1000}); true)`;
  return `if(${dated}; if(${ofKind}; ${plan.change === 'new' ? 'true' : changed}; false); false)`;
}

/**
 * A record's date for Make: its stamp, taken as the end of Gloop's second (Gloop stamps whole
 * seconds), so that a record made just after "From now on" was chosen is not taken for older.
 */
const dateOf = (plan: PollPlan) => iml(`addSeconds(item.${orderStampOf(plan)}; ${STAMP_RESOLUTION_MS / 1000})`);

/**
 * Make returns each record once, oldest first; the searches together come in no order. A record
 * is told apart by the Zapier trigger's primary outputs: an Updated module's by its id and the
 * moment it changed, so that each change comes out.
 */
function watchDirective({ operation, poll: { plan } }: WatchSpec): Record<string, Json> {
  const primary = operation.operation.outputFields.filter((field) => field.primary).map((field) => `item.${field.key}`);
  return { type: 'date', order: 'unordered', id: iml(primary.length > 0 ? primary.join(' + "@" + ') : 'item.id'), date: dateOf(plan) };
}

/** An answer that holds its list; on a list, an empty page that says more follow is no answer either. The run fails, as the Zapier poll does, so that nothing behind it is skipped. */
// IML cannot tell a list that is null or no list from an empty one: only a missing one is caught.
const holdsList = (key: string) => `contains(keys(body); ${text(key)})`;
const answerValid = (condition: string, what: string) => ({
  condition: iml(condition),
  type: 'DataError',
  message: `Gloop answered without ${what}; this run stops, so that no record behind it is skipped. It runs again on schedule.`,
});
const LIST_PAGE_VALID = answerValid(`if(${holdsList('items')}; if(length(body.items) = 0; body.hasMore != true; true); false)`, 'its list of items (or with an empty page that said more follow)');
const SEARCH_VALID = answerValid(holdsList('results'), 'its list of results');

/** A whole Gloop list, page after page, each from where the last one's items ended, on while the Zapier trigger's rule says the list goes on. */
function listRequest(path: string): Record<string, Json> {
  const goesOn = `if(body.hasMore = true; true; if(body.hasMore = false; false; length(body.items) >= ${LIST_PAGE_SIZE}))`;
  return {
    url: path,
    method: 'GET',
    ...NO_REDIRECTS,
    qs: { offset: 0, limit: LIST_PAGE_SIZE },
    pagination: { qs: { offset: iml('body.offset + length(body.items)'), limit: LIST_PAGE_SIZE }, condition: iml(`if(length(body.items) = 0; false; ${goesOn})`) },
  };
}

/** One of the Zapier trigger's searches, as it sends it: an answer without its results fails the run, as it fails the Zapier poll. */
function searchRequest(plan: SearchPlan, start: string): Record<string, Json> {
  return { url: SEARCH_PATH, method: 'POST', ...NO_REDIRECTS, body: searchBody(plan.objectType, { phone: start }, searchOrderOf(plan, POLL_SIZE)) as Record<string, Json> };
}

/**
 * The Zapier trigger's requests in order. Its searches are one request each, their results
 * gathered in `temp` (Make's output is the last request's): the last one iterates over them all.
 */
function watchCommunication(spec: WatchSpec): Json {
  const { operation, poll: { plan } } = spec;
  const answer = { output: recordOutput(operation.operation.outputFields, plan), trigger: watchDirective(spec) };
  const iterate = (container: string) => ({ container: iml(container), condition: iml(keptCondition(plan)) });
  // A limit would also stop Make's paging (its documentation says so): an unordered list is read whole.
  if (plan.reads === 'list') return { ...listRequest(plan.path), response: { valid: LIST_PAGE_VALID, iterate: iterate('body.items'), ...answer } };
  return PHONE_STARTS.map((start, index) => {
    const found = index === 0 ? 'body.results' : 'merge(temp.found; body.results)';
    const last = index === PHONE_STARTS.length - 1;
    // A record two searches hold (Gloop matching by part) comes out once.
    const records = { iterate: iterate(`distinct(${found}; "id")`), limit: iml('parameters.limit'), ...answer };
    return { ...searchRequest(plan, start), response: { valid: SEARCH_VALID, ...(last ? records : { temp: { found: iml(found) } }) } };
  });
}

/**
 * Make's "Choose where to start" list is one request: a search trigger's lists the newest Israeli
 * numbers (Gloop stores them from 0), a list trigger's the first page; each dated as the trigger dates it.
 */
const EPOCH_PHONE_START = PHONE_STARTS[0];

function watchEpoch({ poll: { plan } }: WatchSpec): Json {
  const iterate = (container: string) => ({ container: iml(container), condition: iml(keptCondition(plan)) });
  if (plan.reads === 'list') {
    const { pagination: _pagination, ...firstPage } = listRequest(plan.path);
    return { ...firstPage, response: { limit: LIST_PAGE_SIZE, iterate: iterate('body.items'), output: { label: iml('ifempty(item.name; item.id)'), date: dateOf(plan) } } };
  }
  return {
    ...searchRequest(plan, EPOCH_PHONE_START),
    response: { limit: POLL_SIZE, iterate: iterate('body.results'), output: { label: iml('ifempty(item.name; item.id) + " " + item.phone'), date: dateOf(plan) } },
  };
}

/**
 * How many records one run of a search trigger returns. Each search sees its newest, as the Zapier
 * trigger's do: fewer a run would let a backlog sink out of sight, so the most is the default. A
 * list trigger has none: Make's limit would stop its paging.
 */
function watchParameters({ operation, poll: { plan } }: WatchSpec): Json {
  if (plan.reads === 'list') return [];
  const records = plural(operation.noun).toLowerCase();
  const seen = searchOrderOf(plan, POLL_SIZE).limit;
  return [
    {
      name: 'limit',
      type: 'uinteger',
      label: `Maximum number of returned ${records}`,
      help: `How many ${records} one run of the scenario returns at most, oldest first. Keep ${POLL_SIZE} unless your scenario runs often: each run sees only the newest ${seen} of each search, so records a lower limit leaves for later are lost once ${seen} newer ones arrive.`,
      required: true,
      default: POLL_SIZE,
      validate: { min: 1, max: POLL_SIZE },
    },
  ];
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
    ...NO_REDIRECTS,
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
      ...NO_REDIRECTS,
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
    ...NO_REDIRECTS,
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

/**
 * Make follows a redirect unless told not to, and would carry the bearer token or the Basic
 * credentials to wherever Gloop's answer points: every request of the app says not to, with
 * Make's own directives (GET redirects, and the others; both default to true in its editor's rules).
 */
const NO_REDIRECTS = { followRedirects: false, followAllRedirects: false } as const;

const pretty = (value: Json) => `${JSON.stringify(value, null, '\t')}\n`;

/** Writes each code of a component into `files`; its code files, by code. */
function written(files: Map<string, string>, codes: Record<string, [path: string, content: Json]>): Record<string, string> {
  for (const [path, content] of Object.values(codes)) files.set(path, pretty(content));
  return Object.fromEntries(Object.entries(codes).map(([code, [path]]) => [code, path]));
}

/** Every Make module with the Zapier step it stands for: a group's Watch modules first, as a scenario starts with one. */
const ALL_MODULES = [...WATCHES.map((spec) => ({ make: spec.poll.make, operation: spec.operation })), ...MODULES.map((spec) => ({ make: spec.description.make, operation: spec.operation }))];

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
    const { operation, description } = spec;
    const fields = operation.operation.inputFields;
    const dir = `modules/${kebab(spec.id)}`;
    const file = (code: string) => `${dir}/${kebab(spec.id)}.${code}.iml.json`;
    // An id in the path as in the body (trimmed), and encoded, so that what is mapped stays one segment of the path.
    const url = description.path.replace(/\{(\w+)\}/g, (_match, key: string) => `{{encodeURL(${expressionOf(fieldFor(fields, key), description.body)})}}`);
    const codes: Record<string, [string, Json]> = {
      communication: [
        file('communication'),
        {
          url,
          // The id in the path is encoded by the module; Make would encode it again.
          ...(url === description.path ? {} : { encodeUrl: false }),
          method: description.method,
          ...NO_REDIRECTS,
          ...(description.body === 'none' ? {} : { body: requestBody(spec, fields) }),
          response: responseOf(spec, fields),
        },
      ],
      staticParams: [file('static-params'), []],
      mappableParams: [file('mappable-params'), fields.map(parameterOf)],
      interface: [file('interface'), interfaceOf(operation.operation.outputFields.filter((field) => !ZAPIER_ONLY_OUTPUTS.includes(field.key)), fields)],
      samples: [file('samples'), Object.fromEntries(Object.entries(operation.operation.sample).filter(([key]) => !ZAPIER_ONLY_OUTPUTS.includes(key)))],
      scope: [file('scope'), []],
    };
    const codeFiles = written(files, codes);
    components.module[spec.id] = {
      label: description.make.label,
      description: operation.display.description,
      moduleType: spec.kind === 'creates' ? 'action' : 'search',
      ...(description.make.crud ? { actionCrud: description.make.crud } : {}),
      connection: CONNECTION_ID,
      codeFiles,
    };
  }

  for (const spec of WATCHES) {
    const dir = `modules/${kebab(spec.id)}`;
    const file = (code: string) => `${dir}/${kebab(spec.id)}.${code}.iml.json`;
    const { outputFields, sample } = spec.operation.operation;
    const codes: Record<string, [string, Json]> = {
      communication: [file('communication'), watchCommunication(spec)],
      epoch: [file('epoch'), watchEpoch(spec)],
      staticParams: [file('static-params'), watchParameters(spec)],
      interface: [file('interface'), interfaceOf(outputFields, [])],
      samples: [file('samples'), sample],
      scope: [file('scope'), []],
    };
    const codeFiles = written(files, codes);
    components.module[spec.id] = { label: spec.poll.make.label, description: spec.operation.display.description, moduleType: 'trigger', connection: CONNECTION_ID, codeFiles };
  }

  files.set('general/base.iml.json', pretty(base()));
  files.set('general/common.json', pretty({}));
  files.set(
    'modules/groups.json',
    pretty(
      MAKE_GROUPS.map((label) => ({
        label,
        modules: ALL_MODULES.filter(({ make }) => make.group === label).map(({ make }) => make.id),
      })),
    ),
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
  const lines = ALL_MODULES.map(({ make, operation }) => `- **${make.label}**: ${operation.display.description}`);
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
