import { DOCUMENTED_USER_ID, LEAD_STATUS } from '../../sandbox/seed';
import { zapierErrorOf } from '../helpers/app';
import { useConnectedSandbox } from '../helpers/sandbox';

type Output = Record<string, string>;

const live = useConnectedSandbox();

const createLead = (inputData: object) => live.zap.run<Output>('creates.create_lead.operation.perform', { inputData: inputData as never });
const checkLead = (inputData: object) => live.zap.run<Output & { is_known: boolean }>('creates.create_lead_with_duplicate_check.operation.perform', { inputData: inputData as never });
const findLead = (inputData: object) => live.zap.run<Output[]>('searches.find_lead.operation.perform', { inputData: inputData as never });
const findCustomer = (inputData: object) => live.zap.run<Output[]>('searches.find_customer.operation.perform', { inputData: inputData as never });

describe('operations on the sandbox, over real HTTP', () => {
  it('duplicate check: new, then duplicate, then returning customer, with the status Gloop chose stored', async () => {
    const first = await checkLead({ name: 'ישראל ישראלי', phone: '050-123-4567' });
    expect(first).toMatchObject({ verdict: 'new', is_known: false, message: 'הפעולה הושלמה - הליד נוצר בהצלחה.' });
    const again = await checkLead({ name: 'ישראל', phone: '+972501234567' });
    expect(again).toMatchObject({ verdict: 'duplicate', is_known: true });

    const status = (await live.zap.run<Output[]>('triggers.account_status_list.operation.perform', { meta: { page: 0 } as never }))[0].id;
    await live.zap.run('creates.create_account.operation.perform', { inputData: { name: 'רון', phone: '0541112233', status } as never });
    expect(await checkLead({ name: 'רון', phone: '054-111-2233' })).toMatchObject({ verdict: 'returning_customer' });

    const stored = live.sandbox.store.records('LEADS').map((lead) => lead.fields.lead_status);
    expect(stored).toEqual([LEAD_STATUS.returningCustomer.id, LEAD_STATUS.duplicate.id, LEAD_STATUS.new.id]);
  });

  it('find lead: finds by phone whatever its format, newest first, and nothing for a stranger', async () => {
    const older = await createLead({ name: 'דנה לוי', phone: '052-765-4321', email: 'dana@example.co.il' });
    const newer = await createLead({ name: 'דנה כהן', phone: '0527654321' });
    expect((await findLead({ phone: '+972 52 765 4321' })).map((found) => found.id)).toEqual([newer.id, older.id]);
    expect(await findLead({ email: 'DANA@example.co.il', name: 'לוי' })).toEqual([expect.objectContaining({ id: older.id, object_type: 'LEADS' })]);
    expect(await findLead({ phone: '0500000000' })).toEqual([]);
    expect(await findCustomer({ phone: '052-765-4321' })).toEqual([]);
  });

  it('find or create: the search finds nothing, the create stores one lead, the next search finds it', async () => {
    const person = { phone: '053-333-4444' };
    expect(await findLead(person)).toEqual([]);
    const created = await createLead({ name: 'אורי', ...person });
    expect((await findLead(person)).map((found) => found.id)).toEqual([created.id]);
    expect(live.sandbox.store.records('LEADS')).toHaveLength(1);
  });

  it('add note: on the lead just created, the id passed from step to step', async () => {
    const lead = await createLead({ name: 'ישראל', phone: '0501234567' });
    const note = await live.zap.run<Output>('creates.create_note.operation.perform', { inputData: { lead_id: lead.id, msg: 'התקשר בערב 🙂' } as never });
    expect(note).toMatchObject({ id: expect.stringMatching(/^\d{39}$/), message: 'ההערה נוצרה בהצלחה' });
    expect(live.sandbox.store.records('NOTES')[0].raw).toBe(`{"msg":"התקשר בערב 🙂","lead_id":"${lead.id}"}`);
  });

  it('add note: Gloop\'s Hebrew reason for an unknown lead reaches the user', async () => {
    const error = await zapierErrorOf(live.zap.run('creates.create_note.operation.perform', { inputData: { lead_id: '9'.repeat(39), msg: 'x' } as never }));
    expect(error.message).toBe(`Gloop rejected the request (HTTP 400: "לא נמצא ליד עם המזהה ${'9'.repeat(39)} (שדה lead_id)"): fix the field Gloop names and run the step again.`);
  });

  it('create customer: with status, type and owner from the dropdowns, linked to its lead', async () => {
    const lead = await createLead({ name: 'רון לוי', phone: '0541112233' });
    const [status] = await live.zap.run<Output[]>('triggers.account_status_list.operation.perform', { meta: { page: 0 } as never });
    const types = await live.zap.run<Output[]>('triggers.account_type_list.operation.perform', { meta: { page: 0 } as never });
    expect(types.map((type) => type.name)).toEqual(['🏢 עסקי', '👤 פרטי']);
    const customer = await live.zap.run<Output>('creates.create_account.operation.perform', {
      inputData: { name: 'רון לוי', f_name: 'רון', status: status.id, type: types[1].id, owner: DOCUMENTED_USER_ID, lead_id: lead.id, b_day: '1990-05-17' } as never,
    });
    expect(customer).toMatchObject({ account_status: status.id, message: 'הלקוח נוצר בהצלחה' });
    const [stored] = live.sandbox.store.records('ACCOUNTS');
    expect(stored.id).toBe(customer.id);
    expect(stored.fields).toMatchObject({ lead_id: lead.id, type: types[1].id, b_day: '1990-05-17' });
    expect(await findCustomer({ name: 'רון לוי' })).toEqual([expect.objectContaining({ id: customer.id, object_type: 'ACCOUNTS' })]);
    // Find Lead sees only the lead, until asked to fall back on customers when no lead matches.
    expect(await findLead({ name: 'רון לוי' })).toEqual([expect.objectContaining({ id: lead.id, object_type: 'LEADS' })]);
    const onlyCustomer = await live.zap.run<Output>('creates.create_account.operation.perform', { inputData: { name: 'שירה', phone: '0549998877', status: status.id } as never });
    expect(await findLead({ phone: '054-999-8877' })).toEqual([]);
    expect(await findLead({ phone: '054-999-8877', object_type: 'BOTH' })).toEqual([expect.objectContaining({ id: onlyCustomer.id, object_type: 'ACCOUNTS', name: 'שירה' })]);
  });
});
