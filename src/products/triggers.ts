import { listTrigger } from '../polling/list-trigger';
import { productResource } from './resource';

export const newProduct = listTrigger({
  key: 'new_product',
  make: { id: 'watchNewProducts', label: 'Watch New Products', group: 'Sales and Products' },
  resource: productResource,
  path: '/v2/products/',
  label: 'New Product',
  description: 'Triggers when a product is added to the catalogue.',
});
