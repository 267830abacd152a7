import nock from 'nock';
import { App, authData, BASE_URL, LEAD_ID, localZap, perform, USER_ID, zapierErrorOf } from './helpers/app';
import { capturePost } from './helpers/capture';
import { connectionLost, gloopDate, stampedAgo, useNock } from './helpers/nock';

useNock();

const SALE_STATUS = '234208723204765111610925577932915778841';
const PRODUCT = '271931293467543909784429886793843358217';
const OTHER_PRODUCT = '271931293467543909784429886793843358218';
const CATEGORY = '271931386971455797394479962881631377483';
const run = (key: string, inputData: Record<string, unknown>) => perform(App.creates[key as 'create_sale'], { authData, inputData });
const refused = (problem: string) => ({ name: 'AppError', code: 'InvalidInput', status: 400, message: `${problem}; fix it in this step's fields.` });
const sale = (more: Record<string, unknown>) => ({ title: 'הזמנה 1042', status: SALE_STATUS, ...more });

describe('create_sale', () => {
  it('sends the lines and amounts it was given byte for byte, and works out the ones left blank', async () => {
    const received = capturePost('/v2/sales/create', 201, { id: LEAD_ID, message: 'המכירה נוצרה נוצר בהצלחה' });
    const output = await run('create_sale', sale({
      owner: USER_ID,
      account_id: LEAD_ID,
      products: [
        { product_id: PRODUCT, description: 'מידה L "כחול"', quantity: '2', price_per_unit: '49.90' },
        { product_id: OTHER_PRODUCT, quantity: 1, price_per_unit: 100, total_product: '100' },
        { description: '' },
      ],
      discount_type: '%',
      discount: '10',
      is_tax: 'yes',
      tax_rate: '18',
      total: '212.2',
      admin_notes: 'שורה 1\nשורה 2',
    }));
    // 2 × 49.90 + 100 = 199.80; 10% off = 19.98; VAT 18% of 179.82 = 32.37; total 212.19, within a rounding of 212.2.
    const body = {
      title: 'הזמנה 1042',
      status: SALE_STATUS,
      total: 212.2,
      owner: USER_ID,
      account_id: LEAD_ID,
      products: [
        { product_id: PRODUCT, description: 'מידה L "כחול"', quantity: 2, price_per_unit: 49.9, total_product: 99.8 },
        { product_id: OTHER_PRODUCT, quantity: 1, price_per_unit: 100, total_product: 100 },
      ],
      discount_type: '%',
      discount: 10,
      discount_value: 19.98,
      sub_total: 199.8,
      is_tax: true,
      tax_rate: 18,
      tax: 32.37,
      admin_notes: 'שורה 1\nשורה 2',
    };
    expect(received).toEqual([JSON.stringify(body)]);
    expect(output).toEqual({ ...body, id: LEAD_ID, message: 'המכירה נוצרה נוצר בהצלחה', lead_id: '', left_out: '' });
  });

  it('takes an amount discount and no VAT, sending the VAT as nothing', async () => {
    const received = capturePost('/v2/sales/create', 201, { id: LEAD_ID });
    await run('create_sale', sale({ sub_total: '500', discount_type: '#', discount: '50', is_tax: 'no', total: '450' }));
    expect(JSON.parse(received[0])).toEqual({ title: 'הזמנה 1042', status: SALE_STATUS, total: 450, discount_type: '#', discount: 50, discount_value: 50, sub_total: 500, is_tax: false, tax: 0 });
  });

  const lineOf100 = { products: [{ quantity: '1', price_per_unit: '100' }] };
  const sentLineOf100 = { products: [{ quantity: 1, price_per_unit: 100, total_product: 100 }], sub_total: 100 };
  it.each([
    ['VAT Added yes with neither a VAT Rate nor a VAT Amount', { ...lineOf100, is_tax: 'yes', total: '118' }, { total: 118, ...sentLineOf100, is_tax: true }],
    ['VAT Added left blank', { ...lineOf100, total: '118' }, { total: 118, ...sentLineOf100 }],
    ['VAT Added left blank, so the VAT Rate is not applied (with VAT)', { ...lineOf100, tax_rate: '18', total: '118' }, { total: 118, ...sentLineOf100, tax_rate: 18 }],
    ['VAT Added left blank, so the VAT Rate is not applied (without VAT)', { ...lineOf100, tax_rate: '18', total: '100' }, { total: 100, ...sentLineOf100, tax_rate: 18 }],
    ['VAT Added yes and a VAT Rate, but no lines or subtotal to apply it to', { is_tax: 'yes', tax_rate: '18', total: '118' }, { total: 118, is_tax: true, tax_rate: 18 }],
    ['a Discount without its type, a rate or an amount', { sub_total: '100', discount: '10', is_tax: 'no', total: '90' }, { total: 90, discount: 10, sub_total: 100, is_tax: false, tax: 0 }],
    ['a Discount without its type, and VAT by a rate', { sub_total: '100', discount: '10', is_tax: 'yes', tax_rate: '18', total: '106.2' }, { total: 106.2, discount: 10, sub_total: 100, is_tax: true, tax_rate: 18 }],
  ])('sends a total it cannot check as given, with no VAT worked back from it: %s', async (_case, more, sent) => {
    const received = capturePost('/v2/sales/create', 201, { id: LEAD_ID });
    await run('create_sale', sale(more));
    expect(received).toEqual([JSON.stringify({ title: 'הזמנה 1042', status: SALE_STATUS, ...sent })]);
  });

  it.each([
    ['VAT Added left blank', { ...lineOf100, tax: '18', total: '118' }, { total: 118, ...sentLineOf100, tax: 18 }],
    ['VAT Added yes and no VAT Rate', { ...lineOf100, is_tax: 'yes', tax: '18', total: '118' }, { total: 118, ...sentLineOf100, is_tax: true, tax: 18 }],
  ])('takes a total that adds up with the VAT Amount given, with %s', async (_case, more, sent) => {
    const received = capturePost('/v2/sales/create', 201, { id: LEAD_ID });
    await run('create_sale', sale(more));
    expect(received).toEqual([JSON.stringify({ title: 'הזמנה 1042', status: SALE_STATUS, ...sent })]);
  });

  it.each([[undefined], [null], [''], [[]], [[{}, { description: '', quantity: ' ' }]]])(
    'sends only the total when nothing else is given to check it against (products: %j), and outputs no lines',
    async (products) => {
      const received = capturePost('/v2/sales/create', 201, { id: LEAD_ID });
      const output = await run('create_sale', sale({ total: '99.90', products }));
      expect(received).toEqual([JSON.stringify({ title: 'הזמנה 1042', status: SALE_STATUS, total: 99.9 })]);
      expect(output).toMatchObject({ id: LEAD_ID, total: 99.9, products: [], sub_total: '', left_out: '' });
      expect(output.products).toEqual([]);
    },
  );

  it.each([
    [{ products: [{ quantity: '2', price_per_unit: '10', total_product: '25' }], total: '25' }, 'The numbers do not add up: "Line Total" is 25, but line 1\'s 2 × 10 is 20'],
    [{ products: [{ quantity: '1', price_per_unit: '10' }, { total_product: '5' }], sub_total: '20', total: '20' }, 'The numbers do not add up: "Subtotal" is 20, but the product lines added up is 15'],
    [{ sub_total: '200', discount_type: '%', discount: '10', discount_value: '25', total: '175' }, 'The numbers do not add up: "Discount Amount" is 25, but 10% of 200 is 20'],
    [{ sub_total: '200', discount_type: '#', discount: '50', discount_value: '40', total: '160' }, 'The numbers do not add up: "Discount Amount" is 40, but Discount is 50'],
    [{ sub_total: '100', is_tax: 'yes', tax_rate: '18', tax: '17', total: '117' }, 'The numbers do not add up: "VAT Amount" is 17, but 18% of 100 is 18'],
    [{ sub_total: '100', is_tax: 'no', tax: '18', total: '118' }, 'The numbers do not add up: "VAT Amount" is 18, but nothing, as VAT Added is no, is 0'],
    [{ sub_total: '100', is_tax: 'yes', tax_rate: '18', total: '100' }, 'The numbers do not add up: "Total" is 100, but 100 less 0 plus VAT 18 is 118'],
    [{ sub_total: '100', is_tax: 'no', total: '118' }, 'The numbers do not add up: "Total" is 118, but 100 less 0 plus VAT 0 is 100'],
    [{ sub_total: '100', is_tax: 'yes', tax: '18', total: '120' }, 'The numbers do not add up: "Total" is 120, but 100 less 0 plus VAT 18 is 118'],
    [{ sub_total: '100', tax: '18', total: '100' }, 'The numbers do not add up: "Total" is 100, but 100 less 0 plus VAT 18 is 118'],
    [{ sub_total: '100', discount: '10', discount_value: '10', is_tax: 'no', total: '95' }, 'The numbers do not add up: "Total" is 95, but 100 less 10 plus VAT 0 is 90'],
    [{ sub_total: '100', discount: '0', is_tax: 'no', total: '95' }, 'The numbers do not add up: "Total" is 95, but 100 less 0 plus VAT 0 is 100'],
    [{ products: [{ quantity: 'two', price_per_unit: '10' }], total: '20' }, '"Products" line 1: "Quantity" must be a number such as 1234.50, not "two"'],
    [{ sub_total: '1,000', total: '1000' }, '"Subtotal" must be a number such as 1234.50, not "1,000"'],
    [{ products: [{ product_id: 'TV' }], total: '20' }, '"Products" line 1: "Product" must be a Gloop ID (up to 39 digits), not "TV"'],
    [{}, '"Total" is empty, and Gloop needs it: map a value'],
    [{ products: ['TV'], total: '20' }, '"Products" must be line items, one per line'],
    [{ products: [null], total: '20' }, '"Products" must be line items, one per line'],
    [{ products: [{ quantity: '1', price_per_unit: '20' }, 'TV'], total: '20' }, '"Products" must be line items, one per line'],
  ])('refuses %j before any request, saying which number is off', async (more, problem) => {
    expect(await zapierErrorOf(run('create_sale', sale(more)))).toEqual(refused(problem));
  });

  it('takes the subtotal as given when a line has no amount to add up', async () => {
    const received = capturePost('/v2/sales/create', 201, { id: LEAD_ID });
    await run('create_sale', sale({ products: [{ quantity: '1', price_per_unit: '10' }, { description: 'משלוח' }], sub_total: '25', total: '25' }));
    expect(JSON.parse(received[0])).toEqual({
      title: 'הזמנה 1042',
      status: SALE_STATUS,
      total: 25,
      products: [{ quantity: 1, price_per_unit: 10, total_product: 10 }, { description: 'משלוח' }],
      sub_total: 25,
    });
  });

  it('after a lost answer, says the sale may have been saved and what to look for, for Gloop cannot search sales', async () => {
    nock(BASE_URL).post('/v2/sales/create').replyWithError(connectionLost());
    expect((await zapierErrorOf(run('create_sale', sale({ total: '10' })))).message).toBe(
      'Gloop may have saved the sale: the connection was lost (ECONNRESET), and the app could not check; look in Gloop for the sale "הזמנה 1042" before you replay this run, or it may be saved twice.',
    );
  });

  it('keeps Gloop\'s Hebrew reason when it refuses the sale', async () => {
    nock(BASE_URL).post('/v2/sales/create').reply(400, { message: 'סטטוס לא קיים' });
    const error = await zapierErrorOf(run('create_sale', sale({ total: '10' })));
    expect(error.message).toContain('סטטוס לא קיים');
  });
});

