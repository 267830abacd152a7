import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { GloopClock } from './clock';
import { newId } from './ids';
import { LEAD_STATUS, OPEN_LEAD_STATUS_IDS, SIGNATURE_TEMPLATES, SMS_TEMPLATES } from './seed';
import type { ChoiceKind, RecordKind, StoredRecord, Store } from './store';
import { DAY, formatDate, parseDate, skippedIn, weekendDays } from './working-days';

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string;
  body: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
}

export interface ApiSettings {
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
  /** The most a list's page holds, however many are asked for (ORDS serves 25 unless told). */
  maxPage?: number;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'BAD_REQUEST',
  ) {
    super(message);
  }
}

type Body = Record<string, unknown>;
type Handler = (request: ApiRequest) => ApiResponse;
/** What an id field points at: one of the lists, or a record made through the API. */
export type IdKind = ChoiceKind | RecordKind;
/** The kind of id each id field holds; a list of objects (a sale's lines) maps to its items' fields. */
export interface IdFields {
  [key: string]: IdKind | IdFields;
}

interface BodySpec {
  required: string[];
  text: string[];
  ids?: Record<string, IdKind>;
  booleans?: string[];
  dates?: string[];
  numbers?: string[];
  /** A list of objects, each read with its own spec: a sale's product lines. */
  lines?: Record<string, BodySpec>;
}

const EXT = ['ext_one', 'ext_two', 'ext_three', 'ext_four'];
const UTM = ['utm_campaign', 'utm_term', 'utm_content', 'utm_medium', 'utm_source'];
const SMART_LEAD: BodySpec = { required: ['name', 'f_name', 'phone'], text: ['name', 'f_name', 'l_name', 'email', 'phone', ...UTM, 'text'] };
const LEAD: BodySpec = {
  ...SMART_LEAD,
  text: [...SMART_LEAD.text, 'company', ...EXT],
  ids: { owner: 'users', lead_status: 'lead_statuses' },
  booleans: ['is_subscriber'],
};
const ACCOUNT: BodySpec = {
  required: ['name', 'f_name', 'status'],
  text: ['name', 'f_name', 'l_name', 'phone', 'country', 'address', 'passport', 'website', 'company', ...EXT],
  ids: { owner: 'users', lead_id: 'LEADS', status: 'account_statuses', type: 'account_types' },
  booleans: ['is_subscriber'],
  dates: ['b_day'],
};
const NOTE: BodySpec = { required: ['msg'], text: ['msg'], ids: { account_id: 'ACCOUNTS', lead_id: 'LEADS' } };
const TASK: BodySpec = {
  required: ['subject', 'owner', 'status'],
  text: ['subject', 'description'],
  ids: { owner: 'users', status: 'task_statuses', priority: 'task_priorities', lead_id: 'LEADS', account_id: 'ACCOUNTS' },
  dates: ['due'],
};
const SMS: BodySpec = { required: ['from', 'target', 'message'], text: ['from', 'target', 'message'], ids: { lead_id: 'LEADS', account_id: 'ACCOUNTS' } };
const SMS_TEMPLATE: BodySpec = { required: ['from', 'target', 'template_id'], text: ['from', 'target'], ids: { template_id: 'sms_templates', lead_id: 'LEADS', account_id: 'ACCOUNTS' } };
const DOCUMENT: BodySpec = { required: ['name', 'template_id', 'by_user'], text: ['name', 'phone', 'email'], ids: { template_id: 'signature_templates', by_user: 'users' } };
const TICKET: BodySpec = {
  required: ['subject', 'status'],
  text: ['subject', 'msg', 'phone', 'email'],
  ids: { status: 'ticket_statuses', owner: 'users', department_id: 'ticket_departments', priority_id: 'ticket_priorities', account_id: 'ACCOUNTS' },
};
const LINK: BodySpec = { required: ['url'], text: ['url', 'custom_alias', 'password', 'description'], booleans: ['guid'] };
const TIMER: BodySpec = { required: ['owner'], text: ['comment'], ids: { owner: 'users', account_id: 'ACCOUNTS' }, dates: ['start_time'] };
const SALE_LINE: BodySpec = { required: [], text: ['description'], ids: { product_id: 'PRODUCTS' }, numbers: ['quantity', 'price_per_unit', 'total_product'] };
const SALE: BodySpec = {
  required: ['title', 'status', 'total'],
  text: ['title', 'discount_type', 'admin_notes'],
  ids: { status: 'sale_statuses', owner: 'users', account_id: 'ACCOUNTS', lead_id: 'LEADS' },
  numbers: ['discount', 'discount_value', 'sub_total', 'total', 'tax_rate', 'tax'],
  booleans: ['is_tax'],
  lines: { products: SALE_LINE },
};
const PRODUCT: BodySpec = {
  required: ['name', 'price', 'is_active', 'category'],
  text: ['name', 'desctiption', 'sku'],
  ids: { category: 'CATEGORIES' },
  numbers: ['price', 'invetory'],
  booleans: ['is_physical', 'is_active'],
};
const MOVEMENT: BodySpec = { required: ['product_id', 'operation', 'quantity', 'comment'], text: ['operation', 'comment'], ids: { product_id: 'PRODUCTS' }, numbers: ['quantity'] };
const MOVEMENT_COMMENT_MAX_LENGTH = 4000;
const DATE_SUM: BodySpec = { required: ['start_date', 'increment', 'weekend', 'date_format', 'return_format'], text: ['start_date', 'weekend', 'date_format', 'return_format'], numbers: ['increment'] };
const DATE_SPAN: BodySpec = { required: ['start_date', 'end_date', 'weekend', 'date_format', 'return_format'], text: ['start_date', 'end_date', 'weekend', 'date_format', 'return_format'] };
const CATEGORY: BodySpec = { required: ['name'], text: ['name', 'description', 'payplus_uid', 'woo_id'], booleans: ['is_active_yn'] };
const SEARCH: BodySpec = { required: [], text: ['name', 'phone', 'email', 'passport', 'company', 'limit', 'order_by', 'order', 'object_type'] };

