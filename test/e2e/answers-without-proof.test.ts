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
  const add = (kind: 'LEADS' | 'TIMERS' | 'PRODUCTS' | 'CATEGORIES', id: string, fields: Record<string, unknown>) =>
    sandbox.store.addRecord({ kind, id, created: sandbox.clock.stamp(), raw: JSON.stringify(fields), fields });
  add('LEADS', LEAD_ID, { name: 'דנה', f_name: 'דנה', phone: '0501234567' });
  add('TIMERS', TIMER_ID, { owner: DOCUMENTED_USER_ID, start_time: new Date().toISOString() });
  add('CATEGORIES', CATEGORY_ID, { name: 'חולצות' });
  add('PRODUCTS', PRODUCT_ID, { name: 'TV', price: 550, invetory: 5, is_active: true, category: CATEGORY_ID });
}

/** What each action is given, and where it goes: one row per action of the app. */
const ACTIONS: Record<string, { path: string; input: Record<string, unknown> }> = {
  create_lead: { path: '/v2/leads/create', input: { name: 'דנה לוי', phone: '0527654321' } },
  create_lead_with_duplicate_check: { path: '/v2/leads/intelligent', input: { name: 'דנה לוי', phone: '0527654321' } },
  create_note: { path: '/v2/notes/create', input: { msg: 'הערה', lead_id: LEAD_ID } },
  create_account: { path: '/v2/accounts/create', input: { name: 'רון', phone: '0541112233', status: ACCOUNT_STATUSES[0].id } },
  create_task: { path: '/v2/tasks/create', input: { subject: 'לחזור', owner: DOCUMENTED_USER_ID, status: TASK_STATUSES[0].id } },
  send_sms: { path: '/v2/sms/send', input: { from: '0544444444', target: '0527654321', message: 'שלום' } },
  send_sms_template: { path: '/v2/sms/sendTemplate', input: { from: '0544444444', target: '0527654321', template_id: SMS_TEMPLATES[0].id } },
  create_signature_document: { path: '/v2/signatures/create', input: { name: 'הסכם', template_id: SIGNATURE_TEMPLATES[0].id, by_user: DOCUMENTED_USER_ID } },
  create_ticket: { path: '/v2/tickets/create', input: { subject: 'תקלה', status: TICKET_STATUSES[0].id } },
  shorten_link: { path: '/v2/links/shortner', input: { url: 'https://example.com/a' } },
  start_timer: { path: '/v2/timer/start', input: { owner: DOCUMENTED_USER_ID } },
  stop_timer: { path: `/v2/timer/${TIMER_ID}`, input: { timer_id: TIMER_ID } },
  create_sale: { path: '/v2/sales/create', input: { title: 'הזמנה', status: SALE_STATUSES[0].id, total: '100' } },
  create_product: { path: '/v2/products/create', input: { name: 'מסך', price: '550', category: CATEGORY_ID, is_active: 'yes' } },
  create_product_category: { path: '/v2/products/categories/create', input: { name: 'מכנסיים' } },
  move_stock: { path: '/v2/products/inventory/movment', input: { product_id: PRODUCT_ID, operation: 'OUT', quantity: '1', comment: 'הזמנה 1' } },
  add_working_days: { path: '/v2/workingDays/addWorkingDays', input: { start_date: '2021-08-31', increment: '14', weekend: '6,7' } },
  add_week_days: { path: '/v2/workingDays/addWeekDays', input: { start_date: '2021-08-31', increment: '14', weekend: '6,7' } },
  working_days_between: { path: '/v2/workingDays/WorkingDaysBetween', input: { start_date: '2021-08-31', end_date: '2021-09-15', weekend: '6,7' } },
};

describe('every action answered 2xx without what shows the work was done', () => {
  it('has a row for every action of the app', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(App.creates).sort());
  });

  it.each(Object.entries(ACTIONS))('%s: never reported done, and Gloop holds nothing new', async (key, { path, input }) => {
    seedRecords(live.sandbox);
    const before = live.sandbox.store.records().length;
    await armFault(live.sandbox, path, 'no-id');
    const error = await zapierErrorOf(live.zap.run(`creates.${key}.operation.perform`, { inputData: input as never }));
    const confirmable = JSON.stringify(App.creates[key as keyof typeof App.creates].operation.outputFields).includes('"confirmed_by_search"');
    const writes = !key.includes('days');
    expect(error).toMatchObject({
      name: 'AppError',
      code: writes && !confirmable ? 'GloopOutcomeUnknown' : 'GloopInvalidResponse',
      // Asked after the answer, Gloop shows it did nothing; where it cannot be asked, a person must look.
      message: expect.stringMatching(!writes ? /^Gloop answered (the date calculation )?without / : confirmable ? /^Gloop did not [a-z]+ the [a-z ]+: it answered without / : /^Gloop may have saved the [A-Za-z ]+: it answered without /),
    });
    expect(live.sandbox.store.records()).toHaveLength(before);
  });
});
