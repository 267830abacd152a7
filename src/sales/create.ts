import { defineInputFields, type ZObject } from 'zapier-platform-core';
import { linkField } from '../fields/shared';
import { inFieldOrder, invalidInput, type RequestBody } from '../fields/values';
import { defineWriteAction } from '../records/write-action';
import { idAndMessage } from '../records/operation';

/** A sale's fields, once: its product lines, then the money as Gloop adds it up. */
export const saleFields = defineInputFields([
  { key: 'title', label: 'Title', required: true, helpText: 'What the sale is, e.g. "Order 1042 from the website".' },
  { key: 'status', label: 'Sale Status', required: true, dynamic: 'sale_status_list.id.name', helpText: 'The status the sale starts in, e.g. waiting for payment.' },
  { key: 'total', label: 'Total', type: 'number', required: true, helpText: 'What the customer pays: subtotal, less the discount, plus VAT. The app checks it adds up before sending when the VAT is known (VAT Added no, a VAT Amount, or VAT Added yes with a VAT Rate); otherwise it is sent as given.' },
  { key: 'owner', label: 'Owner', dynamic: 'user_list.id.name', helpText: 'The user the sale counts for. Users who left the company are not listed.' },
  linkField('customer', 'The customer who bought.'),
  linkField('lead', 'The lead who bought, when not yet a customer.'),
  {
    key: 'products',
    label: 'Products',
    children: [
      { key: 'product_id', label: 'Product', dynamic: 'product_list.id.name', helpText: 'The product sold on this line. Inactive products are not listed.' },
      { key: 'description', label: 'Line Description', helpText: 'What this line says on the sale, e.g. size or color.' },
      { key: 'quantity', label: 'Quantity', type: 'number', helpText: 'How many units, e.g. `2`.' },
      { key: 'price_per_unit', label: 'Price per Unit', type: 'number', helpText: 'The price of one unit, e.g. `49.90`.' },
      { key: 'total_product', label: 'Line Total', type: 'number', helpText: 'Quantity times price per unit. Left blank, the app works it out.' },
    ],
  },
  {
    key: 'discount_type',
    label: 'Discount Type',
    choices: [
      { value: '%', label: 'Percentage of the subtotal', sample: '%' },
      { value: '#', label: 'Amount off the subtotal', sample: '#' },
    ],
    helpText: 'Whether Discount is a percentage or an amount of money.',
  },
  { key: 'discount', label: 'Discount', type: 'number', helpText: 'The rate (`15` for 15%) or the amount off, as Discount Type says.' },
  { key: 'discount_value', label: 'Discount Amount', type: 'number', helpText: 'What the discount takes off in money. Left blank, the app works it out.' },
  { key: 'sub_total', label: 'Subtotal', type: 'number', helpText: 'The lines added up, before discount and VAT. Left blank, the app works it out.' },
  { key: 'is_tax', label: 'VAT Added', type: 'boolean', helpText: 'Yes if VAT is added to the sale; then VAT Rate applies to the subtotal after the discount. Left blank, the app applies no VAT Rate and checks the total only against a VAT Amount.' },
  { key: 'tax_rate', label: 'VAT Rate (%)', type: 'number', helpText: 'The VAT percentage, e.g. `18`.' },
  { key: 'tax', label: 'VAT Amount', type: 'number', helpText: 'The VAT in money. Left blank, the app works it out from VAT Rate when VAT Added is yes, never from the total.' },
  { key: 'admin_notes', label: 'Internal Notes', type: 'text', helpText: 'Notes only your team sees, sent as written.' },
]);

/** Half an agora either way: amounts are rounded to agorot at each step. */
const ROUNDING = 0.005 + 1e-9;
/**
 * To 15 significant digits first, for a product of decimals carries binary noise (90% of 87,589.15
 * is 78830.23499999999), then shifted in decimal, not multiplied: 77117.915 * 100 is 7711791.4999….
 */
function agorot(amount: number): number {
  const [digits, exponent = '0'] = amount.toPrecision(15).split('e');
  return Math.round(Number(`${digits}e${Number(exponent) + 2}`)) / 100;
}
const LABELS = Object.fromEntries(saleFields.flatMap((field) => ['children' in field ? field.children : [], field].flat()).map((field) => [field.key, field.label]));

/**
 * Each amount the user gave must equal the one Gloop's definition derives from the others; an
 * amount left blank is worked out, when what it derives from is there.
 */
function settled(z: ZObject, given: number | undefined, derived: number | undefined, what: string, how: string): number | undefined {
  if (derived === undefined) return given;
  if (given === undefined) return agorot(derived);
  if (Math.abs(given - derived) > ROUNDING * 2) {
    throw invalidInput(z, `The numbers do not add up: "${LABELS[what]}" is ${given}, but ${how} is ${agorot(derived)}`);
  }
  return given;
}