/** The specs each kind of record is stored from, so the page names the same id fields the API checks. */
const SPECS: Record<RecordKind, BodySpec[]> = {
  LEADS: [LEAD, SMART_LEAD],
  ACCOUNTS: [ACCOUNT],
  NOTES: [NOTE],
  TASKS: [TASK],
  SMS: [SMS, SMS_TEMPLATE],
  DOCUMENTS: [DOCUMENT],
  TICKETS: [TICKET],
  LINKS: [LINK],
  TIMERS: [TIMER],
  SALES: [SALE],
  PRODUCTS: [PRODUCT],
  CATEGORIES: [CATEGORY],
  MOVEMENTS: [MOVEMENT],
};

function idFieldsOf(specs: BodySpec[]): IdFields {
  const fields: IdFields = {};
  for (const spec of specs) {
    Object.assign(fields, spec.ids);
    for (const [key, line] of Object.entries(spec.lines ?? {})) fields[key] = idFieldsOf([line]);
  }
  return fields;
}

/** Per kind of record, which kind of id each field holds: the page names these and shows every other value as it is. */
export const ID_FIELDS = Object.fromEntries(Object.entries(SPECS).map(([kind, specs]) => [kind, idFieldsOf(specs)])) as Record<RecordKind, IdFields>;

export function isRecordKind(kind: IdKind): kind is RecordKind {
  return kind in SPECS;
}

const NOTE_MAX_LENGTH = 4000;
const TASK_DESCRIPTION_MAX_LENGTH = 4000;
/** What each list's items carry besides id, name and is_active. */
const EXTRAS: Partial<Record<ChoiceKind, Record<string, Record<string, string>>>> = {
  sms_templates: Object.fromEntries(SMS_TEMPLATES.map(({ id, msg }) => [id, { msg }])),
  signature_templates: Object.fromEntries(SIGNATURE_TEMPLATES.map(({ id, is_stand_alone }) => [id, { is_stand_alone, shorten_url: `https://sign.gloop-sandbox.invalid/t/${id}` }])),
};
const DEFAULT_PAGE = 25;
export const MAX_PAGE = 500;
const ENTITY_NAMES: Record<IdKind, string> = {
  users: 'משתמש',
  lead_statuses: 'סטטוס ליד',
  account_statuses: 'סטטוס לקוח',
  account_types: 'סוג לקוח',
  LEADS: 'ליד',
  ACCOUNTS: 'לקוח',
  NOTES: 'הערה',
  task_statuses: 'סטטוס משימה',
  task_priorities: 'רמת דחיפות',
  sms_templates: 'תבנית SMS',
  signature_templates: 'תבנית מסמך',
  TASKS: 'משימה',
  SMS: 'הודעת SMS',
  DOCUMENTS: 'מסמך',
  ticket_statuses: 'סטטוס פנייה',
  ticket_departments: 'מחלקה',
  ticket_priorities: 'רמת דחיפות',
  TICKETS: 'פנייה',
  LINKS: 'קישור',
  TIMERS: 'טיימר',
  sale_statuses: 'סטטוס מכירה',
  SALES: 'מכירה',
  PRODUCTS: 'מוצר',
  CATEGORIES: 'קטגוריה',
  MOVEMENTS: 'תנועת מלאי',
};

/** The choice lists Gloop serves page by page, by the path each is at. */
export const PAGED_CHOICE_LISTS = {
  '/v2/accounts/statuses': 'account_statuses',
  '/v2/accounts/types': 'account_types',
  '/v2/tasks/statuses': 'task_statuses',
  '/v2/tasks/priorities': 'task_priorities',
  '/v2/sms/templates': 'sms_templates',
  '/v2/signatures/templates': 'signature_templates',
  '/v2/tickets/statuses': 'ticket_statuses',
  '/v2/tickets/departments': 'ticket_departments',
  '/v2/tickets/priorities': 'ticket_priorities',
  '/v2/sales/statuses': 'sale_statuses',
} as const satisfies Record<string, ChoiceKind>;

