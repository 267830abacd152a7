import { defineInputFields, defineSearch, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { callGloop } from '../http/client';
import { isRecord } from '../http/failures';
import { idFrom } from '../http/json';
import { bodyFrom, requireValues, type OutputField } from '../fields/values';

const findProductFields = defineInputFields([
  { key: 'product_id', label: 'Product', required: true, dynamic: 'product_list.id.name', helpText: 'The product to look up: pick one, or map a Product ID from an earlier step.' },
]);

type FindProductInput = InferInputData<typeof findProductFields>;

/** What Gloop tells of a product, under its own spelling of the keys. */
const productOutputFields: OutputField[] = [
  { key: 'id', label: 'Product ID' },
  { key: 'name', label: 'Name' },
  { key: 'price', label: 'Price', type: 'number' },
  { key: 'desctiption', label: 'Description' },
  { key: 'sku', label: 'SKU' },
  { key: 'invetory', label: 'Stock', type: 'number' },
  { key: 'is_physical_yn', label: 'Physical Product (Y/N)' },
  { key: 'is_active_yn', label: 'Active (Y/N)' },
  { key: 'category', label: 'Category ID' },
  { key: 'payplus_uid', label: 'PayPlus Product ID' },
  { key: 'created', label: 'Created At', type: 'datetime' },
  { key: 'updated', label: 'Updated At', type: 'datetime' },
];

/** Ids as digit strings, Gloop's nulls as blanks, so every output key holds a value a Zap can map. */
function productOf(item: Record<string, unknown>): Record<string, unknown> | undefined {
  const id = idFrom(item.id);
  if (id === undefined) return undefined;
  const values = Object.fromEntries(productOutputFields.map(({ key }) => [key, item[key] ?? '']));
  return { ...values, id, category: idFrom(item.category) ?? '' };
}

export const findProduct = defineSearch({
  key: 'find_product',
  noun: 'Product',
  display: { label: 'Find Product', description: 'Finds a product by its ID, with its price and stock.' },
  operation: {
    inputFields: findProductFields,
    perform: async (z: ZObject, bundle: Bundle<FindProductInput>) => {
      const input = bodyFrom(z, findProductFields, bundle);
      requireValues(z, findProductFields, input, ['product_id']);
      // Gloop answers a product as a one-item page, and an unknown id as an empty one.
      const answer = await callGloop(z, bundle, { method: 'GET', path: `/v2/products/${String(input.product_id)}` });
      const items: unknown[] = Array.isArray(answer.items) ? answer.items : [];
      return items.flatMap((item) => {
        const product = isRecord(item) ? productOf(item) : undefined;
        return product ? [product] : [];
      });
    },
    sample: {
      id: '271931293467543909784429886793843358217',
      name: 'TV',
      price: 550,
      desctiption: 'great tv',
      sku: '',
      invetory: 4,
      is_physical_yn: 'Y',
      is_active_yn: 'Y',
      category: '271931386971455797394479962881631377483',
      payplus_uid: '69bf910d-e211-4037-ae74-65fdde595f07',
      created: '2021-09-22T11:00:54.274Z',
      updated: '2021-09-22T11:00:54.461Z',
    },
    outputFields: productOutputFields,
  },
});
