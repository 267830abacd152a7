import { chromium, type Browser } from 'playwright-core';
import type { Sandbox } from '../../sandbox/server';
import { RawGloop, sandboxFor } from '../helpers/sandbox';

let sandbox: Sandbox;
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.GLOOP_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(() => browser.close());
beforeEach(async () => {
  sandbox = await sandboxFor();
});
afterEach(() => sandbox.close());

describe('the sandbox page, in headless Chromium', () => {
  it('says nothing has arrived yet, right to left in Hebrew', async () => {
    const page = await browser.newPage();
    await page.goto(`${sandbox.url}/`);
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
  });
});
