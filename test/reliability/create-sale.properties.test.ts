import fc from 'fast-check';
import nock from 'nock';
import { App, authData, BASE_URL, perform, zapierErrorOf } from '../helpers/app';
import { generatedRuns } from '../helpers/generated';
import { useNock } from '../helpers/nock';

/**
 * Create Sale under generated orders. The model is the vendor's sale page, in agorot (whole
 * numbers, so no rounding of its own): a consistent order is sent with every amount as the page
 * defines it; one amount pushed off by more than an agora is refused before any request, by name.
 */
useNock();

const ID = '271938755411120854115903777342845774028';
const STATUS = '234208723204765111610925577932915778841';
const shekels = (agorot: number) => (agorot / 100).toFixed(2);
/** The page's rounding: half an agora up, as a person rounds money. */
const roundAgorot = (exact: number) => Math.round(exact + 1e-9);

const order = fc.record({
  lines: fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 20 }), price: fc.integer({ min: 1, max: 500_000 }) }), { minLength: 1, maxLength: 5 }),
  discount: fc.oneof(fc.constant(undefined), fc.record({ type: fc.constant('%' as const), rate: fc.integer({ min: 0, max: 100 }) }), fc.record({ type: fc.constant('#' as const), amount: fc.integer({ min: 0, max: 10_000 }) })),
  vatRate: fc.oneof(fc.constant(undefined), fc.constantFrom(0, 17, 18)),
  give: fc.record({ lineTotals: fc.boolean(), subTotal: fc.boolean(), discountValue: fc.boolean(), tax: fc.boolean() }),
});
type Order = typeof order extends fc.Arbitrary<infer T> ? T : never;

function amountsOf({ lines, discount, vatRate }: Order) {
  const lineTotals = lines.map(({ quantity, price }) => quantity * price);
  const subTotal = lineTotals.reduce((sum, total) => sum + total, 0);
  const discountValue = discount === undefined ? 0 : discount.type === '%' ? roundAgorot((subTotal * discount.rate) / 100) : discount.amount;
  const tax = vatRate === undefined ? 0 : roundAgorot(((subTotal - discountValue) * vatRate) / 100);
  return { lineTotals, subTotal, discountValue, tax, total: subTotal - discountValue + tax };
}

function inputOf(sale: Order, amounts: ReturnType<typeof amountsOf>, total = amounts.total) {
  const { discount, vatRate, give } = sale;
  return {
    title: 'הזמנה',
    status: STATUS,
    products: sale.lines.map(({ quantity, price }, index) => ({ quantity: String(quantity), price_per_unit: shekels(price), ...(give.lineTotals ? { total_product: shekels(amounts.lineTotals[index]) } : {}) })),
    ...(give.subTotal ? { sub_total: shekels(amounts.subTotal) } : {}),
    ...(discount === undefined ? {} : { discount_type: discount.type, discount: discount.type === '%' ? String(discount.rate) : shekels(discount.amount) }),
    ...(discount !== undefined && give.discountValue ? { discount_value: shekels(amounts.discountValue) } : {}),
    ...(vatRate === undefined ? {} : { is_tax: 'yes', tax_rate: String(vatRate) }),
    ...(vatRate !== undefined && give.tax ? { tax: shekels(amounts.tax) } : {}),
    total: shekels(total),
  };
}

const run = (inputData: Record<string, unknown>) => perform(App.creates.create_sale, { authData, inputData });

describe('create_sale under generated orders', () => {
  it('sends every amount of a consistent order as the vendor\'s page defines it', async () => {
    const sent: string[] = [];
    nock(BASE_URL)
      .persist()
      .post('/v2/sales/create')
      .reply((_uri, body) => {
        sent.push(typeof body === 'string' ? body : JSON.stringify(body));
        return [201, { id: ID }];
      });
    await fc.assert(
      fc.asyncProperty(order, async (sale) => {
        sent.length = 0;
        const amounts = amountsOf(sale);
        await run(inputOf(sale, amounts));
        const body = JSON.parse(sent[0]) as Record<string, unknown>;
        const inAgorot = (value: unknown) => Math.round(Number(value) * 100);
        expect((body.products as Record<string, unknown>[]).map((line) => inAgorot(line.total_product))).toEqual(amounts.lineTotals);
        expect([inAgorot(body.sub_total), inAgorot(body.total)]).toEqual([amounts.subTotal, amounts.total]);
        if (sale.discount) expect(inAgorot(body.discount_value)).toBe(amounts.discountValue);
        if (sale.vatRate !== undefined) expect(inAgorot(body.tax)).toBe(amounts.tax);
      }),
      {
        ...generatedRuns(300),
        // Half an agora exactly, which floating point puts a hair below the half: 98% of 78,691.75
        // (in the shift by 100), and 90% of 87,589.15 (in the product itself).
        examples: [
          [{ lines: [{ quantity: 2, price: 221836 }, { quantity: 13, price: 136192 }, { quantity: 12, price: 11446 }, { quantity: 13, price: 424435 }], discount: { type: '%', rate: 98 }, vatRate: undefined, give: { lineTotals: false, subTotal: false, discountValue: false, tax: false } }],
          [{ lines: [{ quantity: 16, price: 491587 }, { quantity: 11, price: 3 }, { quantity: 2, price: 446745 }], discount: { type: '%', rate: 90 }, vatRate: 0, give: { lineTotals: false, subTotal: false, discountValue: false, tax: false } }],
        ],
      },
    );
  });

  it('refuses a total off by more than an agora, before any request, naming it', async () => {
    await fc.assert(
      fc.asyncProperty(order, fc.integer({ min: 2, max: 100_000 }), fc.boolean(), async (sale, off, up) => {
        const amounts = amountsOf(sale);
        const error = await zapierErrorOf(run(inputOf(sale, amounts, amounts.total + (up ? off : -off))));
        expect(error).toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(/^The numbers do not add up: "Total" is /) });
      }),
      generatedRuns(300),
    );
  });
});
