import { DOCUMENTED_USER_ID, SIGNATURE_TEMPLATES, SMS_TEMPLATES, TASK_PRIORITIES, TASK_STATUSES } from '../../sandbox/seed';
import { useConnectedSandbox } from '../helpers/sandbox';

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

  it('Gloop\'s Hebrew reasons reach the user: a number it cannot send to, an owner it does not know', async () => {
    const [status] = await dropdown('task_status_list');
    await expect(create('send_sms', { from: '0544444444', target: '12345', message: 'x' })).rejects.toThrow('מספר הטלפון בשדה target אינו תקין');
    await expect(create('create_task', { subject: 'x', owner: '9'.repeat(39), status: status.id })).rejects.toThrow(`לא נמצא משתמש עם המזהה ${'9'.repeat(39)} (שדה owner)`);
    expect(live.sandbox.store.records('TASKS')).toEqual([]);
  });
});