describe('create_product and create_product_category', () => {
  it('sends the product under Gloop\'s own key names, price and stock as numbers', async () => {
    const received = capturePost('/v2/products/create', 201, { id: PRODUCT, message: 'המוצר נוצר בהצלחה' });
    const output = await run('create_product', { name: 'חולצה "כותנה"', price: '49.90', category: CATEGORY, is_active: 'yes', desctiption: 'שורה\n', invetory: '12', is_physical: 'true', sku: 'SH-01' });
    expect(received).toEqual([
      JSON.stringify({ name: 'חולצה "כותנה"', price: 49.9, category: CATEGORY, is_active: true, desctiption: 'שורה\n', sku: 'SH-01', invetory: 12, is_physical: true }),
    ]);
    expect(output).toMatchObject({ id: PRODUCT, message: 'המוצר נוצר בהצלחה', left_out: '' });
  });

  it.each([
    [{ name: 'x', price: '₪50', category: CATEGORY, is_active: 'yes' }, '"Price" must be a number such as 1234.50, not "₪50"'],
    [{ name: 'x', price: '50', category: CATEGORY, is_active: 'yes', invetory: 'many' }, '"Opening Stock" must be a number such as 1234.50, not "many"'],
    [{ name: 'x', price: '50', is_active: 'yes' }, '"Category" is empty, and Gloop needs it: map a value'],
  ])('refuses %j before any request', async (inputData, problem) => {
    expect(await zapierErrorOf(run('create_product', inputData))).toEqual(refused(problem));
  });

  it('says what to look for when a product\'s answer is lost, for Gloop cannot search products', async () => {
    nock(BASE_URL).post('/v2/products/create').replyWithError(connectionLost());
    expect((await zapierErrorOf(run('create_product', { name: 'חולצה', price: '50', category: CATEGORY, is_active: 'yes' }))).message).toBe(
      'Gloop may have saved the product: the connection was lost (ECONNRESET), and the app could not check; look in Gloop for the product "חולצה" before you replay this run, or it may be saved twice.',
    );
  });

  it('creates a category and says what to look for when the answer is lost', async () => {
    const received = capturePost('/v2/products/categories/create', 201, { id: CATEGORY, message: 'הקטגוריה נוצרה בהצלחה' });
    const output = await run('create_product_category', { name: 'חולצות', is_active_yn: 'yes', woo_id: '17' });
    expect(received).toEqual([JSON.stringify({ name: 'חולצות', is_active_yn: true, woo_id: '17' })]);
    expect(output).toMatchObject({ id: CATEGORY, left_out: '' });
    nock(BASE_URL).post('/v2/products/categories/create').replyWithError(connectionLost());
    expect(await zapierErrorOf(run('create_product_category', { name: 'חולצות' }))).toEqual({
      name: 'AppError',
      code: 'GloopOutcomeUnknown',
      status: 504,
      message:
        'Gloop may have saved the product category: the connection was lost (ECONNRESET), and the app could not check; look in Gloop for the product category "חולצות" before you replay this run, or it may be saved twice.',
    });
  });
});