/** Where the sandbox keeps each choice list, by its path: lead statuses come whole, the rest paged. */
export const CHOICE_LISTS: Readonly<Record<string, ChoiceKind>> = { '/v2/leads/statuses': 'lead_statuses', ...PAGED_CHOICE_LISTS };

/** Gloop API v2 as `shared/gloop-api.md` describes it: the endpoints, their shapes and their Hebrew errors. */
export class GloopApi {
  private readonly routes: Record<string, Record<string, Handler>> = {
    '/oauth/token': { POST: (request) => this.issueToken(request) },
    '/v2/users': { GET: (request) => this.list('users', request) },
    '/v2/leads/statuses': { GET: () => ({ status: 200, body: { items: this.store.page('lead_statuses', 0, MAX_PAGE).items, first: { $ref: '/v2/leads/statuses' } } }) },
    // Every other choice list is paged.
    ...Object.fromEntries(Object.entries(PAGED_CHOICE_LISTS).map(([path, kind]) => [path, { GET: (request: ApiRequest) => this.list(kind, request) }])),
    '/v2/leads/create': { POST: (request) => this.createLead(request) },
    '/v2/leads/intelligent': { POST: (request) => this.createLeadWithDuplicateCheck(request) },
    '/v2/search/leadsAndAccounts': { POST: (request) => this.search(request) },
    '/v2/notes/create': { POST: (request) => this.createNote(request) },
    '/v2/accounts/create': { POST: (request) => this.createAccount(request) },
    '/v2/tasks/create': { POST: (request) => this.createTask(request) },
    '/v2/sms/send': { POST: (request) => this.sendSms(request, SMS) },
    '/v2/sms/sendTemplate': { POST: (request) => this.sendSms(request, SMS_TEMPLATE) },
    '/v2/signatures/create': { POST: (request) => this.createDocument(request) },
    '/v2/tickets/create': { POST: (request) => this.createTicket(request) },
    '/v2/links/shortner': { POST: (request) => this.shortenLink(request) },
    '/v2/timer/start': { POST: (request) => this.startTimer(request) },
    '/v2/timer/open': { GET: (request) => this.openTimers(request) },
    '/v2/sales/create': { POST: (request) => this.createSale(request) },
    '/v2/products/': { GET: (request) => this.listRecords('PRODUCTS', request, productOf) },
    '/v2/products/create': { POST: (request) => this.createProduct(request) },
    '/v2/products/categories/': { GET: (request) => this.listRecords('CATEGORIES', request, categoryOf) },
    '/v2/products/categories/create': { POST: (request) => this.createCategory(request) },
    '/v2/products/inventory/movment': { POST: (request) => this.moveStock(request) },
    '/v2/workingDays/addWorkingDays': { POST: (request) => this.addDays(request, true) },
    '/v2/workingDays/addWeekDays': { POST: (request) => this.addDays(request, false) },
    '/v2/workingDays/WorkingDaysBetween': { POST: (request) => this.workingDaysBetween(request) },
  };
  /** Paths with an id in them: `PUT /v2/timer/{timer_id}`. */
  private readonly patterns: [RegExp, Record<string, (request: ApiRequest, id: string) => ApiResponse>][] = [
    [/^\/v2\/timer\/(\d+)$/, { PUT: (_request, id) => this.stopTimer(id) }],
    [/^\/v2\/products\/(\d+)$/, { GET: (_request, id) => this.productDetails(id) }],
    [/^\/v2\/products\/inventory\/(\d+)$/, { GET: (request, id) => this.movementLog(request, id) }],
  ];

  constructor(
    private readonly store: Store,
    private readonly settings: ApiSettings,
    private readonly clock: GloopClock,
  ) {}

  knows(path: string): boolean {
    return path in this.routes || this.patterns.some(([pattern]) => pattern.test(path));
  }

  private routeOf(path: string): Record<string, Handler> | undefined {
    if (path in this.routes) return this.routes[path];
    for (const [pattern, handlers] of this.patterns) {
      const id = pattern.exec(path)?.[1];
      if (id !== undefined) return Object.fromEntries(Object.entries(handlers).map(([method, handler]) => [method, (request: ApiRequest) => handler(request, id)]));
    }
    return undefined;
  }

