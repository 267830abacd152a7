import { defineInputFields, defineSearch, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { callGloop } from '../http/client';
import { isRecord } from '../http/failures';
import { bodyFrom, requireValues } from '../fields/values';
import { describeOperation, requestOf, type OperationDescription } from '../records/operation';
import { productResource } from './resource';

const findProductFields = defineInputFields([
  { key: 'product_id', label: 'Product', required: true, dynamic: 'product_list.id.name', helpText: 'The product to look up: pick one, or map a Product ID from an earlier step.' },
]);

type FindProductInput = InferInputData<typeof findProductFields>;

/** Gloop answers a product as a one-item page, and an unknown id as an empty one. */
const lookup: OperationDescription = {
  make: { id: 'getProduct', label: 'Get a Product', group: 'Sales and Products' },
  method: 'GET',
  path: '/v2/products/{product_id}',
  body: 'none',
  answered: productResource.outputFields,
};

export const findProduct = defineSearch({
  key: describeOperation('find_product', lookup),
  noun: 'Product',
  display: { label: 'Find Product', description: 'Finds a product by its ID, with its price and stock.' },
  operation: {
    inputFields: findProductFields,
    perform: async (z: ZObject, bundle: Bundle<FindProductInput>) => {
      const input = bodyFrom(z, findProductFields, bundle);
      requireValues(z, findProductFields, input, ['product_id']);
      const answer = await callGloop(z, bundle, { method: lookup.method, path: requestOf(lookup, input).path });
      const items: unknown[] = Array.isArray(answer.items) ? answer.items : [];
      return items.flatMap((item) => {
        const product = isRecord(item) ? productResource.recordOf(item) : undefined;
        return product ? [product] : [];
      });
    },
    sample: productResource.sample,
    outputFields: productResource.outputFields,
  },
});
