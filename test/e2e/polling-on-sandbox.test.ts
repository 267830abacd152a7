import { LocalPoller } from '../../scripts/local-poller';
import App from '../../src';
import { zapierErrorOf } from '../helpers/app';
import { armFault, useConnectedSandbox } from '../helpers/sandbox';

type Output = Record<string, string>;

const live = useConnectedSandbox();

const create = (key: string, inputData: object) => live.zap.run<Output>(`creates.${key}.operation.perform`, { inputData: inputData as never });
const createLead = (inputData: object) => create('create_lead', inputData);
const poller = (trigger: keyof typeof App.triggers) => new LocalPoller(live.zap, App.triggers[trigger]);
const ids = (results: Record<string, unknown>[]) => results.map((result) => result.id);

/** A person edits the record in Gloop; Gloop stamps to the second, so the edit waits for a new one. */
async function touch(id: string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (live.sandbox.clock.now() % 1000) + 5));
  const response = await fetch(`${live.sandbox.url}/__sandbox/touch`, { method: 'POST', body: JSON.stringify({ id }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { updated: string }).updated;
}

/** A phone in every form a stored one can take, and what Gloop keeps of it. */
const PHONES = [
  ['050-123-4567', '0501234567'],
  ['521234567', '521234567'],
  ['03-1234567', '031234567'],
  ['+972 54 123 4567', '0541234567'],
  ['+1 212 555 0100', '+12125550100'],
  ['9-1234567', '91234567'],
] as const;

describe('polling triggers on the sandbox, over real HTTP, as Zapier polls them', () => {
  it('New Lead: the first poll fires nothing old; leads with a phone in every form fire once each, newest first', async () => {
    await createLead({ name: 'ותיק', phone: '0509999999' });
    const newLeads = poller('new_lead');
    expect(await newLeads.poll()).toEqual([]);
    const created: string[] = [];
    for (const [index, [phone]] of PHONES.entries()) created.push((await createLead({ name: `ליד ${index}`, phone })).id);
    const fired = await newLeads.poll();
    expect(new Set(ids(fired))).toEqual(new Set(created));
    expect(fired).toHaveLength(PHONES.length);
    expect(fired.map((lead) => lead.phone).sort()).toEqual(PHONES.map(([, stored]) => stored).sort());
    expect(fired[0]).toMatchObject({ object_type: 'LEADS', id: expect.stringMatching(/^\d{39}$/) });
    expect(await newLeads.poll()).toEqual([]);
    // One search per first character a phone can have, each Gloop's newest 100.
    expect(live.sandbox.requests.get('/v2/search/leadsAndAccounts')).toBe(3 * 11);
  });

  it('Updated Lead: each touch fires once with the lead\'s own id, and New Lead never fires again for it', async () => {
    const lead = await createLead({ name: 'דנה', phone: '052-765-4321' });
    const newLeads = poller('new_lead');
    const updatedLeads = poller('updated_lead');
    await newLeads.poll();
    await updatedLeads.poll();
    expect(await updatedLeads.poll()).toEqual([]);
    const first = await touch(lead.id);
    expect(await updatedLeads.poll()).toEqual([expect.objectContaining({ id: lead.id, updated: first, name: 'דנה' })]);
    expect(await updatedLeads.poll()).toEqual([]);
    const second = await touch(lead.id);
    expect(await updatedLeads.poll()).toEqual([expect.objectContaining({ id: lead.id, updated: second })]);
    expect(await newLeads.poll()).toEqual([]);
  });

  it('Updated Lead: an edit is seen through a burst of 100 new leads after it', async () => {
    const lead = await createLead({ name: 'ותיקה', phone: '0541234567' });
    const updatedLeads = poller('updated_lead');
    await updatedLeads.poll();
    const updated = await touch(lead.id);
    for (let index = 0; index < 100; index += 1) await createLead({ name: `ליד ${index}`, phone: `05${String(index % 10)}${String(1000000 + index)}` });
    expect(await updatedLeads.poll()).toEqual([expect.objectContaining({ id: lead.id, updated })]);
  });

  it('a burst of 100 leads between two polls fires every one of them, once', async () => {
    const newLeads = poller('new_lead');
    await newLeads.poll();
    const created = new Set<string>();
    for (let index = 0; index < 100; index += 1) created.add((await createLead({ name: `ליד ${index}`, phone: `05${String(index % 10)}${String(1000000 + index)}` })).id);
    const fired = await newLeads.poll();
    expect(fired).toHaveLength(100);
    expect(new Set(ids(fired))).toEqual(created);
    expect(await newLeads.poll()).toEqual([]);
  });

  it('New Customer and Updated Customer: a customer with a phone fires once, and once per edit; one without a phone cannot be seen', async () => {
    const [status] = await live.zap.run<Output[]>('triggers.account_status_list.operation.perform', { meta: { page: 0 } as never });
    const newCustomers = poller('new_customer');
    const updatedCustomers = poller('updated_customer');
    await newCustomers.poll();
    await updatedCustomers.poll();
    const customer = await create('create_account', { name: 'רון לוי', phone: '+972 54 111 2233', status: status.id });
    await create('create_account', { name: 'בלי טלפון', status: status.id });
    expect(await newCustomers.poll()).toEqual([expect.objectContaining({ id: customer.id, object_type: 'ACCOUNTS', phone: '0541112233' })]);
    expect(await updatedCustomers.poll()).toEqual([]);
    await touch(customer.id);
    expect(ids(await updatedCustomers.poll())).toEqual([customer.id]);
    expect(await newCustomers.poll()).toEqual([]);
  });

  it('New Product: a product created fires once, with its figures', async () => {
    const category = await create('create_product_category', { name: 'חולצות' });
    await create('create_product', { name: 'ישן', price: '10', category: category.id, is_active: true });
    const newProducts = poller('new_product');
    expect(await newProducts.poll()).toEqual([]);
    const product = await create('create_product', { name: 'חולצת כותנה', price: '49.90', category: category.id, is_active: true, invetory: '12' });
    expect(await newProducts.poll()).toEqual([expect.objectContaining({ id: product.id, name: 'חולצת כותנה', price: 49.9, invetory: 12, category: category.id })]);
    expect(await newProducts.poll()).toEqual([]);
  });

  it('the editor\'s sample is the 3 newest leads', async () => {
    for (let index = 0; index < 5; index += 1) await createLead({ name: `ליד ${index}`, phone: `05${index}1234567` });
    const sample = await live.zap.run<Output[]>('triggers.new_lead.operation.perform', { meta: { isLoadingSample: true } as never });
    expect(sample.map((lead) => lead.name)).toEqual(['ליד 4', 'ליד 3', 'ליד 2']);
  });
});

describe('searches for a phone Gloop stored in its local form, over real HTTP', () => {
  it('Find Lead and Find Customer given +972 find what Gloop keeps as 05…', async () => {
    const lead = await createLead({ name: 'ישראל', phone: '+972 50-123-4567' });
    expect(live.sandbox.store.records('LEADS')[0].fields.phone).toBe('0501234567');
    expect(ids(await live.zap.run<Output[]>('searches.find_lead.operation.perform', { inputData: { phone: '+972 50-123-4567' } as never }))).toEqual([lead.id]);
    // Gloop's search matches the start of a phone; a Find step keeps only the number asked for.
    await createLead({ name: 'אחר', phone: '05012345678' });
    expect(ids(await live.zap.run<Output[]>('searches.find_lead.operation.perform', { inputData: { phone: '050-123-4567' } as never }))).toEqual([lead.id]);
    expect(await live.zap.run<Output[]>('searches.find_lead.operation.perform', { inputData: { phone: '050123456' } as never })).toEqual([]);
  });

  it.each(['+972 50 111 2204 ext 5', '+97221112211', '+972 2 111 2210', '+972.50.123.4567 ext 5', '📞 050-1234567'])('Find Lead finds a lead created with phone %j, as Gloop stored it', async (phone) => {
    const lead = await createLead({ name: 'ישראל', phone });
    expect(ids(await live.zap.run<Output[]>('searches.find_lead.operation.perform', { inputData: { phone } as never }))).toEqual([lead.id]);
  });

  it.each(['+972 50-123-4567', '+972 (0)50-123-4567', '+9720501234567', '972501234567', '050-123-4567', '+1 212 555 0100', '050-1234567 ext 5', '+972 50 123 4567 ext 5', '+97221112211', '+972 2 111 2210', '+972 1-800-123-213', '+972', '📞 050-1234567', '+972.50.123.4567 ext 5'])(
    'a lead sent with phone %j is confirmed after its answer is lost, however Gloop stored it, never reported "not saved"',
    async (phone) => {
      await armFault(live.sandbox, '/v2/leads/create', 'store-then-drop');
      const lead = await createLead({ name: 'ישראל ישראלי', phone, email: 'israel@example.co.il' });
      const stored = live.sandbox.store.records('LEADS');
      expect(stored).toHaveLength(1);
      expect(lead).toMatchObject({ id: stored[0].id, confirmed_by_search: true });
    },
  );

  it('another person whose phone holds the same digits is never taken for a lead that never reached Gloop', async () => {
    const other = await createLead({ name: 'דנה', phone: '050 123 45675' });
    await armFault(live.sandbox, '/v2/leads/create', 'drop');
    const error = await zapierErrorOf(createLead({ name: 'דנה', phone: '+972 50 123 4567 ext 5' }));
    expect(error.message).toMatch(/^Gloop did not save the lead: /);
    expect(error.message).not.toContain(other.id);
    expect(live.sandbox.store.records('LEADS')).toHaveLength(1);
  });

  it('a customer sent as +972 and stored as 05… is confirmed after its answer is lost', async () => {
    const [status] = await live.zap.run<Output[]>('triggers.account_status_list.operation.perform', { meta: { page: 0 } as never });
    await armFault(live.sandbox, '/v2/accounts/create', 'store-then-drop');
    const customer = await create('create_account', { name: 'רון לוי', phone: '+9720541112233', status: status.id });
    expect(customer).toMatchObject({ id: live.sandbox.store.records('ACCOUNTS')[0].id, confirmed_by_search: true });
  });
});
