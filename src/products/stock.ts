import { defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { askGloop, type Confirmation } from '../http/client';
import { PAGE_SIZE } from '../dropdowns/paged';
import { isRecord } from '../http/failures';
import { refuseLongerThan, type RequestBody } from '../fields/values';
import { defineWriteAction } from '../records/write-action';
import { sameText, storedSince } from '../records/stored-since';
import { figureOf, GLOOP_MESSAGE } from '../records/operation';

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
        const { items, hasMore } = read.answer;
        if (!Array.isArray(items)) return unsure('came without its list of movements');
        if (items.length === 0 && hasMore === true) return unsure('came with an empty page that says more follow');
        entries.push(...items);
        // A page as long as asked may be followed by more, unless Gloop says it is the last.
        if (hasMore !== true && (hasMore === false || items.length < PAGE_SIZE)) break;
      }
      const logged = entries.filter(isRecord);
      const sameComment = logged.filter((entry) => sameText(entry.comment, body.comment));
      const direction = (entry: Record<string, unknown>) => String(entry.operation).trim().toUpperCase();
      const same = (entry: Record<string, unknown>) => direction(entry) === body.operation && figureOf(entry.quantity) === body.quantity;
      const found = storedSince(sameComment.filter(same), sentAt, clock, 'stock movement', logged);
      // A movement with this comment logged another way (-1 for OUT 1, an unreadable figure or direction) may be this one.
      const unlike = sameComment.filter((entry) => {
        const quantity = figureOf(entry.quantity);
        const mayBeThisWay = direction(entry) === body.operation || !['IN', 'OUT'].includes(direction(entry));
        return !same(entry) && mayBeThisWay && (quantity === undefined || Math.abs(quantity) === body.quantity);
      });
      if ('absent' in found && !('absent' in storedSince(unlike, sentAt, clock, 'stock movement', logged))) {
        return unsure('shows a movement with this comment since it was sent that it logged otherwise');
      }
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
  make: { id: 'moveStock', label: 'Move Stock', group: 'Sales and Products', crud: 'update' },
  path: '/v2/products/inventory/movment',
  fields: movementFields,
  mustRead: 'all',
  settle: (z, body) => {
    refuseLongerThan(z, movementFields, body, 'comment', COMMENT_MAX_CHARACTERS, 'shorten it');
    return body;
  },
  // Gloop answers a movement with the stock before and after it, not an id: the figures are its proof.
  proof: { key: 'inventory_after', as: 'figure', name: 'what shows the stock movement was made' },
  confirm: movementLog,
  lookFor: (body) => `a stock movement of this product with the comment "${String(body.comment)}"`,
  answered: [
    { key: 'inventory_before', label: 'Stock Before', type: 'number', read: { from: 'inventory_before', as: 'figure' } },
    { key: 'inventory_after', label: 'Stock After', type: 'number', read: { from: 'inventory_after', as: 'figure' } },
    GLOOP_MESSAGE,
  ],
  sample: { product_id: '255428000059312855148083097871927924884', operation: 'OUT', quantity: 10, comment: 'חשבונית 345', inventory_before: 4, inventory_after: -6, message: 'הפעולה הושלמה' },
});
