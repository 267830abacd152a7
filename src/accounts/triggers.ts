import { searchTrigger } from '../polling/search-trigger';
import { customerResource } from './resource';

export const newCustomer = searchTrigger({
  key: 'new_customer',
  make: { id: 'watchNewCustomers', label: 'Watch New Customers', group: 'Customers' },
  change: 'new',
  resource: customerResource,
  label: 'New Customer',
  description: 'Triggers when a customer with a phone number is created.',
});

export const updatedCustomer = searchTrigger({
  key: 'updated_customer',
  make: { id: 'watchUpdatedCustomers', label: 'Watch Updated Customers', group: 'Customers' },
  change: 'updated',
  resource: customerResource,
  label: 'Updated Customer',
  description: 'Triggers when a customer with a phone number is changed after it was created.',
  sample: { ...customerResource.sample, updated: '2026-02-15T07:12:40Z', updated_by: 'MOSHE' },
});