describe('find_product and the new dropdowns', () => {
  it('finds a product by id, ids as text and Gloop\'s nulls as blanks', async () => {
    nock(BASE_URL)
      .get(`/v2/products/${PRODUCT}`)
      .reply(200, `{"items":[{"id":${PRODUCT},"name":"TV","price":550,"sku":null,"invetory":4,"is_active_yn":"Y","category":${CATEGORY}}],"hasMore":false}`, { 'Content-Type': 'application/json' });
    const results = (await perform(App.searches.find_product, { authData, inputData: { product_id: PRODUCT } })) as unknown as Record<string, unknown>[];
    expect(results).toEqual([
      { id: PRODUCT, name: 'TV', price: 550, desctiption: '', sku: '', invetory: 4, is_physical_yn: '', is_active_yn: 'Y', category: CATEGORY, payplus_uid: '', created: '', updated: '' },
    ]);
  });

  it('asks for the product before any request', async () => {
    expect(await zapierErrorOf(perform(App.searches.find_product, { authData, inputData: { product_id: ' ' } }))).toEqual(refused('"Product" is empty, and Gloop needs it: map a value'));
  });

  it('answers no product for an empty page', async () => {
    nock(BASE_URL).get(`/v2/products/${PRODUCT}`).reply(200, { items: [], hasMore: false });
    expect(await perform(App.searches.find_product, { authData, inputData: { product_id: PRODUCT } })).toEqual([]);
  });

  it('answers no product when Gloop\'s item has no usable id or no items at all, and a blank category when it has none', async () => {
    nock(BASE_URL).get(`/v2/products/${PRODUCT}`).reply(200, { items: [{ id: '', name: 'TV' }] });
    expect(await perform(App.searches.find_product, { authData, inputData: { product_id: PRODUCT } })).toEqual([]);
    nock(BASE_URL).get(`/v2/products/${PRODUCT}`).reply(200, {});
    expect(await perform(App.searches.find_product, { authData, inputData: { product_id: PRODUCT } })).toEqual([]);
    nock(BASE_URL).get(`/v2/products/${PRODUCT}`).reply(200, { items: [{ id: PRODUCT, name: 'TV' }] });
    expect(await perform(App.searches.find_product, { authData, inputData: { product_id: PRODUCT } })).toEqual([expect.objectContaining({ id: PRODUCT, category: '' })]);
  });

  it('lists active products and categories only, and sale statuses', async () => {
    nock(BASE_URL)
      .get('/v2/products/')
      .query(true)
      .reply(200, { items: [{ id: PRODUCT, name: 'TV', is_active_yn: 'Y' }, { id: OTHER_PRODUCT, name: 'Old', is_active_yn: 'N' }], hasMore: false });
    nock(BASE_URL)
      .get('/v2/products/categories/')
      .query(true)
      .reply(200, { items: [{ id: CATEGORY, name: 'חולצות', is_active_yn: 'Y' }, { id: PRODUCT, name: 'ישן', is_active_yn: 'N' }], hasMore: false });
    nock(BASE_URL)
      .get('/v2/sales/statuses')
      .query(true)
      .reply(200, { items: [{ id: SALE_STATUS, name: 'ממתין לתשלום', is_active: 'Y' }], hasMore: false });
    const list = (key: string) => localZap().run<Record<string, unknown>[]>(`triggers.${key}.operation.perform`, { meta: { page: 0 } as never });
    expect(await list('product_list')).toEqual([{ id: PRODUCT, name: 'TV' }]);
    expect(await list('product_category_list')).toEqual([{ id: CATEGORY, name: 'חולצות' }]);
    expect(await list('sale_status_list')).toEqual([{ id: SALE_STATUS, name: 'ממתין לתשלום' }]);
  });
});

