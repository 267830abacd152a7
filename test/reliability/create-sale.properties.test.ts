import fc from 'fast-check';
import nock from 'nock';
import { App, authData, BASE_URL, perform, zapierErrorOf } from '../helpers/app';
import { generatedRuns } from '../helpers/generated';
import { useNock } from '../helpers/nock';

/**
 * Create Sale under generated orders. The model is the vendor's sale page, in agorot (whole
 * numbers, so no rounding of its own): the order as the shop charged it, then what the step's
 * fields tell of it. A total is refused before any request only when the fields make the VAT
 * known (VAT Added no, a VAT Amount, or VAT Added yes with a rate and the lines or subtotal) and
 * the discount's money (its Discount Type, its amount, or a discount of 0), and it is more than an
 * agora off; any other total goes as given, with no VAT worked back from it.
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
  // VAT Added yes, no or blank; a rate or none; and the VAT the shop charged when no rate fixes it.
  vat: fc.record({ added: fc.constantFrom('yes' as const, 'no' as const, undefined), rate: fc.oneof(fc.constant(undefined), fc.constantFrom(0, 17, 18)), charged: fc.integer({ min: 0, max: 100_000 }) }),
  give: fc.record({ lines: fc.boolean(), lineTotals: fc.boolean(), subTotal: fc.boolean(), discountType: fc.boolean(), discountValue: fc.boolean(), tax: fc.boolean() }),
  // Agorot the mapped total is off the order's; undefined: no total mapped.
  totalOff: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: -1, max: 1 }), weight: 1 }, { arbitrary: fc.integer({ min: -100_000, max: 100_000 }), weight: 3 }, { arbitrary: fc.constant(undefined), weight: 1 }),
});
type Order = typeof order extends fc.Arbitrary<infer T> ? T : never;

/** The order as charged: Gloop's definition, each amount from the ones before it. */
function chargedOf({ lines, discount, vat }: Order) {
  const lineTotals = lines.map(({ quantity, price }) => quantity * price);
  const subTotal = lineTotals.reduce((sum, total) => sum + total, 0);
  const discountValue = discount === undefined ? 0 : discount.type === '%' ? roundAgorot((subTotal * discount.rate) / 100) : discount.amount;
  const afterDiscount = subTotal - discountValue;
  const tax = vat.added === 'no' ? 0 : vat.added === 'yes' && vat.rate !== undefined ? roundAgorot((afterDiscount * vat.rate) / 100) : vat.charged;
  return { lineTotals, subTotal, discountValue, tax, total: afterDiscount + tax };
}
type Charged = ReturnType<typeof chargedOf>;

function inputOf(sale: Order, charged: Charged) {
  const { discount, vat, give, totalOff } = sale;
  return {
    title: 'הזמנה',
    status: STATUS,
    ...(give.lines ? { products: sale.lines.map(({ quantity, price }, index) => ({ quantity: String(quantity), price_per_unit: shekels(price), ...(give.lineTotals ? { total_product: shekels(charged.lineTotals[index]) } : {}) })) } : {}),
    ...(give.subTotal ? { sub_total: shekels(charged.subTotal) } : {}),
    ...(discount === undefined ? {} : { ...(give.discountType ? { discount_type: discount.type } : {}), discount: discount.type === '%' ? String(discount.rate) : shekels(discount.amount) }),
    ...(discount !== undefined && give.discountValue ? { discount_value: shekels(charged.discountValue) } : {}),
    ...(vat.added === undefined ? {} : { is_tax: vat.added }),
    ...(vat.rate === undefined ? {} : { tax_rate: String(vat.rate) }),
    ...(give.tax ? { tax: shekels(charged.tax) } : {}),
    ...(totalOff === undefined ? {} : { total: shekels(charged.total + totalOff) }),
  };
}

type Outcome = { refused: string } | { sent: string; checked: boolean };

