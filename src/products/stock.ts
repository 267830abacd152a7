import { defineCreate, defineInputFields, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { callGloop, createInGloop, type Confirmation } from '../http/client';
import { isRecord } from '../http/failures';
import { bodyFrom, CONFIRMED_BY_SEARCH, outputFieldsFrom, refuseLongerThan, requireValues, withEveryKey, type RequestBody } from '../fields/values';

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

type MovementInput = InferInputData<typeof movementFields>;

const COMMENT_MAX_CHARACTERS = 4000;
/** How far Gloop's clock may be from ours when the log is read for a movement just sent. */
const CLOCK_SKEW_MS = 120_000;

const outputFields = outputFieldsFrom(movementFields, [
  { key: 'inventory_before', label: 'Stock Before', type: 'number' },
  { key: 'inventory_after', label: 'Stock After', type: 'number' },
  { key: 'message', label: 'Gloop Message' },
  CONFIRMED_BY_SEARCH,
]);

const stockFigure = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : undefined);

/** The movement, read back from the product's log: same direction, quantity and comment, logged since the request left. */
function movementLog(z: ZObject, bundle: Bundle, body: RequestBody, found: { entry?: Record<string, unknown> }): Confirmation {
  return {
    find: async (since) => {
      const log = await callGloop(z, bundle, { method: 'GET', path: `/v2/products/inventory/${String(body.product_id)}` });
      const entries: unknown[] = Array.isArray(log.items) ? log.items : [];
      found.entry = entries.filter(isRecord).find(
        (entry) =>
          entry.operation === body.operation &&
          stockFigure(entry.quantity) === body.quantity &&
          entry.comment === body.comment &&
          Date.parse(String(entry.created)) >= since - CLOCK_SKEW_MS,
      );
      return found.entry === undefined ? undefined : String(found.entry.id ?? '');
    },
    checkFor: `a stock movement of this product with the comment "${String(body.comment)}"`,
  };
}

export const moveStock = defineCreate({
  key: 'move_stock',
  noun: 'Stock',
  display: { label: 'Move Stock', description: 'Moves units into or out of a product\'s stock and returns the stock after it.' },
  operation: {
    inputFields: movementFields,
    perform: async (z: ZObject, bundle: Bundle<MovementInput>) => {
      const body = bodyFrom(z, movementFields, bundle);
      requireValues(z, movementFields, body, ['product_id', 'operation', 'quantity', 'comment']);
      refuseLongerThan(z, movementFields, body, 'comment', COMMENT_MAX_CHARACTERS, 'shorten it');
      const found: { entry?: Record<string, unknown> } = {};
      // Gloop answers a movement with the stock before and after it, not an id: the figures are its proof.
      const created = await createInGloop(z, bundle, '/v2/products/inventory/movment', body, 'stock movement', movementLog(z, bundle, body, found), (answer) =>
        stockFigure(answer.inventory_after) === undefined ? undefined : 'answered',
      );
      const answer = created.confirmedBySearch ? { inventory_before: found.entry?.total_before, inventory_after: found.entry?.total_after } : created.answer;
      return withEveryKey(outputFields, {
        ...body,
        inventory_before: stockFigure(answer.inventory_before) ?? '',
        inventory_after: stockFigure(answer.inventory_after) ?? '',
        message: created.message,
        confirmed_by_search: created.confirmedBySearch,
      });
    },
    sample: { product_id: '255428000059312855148083097871927924884', operation: 'OUT', quantity: 10, comment: 'חשבונית 345', inventory_before: 4, inventory_after: -6, message: 'הפעולה הושלמה', confirmed_by_search: false },
    outputFields,
  },
});
