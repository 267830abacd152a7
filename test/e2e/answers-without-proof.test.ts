import { newId } from '../../sandbox/ids';
import { ACCOUNT_STATUSES, DOCUMENTED_USER_ID, SALE_STATUSES, SIGNATURE_TEMPLATES, SMS_TEMPLATES, TASK_STATUSES, TICKET_STATUSES } from '../../sandbox/seed';
import type { Sandbox } from '../../sandbox/server';
import { App, zapierErrorOf } from '../helpers/app';
import { armFault, useConnectedSandbox } from '../helpers/sandbox';

/**
 * Every action, answered 2xx with only "the lead was created" (the sandbox's `no-id`) while Gloop
 * did nothing: an answer that does not show the work was done is an unknown outcome, never done.
 */
const live = useConnectedSandbox();

const LEAD_ID = newId();
const TIMER_ID = newId();
const PRODUCT_ID = newId();
const CATEGORY_ID = newId();

function seedRecords(sandbox: Sandbox): void {
  const add = (kind: 'LEADS' | 'TIMERS' | 'PRODUCTS' | 'CATEGORIES', id: string, fields: Record<string, unknown>) => {
    const created = sandbox.clock.stamp();
    sandbox.store.addRecord({ kind, id, created, updated: created, raw: JSON.stringify(fields), fields });
  };
  add('LEADS', LEAD_ID, { name: 'דנה', f_name: 'דנה', phone: '0501234567' });
  add('TIMERS', TIMER_ID, { owner: DOCUMENTED_USER_ID, start_time: new Date().toISOString() });
  add('CATEGORIES', CATEGORY_ID, { name: 'חולצות' });
  add('PRODUCTS', PRODUCT_ID, { name: 'TV', price: 550, invetory: 5, is_active: true, category: CATEGORY_ID });
}

const notDone = (thing: string, proof: string, notFound: string) =>
  [`GloopInvalidResponse`, 502, `Gloop did not save the ${thing}: it answered without ${proof}, and ${notFound}; replay this run once Gloop is working again.`] as const;
const notSearched = (thing: string, proof: string, lookFor: string, done = 'saved') =>
  [`GloopOutcomeUnknown`, 504, `Gloop may have ${done} the ${thing}: it answered without ${proof}, and the app could not check; look in Gloop for ${lookFor} before you replay this run, or it may be ${done} twice.`] as const;
const noDate = ['GloopInvalidResponse', 502, 'Gloop answered the date calculation without a date; run this step again later.'] as const;