/** What the page lets the app know from the fields, and so what it must send or refuse. */
function expected(sale: Order, charged: Charged): Outcome {
  const { discount, vat, give, totalOff } = sale;
  if (totalOff === undefined) return { refused: '"Total" is empty, and Gloop needs it: map a value; fix it in this step\'s fields.' };
  const subTotal = give.lines || give.subTotal ? charged.subTotal : undefined;
  // Without its type a discount is a rate or an amount: its money is known when given, or when it is 0.
  const zeroDiscount = discount !== undefined && (discount.type === '%' ? discount.rate : discount.amount) === 0;
  const discountKnown = give.discountValue || (give.discountType ? discount?.type === '#' || subTotal !== undefined : zeroDiscount);
  const discountValue = discount !== undefined && discountKnown ? charged.discountValue : undefined;
  const afterDiscountKnown = subTotal !== undefined && (discount === undefined || discountValue !== undefined);
  // No default for VAT Added is documented: left blank, a rate says nothing of whether VAT was added.
  const vatByRate = vat.added === 'yes' && vat.rate !== undefined && afterDiscountKnown;
  const tax = vat.added === 'no' || give.tax || vatByRate ? charged.tax : undefined;
  const total = charged.total + totalOff;
  const checked = afterDiscountKnown && tax !== undefined;
  if (checked && Math.abs(totalOff) > 1) {
    const shown = (agorot: number) => agorot / 100;
    return {
      refused: `The numbers do not add up: "Total" is ${shown(total)}, but ${shown(subTotal)} less ${shown(discountValue ?? 0)} plus VAT ${shown(tax)} is ${shown(charged.total)}; fix it in this step's fields.`,
    };
  }
  const body = {
    title: 'הזמנה',
    status: STATUS,
    total: total / 100,
    ...(give.lines ? { products: sale.lines.map(({ quantity, price }, index) => ({ quantity, price_per_unit: price / 100, total_product: charged.lineTotals[index] / 100 })) } : {}),
    ...(discount === undefined ? {} : { ...(give.discountType ? { discount_type: discount.type } : {}), discount: discount.type === '%' ? discount.rate : discount.amount / 100 }),
    ...(discountValue === undefined ? {} : { discount_value: discountValue / 100 }),
    ...(subTotal === undefined ? {} : { sub_total: subTotal / 100 }),
    ...(vat.added === undefined ? {} : { is_tax: vat.added === 'yes' }),
    ...(vat.rate === undefined ? {} : { tax_rate: vat.rate }),
    ...(tax === undefined ? {} : { tax: tax / 100 }),
  };
  return { sent: JSON.stringify(body), checked };
}

const run = (inputData: Record<string, unknown>) => perform(App.creates.create_sale, { authData, inputData });
const RUNS = generatedRuns(600);

describe('create_sale under generated orders', () => {
  it('sends every amount as the vendor\'s page defines it, a total it cannot check as given, and refuses only a total it knows is off', async () => {
    const sent: string[] = [];
    nock(BASE_URL)
      .persist()
      .post('/v2/sales/create')
      .reply((_uri, body) => {
        sent.push(typeof body === 'string' ? body : JSON.stringify(body));
        return [201, { id: ID }];
      });
    const seen = { checked: 0, unchecked: 0, refusedOff: 0, refusedBlank: 0 };
    await fc.assert(
      fc.asyncProperty(order, async (sale) => {
        sent.length = 0;
        const charged = chargedOf(sale);
        const outcome = expected(sale, charged);
        if ('refused' in outcome) {
          expect(await zapierErrorOf(run(inputOf(sale, charged)))).toMatchObject({ code: 'InvalidInput', message: outcome.refused });
          expect(sent).toEqual([]);
          seen[sale.totalOff === undefined ? 'refusedBlank' : 'refusedOff'] += 1;
          return;
        }
        await run(inputOf(sale, charged));
        expect(sent).toEqual([outcome.sent]);
        seen[outcome.checked ? 'checked' : 'unchecked'] += 1;
      }),
      {
        ...RUNS,
        // Half an agora exactly, which floating point puts a hair below the half: 98% of 78,691.75
        // (in the shift by 100), and 90% of 87,589.15 (in the product itself).
        examples: [
          [{ lines: [{ quantity: 2, price: 221836 }, { quantity: 13, price: 136192 }, { quantity: 12, price: 11446 }, { quantity: 13, price: 424435 }], discount: { type: '%', rate: 98 }, vat: { added: 'no', rate: undefined, charged: 0 }, give: { lines: true, lineTotals: false, subTotal: false, discountType: true, discountValue: false, tax: false }, totalOff: 0 }],
          [{ lines: [{ quantity: 16, price: 491587 }, { quantity: 11, price: 3 }, { quantity: 2, price: 446745 }], discount: { type: '%', rate: 90 }, vat: { added: 'yes', rate: 0, charged: 0 }, give: { lines: true, lineTotals: false, subTotal: false, discountType: true, discountValue: false, tax: false }, totalOff: 0 }],
          // The sale: one line of 100, VAT Added yes, no rate, no VAT Amount, a total of 118.
          [{ lines: [{ quantity: 1, price: 10000 }], discount: undefined, vat: { added: 'yes', rate: undefined, charged: 1800 }, give: { lines: true, lineTotals: false, subTotal: false, discountType: true, discountValue: false, tax: false }, totalOff: 0 }],
        ],
      },
    );
    // Every way out is taken, each beyond a token share, whatever the seed.
    const runs = RUNS.numRuns;
    expect(Object.values(seen).reduce((sum, count) => sum + count, 0)).toBe(runs);
    for (const [way, count] of Object.entries(seen)) expect([way, count > runs / 50]).toEqual([way, true]);
  }, 120_000);
});