describe('move_stock', () => {
  const movement = { product_id: PRODUCT, operation: 'OUT', quantity: '10', comment: 'חשבונית 345 "ספק"' };
  const sent = JSON.stringify({ product_id: PRODUCT, operation: 'OUT', quantity: 10, comment: 'חשבונית 345 "ספק"' });

  it('sends the movement byte for byte and returns the stock before and after it, below zero included', async () => {
    const received = capturePost('/v2/products/inventory/movment', 201, { inventory_after: -6, inventory_before: 4, message: 'הפעולה הושלמה' });
    expect(await run('move_stock', movement)).toEqual({ ...movement, quantity: 10, inventory_before: 4, inventory_after: -6, message: 'הפעולה הושלמה', confirmed_by_search: false });
    expect(received).toEqual([sent]);
  });

  it.each([
    ['as text', { inventory_before: '4.5', inventory_after: '-6' }, { inventory_before: 4.5, inventory_after: -6 }],
    ['as text with two decimals, or with words before a figure', { inventory_before: 'about 4', inventory_after: '4.25' }, { inventory_before: '', inventory_after: 4.25 }],
    ['as a number too large to be one', `{"inventory_before": 1e400, "inventory_after": 2}`, { inventory_before: '', inventory_after: 2 }],
    ['as words', { inventory_before: 'four', inventory_after: '2 units' }, undefined],
  ])('reads stock figures Gloop sends %s, and leaves out what is not a figure', async (_case, answer, figures) => {
    nock(BASE_URL).post('/v2/products/inventory/movment').reply(201, answer, { 'Content-Type': 'application/json' });
    if (figures === undefined) nock(BASE_URL).get(`/v2/products/inventory/${PRODUCT}`).query(true).reply(200, { items: [] }, gloopDate());
    const outcome = run('move_stock', movement);
    if (figures === undefined) expect((await zapierErrorOf(outcome)).code).toBe('GloopInvalidResponse');
    else expect(await outcome).toMatchObject(figures);
  });

  it('after a lost answer, reads the product\'s movement log and reports the movement Gloop logged, once', async () => {
    nock(BASE_URL).post('/v2/products/inventory/movment').replyWithError(connectionLost());
    nock(BASE_URL)
      .get(`/v2/products/inventory/${PRODUCT}`).query({ offset: '0', limit: '100' })
      // Stamped when Gloop answers: after the movement's request left.
      .reply(200, () => ({
        items: [
          // Gloop's log may leave an entry's id out; a movement is known by what it did, not by an id.
          { operation: 'OUT', quantity: 10, total_after: -6, total_before: 4, comment: movement.comment, created: new Date().toISOString() },
          { id: '41', operation: 'OUT', quantity: 10, total_after: 4, total_before: 14, comment: movement.comment, created: '2021-09-04T11:21:55.292Z' },
        ],
      }), gloopDate());
    expect(await run('move_stock', movement)).toMatchObject({ inventory_before: 4, inventory_after: -6, confirmed_by_search: true });
  });

  it('after a lost answer, leaves blank the stock figures a logged movement lacks', async () => {
    nock(BASE_URL).post('/v2/products/inventory/movment').reply(502, '<html>Bad Gateway</html>');
    nock(BASE_URL)
      .get(`/v2/products/inventory/${PRODUCT}`).query({ offset: '0', limit: '100' })
      .reply(200, () => ({ items: [{ id: '42', operation: 'OUT', quantity: '10', comment: movement.comment, created: new Date().toISOString() }] }), gloopDate());
    expect(await run('move_stock', movement)).toEqual({ ...movement, quantity: 10, inventory_before: '', inventory_after: '', message: '', confirmed_by_search: true });
  });

  it('after a lost answer with no such movement in the log since the request, says the run can be replayed', async () => {
    nock(BASE_URL).post('/v2/products/inventory/movment').replyWithError(connectionLost());
    const now = new Date().toISOString();
    const logged = { operation: 'OUT', quantity: 10, total_after: 4, total_before: 14, comment: movement.comment, created: now };
    nock(BASE_URL)
      .get(`/v2/products/inventory/${PRODUCT}`).query({ offset: '0', limit: '100' })
      .reply(200, {
        items: [
          { ...logged, id: '41', created: '2021-09-04T11:21:55.292Z' },
          { ...logged, id: '43', operation: 'IN' },
          { ...logged, id: '44', quantity: 9 },
          { ...logged, id: '45', comment: 'חשבונית 346 "ספק"' },
        ],
      }, gloopDate());
    expect(await zapierErrorOf(run('move_stock', movement))).toEqual({
      name: 'AppError',
      code: 'GloopUnreachable',
      status: 503,
      message:
        "Gloop did not save the stock movement: the connection was lost (ECONNRESET), and the product's stock log right after showed no such movement; replay this run once Gloop is working again.",
    });
  });

  it('says so when Gloop answers without the stock figures and its log holds no such movement', async () => {
    nock(BASE_URL).post('/v2/products/inventory/movment').reply(201, { message: 'הפעולה הושלמה' });
    nock(BASE_URL).get(`/v2/products/inventory/${PRODUCT}`).query({ offset: '0', limit: '100' }).reply(200, { items: [] }, gloopDate());
    expect((await zapierErrorOf(run('move_stock', movement))).message).toBe(
      "Gloop did not save the stock movement: it answered without what shows the stock movement was made, and the product's stock log right after showed no such movement; replay this run once Gloop is working again.",
    );
  });

  it.each([
    ['five seconds', 5_000, 0, 'GloopOutcomeUnknown', /^Gloop may have saved the stock movement: it answered HTTP 500, and a search right after found an identical stock movement stamped so close/],
    ['two minutes, by a Gloop clock four minutes ahead', 120_000, 4 * 60_000, 'GloopServerError', /^Gloop did not save the stock movement: it answered HTTP 500, /],
  ])('never takes an identical movement logged %s before the request left for it (the same order comment twice)', async (_case, agoMs, aheadMs, code, message) => {
    nock(BASE_URL).post('/v2/products/inventory/movment').reply(500, '');
    nock(BASE_URL)
      .get(`/v2/products/inventory/${PRODUCT}`)
      .query({ offset: '0', limit: '100' })
      .reply(200, { items: [{ id: '46', operation: 'OUT', quantity: 10, total_after: 4, total_before: 14, comment: movement.comment, created: stampedAgo(agoMs, aheadMs) }] }, gloopDate(aheadMs));
    expect(await zapierErrorOf(run('move_stock', movement))).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('after a lost answer, reads the movement log page by page, as Gloop pages it, to the movement', async () => {
    nock(BASE_URL).post('/v2/products/inventory/movment').reply(503, '');
    const older = { operation: 'IN', quantity: 1, comment: 'x', created: stampedAgo(600_000) };
    nock(BASE_URL)
      .get(`/v2/products/inventory/${PRODUCT}`)
      .query({ offset: '0', limit: '100' })
      .reply(200, { items: Array.from({ length: 100 }, () => older), hasMore: true }, gloopDate())
      .get(`/v2/products/inventory/${PRODUCT}`)
      .query({ offset: '100', limit: '100' })
      .reply(200, { items: [{ operation: 'OUT', quantity: ' 10 ', total_before: 4, total_after: -6, comment: movement.comment, created: stampedAgo(0) }], hasMore: false }, gloopDate());
    expect(await run('move_stock', movement)).toMatchObject({ inventory_before: 4, inventory_after: -6, confirmed_by_search: true });
  });

  it.each([
    ['a log without its list', { count: 0 }, 1, "the product's stock log came without its list of movements"],
    ['a movement with this comment whose quantity cannot be read', { items: [{ operation: 'OUT', quantity: 'abc', comment: movement.comment, created: stampedAgo(0) }] }, 1, "the product's stock log shows a movement with this comment since it was sent that it logged otherwise"],
    ['a log longer than five pages', { items: [{ operation: 'IN', quantity: 1, comment: 'x', created: stampedAgo(600_000) }], hasMore: true }, 5, "the product's stock log holds more than 500 movements"],
  ])('after a lost answer and %s: cannot tell, so says to look', async (_case, log, pages, why) => {
    nock(BASE_URL).post('/v2/products/inventory/movment').reply(503, '');
    nock(BASE_URL).get(`/v2/products/inventory/${PRODUCT}`).query(true).times(pages).reply(200, log, gloopDate());
    const error = await zapierErrorOf(run('move_stock', movement));
    expect(error).toMatchObject({
      code: 'GloopOutcomeUnknown',
      message: `Gloop may have saved the stock movement: it answered HTTP 503, and ${why}, so it could not tell whether the movement was made; look in Gloop for a stock movement of this product with the comment "חשבונית 345 "ספק"" before you replay this run, or it may be saved twice.`,
    });
  });

  it.each([
    ['its comment with spaces after it', { operation: 'OUT', quantity: 10, comment: 'חשבונית 345 "ספק"  ' }, 'confirmed'],
    ['its direction in lower case', { operation: 'out', quantity: 10, comment: movement.comment }, 'confirmed'],
    ['its quantity as -10 for OUT 10', { operation: 'OUT', quantity: -10, comment: movement.comment }, 'unsure'],
    ['an unreadable direction', { operation: '?', quantity: 10, comment: movement.comment }, 'unsure'],
  ])('after a lost answer, a movement logged since with %s', async (_case, entry, verdict) => {
    nock(BASE_URL).post('/v2/products/inventory/movment').reply(503, '');
    nock(BASE_URL)
      .get(`/v2/products/inventory/${PRODUCT}`)
      .query(true)
      .reply(200, { items: [{ ...entry, total_before: 4, total_after: -6, created: stampedAgo(0) }], hasMore: false }, gloopDate());
    const outcome = run('move_stock', movement);
    if (verdict === 'confirmed') expect(await outcome).toMatchObject({ inventory_after: -6, confirmed_by_search: true });
    else expect((await zapierErrorOf(outcome)).message).toContain("the product's stock log shows a movement with this comment since it was sent that it logged otherwise");
  });

  it.each([
    ['an empty page that says more follow', [{ items: [], hasMore: true }], "the product's stock log came with an empty page that says more follow"],
  ])('after a lost answer and %s: cannot tell', async (_case, pages, why) => {
    nock(BASE_URL).post('/v2/products/inventory/movment').reply(503, '');
    for (const page of pages) nock(BASE_URL).get(`/v2/products/inventory/${PRODUCT}`).query(true).reply(200, page, gloopDate());
    expect((await zapierErrorOf(run('move_stock', movement))).message).toContain(why);
  });

  it('after a lost answer, a full page of the log without hasMore is followed by the next', async () => {
    nock(BASE_URL).post('/v2/products/inventory/movment').reply(503, '');
    nock(BASE_URL)
      .get(`/v2/products/inventory/${PRODUCT}`)
      .query({ offset: '0', limit: '100' })
      .reply(200, { items: Array.from({ length: 100 }, () => ({ operation: 'IN', quantity: 1, comment: 'x', created: stampedAgo(600_000) })) }, gloopDate())
      .get(`/v2/products/inventory/${PRODUCT}`)
      .query({ offset: '100', limit: '100' })
      .reply(200, { items: [{ operation: 'OUT', quantity: 10, total_before: 4, total_after: -6, comment: movement.comment, created: stampedAgo(0) }] }, gloopDate());
    expect(await run('move_stock', movement)).toMatchObject({ inventory_after: -6, confirmed_by_search: true });
  });

  it('after a lost answer and a log it could not read, says the movement may have been made and what to look for', async () => {
    nock(BASE_URL).post('/v2/products/inventory/movment').replyWithError(connectionLost());
    nock(BASE_URL).get(`/v2/products/inventory/${PRODUCT}`).query({ offset: '0', limit: '100' }).reply(500, '');
    expect((await zapierErrorOf(run('move_stock', movement))).message).toBe(
      'Gloop may have saved the stock movement: the connection was lost (ECONNRESET), and the app could not check; look in Gloop for a stock movement of this product with the comment "חשבונית 345 "ספק"" before you replay this run, or it may be saved twice.',
    );
  });

  it.each([
    [{ operation: 'IN', quantity: '1', comment: 'x' }, '"Product" is empty, and Gloop needs it: map a value'],
    [{ product_id: PRODUCT, quantity: '1', comment: 'x' }, '"Direction" is empty, and Gloop needs it: map a value'],
  ])('refuses %j, which lacks what Gloop needs, before any request', async (inputData, problem) => {
    expect(await zapierErrorOf(run('move_stock', inputData))).toEqual(refused(problem));
  });

  it('names every value Gloop needs and did not get, in one sentence', async () => {
    expect(await zapierErrorOf(run('move_stock', { product_id: PRODUCT, operation: 'IN' }))).toEqual(refused('"Quantity" and "Comment" are empty, and Gloop needs them: map a value'));
  });

  it.each([
    ['a quantity in words', { ...movement, quantity: 'ten' }, '"Quantity" must be a number such as 1234.50, not "ten"'],
    ['no comment', { ...movement, comment: '' }, '"Comment" is empty, and Gloop needs it: map a value'],
    ['a comment over 4000 characters', { ...movement, comment: 'ש'.repeat(4001) }, '"Comment" has 4001 characters and Gloop takes at most 4000: shorten it'],
  ])('refuses %s before any request', async (_case, inputData, problem) => {
    expect(await zapierErrorOf(run('move_stock', inputData))).toEqual(refused(problem));
  });
});
