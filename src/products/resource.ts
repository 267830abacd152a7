import { idFrom } from '../http/json';
import type { OutputField } from '../fields/values';
import type { Resource } from '../records/resource';

/** What Gloop tells of a product, under its own spelling of the keys. */
const outputFields: OutputField[] = [
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

export const productResource: Resource = {
  noun: 'Product',
  outputFields,
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
  /** Ids as digit strings, Gloop's nulls as blanks; a price or stock Gloop has none of is left out, as an output typed number holds a number. */
  recordOf(item) {
    const id = idFrom(item.id);
    if (id === undefined) return undefined;
    const values = outputFields.flatMap(({ key, type }) => {
      if (type !== 'number') return [[key, item[key] ?? '']];
      const value = item[key];
      const figure = typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
      return typeof figure === 'number' && Number.isFinite(figure) ? [[key, figure]] : [];
    });
    return { ...Object.fromEntries(values), id, category: idFrom(item.category) ?? '' };
  },
};