/** What each action is given, where it goes, and what it must say: one row per action of the app. */
const ACTIONS: Record<string, { path: string; input: Record<string, unknown>; expected: readonly [code: string, status: number, message: string] }> = {
  create_lead: { path: '/v2/leads/create', input: { name: 'דנה לוי', phone: '0527654321' }, expected: notDone('lead', "the new lead's id", 'a search right after found no such lead') },
  create_lead_with_duplicate_check: { path: '/v2/leads/intelligent', input: { name: 'דנה לוי', phone: '0527654321' }, expected: notDone('lead', "the new lead's id", 'a search right after found no such lead') },
  create_note: { path: '/v2/notes/create', input: { msg: 'הערה', lead_id: LEAD_ID }, expected: notSearched('note', "the new note's id", `this note on the lead ${LEAD_ID}`) },
  create_account: {
    path: '/v2/accounts/create',
    input: { name: 'רון', phone: '0541112233', status: ACCOUNT_STATUSES[0].id },
    expected: notDone('customer', "the new customer's id", 'a search right after found no such customer'),
  },
  create_task: { path: '/v2/tasks/create', input: { subject: 'לחזור', owner: DOCUMENTED_USER_ID, status: TASK_STATUSES[0].id }, expected: notSearched('task', "the new task's id", 'the task "לחזור"') },
  send_sms: { path: '/v2/sms/send', input: { from: '0544444444', target: '0527654321', message: 'שלום' }, expected: notSearched('SMS', "the new SMS's id", "an SMS to 0527654321 in the account's SMS log", 'sent') },
  send_sms_template: {
    path: '/v2/sms/sendTemplate',
    input: { from: '0544444444', target: '0527654321', template_id: SMS_TEMPLATES[0].id },
    expected: notSearched('SMS', "the new SMS's id", "an SMS to 0527654321 in the account's SMS log", 'sent'),
  },
  create_signature_document: {
    path: '/v2/signatures/create',
    input: { name: 'הסכם', template_id: SIGNATURE_TEMPLATES[0].id, by_user: DOCUMENTED_USER_ID },
    expected: notSearched('document', "the new document's id and signing URL", 'the document "הסכם"'),
  },
  create_ticket: { path: '/v2/tickets/create', input: { subject: 'תקלה', status: TICKET_STATUSES[0].id }, expected: notSearched('ticket', "the new ticket's id", 'the ticket "תקלה"') },
  shorten_link: { path: '/v2/links/shortner', input: { url: 'https://example.com/a' }, expected: notSearched('link', "the new link's id and short URL", 'a short link to https://example.com/a') },
  start_timer: { path: '/v2/timer/start', input: { owner: DOCUMENTED_USER_ID }, expected: notSearched('timer', "the new timer's id", 'an open timer of this user', 'started') },
  stop_timer: {
    path: `/v2/timer/${TIMER_ID}`,
    input: { timer_id: TIMER_ID },
    expected: ['GloopInvalidResponse', 502, "Gloop did not stop the timer: it answered without the minutes the timer ran, and Gloop's open timers right after still list it; replay this run once Gloop is working again."],
  },
  create_sale: { path: '/v2/sales/create', input: { title: 'הזמנה', status: SALE_STATUSES[0].id, total: '100' }, expected: notSearched('sale', "the new sale's id", 'the sale "הזמנה"') },
  create_product: {
    path: '/v2/products/create',
    input: { name: 'מסך', price: '550', category: CATEGORY_ID, is_active: 'yes' },
    expected: notSearched('product', "the new product's id", 'the product "מסך"'),
  },
  create_product_category: {
    path: '/v2/products/categories/create',
    input: { name: 'מכנסיים' },
    expected: notSearched('product category', "the new product category's id", 'the product category "מכנסיים"'),
  },
  move_stock: {
    path: '/v2/products/inventory/movment',
    input: { product_id: PRODUCT_ID, operation: 'OUT', quantity: '1', comment: 'הזמנה 1' },
    expected: notDone('stock movement', 'what shows the stock movement was made', "the product's stock log right after showed no such movement"),
  },
  add_working_days: { path: '/v2/workingDays/addWorkingDays', input: { start_date: '2021-08-31', increment: '14', weekend: '6,7' }, expected: noDate },
  add_week_days: { path: '/v2/workingDays/addWeekDays', input: { start_date: '2021-08-31', increment: '14', weekend: '6,7' }, expected: noDate },
  working_days_between: { path: '/v2/workingDays/WorkingDaysBetween', input: { start_date: '2021-08-31', end_date: '2021-09-15', weekend: '6,7' }, expected: noDate },
};

describe('every action answered 2xx without what shows the work was done', () => {
  it('has a row for every action of the app', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(App.creates).sort());
  });

  it.each(Object.entries(ACTIONS))('%s: never reported done, and Gloop holds nothing new', async (key, { path, input, expected: [code, status, message] }) => {
    seedRecords(live.sandbox);
    const before = live.sandbox.store.records().length;
    await armFault(live.sandbox, path, 'no-id');
    // Asked after the answer, Gloop shows it did nothing; where it cannot be asked, a person must look.
    expect(await zapierErrorOf(live.zap.run(`creates.${key}.operation.perform`, { inputData: input as never }))).toEqual({ name: 'AppError', code, status, message });
    expect(live.sandbox.store.records()).toHaveLength(before);
  });
});
