import { defineInputFields } from 'zapier-platform-core';
import { defineWriteAction } from '../records/write-action';
import { idAndMessage } from '../records/operation';

/** A product's fields, once, under Gloop's own spelling of its keys. */
export const productFields = defineInputFields([
  { key: 'name', label: 'Name', required: true, helpText: 'The product\'s name as your team and customers see it, e.g. "Cotton Shirt".' },
  { key: 'price', label: 'Price', type: 'number', required: true, helpText: 'The price of one unit, e.g. `49.90`.' },
  { key: 'category', label: 'Category', required: true, dynamic: 'product_category_list.id.name', helpText: 'Gloop files every product under a category. Inactive categories are not listed.' },
  { key: 'is_active', label: 'Active', type: 'boolean', required: true, default: 'yes', helpText: 'Yes to offer the product in sales now; no to keep it hidden.' },
  { key: 'desctiption', label: 'Description', type: 'text', helpText: 'What the product is, sent as written.' },
  { key: 'sku', label: 'SKU', helpText: 'Your own catalogue number, if you keep one.' },
  { key: 'invetory', label: 'Opening Stock', type: 'number', helpText: 'Units in stock to start with. Later changes go through "Move Stock".' },
  { key: 'is_physical', label: 'Physical Product', type: 'boolean', helpText: 'Yes for goods you ship; no for a service or a download.' },
]);

export const createProduct = defineWriteAction({
  key: 'create_product',
  noun: 'Product',
  label: 'Create Product',
  description: 'Creates a product with its price and category, and optionally its opening stock.',
  make: { id: 'createProduct', label: 'Create a Product', group: 'Sales and Products', crud: 'create' },
  path: '/v2/products/create',
  fields: productFields,
  // A misread price or stock would be a wrong catalogue: refused, not left out.
  mustRead: ['invetory', 'is_physical'],
  lookFor: (body) => `the product "${String(body.name)}"`,
  answered: idAndMessage('Product'),
  sample: {
    id: '271931293467543909784429886793843358217',
    message: 'המוצר נוצר בהצלחה',
    name: 'Cotton Shirt',
    price: 49.9,
    category: '271931386971455797394479962881631377483',
    is_active: true,
  },
});

/** A product category's fields, once. */
export const categoryFields = defineInputFields([
  { key: 'name', label: 'Name', required: true, helpText: 'The category\'s name, e.g. "Shirts".' },
  { key: 'description', label: 'Description', type: 'text', helpText: 'What the category holds, sent as written.' },
  { key: 'is_active_yn', label: 'Active', type: 'boolean', helpText: 'Yes to let products be filed under it now; no to keep it hidden.' },
  { key: 'payplus_uid', label: 'PayPlus Category UID', helpText: 'The matching category\'s ID in PayPlus, when Gloop does not sync with PayPlus itself.' },
  { key: 'woo_id', label: 'Shop Category Number', helpText: 'The matching category\'s ID in your online shop (WooCommerce, Wix or Shopify), when Gloop does not sync with it itself.' },
]);

export const createProductCategory = defineWriteAction({
  key: 'create_product_category',
  noun: 'Category',
  thing: 'product category',
  label: 'Create Product Category',
  description: 'Creates a category to file products under.',
  make: { id: 'createProductCategory', label: 'Create a Product Category', group: 'Sales and Products', crud: 'create' },
  path: '/v2/products/categories/create',
  fields: categoryFields,
  mustRead: ['is_active_yn'],
  lookFor: (body) => `the product category "${String(body.name)}"`,
  answered: idAndMessage('Category'),
  sample: { id: '271931386971455797394479962881631377483', message: 'הקטגוריה נוצרה בהצלחה', name: 'חולצות' },
});