const numberAt = (record: RequestBody, key: string) => (typeof record[key] === 'number' ? record[key] : undefined);

/** The sale as Gloop adds it up: lines, subtotal, discount, VAT, total, each checked or worked out. */
export function settleSale(z: ZObject, sale: RequestBody): RequestBody {
  const lines = (Array.isArray(sale.products) ? sale.products : []).map((line, index) => {
    const quantity = numberAt(line, 'quantity');
    const price = numberAt(line, 'price_per_unit');
    const derived = quantity !== undefined && price !== undefined ? quantity * price : undefined;
    const total = settled(z, numberAt(line, 'total_product'), derived, 'total_product', `line ${index + 1}'s ${quantity} × ${price}`);
    return total === undefined ? line : { ...line, total_product: total };
  });
  const lineTotals = lines.map((line) => numberAt(line, 'total_product'));
  const linesAdded = lines.length > 0 && lineTotals.every((total) => total !== undefined) ? lineTotals.reduce((sum = 0, total = 0) => sum + total, 0) : undefined;
  const subTotal = settled(z, numberAt(sale, 'sub_total'), linesAdded, 'sub_total', 'the product lines added up');
  const discount = numberAt(sale, 'discount');
  const byRate = sale.discount_type === '%' && subTotal !== undefined && discount !== undefined ? (subTotal * discount) / 100 : undefined;
  // Without a Discount Type, Gloop's page leaves a discount a rate or an amount: its money is known
  // only when given, or when it is 0 either way; unknown, no total can be refused.
  const byType = sale.discount_type === '#' ? discount : sale.discount_type === '%' ? byRate : discount === 0 ? 0 : undefined;
  const discountValue = settled(z, numberAt(sale, 'discount_value'), byType, 'discount_value', sale.discount_type === '%' ? `${discount}% of ${subTotal}` : 'Discount');
  const afterDiscount = subTotal === undefined || (discount !== undefined && discountValue === undefined) ? undefined : subTotal - (discountValue ?? 0);
  const rate = numberAt(sale, 'tax_rate');
  const vatByRate = afterDiscount !== undefined && rate !== undefined ? (afterDiscount * rate) / 100 : undefined;
  // Gloop's page gives VAT Added no default, so left blank the rate may or may not apply; a VAT Amount
  // given still binds the total, for if Gloop adds no VAT a non-zero amount is wrong anyway.
  const vatOwed = sale.is_tax === true ? vatByRate : sale.is_tax === false ? 0 : undefined;
  const tax = settled(z, numberAt(sale, 'tax'), vatOwed, 'tax', sale.is_tax === true ? `${rate}% of ${agorot(afterDiscount ?? 0)}` : 'nothing, as VAT Added is no,');
  // With the VAT unknown no total can be refused, so it goes as given. Nor is the VAT worked back as the
  // total less the rest: Gloop's page has Tax entered as the VAT's money value, and its own example
  // creates a sale with VAT Added and neither a rate nor a VAT.
  const total = settled(z, numberAt(sale, 'total'), afterDiscount === undefined || tax === undefined ? undefined : afterDiscount + tax, 'total', `${subTotal} less ${discountValue ?? 0} plus VAT ${tax}`);
  const amounts = { sub_total: subTotal, discount_value: discountValue, tax, total };
  const worked = Object.fromEntries(Object.entries(amounts).filter((entry): entry is [string, number] => entry[1] !== undefined));
  const body: RequestBody = { ...sale, ...worked };
  if (lines.length > 0) body.products = lines;
  // In Gloop's order, so a reader of the request sees what the fields show.
  return inFieldOrder(saleFields, body);
}

export const createSale = defineWriteAction({
  key: 'create_sale',
  noun: 'Sale',
  label: 'Create Sale',
  description: 'Creates a sale with its product lines, discount and VAT, checking that the amounts add up.',
  make: { id: 'createSale', label: 'Create a Sale', group: 'Sales and Products', crud: 'create' },
  path: '/v2/sales/create',
  fields: saleFields,
  // An amount or a line misread would change what the customer is charged: refused, not left out.
  mustRead: ['products', 'discount_type', 'discount', 'discount_value', 'sub_total', 'is_tax', 'tax_rate', 'tax'],
  settle: settleSale,
  lookFor: (body) => `the sale "${String(body.title)}"`,
  answered: idAndMessage('Sale'),
  sample: {
    id: '271938755411120854115903777342845774028',
    message: 'המכירה נוצרה נוצר בהצלחה',
    title: 'הזמנה 1042 מהאתר',
    status: '234208723204765111610925577932915778841',
    products: [{ product_id: '271931293467543909784429886793843358217', quantity: 2, price_per_unit: 50, total_product: 100 }],
    sub_total: 100,
    total: 100,
  },
});
