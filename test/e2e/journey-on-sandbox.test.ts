import { ACCOUNT_STATUSES, DOCUMENTED_USER_ID, SALE_STATUSES, SIGNATURE_TEMPLATES, SMS_TEMPLATES, TASK_PRIORITIES, TASK_STATUSES, TICKET_DEPARTMENTS } from '../../sandbox/seed';
import { armFault, useConnectedSandbox } from '../helpers/sandbox';

type Output = Record<string, string>;
const live = useConnectedSandbox();
const create = (key: string, inputData: object) => live.zap.run<Output>(`creates.${key}.operation.perform`, { inputData: inputData as never });
const dropdown = (key: string) => live.zap.run<Output[]>(`triggers.${key}.operation.perform`, { meta: { page: 0 } as never });
const active = <T extends { is_active: string }>(list: T[]) => list.filter((item) => item.is_active === 'Y');

describe('the lead journey on the sandbox, over real HTTP: lead -> task for its owner -> SMS -> document for signature', () => {
  it('every step through the app\'s own actions and dropdowns, stored as sent', async () => {
    const lead = await create('create_lead', { name: 'דנה לוי', phone: '+972 52 765 4321', owner: DOCUMENTED_USER_ID });

    const statuses = await dropdown('task_status_list');
    expect(statuses.map((status) => status.id)).toEqual(active(TASK_STATUSES).map((status) => status.id));
    const priorities = await dropdown('task_priority_list');
    expect(priorities.map((priority) => priority.name)).toEqual(TASK_PRIORITIES.map((priority) => priority.name));
    const task = await create('create_task', { subject: 'לחזור לדנה', owner: lead.owner, status: statuses[0].id, priority: priorities[2].id, due: '2026-12-01', lead_id: lead.id });
    expect(task).toMatchObject({ id: expect.stringMatching(/^\d{39}$/), message: 'המשימה נוצרה בהצלחה' });

    const sms = await create('send_sms', { from: '054-444-4444', target: lead.phone, message: 'שלום דנה, קיבלנו את פנייתך.', lead_id: lead.id });
    expect(sms).toMatchObject({ shipment_id: expect.stringMatching(/^\d+$/), target: '0527654321' });

    const templates = await dropdown('sms_template_list');
    expect(templates.map((template) => template.name)).toEqual(active(SMS_TEMPLATES).map((template) => `${template.name}: ${template.msg}`));
    await create('send_sms_template', { from: '0544444444', target: lead.phone, template_id: templates[0].id, lead_id: lead.id });

    const documentTemplates = await dropdown('signature_template_list');
    expect(documentTemplates.map((template) => template.id)).toEqual(active(SIGNATURE_TEMPLATES).map((template) => template.id));
    const document = await create('create_signature_document', { name: 'דנה לוי - הסכם', template_id: documentTemplates[0].id, by_user: lead.owner, phone: lead.phone });
    expect(document).toMatchObject({ id: expect.stringMatching(/^\d+$/), document: expect.stringMatching(/^https:\/\//), message: 'המסמך נוצר בהצלחה' });

    const [storedTask] = live.sandbox.store.records('TASKS');
    expect(storedTask.fields).toEqual({ subject: 'לחזור לדנה', owner: DOCUMENTED_USER_ID, status: statuses[0].id, priority: priorities[2].id, due: '2026-12-01', lead_id: lead.id });
    const [fromTemplate, written] = live.sandbox.store.records('SMS');
    expect(written.fields).toEqual({ from: '0544444444', target: '0527654321', message: 'שלום דנה, קיבלנו את פנייתך.', lead_id: lead.id });
    // Attached to the lead, the template's name placeholder is filled with the lead's name.
    expect(fromTemplate.fields.message).toBe(SMS_TEMPLATES[0].msg.replace('***שם***', 'דנה לוי'));
    expect(live.sandbox.store.records('DOCUMENTS').map((record) => record.id)).toEqual([document.id]);
  });

  it('a ticket, a short link and a timer started and stopped, through the app\'s own actions and dropdowns', async () => {
    const customer = await create('create_account', { name: 'רון לוי', status: ACCOUNT_STATUSES[0].id });
    const [status] = await dropdown('ticket_status_list');
    const departments = await dropdown('ticket_department_list');
    expect(departments.map((department) => department.name)).toEqual(active(TICKET_DEPARTMENTS).map((department) => department.name));
    const [, priority] = await dropdown('ticket_priority_list');
    const ticket = await create('create_ticket', { subject: 'לא מצליח להתחבר', status: status.id, department_id: departments[0].id, priority_id: priority.id, account_id: customer.id, msg: 'שלום' });
    expect(ticket).toMatchObject({ id: expect.stringMatching(/^\d{39}$/), ticket_status: status.id });

    const link = await create('shorten_link', { url: 'https://example.co.il/sale?utm_source=zapier', custom_alias: 'sale', access_code: '1234', guid: true });
    expect(link).toMatchObject({ short_url: expect.stringMatching(/\/sale$/), guid_value: expect.stringMatching(/^[0-9A-F]{32}$/) });
    expect(live.sandbox.store.records('LINKS')[0].fields).toMatchObject({ url: 'https://example.co.il/sale?utm_source=zapier', password: '1234', guid: true });
    await expect(create('shorten_link', { url: 'https://example.co.il/other', custom_alias: 'sale' })).rejects.toThrow('הסיומת sale כבר תפוסה');

    const started = await create('start_timer', { owner: DOCUMENTED_USER_ID, account_id: customer.id, comment: 'שיחת ייעוץ', start_time: new Date(Date.now() - 90_000).toISOString() });
    const open = await dropdown('open_timer_list');
    expect(open).toEqual([{ id: started.id, name: expect.stringMatching(/^שיחת ייעוץ \(started \d{4}-\d{2}-\d{2}T/) }]);
    const stopped = await create('stop_timer', { timer_id: started.id });
    expect(Number(stopped.total_minuets)).toBeGreaterThanOrEqual(1.4);
    expect(await dropdown('open_timer_list')).toEqual([]);
    await expect(create('stop_timer', { timer_id: started.id })).rejects.toThrow('הטיימר כבר הופסק');
  });

  it('an order in the shop: a category and products, then the sale with its lines, its amounts worked out and checked', async () => {
    const category = await create('create_product_category', { name: 'חולצות', is_active_yn: true });
    expect(await dropdown('product_category_list')).toEqual([{ id: category.id, name: 'חולצות' }]);
    const shirt = await create('create_product', { name: 'חולצת כותנה', price: '49.90', category: category.id, is_active: true, invetory: '12', is_physical: true });
    await create('create_product', { name: 'דגם ישן', price: '10', category: category.id, is_active: false });
    expect(await dropdown('product_list')).toEqual([{ id: shirt.id, name: 'חולצת כותנה' }]);
    const found = await live.zap.run<Output[]>('searches.find_product.operation.perform', { inputData: { product_id: shirt.id } as never });
    expect(found).toEqual([expect.objectContaining({ id: shirt.id, price: 49.9, invetory: 12, is_active_yn: 'Y', category: category.id, sku: '' })]);

    const customer = await create('create_account', { name: 'רון לוי', status: ACCOUNT_STATUSES[0].id });
    const statuses = await dropdown('sale_status_list');
    expect(statuses.map((status) => status.name)).toEqual(SALE_STATUSES.map((status) => status.name));
    const sale = await create('create_sale', {
      title: 'הזמנה 1042 מהאתר',
      status: statuses[1].id,
      account_id: customer.id,
      products: [{ product_id: shirt.id, description: 'מידה L', quantity: '3', price_per_unit: '49.90' }],
      discount_type: '#',
      discount: '19.70',
      is_tax: true,
      tax_rate: '18',
      total: '153.40',
    });
    expect(sale).toMatchObject({ id: expect.stringMatching(/^\d{39}$/), message: 'המכירה נוצרה נוצר בהצלחה', sub_total: 149.7, tax: 23.4 });
    const [stored] = live.sandbox.store.records('SALES');
    expect(stored.raw).toBe(
      `{"title":"הזמנה 1042 מהאתר","status":"${statuses[1].id}","total":153.4,"account_id":"${customer.id}","products":[{"product_id":"${shirt.id}","description":"מידה L","quantity":3,"price_per_unit":49.9,"total_product":149.7}],"discount_type":"#","discount":19.7,"discount_value":19.7,"sub_total":149.7,"is_tax":true,"tax_rate":18,"tax":23.4}`,
    );
    await expect(create('create_sale', { title: 'x', status: statuses[0].id, sub_total: '100', is_tax: false, total: '90' })).rejects.toThrow('is 90, but 100 less 0 plus VAT 0 is 100');
    expect(live.sandbox.store.records('SALES')).toHaveLength(1);

    // The stock follows the sale; an answer dropped after Gloop moved it is read back from the product's log, not sent again.
    const out = await create('move_stock', { product_id: shirt.id, operation: 'OUT', quantity: '3', comment: 'הזמנה 1042' });
    expect(out).toMatchObject({ inventory_before: 12, inventory_after: 9, confirmed_by_search: false });
    await armFault(live.sandbox, '/v2/products/inventory/movment', 'store-then-drop');
    const dropped = await create('move_stock', { product_id: shirt.id, operation: 'IN', quantity: '5', comment: 'החזרה' });
    expect(dropped).toMatchObject({ inventory_before: 9, inventory_after: 14, confirmed_by_search: true });
    expect(live.sandbox.store.records('MOVEMENTS').map((movement) => movement.fields.total_after)).toEqual([14, 9]);
    expect(live.sandbox.store.records('PRODUCTS').find((product) => product.id === shirt.id)?.fields.invetory).toBe(14);
  });

  it('a follow-up date 14 working days on, Israel\'s holidays skipped, as plain dates a Zap can map', async () => {
    const due = await live.zap.run<Record<string, unknown>>('creates.add_working_days.operation.perform', { inputData: { start_date: '2021-08-31', increment: 14, weekend: '6,7' } as never });
    expect(due).toMatchObject({ date: '2021-09-22', days_total_holidays: 4, days_total_weekends: 4 });
    expect((due.holidays as { name: string }[]).map((holiday) => holiday.name)).toEqual(['Tzom Gedaliah', 'Rosh Hashana II', 'Rosh Hashana 5782', 'Erev Rosh Hashana']);
    const weekdays = await live.zap.run<Record<string, unknown>>('creates.add_week_days.operation.perform', { inputData: { start_date: '2021-08-31', increment: 14, weekend: '6,7' } as never });
    expect(weekdays).toEqual({ date: '2021-09-18', start_date: '2021-08-31', increment: 14, weekend: '6,7', days_total_weekends: 4 });
    const between = await live.zap.run<Record<string, unknown>>('creates.working_days_between.operation.perform', { inputData: { start_date: '2021-08-31', end_date: '2021-09-15', weekend: '6,7' } as never });
    expect(between).toMatchObject({ days_total_working_days: 6, days_total_holidays: 5, date: '2021-09-15' });
    expect(live.sandbox.store.records()).toEqual([]);
  });

  it('Gloop\'s Hebrew reasons reach the user: a number it cannot send to, an owner it does not know', async () => {
    const [status] = await dropdown('task_status_list');
    await expect(create('send_sms', { from: '0544444444', target: '12345', message: 'x' })).rejects.toThrow('מספר הטלפון בשדה target אינו תקין');
    await expect(create('create_task', { subject: 'x', owner: '9'.repeat(39), status: status.id })).rejects.toThrow(`לא נמצא משתמש עם המזהה ${'9'.repeat(39)} (שדה owner)`);
    expect(live.sandbox.store.records('TASKS')).toEqual([]);
  });
});
