import serverlessChromium from '@sparticuz/chromium';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox/server';
import { RawGloop, sandboxFor } from '../helpers/sandbox';

let sandbox: Sandbox;
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    // A Chromium build that ships inside an npm package (unpacked to the temp folder on first use),
    // so the test needs nothing installed on the machine; GLOOP_CHROMIUM may name another one.
    executablePath: process.env.GLOOP_CHROMIUM ?? (await serverlessChromium.executablePath()),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(() => browser.close());
beforeEach(async () => {
  sandbox = await sandboxFor();
});
afterEach(() => sandbox.close());

/** A page that keeps every console error and uncaught exception it meets. */
async function openPage(errors: string[]): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('requestfailed', (request) => errors.push(`${request.url()} failed`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.url()} answered ${response.status()}`);
  });
  return page;
}

/** Each card's kind and what each of its fields shows, by the field's key. */
function cardsOn(page: Page): Promise<{ kind: string; fields: Record<string, string> }[]> {
  return page.$$eval('#records > li', (items) =>
    items.map((item) => ({ kind: item.className, fields: Object.fromEntries(Array.from(item.querySelectorAll('dd'), (field) => [field.className, field.textContent ?? ''])) })),
  );
}

describe('the sandbox page, in headless Chromium', () => {
  it('says nothing has arrived yet, right to left in Hebrew, without a console error', async () => {
    const errors: string[] = [];
    const page = await openPage(errors);
    await page.goto(`${sandbox.url}/`, { waitUntil: 'networkidle' });
    expect(errors).toEqual([]);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('he');
    expect(await page.textContent('#summary')).toBe('עדיין לא הגיע דבר.');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
  });

  it('shows leads, customers and notes newest first, with names instead of ids, and escapes what arrived', async () => {
    const gloop = new RawGloop(sandbox.url);
    await gloop.signIn();
    const { json: first } = await gloop.call('POST', '/v2/leads/create', { name: 'ישראל ישראלי', f_name: 'ישראל', phone: '0501234567', text: '<script>alert(1)</script> 🙂' });
    const status = (await gloop.call('GET', '/v2/accounts/statuses')).json.items?.[0].id;
    await gloop.call('POST', '/v2/accounts/create', { name: 'רון לוי', f_name: 'רון', status, lead_id: first.id });
    await gloop.call('POST', '/v2/notes/create', { lead_id: first.id, msg: 'התקשר בערב' });

    const page = await browser.newPage();
    await page.goto(`${sandbox.url}/`);
    const cards = await page.$$eval('#records > li', (items) => items.map((item) => ({ kind: item.className, heading: item.querySelector('h2')?.textContent, text: item.textContent })));
    expect(cards.map((card) => card.kind)).toEqual(['record notes', 'record accounts', 'record leads']);
    expect(cards[2].heading).toBe(`ליד ${first.id}`);
    expect(cards[2].text).toContain('ישראל ישראלי');
    expect(cards[2].text).toContain('💫 חדש');
    expect(cards[2].text).toContain('<script>alert(1)</script> 🙂');
    expect(await page.$$('#records script')).toHaveLength(0);
    expect(await page.textContent('#summary')).toBe('הגיעו 3 רשומות, החדשות למעלה.');
    // The note and the customer point at the lead by its 39-digit id; the page shows the lead's name.
    const [note, account] = await cardsOn(page);
    expect(note.fields.lead_id).toBe('ישראל ישראלי');
    expect(account.fields).toMatchObject({ lead_id: 'ישראל ישראלי', status: '✅ פעיל' });
  });

  it('shows the tasks, SMS and documents that arrived, with names instead of ids', async () => {
    const gloop = new RawGloop(sandbox.url);
    await gloop.signIn();
    const [status] = (await gloop.call('GET', '/v2/tasks/statuses')).json.items ?? [];
    const users = (await gloop.call('GET', '/v2/users')).json.items ?? [];
    await gloop.call('POST', '/v2/tasks/create', { subject: 'לחזור לדנה', owner: users[0].id, status: status.id });
    await gloop.call('POST', '/v2/sms/send', { from: '0544444444', target: '0527654321', message: 'שלום דנה' });
    await gloop.call('POST', '/v2/signatures/create', { name: 'דנה - הסכם', template_id: '3', by_user: users[0].id });
    const errors: string[] = [];
    const page = await openPage(errors);
    await page.goto(`${sandbox.url}/`, { waitUntil: 'networkidle' });
    expect(errors).toEqual([]);
    const cards = await page.$$eval('#records > li', (items) => items.map((item) => ({ kind: item.className, text: item.textContent ?? '' })));
    expect(cards.map((card) => card.kind)).toEqual(['record documents', 'record sms', 'record tasks']);
    expect(cards[2].text).toContain(`${users[0].name}`);
    expect(cards[2].text).toContain(String(status.name));
    expect(cards[1].text).toContain('שלום דנה');
    expect(cards[0].text).toContain('הסכם התקשרות');
    expect(await page.$eval('#records .target', (element) => getComputedStyle(element).direction)).toBe('ltr');
  });

  it('shows a sale with its lines by product name, its status by name, and the stock a movement left', async () => {
    const gloop = new RawGloop(sandbox.url);
    await gloop.signIn();
    const category = (await gloop.call('POST', '/v2/products/categories/create', { name: 'חולצות' })).json.id;
    const product = (await gloop.call('POST', '/v2/products/create', { name: 'חולצת כותנה', price: 49.9, category, is_active: true, invetory: 12 })).json.id;
    const [status] = (await gloop.call('GET', '/v2/sales/statuses')).json.items ?? [];
    await gloop.call('POST', '/v2/sales/create', { title: 'הזמנה 1042', status: status.id, total: 149.7, products: [{ product_id: product, description: 'מידה L', quantity: 3, price_per_unit: 49.9, total_product: 149.7 }] });
    await gloop.call('POST', '/v2/products/inventory/movment', { product_id: product, operation: 'OUT', quantity: 3, comment: 'הזמנה 1042' });
    const errors: string[] = [];
    const page = await openPage(errors);
    await page.goto(`${sandbox.url}/`, { waitUntil: 'networkidle' });
    expect(errors).toEqual([]);
    const cards = await page.$$eval('#records > li', (items) => items.map((item) => ({ kind: item.className, text: item.textContent ?? '' })));
    expect(cards.map((card) => card.kind)).toEqual(['record movements', 'record sales', 'record products', 'record categories']);
    expect(cards[1].text).toContain('חולצת כותנה – מידה L 3 × 49.9 = 149.7');
    expect(cards[1].text).toContain(String(status.name));
    expect(cards[0].text).toContain('מלאי אחרי9');
  });

  it('shows quantities, prices and totals as numbers, though signature templates have the ids 3, 4 and 5', async () => {
    const gloop = new RawGloop(sandbox.url);
    await gloop.signIn();
    const category = (await gloop.call('POST', '/v2/products/categories/create', { name: 'חולצות' })).json.id;
    const product = (await gloop.call('POST', '/v2/products/create', { name: 'חולצת כותנה', price: 26, category, is_active: true, invetory: 8 })).json.id;
    const [status] = (await gloop.call('GET', '/v2/sales/statuses')).json.items ?? [];
    const products = [{ product_id: product, quantity: 4, price_per_unit: 26, total_product: 104 }];
    await gloop.call('POST', '/v2/sales/create', { title: 'הזמנה 1043', status: status.id, products, sub_total: 104, discount_value: 4, tax: 18, total: 118 });
    await gloop.call('POST', '/v2/products/inventory/movment', { product_id: product, operation: 'OUT', quantity: 3, comment: 'הזמנה 1043' });
    const page = await browser.newPage();
    await page.goto(`${sandbox.url}/`);
    const [movement, sale, shirt] = await cardsOn(page);
    expect([movement.kind, sale.kind, shirt.kind]).toEqual(['record movements', 'record sales', 'record products']);
    expect(movement.fields).toMatchObject({ product_id: 'חולצת כותנה', quantity: '3', total_after: '5' });
    expect(sale.fields).toMatchObject({ status: status.name, products: 'חולצת כותנה 4 × 26 = 104', sub_total: '104', discount_value: '4', tax: '18', total: '118' });
    expect(shirt.fields).toMatchObject({ category: 'חולצות', price: '26', invetory: '5' });
  });

  it('shows phone numbers left to right and the time as Israel reads it', async () => {
    const gloop = new RawGloop(sandbox.url);
    await gloop.signIn();
    await gloop.call('POST', '/v2/leads/create', { name: 'דנה', f_name: 'דנה', phone: '+12125550100', email: 'dana@example.co.il' });
    const errors: string[] = [];
    const page = await openPage(errors);
    await page.goto(`${sandbox.url}/`, { waitUntil: 'networkidle' });
    expect(errors).toEqual([]);

    const phone = await page.$eval('#records .phone', (element) => ({ text: element.textContent, direction: getComputedStyle(element).direction }));
    expect(phone).toEqual({ text: '+12125550100', direction: 'ltr' });
    // The visual order: the "+" is the leftmost glyph, where a right-to-left run would put it last.
    const [plusX, lastDigitX] = await page.$eval('#records .phone', (element) => {
      const range = document.createRange();
      const node = element.firstChild as Text;
      const xOf = (offset: number) => {
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect().x;
      };
      return [xOf(0), xOf(node.length - 1)];
    });
    expect(plusX).toBeLessThan(lastDigitX);

    const time = await page.$eval('#records time', (element) => ({ iso: element.getAttribute('datetime') ?? '', shown: element.textContent ?? '' }));
    // Hebrew short times write the hours before ten with one digit: 0:43:12 just after midnight.
    const shown = /^(\d{1,2})\.(\d{1,2})\.(\d{4}), (\d{1,2}):(\d{2}):\d{2}$/.exec(time.shown)?.slice(1).map(Number);
    // Israel is two hours ahead of UTC in winter and three in summer.
    const inIsrael = [2, 3].map((hours) => {
      const local = new Date(Date.parse(time.iso) + hours * 3_600_000);
      return [local.getUTCDate(), local.getUTCMonth() + 1, local.getUTCFullYear(), local.getUTCHours(), local.getUTCMinutes()];
    });
    expect(inIsrael).toContainEqual(shown);
  });
});
