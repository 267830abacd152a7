import { defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { askGloop, type Confirmation } from '../http/client';
import { PAGE_SIZE } from '../dropdowns/paged';
import { isRecord } from '../http/failures';
import { refuseLongerThan, type RequestBody } from '../fields/values';
import { defineWriteAction } from '../records/write-action';
import { storedSince } from '../records/stored-since';

/** A stock movement's fields, once, as Gloop names them. */
const movementFields = defineInputFields([
  { key: 'product_id', label: 'Product', required: true, dynamic: 'product_list.id.name', helpText: 'The product whose stock changes. Inactive products are not listed.' },
  {
    key: 'operation',
    label: 'Direction',
    required: true,
    choices: [
      { value: 'IN', label: 'In: add to stock', sample: 'IN' },
      { value: 'OUT', label: 'Out: take from stock', sample: 'OUT' },
    ],
    helpText: 'In for goods received or returned; out for goods sold or written off.',
  },
  { key: 'quantity', label: 'Quantity', type: 'number', required: true, helpText: 'How many units move, e.g. `3`.' },
  { key: 'comment', label: 'Comment', type: 'text', required: true, helpText: 'How your team will recognise the movement, e.g. an invoice number or a supplier; sent as written.' },
]);

const COMMENT_MAX_CHARACTERS = 4000;

const stockFigure = (value: unknown) => {
  const text = typeof value === 'string' ? value.trim() : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : text !== undefined && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
};

/** Pages of the movement log read after a lost answer; past them, a movement could lie unseen. */
const LOG_PAGES = 5;

/** The movement, read back from the product's log: same direction, quantity and comment, logged since the request left. */
function movementLog(z: ZObject, bundle: Bundle<any>, body: RequestBody): Confirmation {
  const unsure = (why: string) => ({ unsure: `the product's stock log ${why}, so it could not tell whether the movement was made` });
  return {
    notFound: "the product's stock log right after showed no such movement",
    find: async (sentAt) => {
      const entries: unknown[] = [];
      let clock;
      for (let page = 0; ; page += 1) {
        if (page === LOG_PAGES) return unsure(`holds more than ${LOG_PAGES * PAGE_SIZE} movements`);
        const read = await askGloop(z, bundle, { method: 'GET', path: `/v2/products/inventory/${String(body.product_id)}`, params: { offset: String(entries.length), limit: String(PAGE_SIZE) } });
        clock ??= read.clock;
        const items = read.answer.items;
        if (!Array.isArray(items)) return unsure('came without its list of movements');
        entries.push(...items);
        if (read.answer.hasMore !== true || items.length === 0) break;
      }
      const alike = entries.filter(isRecord).filter((entry) => entry.operation === body.operation && entry.comment === body.comment);
      if (alike.some((entry) => stockFigure(entry.quantity) === undefined)) return unsure('shows a movement like it whose quantity cannot be read');
      const found = storedSince(alike.filter((entry) => stockFigure(entry.quantity) === body.quantity), sentAt, clock, 'stock movement');
      // The log names the figures as its entries do; the step outputs them as Gloop's answer names them.
      return 'stored' in found ? { stored: { inventory_before: found.stored.total_before, inventory_after: found.stored.total_after } } : found;
    },
  };
}

export const moveStock = defineWriteAction({
  key: 'move_stock',
  noun: 'Stock',
  thing: 'stock movement',
  label: 'Move Stock',
  description: "Moves units into or out of a product's stock and returns the stock after it.",
  path: '/v2/products/inventory/movment',
  fields: movementFields,
  mustRead: 'all',
  settle: (z, body) => {
    refuseLongerThan(z, movementFields, body, 'comment', COMMENT_MAX_CHARACTERS, 'shorten it');
    return body;
  },
  // Gloop answers a movement with the stock before and after it, not an id: the figures are its proof.
  proof: { of: (answer) => stockFigure(answer.inventory_after)?.toString(), name: 'what shows the stock movement was made' },
  confirm: movementLog,
  lookFor: (body) => `a stock movement of this product with the comment "${String(body.comment)}"`,
  answered: [
    { key: 'inventory_before', label: 'Stock Before', type: 'number' },
    { key: 'inventory_after', label: 'Stock After', type: 'number' },
    { key: 'message', label: 'Gloop Message' },
  ],
  report: (written) => ({
    inventory_before: stockFigure(written.answer.inventory_before) ?? '',
    inventory_after: stockFigure(written.answer.inventory_after) ?? '',
    message: written.message,
  }),
  sample: { product_id: '255428000059312855148083097871927924884', operation: 'OUT', quantity: 10, comment: 'חשבונית 345', inventory_before: 4, inventory_after: -6, message: 'הפעולה הושלמה' },
});