  handle(request: ApiRequest): ApiResponse {
    const route = this.routeOf(request.path);
    try {
      if (!route) throw new ApiError(404, 'הכתובת המבוקשת לא נמצאה', 'NOT_FOUND');
      const handler = route[request.method];
      if (!handler) throw new ApiError(405, 'שיטת הבקשה אינה נתמכת בכתובת זו', 'METHOD_NOT_ALLOWED');
      if (request.path !== '/oauth/token') this.authenticate(request.authorization);
      return handler(request);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const body = request.path === '/oauth/token' && error.status === 401 ? { error: 'invalid_client', error_description: error.message } : { code: error.code, message: error.message };
      return { status: error.status, body };
    }
  }

  private issueToken(request: ApiRequest): ApiResponse {
    const [scheme, encoded = ''] = request.authorization.split(' ');
    const [clientId, ...secret] = Buffer.from(encoded, 'base64').toString('utf8').split(':');
    if (scheme?.toLowerCase() !== 'basic' || !sameText(clientId, this.settings.clientId) || !sameText(secret.join(':'), this.settings.clientSecret)) {
      throw new ApiError(401, 'פרטי ההתחברות שגויים', 'UNAUTHORIZED');
    }
    if (new URLSearchParams(request.body).get('grant_type') !== 'client_credentials') {
      throw new ApiError(400, 'סוג ההרשאה אינו נתמך: יש לשלוח grant_type=client_credentials', 'unsupported_grant_type');
    }
    const token = randomBytes(16).toString('base64url');
    this.store.addToken(token, Date.now() + this.settings.tokenTtlSeconds * 1000);
    return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: this.settings.tokenTtlSeconds } };
  }

  private authenticate(authorization: string): void {
    const [scheme, token] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token || !this.store.tokenIsValid(token, Date.now())) {
      throw new ApiError(401, 'הטוקן אינו תקף או שפג תוקפו', 'UNAUTHORIZED');
    }
  }

  /** Where a list's page starts and how many it holds: as asked, within the largest page this Gloop serves. */
  private pageAsked(request: ApiRequest): { offset: number; limit: number } {
    const offset = wholeNumber(request.query.get('offset'), 0, 'offset');
    return { offset, limit: Math.min(wholeNumber(request.query.get('limit'), DEFAULT_PAGE, 'limit'), this.settings.maxPage ?? MAX_PAGE) };
  }

  /** One page of a list held in full, in ORDS's shape. */
  private pageOf(all: Body[], request: ApiRequest): ApiResponse {
    const { offset, limit } = this.pageAsked(request);
    const items = all.slice(offset, offset + limit);
    return { status: 200, body: { items, hasMore: offset + limit < all.length, limit, offset, count: items.length } };
  }

  private list(kind: ChoiceKind, request: ApiRequest): ApiResponse {
    const { offset, limit } = this.pageAsked(request);
    const page = this.store.page(kind, offset, limit);
    const items = page.items.map((item) => ({ ...item, ...EXTRAS[kind]?.[item.id] }));
    const { hasMore } = page;
    const self = `${request.path}?offset=${offset}&limit=${limit}`;
    const links = [{ rel: 'self', href: self }, ...(hasMore ? [{ rel: 'next', href: `${request.path}?offset=${offset + limit}&limit=${limit}` }] : [])];
    return { status: 200, body: { items, hasMore, limit, offset, count: items.length, links } };
  }

  private createLead(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, LEAD);
    const leadStatus = (body.lead_status as string | undefined) ?? LEAD_STATUS.new.id;
    const record = this.save('LEADS', request.body, { ...body, lead_status: leadStatus });
    return { status: 201, body: { id: record.id, lead_status: leadStatus, message: 'הליד נוצר בהצלחה' } };
  }

  private createLeadWithDuplicateCheck(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, SMART_LEAD);
    const [status, message] = this.verdictFor(body);
    const record = this.save('LEADS', request.body, { ...body, lead_status: status.id });
    return { status: 201, body: { id: record.id, message, name: body.name } };
  }

  /** What the CRM makes of a new lead whose phone or email it already knows. */
  private verdictFor(body: Body): [{ id: string }, string] {
    const samePerson = (record: StoredRecord) =>
      (body.phone !== undefined && phoneKey(record.fields.phone) === phoneKey(body.phone)) ||
      (typeof body.email === 'string' && body.email !== '' && String(record.fields.email ?? '').toLowerCase() === body.email.toLowerCase());
    if (this.store.records('ACCOUNTS').some(samePerson)) {
      return [LEAD_STATUS.returningCustomer, 'הפעולה הושלמה - לקוח חוזר: הליד שויך ללקוח קיים.'];
    }
    const earlier = this.store.records('LEADS').filter(samePerson);
    if (earlier.some((lead) => OPEN_LEAD_STATUS_IDS.has(String(lead.fields.lead_status)))) {
      return [LEAD_STATUS.duplicate, 'הפעולה הושלמה - הליד כפול וכבר עובר כרגע תהליך מכירה.'];
    }
    if (earlier.length > 0) return [LEAD_STATUS.returningLead, 'הפעולה הושלמה - ליד חוזר: הליד כבר היה במערכת ונפתח מחדש.'];
    return [LEAD_STATUS.new, 'הפעולה הושלמה - הליד נוצר בהצלחה.'];
  }

  /**
   * As the vendor's example shows: every criterion must match, a phone from the start of the
   * stored number (`05492` finds 05492, 0549255555 and 05492222222), name and company by part,
   * email and ID number whole; an empty search finds nothing.
   */
  private search(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, SEARCH);
    const criteria = (['name', 'phone', 'email', 'passport', 'company'] as const).filter((key) => typeof body[key] === 'string' && body[key] !== '');
    if (criteria.length === 0) return { status: 200, body: { count: 0, results: [] } };
    const objectType = body.object_type === '' ? null : (body.object_type ?? null);
    if (objectType !== null && objectType !== 'LEADS' && objectType !== 'ACCOUNTS') throw new ApiError(400, 'ערך לא תקין בשדה object_type');
    if (body.order !== undefined && body.order !== 'asc' && body.order !== 'desc') throw new ApiError(400, 'ערך לא תקין בשדה order');
    if (body.order_by !== undefined && body.order_by !== 'created' && body.order_by !== 'updated') throw new ApiError(400, 'ערך לא תקין בשדה order_by');
    const limit = Math.min(wholeNumber(body.limit === undefined ? null : String(body.limit), DEFAULT_PAGE, 'limit'), MAX_PAGE);
    const matches = (record: StoredRecord) =>
      criteria.every((key) => {
        const wanted = String(body[key]).toLowerCase();
        const have = String(record.fields[key] ?? '').toLowerCase();
        if (key === 'phone') return have.startsWith(wanted);
        if (key === 'name' || key === 'company') return have.includes(wanted);
        return have === wanted;
      });
    const found: StoredRecord[] = [];
    const query = this.store.query({
      kinds: objectType === null ? ['LEADS', 'ACCOUNTS'] : [objectType],
      phoneStart: criteria.includes('phone') ? String(body.phone) : undefined,
      orderBy: body.order_by === 'updated' ? 'updated' : 'created',
      order: body.order === 'asc' ? 'asc' : 'desc',
    });
    for (const record of query) {
      if (found.length === limit) break;
      if (matches(record)) found.push(record);
    }
    const results = found.map((record) => ({
      id: record.id,
      object_type: record.kind,
      created: record.created,
      updated: record.updated,
      created_by: 'API',
      updated_by: record.updated === record.created ? 'API' : 'SANDBOX',
      ...Object.fromEntries(['utm_source', 'utm_campaign', 'name', 'phone', 'email', 'passport', 'company'].map((key) => [key, record.fields[key] ?? null])),
    }));
    return { status: 200, body: { count: results.length, results } };
  }

  private createTask(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, TASK);
    if ([...String(body.description ?? '')].length > TASK_DESCRIPTION_MAX_LENGTH) throw new ApiError(400, `תיאור המשימה ארוך מ-${TASK_DESCRIPTION_MAX_LENGTH} תווים`);
    const record = this.save('TASKS', request.body, body);
    return { status: 201, body: { id: record.id, message: 'המשימה נוצרה בהצלחה' } };
  }

  /** An SMS, written or from a template; Gloop wants local numbers (05…, 5…), not +972. */
  private sendSms(request: ApiRequest, spec: BodySpec): ApiResponse {
    const body = this.validated(request.body, spec);
    for (const key of ['from', 'target']) {
      if (!/^0?5\d{8}$|^0\d{8}$/.test(String(body[key]))) throw new ApiError(400, `מספר הטלפון בשדה ${key} אינו תקין: יש להזין מספר מקומי, ללא קידומת בינלאומית`);
    }
    let message = body.message;
    if (spec === SMS_TEMPLATE) {
      const template = this.store.findChoice('sms_templates', String(body.template_id));
      if (template?.is_active !== 'Y') throw new ApiError(400, 'תבנית ה-SMS אינה פעילה');
      const attached = [['LEADS', body.lead_id], ['ACCOUNTS', body.account_id]].flatMap(([kind, id]) => this.store.records(kind as RecordKind).filter((record) => record.id === id));
      // The placeholder is filled only when the SMS is attached to a lead or customer; otherwise it goes as is.
      const name = attached[0]?.fields.name;
      message = typeof name === 'string' ? EXTRAS.sms_templates![template.id].msg.replaceAll('***שם***', name) : EXTRAS.sms_templates![template.id].msg;
    }
    const shipmentId = String(1_000_000_000 + this.store.records('SMS').length * 7919 + 4711);
    this.save('SMS', request.body, { ...body, message }, shipmentId);
    return { status: 201, body: { shipment_id: shipmentId } };
  }

  private createDocument(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, DOCUMENT);
    if (this.store.findChoice('signature_templates', String(body.template_id))?.is_active !== 'Y') throw new ApiError(400, 'תבנית המסמך אינה פעילה');
    const id = String(261 + this.store.records('DOCUMENTS').length);
    const document = `https://sign.gloop-sandbox.invalid/d/${id}`;
    this.save('DOCUMENTS', request.body, { ...body, document }, id);
    return { status: 201, body: { document, id, message: 'המסמך נוצר בהצלחה' } };
  }

  private createTicket(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, TICKET);
    const record = this.save('TICKETS', request.body, body);
    return { status: 201, body: { id: record.id, message: 'טיקט נוצר בהצלחה', ticket_status: body.status } };
  }

  private shortenLink(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, LINK);
    if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(String(body.url))) throw new ApiError(400, 'יש להזין קישור תקין הכולל https://');
    const alias = typeof body.custom_alias === 'string' && body.custom_alias !== '' ? body.custom_alias : `l${this.store.records('LINKS').length + 1}`;
    if (this.store.records('LINKS').some((link) => link.fields.alias === alias)) throw new ApiError(400, `הסיומת ${alias} כבר תפוסה`);
    const guid = body.guid === true || body.guid === 'true' ? randomBytes(16).toString('hex').toUpperCase() : null;
    const shortUrl = `https://link.gloop-sandbox.invalid/${alias}`;
    const record = this.save('LINKS', request.body, { ...body, alias, short_url: shortUrl });
    return { status: 201, body: { guid, id: record.id, message: 'הקישור קוצר בהצלחה', short_url: shortUrl } };
  }

  private startTimer(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, TIMER);
    const record = this.save('TIMERS', request.body, { ...body, start_time: body.start_time ?? new Date(this.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z') });
    return { status: 201, body: { id: record.id, message: 'הטיימר הופעל' } };
  }

  private openTimers(request: ApiRequest): ApiResponse {
    const items = this.store
      .records('TIMERS')
      .filter((timer) => timer.fields.end_time === undefined)
      .map((timer) => ({ id: timer.id, account_id: timer.fields.account_id ?? null, start_time: timer.fields.start_time, comment: timer.fields.comment ?? null }));
    return this.pageOf(items, request);
  }

  private stopTimer(id: string): ApiResponse {
    const timer = this.store.records('TIMERS').find((record) => record.id === id);
    if (!timer) throw new ApiError(404, `לא נמצא טיימר עם המזהה ${id}`, 'NOT_FOUND');
    if (timer.fields.end_time !== undefined) throw new ApiError(400, 'הטיימר כבר הופסק');
    const end = new Date(this.clock.now());
    this.store.updateFields('TIMERS', id, { ...timer.fields, end_time: end.toISOString() });
    const minutes = Math.max(0, (end.getTime() - Date.parse(String(timer.fields.start_time))) / 60_000);
    // The vendor's key, as it spells it.
    return { status: 200, body: { message: 'הטיימר הופסק', total_minuets: minutes.toFixed(1) } };
  }

  private createSale(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, SALE);
    if (body.discount_type !== undefined && body.discount_type !== '%' && body.discount_type !== '#') throw new ApiError(400, 'סוג ההנחה חייב להיות % או #');
    const record = this.save('SALES', request.body, body);
    // The vendor's message, its repeated word included.
    return { status: 201, body: { id: record.id, message: 'המכירה נוצרה נוצר בהצלחה' } };
  }

  private createProduct(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, PRODUCT);
    const record = this.save('PRODUCTS', request.body, body);
    return { status: 201, body: { id: record.id, message: 'המוצר נוצר בהצלחה' } };
  }

  private createCategory(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, CATEGORY);
    const record = this.save('CATEGORIES', request.body, body);
    return { status: 201, body: { id: record.id, message: 'הקטגוריה נוצרה בהצלחה' } };
  }

  /** Stock may go below zero, as the vendor's example shows (4 units, 10 out: -6). */
  private moveStock(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, MOVEMENT);
    if (body.operation !== 'IN' && body.operation !== 'OUT') throw new ApiError(400, 'סוג הפעולה חייב להיות IN או OUT');
    if ([...String(body.comment)].length > MOVEMENT_COMMENT_MAX_LENGTH) throw new ApiError(400, `ההערה ארוכה מ-${MOVEMENT_COMMENT_MAX_LENGTH} תווים`);
    const product = this.store.records('PRODUCTS').find((record) => record.id === body.product_id)!;
    const before = Number(product.fields.invetory ?? 0);
    const after = before + (body.operation === 'IN' ? 1 : -1) * Number(body.quantity);
    this.store.updateFields('PRODUCTS', product.id, { ...product.fields, invetory: after });
    this.save('MOVEMENTS', request.body, { ...body, total_before: before, total_after: after }, String(this.store.records('MOVEMENTS').length + 23));
    return { status: 201, body: { inventory_after: after, inventory_before: before, message: 'הפעולה הושלמה' } };
  }

  /** A product's movements, newest first, paged as Gloop pages its lists. */
  private movementLog(request: ApiRequest, productId: string): ApiResponse {
    const all = this.store
      .records('MOVEMENTS')
      .filter((record) => record.fields.product_id === productId)
      .map(({ id, created, fields }) => ({ id, operation: fields.operation, quantity: fields.quantity, total_after: fields.total_after, total_before: fields.total_before, comment: fields.comment, created, product_id: fields.product_id }));
    return this.pageOf(all, request);
  }

  /** A date plus working days (holidays skipped) or weekdays (weekends only); nothing is stored. */
  private addDays(request: ApiRequest, withHolidays: boolean): ApiResponse {
    const body = this.validated(request.body, DATE_SUM);
    const { start, weekend } = this.dateSum(body, 'start_date');
    const increment = Number(body.increment);
    if (!Number.isInteger(increment) || increment < 0) throw new ApiError(400, 'מספר הימים להוספה חייב להיות מספר שלם חיובי');
    const first = start + increment * DAY;
    const span = skippedIn(start, first, weekend, withHolidays);
    const date = formatDate(first + (span.holidays.length + span.weekends.length) * DAY, String(body.return_format));
    if (!withHolidays) return { status: 200, body: { date, days_total_weekends: span.weekends.length, result_weekends: span.weekends } };
    return { status: 200, body: { date, days_total_holidays: span.holidays.length, days_total_weekends: span.weekends.length, holidays: span.holidays, weekends: span.weekends } };
  }

  /** The working days after the start date up to the end date: the days, less weekends and holidays. */
  private workingDaysBetween(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, DATE_SPAN);
    const { start, weekend } = this.dateSum(body, 'start_date');
    const end = this.dateSum(body, 'end_date').start;
    if (end < start) throw new ApiError(400, 'תאריך הסיום מוקדם מתאריך ההתחלה');
    const span = skippedIn(start, end, weekend, true);
    const working = (end - start) / DAY - span.holidays.length - span.weekends.length;
    return {
      status: 200,
      body: {
        date: formatDate(end, String(body.return_format)),
        days_total_holidays: span.holidays.length,
        days_total_weekends: span.weekends.length,
        days_total_working_days: working,
        holidays: span.holidays,
        weekends: span.weekends,
      },
    };
  }

  private dateSum(body: Body, key: string): { start: number; weekend: Set<number> } {
    const start = parseDate(String(body[key]), String(body.date_format));
    if (start === undefined) throw new ApiError(400, `התאריך בשדה ${key} אינו תואם לפורמט ${String(body.date_format)}`);
    const weekend = weekendDays(String(body.weekend));
    if (!weekend) throw new ApiError(400, 'מבנה סוף השבוע אינו תקין: יש להזין מספרי ימים 1-7 מופרדים בפסיק');
    return { start, weekend };
  }

  /** A list of records created through the API, oldest first, paged as Gloop pages its lists. */
  private listRecords(kind: RecordKind, request: ApiRequest, shape: (record: StoredRecord) => Body): ApiResponse {
    return this.pageOf(this.store.records(kind).reverse().map(shape), request);
  }

  /** One product as a one-item page; an unknown id is an empty page, as Gloop's lists answer. */
  private productDetails(id: string): ApiResponse {
    const items = this.store.records('PRODUCTS').filter((record) => record.id === id).map(productOf);
    return onePage(items, DEFAULT_PAGE);
  }

  private createNote(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, NOTE);
    if ((body.lead_id === undefined) === (body.account_id === undefined)) throw new ApiError(400, 'יש לציין מזהה ליד (lead_id) או מזהה לקוח (account_id), אחד בלבד');
    if ([...String(body.msg)].length > NOTE_MAX_LENGTH) throw new ApiError(400, `ההערה ארוכה מ-${NOTE_MAX_LENGTH} תווים`);
    const record = this.save('NOTES', request.body, body);
    return { status: 201, body: { id: record.id, message: 'ההערה נוצרה בהצלחה' } };
  }

  private createAccount(request: ApiRequest): ApiResponse {
    const body = this.validated(request.body, ACCOUNT);
    const record = this.save('ACCOUNTS', request.body, body);
    return { status: 201, body: { account_status: body.status, id: record.id, message: 'הלקוח נוצר בהצלחה' } };
  }

  private save(kind: RecordKind, raw: string, fields: Body, id = newId()): StoredRecord {
    const created = this.clock.stamp();
    // Gloop fixes a +972 number itself: a lead or customer keeps the local form (050…).
    const person = (kind === 'LEADS' || kind === 'ACCOUNTS') && typeof fields.phone === 'string';
    const record = { kind, id, created, updated: created, raw, fields: person ? { ...fields, phone: localPhone(String(fields.phone)) } : fields };
    this.store.addRecord(record);
    return record;
  }

  private validated(raw: string, spec: BodySpec): Body {
    let body: unknown;
    try {
      body = JSON.parse(quoteLongNumbers(raw === '' ? '{}' : raw));
    } catch {
      throw new ApiError(400, 'גוף הבקשה אינו JSON תקין');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'גוף הבקשה חייב להיות אובייקט JSON');
    const fields = body as Body;
    const ids = spec.ids ?? {};
    for (const [key, value] of Object.entries(fields)) {
      if (value === null) continue;
      if (spec.text.includes(key)) {
        if (typeof value !== 'string' && !(key === 'limit' && typeof value === 'number')) throw new ApiError(400, `ערך לא תקין בשדה ${key}: נדרש טקסט`);
      } else if (key in ids) {
        if (!/^\d+$/.test(String(value))) throw new ApiError(400, `ערך לא תקין בשדה ${key}: נדרש מזהה`);
        this.mustExist(ids[key], String(value), key);
      } else if (spec.booleans?.includes(key)) {
        if (typeof value !== 'boolean' && value !== 'true' && value !== 'false') throw new ApiError(400, `ערך לא תקין בשדה ${key}: נדרש true או false`);
      } else if (spec.numbers?.includes(key)) {
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new ApiError(400, `ערך לא תקין בשדה ${key}: נדרש מספר`);
      } else if (spec.lines?.[key]) {
        if (!Array.isArray(value)) throw new ApiError(400, `ערך לא תקין בשדה ${key}: נדרשת רשימה`);
        fields[key] = value.map((line) => this.validated(JSON.stringify(line), spec.lines![key]));
      } else if (spec.dates?.includes(key)) {
        if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw new ApiError(400, `ערך לא תקין בשדה ${key}: נדרש תאריך`);
      } else {
        throw new ApiError(400, `שדה לא מוכר: ${key}`);
      }
    }
    for (const key of spec.required) {
      if (fields[key] === undefined || fields[key] === null || String(fields[key]).trim() === '') throw new ApiError(400, `חסר שדה חובה: ${key}`);
    }
    return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null).map(([key, value]) => [key, key in ids ? String(value) : value]));
  }

  private mustExist(kind: IdKind, id: string, key: string): void {
    const exists = isRecordKind(kind) ? this.store.hasRecord(kind, id) : this.store.findChoice(kind, id);
    if (!exists) throw new ApiError(400, `לא נמצא ${ENTITY_NAMES[kind]} עם המזהה ${id} (שדה ${key})`);
  }
}

