import App from '../src';
import { ALLOW_LOCAL_SANDBOX_ENV } from '../src/http/domain';
import { sandboxOptionsFromEnv, startSandbox } from '../sandbox/server';
import { LocalPoller } from './local-poller';
import { LocalZap } from './local-zap';

interface Choice {
  id: string;
  name: string;
}

const SAMPLE_LEAD = {
  name: 'ישראל ישראלי',
  f_name: 'ישראל',
  l_name: 'ישראלי',
  phone: '+972 50-123-4567',
  email: 'israel@example.co.il',
  text: 'מעוניין בהצעת מחיר ל-3 משתמשים 🙂 "דחוף"',
  utm_source: 'Facebook',
  utm_campaign: "Valentine's Day",
  ext_one: 'בערב, אחרי 18:00',
  is_subscriber: true,
};

/**
 * The main job, end to end on the built-in sandbox: connect, fill both dropdowns, create a lead
 * through the app's own create_lead and read it back, and see the New Lead trigger fire for it
 * once, polled as Zapier polls; then the lead's journey: a task for its
 * owner, a welcome SMS from a template, a document for signature; then the lead's order: a
 * product, the sale with its line (the amounts worked out by the app), the stock moved out.
 * `--keep-running` leaves the sandbox up.
 */
async function main(argv: string[]): Promise<void> {
  const keepRunning = argv.includes('--keep-running');
  process.env[ALLOW_LOCAL_SANDBOX_ENV] = '1';
  const options = sandboxOptionsFromEnv(process.env, { database: keepRunning ? '.sandbox/gloop.sqlite' : ':memory:' });
  const sandbox = await startSandbox(options);
  try {
    const zap = new LocalZap(App, { domain: sandbox.url, client_id: options.clientId, client_secret: options.clientSecret });
    await zap.connect();
    const label = await zap.run<string>('authentication.connectionLabel');
    await zap.run('authentication.test');

    const users = await allPages(zap, 'triggers.user_list.operation.perform');
    const statuses = await zap.run<Choice[]>('triggers.lead_status_list.operation.perform');
    const owner = users[0];
    const status = statuses.find((choice) => choice.name.includes('בטיפול')) ?? statuses[0];

    // A Zap on New Lead, turned on before the lead arrives: its first poll only records what exists.
    const newLeads = new LocalPoller(zap, App.triggers.new_lead);
    await newLeads.poll();
    const lead = await zap.run<Record<string, string>>('creates.create_lead.operation.perform', {
      inputData: { ...SAMPLE_LEAD, owner: owner.id, lead_status: status.id },
    });
    const stored = sandbox.store.records('LEADS').find((record) => record.id === lead.id);
    if (!stored) throw new Error(`the app reported lead ${lead.id} created, but the sandbox has no such lead`);
    const fired = [...(await newLeads.poll()), ...(await newLeads.poll())];
    if (fired.length !== 1 || fired[0].id !== lead.id) throw new Error(`New Lead fired ${fired.length} times in two polls after the lead was created, not once for lead ${lead.id}`);

    const create = (key: string, inputData: Record<string, unknown>) => zap.run<Record<string, string>>(`creates.${key}.operation.perform`, { inputData: inputData as never });
    const [taskStatus] = await allPages(zap, 'triggers.task_status_list.operation.perform');
    const task = await create('create_task', { subject: `לחזור ל${SAMPLE_LEAD.f_name} לגבי הצעת המחיר`, owner: owner.id, status: taskStatus.id, due: tomorrow(), lead_id: lead.id });
    const [template] = await allPages(zap, 'triggers.sms_template_list.operation.perform');
    const sms = await create('send_sms_template', { from: '054-444-4444', target: SAMPLE_LEAD.phone, template_id: template.id, lead_id: lead.id });
    const [documentTemplate] = await allPages(zap, 'triggers.signature_template_list.operation.perform');
    const document = await create('create_signature_document', { name: `${SAMPLE_LEAD.name} - ${documentTemplate.name}`, template_id: documentTemplate.id, by_user: owner.id, phone: SAMPLE_LEAD.phone });
    const sent = sandbox.store.records('SMS').find((record) => record.id === sms.shipment_id);
    if (!sent) throw new Error(`the app reported SMS ${sms.shipment_id} sent, but the sandbox has no such SMS`);

    const category = await create('create_product_category', { name: 'חולצות', is_active_yn: true });
    const product = await create('create_product', { name: 'חולצת כותנה', price: '49.90', category: category.id, is_active: true, invetory: '12', is_physical: true });
    const [saleStatus] = await allPages(zap, 'triggers.sale_status_list.operation.perform');
    const sale = await create('create_sale', {
      title: 'הזמנה מהאתר',
      status: saleStatus.id,
      lead_id: lead.id,
      owner: owner.id,
      products: [{ product_id: product.id, description: 'מידה L', quantity: '3', price_per_unit: '49.90' }],
      discount_type: '%',
      discount: '10',
      is_tax: true,
      tax_rate: '18',
      total: '158.98',
    });
    const stock = await create('move_stock', { product_id: product.id, operation: 'OUT', quantity: '3', comment: `מכירה ${sale.id}` });

    console.log(
      [
        'Gloop CRM for Zapier: the main job on the local sandbox',
        `  connection label : ${label}`,
        `  owner dropdown   : ${users.length} active users (e.g. ${owner.name}, ${owner.id})`,
        `  status dropdown  : ${statuses.length} statuses (${statuses.map((choice) => choice.name).join(', ')})`,
        `  lead created     : ${lead.id}`,
        `  CRM's message    : ${lead.message}`,
        `  stored in Gloop  : ${JSON.stringify(stored.fields)}`,
        `  New Lead trigger : fired once for ${String(fired[0].id)} (${String(fired[0].name)}, ${String(fired[0].phone)}) in two polls after the create`,
        `  task for owner   : ${task.id} (${task.message})`,
        `  SMS from template: ${sms.shipment_id}: ${String(sent.fields.message)}`,
        `  for signature    : ${document.id}, signing URL ${document.document}`,
        `  sale             : ${sale.id}: subtotal ${sale.sub_total}, discount ${sale.discount_value}, VAT ${sale.tax}, total ${sale.total} (${sale.message})`,
        `  stock moved out  : ${product.id} from ${stock.inventory_before} to ${stock.inventory_after}`,
        `  see it on        : ${sandbox.url}/`,
      ].join('\n'),
    );
    if (keepRunning) {
      const env = [
        `${ALLOW_LOCAL_SANDBOX_ENV}=1`,
        `authData_domain=${sandbox.url}`,
        `authData_client_id=${options.clientId}`,
        `authData_client_secret=${options.clientSecret}`,
        `authData_access_token=${zap.authData.access_token}`,
      ];
      console.log(`\nThe sandbox keeps running (Ctrl+C stops it). For zapier-platform invoke against it, put in .env:\n${env.join('\n')}`);
      process.once('SIGINT', () => void sandbox.close().then(() => process.exit(0)));
      return;
    }
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  await sandbox.close();
}

function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

/** Every page of a paging dropdown, as "load more" would fetch them. */
async function allPages(zap: LocalZap, method: string): Promise<Choice[]> {
  const all: Choice[] = [];
  for (let page = 0; ; page += 1) {
    const choices = await zap.run<Choice[]>(method, { meta: { page } as never });
    if (choices.length === 0) return all;
    all.push(...choices);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`The main job failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
