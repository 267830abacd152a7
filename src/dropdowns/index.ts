import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { callGloop } from '../http/client';
import { activeChoices, choiceOutputFields, type Choice } from './choices';
import { pagedDropdown } from './paged';

export const userList = pagedDropdown('user_list', 'User', '/v2/users', { id: '253960413951646409173244928790043995930', name: 'משה' });
export const accountStatusList = pagedDropdown('account_status_list', 'Customer Status', '/v2/accounts/statuses', {
  id: '104788409124312076361553853542960557491',
  name: '✅ פעיל',
});
export const accountTypeList = pagedDropdown('account_type_list', 'Customer Type', '/v2/accounts/types', {
  id: '613541245386385420145307939716617862236',
  name: '🏢 עסקי',
});

/** Lead statuses come in one unpaged list. */
export const leadStatusList = defineTrigger({
  key: 'lead_status_list',
  noun: 'Lead Status',
  display: { label: 'Lead Status List', description: 'Triggers when a lead status dropdown opens, listing the selectable statuses.', hidden: true },
  operation: {
    type: 'polling',
    perform: async (z: ZObject, bundle: Bundle) => activeChoices(await callGloop(z, bundle, { method: 'GET', path: '/v2/leads/statuses' })),
    sample: { id: '233069071553535427697228277840563827497', name: '💫 חדש' },
    outputFields: choiceOutputFields,
  },
});

/**
 * Gloop's API has no list of leads or customers. These dropdowns stay empty so that the search
 * beside them gets the editor's "Add a search step" button, which needs a dropdown too.
 */
function unlistableDropdown<const Key extends string>(key: Key, noun: string, sample: Choice) {
  return defineTrigger({
    key,
    noun,
    display: {
      label: `${noun} List`,
      description: `Triggers when a ${noun.toLowerCase()} dropdown opens; it stays empty, as a ${noun.toLowerCase()} is found with a search step.`,
      hidden: true,
    },
    operation: {
      type: 'polling',
      perform: async (): Promise<Choice[]> => [],
      sample: { ...sample },
      outputFields: choiceOutputFields,
    },
  });
}

export const leadList = unlistableDropdown('lead_list', 'Lead', { id: '271917813959131540676117904886673869329', name: 'ישראל ישראלי' });
export const customerList = unlistableDropdown('customer_list', 'Customer', { id: '318470115526385338148997581651340149330', name: 'רון לוי' });

export const taskStatusList = pagedDropdown('task_status_list', 'Task Status', '/v2/tasks/statuses', { id: '234958461663827606436640835426029570923', name: 'פתוח' });
export const taskPriorityList = pagedDropdown('task_priority_list', 'Task Priority', '/v2/tasks/priorities', { id: '234958546424545049094831573616695088550', name: '🟢 נמוכה' });
/** A template shows the message it sends, so the user picks by what the recipient will read. */
export const smsTemplateList = pagedDropdown(
  'sms_template_list',
  'SMS Template',
  '/v2/sms/templates',
  { id: '258123218108221845257206184125949190319', name: 'ברוכים הבאים: היי ***שם***, תודה שפנית אלינו!' },
  (item) => [item.name, item.msg].filter((part) => typeof part === 'string' && part !== '').join(': ') || undefined,
);
export const signatureTemplateList = pagedDropdown('signature_template_list', 'Signature Template', '/v2/signatures/templates', { id: '3', name: 'הסכם התקשרות' });

export const ticketStatusList = pagedDropdown('ticket_status_list', 'Ticket Status', '/v2/tickets/statuses', { id: '234958461663827606436640835426029570923', name: 'פתוח' });
export const ticketDepartmentList = pagedDropdown('ticket_department_list', 'Ticket Department', '/v2/tickets/departments', { id: '234958546424545049094831573616695088550', name: 'תמיכה טכנית' });
export const ticketPriorityList = pagedDropdown('ticket_priority_list', 'Ticket Priority', '/v2/tickets/priorities', { id: '234958546424546258020651188245869794726', name: '🟠 בינונית' });
/** An open timer has no name: it shows its comment and when it started. */
export const openTimerList = pagedDropdown(
  'open_timer_list',
  'Open Timer',
  '/v2/timer/open',
  { id: '271943382793100520363548064345779498371', name: 'my sec timer (started 2021-09-22T16:33:08Z)' },
  (item) => `${typeof item.comment === 'string' && item.comment !== '' ? item.comment : 'Timer'} (started ${String(item.start_time ?? 'at an unknown time')})`,
);

export const saleStatusList = pagedDropdown('sale_status_list', 'Sale Status', '/v2/sales/statuses', { id: '234204384077945004415374675367894346525', name: 'טיוטה' });
/** Gloop lists every product at the products path without an id; inactive ones (`is_active_yn` "N") are left out. */
export const productList = pagedDropdown('product_list', 'Product', '/v2/products/', { id: '271931293467543909784429886793843358217', name: 'TV' });
export const productCategoryList = pagedDropdown('product_category_list', 'Product Category', '/v2/products/categories/', {
  id: '271931386971455797394479962881631377483',
  name: 'חולצות',
});