const yesNo = (value: unknown) => (value === true ? 'Y' : value === false ? 'N' : null);

/** A product as Gloop lists it: its yes/no values as Y and N, what it lacks as null. */
function productOf({ id, created, fields }: StoredRecord): Body {
  const known = (key: string) => fields[key] ?? null;
  return {
    id,
    name: fields.name,
    price: fields.price,
    desctiption: known('desctiption'),
    sku: known('sku'),
    invetory: known('invetory'),
    is_physical_yn: yesNo(fields.is_physical),
    tags: null,
    is_active_yn: yesNo(fields.is_active),
    display_sequence: null,
    updated: created,
    created,
    updated_by: 'API',
    created_by: 'API',
    category: fields.category,
    payplus_uid: null,
  };
}

function categoryOf({ id, fields }: StoredRecord): Body {
  return { id, name: fields.name, description: fields.description ?? null, is_active_yn: yesNo(fields.is_active_yn ?? true), woo_id: fields.woo_id ?? null, payplus_uid: fields.payplus_uid ?? null };
}

/** A list Gloop answers whole, as the first and only page. */
function onePage(items: Body[], limit: number): ApiResponse {
  return { status: 200, body: { items, hasMore: false, limit, offset: 0, count: items.length } };
}

/** +972 50-123-4567 → 050-123-4567, +9720501234567 → 0501234567: the rest as it came. */
function localPhone(phone: string): string {
  return phone.replace(/^\s*\+972[\s-]*0?/, '0');
}

/** Phone numbers compare by their digits, with +972 / 972 read as the leading 0, as Gloop does. */
function phoneKey(value: unknown): string {
  const digits = String(value ?? '').replace(/\D/g, '');
  return digits.startsWith('972') ? `0${digits.slice(3)}` : digits;
}

function wholeNumber(value: string | null, fallback: number, key: string): number {
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new ApiError(400, `ערך לא תקין בשדה ${key}`);
  return Number(value);
}

function sameText(a: string | undefined, b: string): boolean {
  const left = Buffer.from(a ?? '');
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The vendor's examples send 39-digit ids as bare numbers: the sandbox reads them as the text of
 * their digits, so no digit is lost. Strings are matched first, so digits inside them stay put.
 */
function quoteLongNumbers(json: string): string {
  // Whole numbers only: the digits after a decimal point are a fraction's.
  return json.replace(/("(?:[^"\\]|\\.)*")|(?<![\d.])(-?\d{16,})(?![\d.eE])/g, (_match, text: string | undefined, digits: string | undefined) => text ?? `"${digits}"`);
}
