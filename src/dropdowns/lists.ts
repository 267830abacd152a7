import type { Choice, ChoiceLabel } from './choices';

/** How a dropdown shows an entry where it is more than the name: in the Zapier app, and as the Make RPC's IML over `item`. */
interface EntryLabel {
  of: ChoiceLabel;
  iml: string;
}

/** A Gloop list behind a dropdown, as both platforms read it. */
export interface GloopList {
  /** The hidden Zapier trigger's key, which the fields' `dynamic` names. */
  key: string;
  noun: string;
  path: `/${string}`;
  /** Served in pages (ORDS offset/limit/hasMore), or all at once. */
  paged: boolean;
  sample: Choice;
  /** The Make RPC's id: a name Make scenarios keep, so never derived from the noun. */
  rpc: string;
  entryLabel?: EntryLabel;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** A template shows the message it sends, so the user picks by what the recipient will read. */
const TEMPLATE_WITH_MESSAGE: EntryLabel = {
  of: (item) => [text(item.name), text(item.msg)].filter((part) => part !== undefined).join(': ') || undefined,
  iml: '{{if(ifempty(item.name; "") = ""; ifempty(item.msg; item.id); if(ifempty(item.msg; "") = ""; item.name; item.name + ": " + item.msg))}}',
};

/** An open timer has no name: it shows its comment and when it started. */
const TIMER: EntryLabel = {
  of: (item) => `${text(item.comment) ?? 'Timer'} (started ${text(item.start_time) ?? 'at an unknown time'})`,
  iml: '{{ifempty(item.comment; "Timer")}} (started {{ifempty(item.start_time; "at an unknown time")}})',
};

export const LISTS = [
  { key: 'user_list', noun: 'User', path: '/v2/users', paged: true, rpc: 'listUsers', sample: { id: '253960413951646409173244928790043995930', name: 'משה' } },
  { key: 'lead_status_list', noun: 'Lead Status', path: '/v2/leads/statuses', paged: false, rpc: 'listLeadStatuses', sample: { id: '233069071553535427697228277840563827497', name: '💫 חדש' } },
  { key: 'account_status_list', noun: 'Customer Status', path: '/v2/accounts/statuses', paged: true, rpc: 'listCustomerStatuses', sample: { id: '104788409124312076361553853542960557491', name: '✅ פעיל' } },
  { key: 'account_type_list', noun: 'Customer Type', path: '/v2/accounts/types', paged: true, rpc: 'listCustomerTypes', sample: { id: '613541245386385420145307939716617862236', name: '🏢 עסקי' } },
  { key: 'task_status_list', noun: 'Task Status', path: '/v2/tasks/statuses', paged: true, rpc: 'listTaskStatuses', sample: { id: '234958461663827606436640835426029570923', name: 'פתוח' } },
  { key: 'task_priority_list', noun: 'Task Priority', path: '/v2/tasks/priorities', paged: true, rpc: 'listTaskPriorities', sample: { id: '234958546424545049094831573616695088550', name: '🟢 נמוכה' } },
  {
    key: 'sms_template_list',
    noun: 'SMS Template',
    path: '/v2/sms/templates',
    paged: true,
    rpc: 'listSmsTemplates',
    sample: { id: '258123218108221845257206184125949190319', name: 'ברוכים הבאים: היי ***שם***, תודה שפנית אלינו!' },
    entryLabel: TEMPLATE_WITH_MESSAGE,
  },
  { key: 'signature_template_list', noun: 'Signature Template', path: '/v2/signatures/templates', paged: true, rpc: 'listSignatureTemplates', sample: { id: '3', name: 'הסכם התקשרות' } },
  { key: 'ticket_status_list', noun: 'Ticket Status', path: '/v2/tickets/statuses', paged: true, rpc: 'listTicketStatuses', sample: { id: '234958461663827606436640835426029570923', name: 'פתוח' } },
  { key: 'ticket_department_list', noun: 'Ticket Department', path: '/v2/tickets/departments', paged: true, rpc: 'listTicketDepartments', sample: { id: '234958546424545049094831573616695088550', name: 'תמיכה טכנית' } },
  { key: 'ticket_priority_list', noun: 'Ticket Priority', path: '/v2/tickets/priorities', paged: true, rpc: 'listTicketPriorities', sample: { id: '234958546424546258020651188245869794726', name: '🟠 בינונית' } },
  {
    key: 'open_timer_list',
    noun: 'Open Timer',
    path: '/v2/timer/open',
    paged: true,
    rpc: 'listOpenTimers',
    sample: { id: '271943382793100520363548064345779498371', name: 'my sec timer (started 2021-09-22T16:33:08Z)' },
    entryLabel: TIMER,
  },
  { key: 'sale_status_list', noun: 'Sale Status', path: '/v2/sales/statuses', paged: true, rpc: 'listSaleStatuses', sample: { id: '234204384077945004415374675367894346525', name: 'טיוטה' } },
  // Gloop lists every product at the products path without an id; inactive ones (`is_active_yn` "N") are left out.
  { key: 'product_list', noun: 'Product', path: '/v2/products/', paged: true, rpc: 'listProducts', sample: { id: '271931293467543909784429886793843358217', name: 'TV' } },
  { key: 'product_category_list', noun: 'Product Category', path: '/v2/products/categories/', paged: true, rpc: 'listProductCategories', sample: { id: '271931386971455797394479962881631377483', name: 'חולצות' } },
] as const satisfies readonly GloopList[];

/** The keys of the dropdowns with a Gloop list behind them. */
export type ListKey = (typeof LISTS)[number]['key'];

/** A noun's plural as a label reads it: "Ticket Priority" -> "Ticket Priorities". */
export function plural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return /(s|x|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`;
}
