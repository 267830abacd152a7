import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { bodyFrom } from '../fields/values';
import { describeOperation } from '../records/operation';
import { criteriaFields, criteriaFrom, findOrCreate, NEWEST_FIRST, SEARCH_PATH, searchGloop } from '../search/leads-and-accounts';
import { customerResource } from './resource';

const findCustomerFields = criteriaFields('customer');

export const findCustomer = defineSearch({
  key: describeOperation('find_customer', {
    make: { id: 'searchCustomers', label: 'Search Customers', group: 'Customers' },
    method: 'POST',
    path: SEARCH_PATH,
    constants: NEWEST_FIRST,
    body: 'search',
    lookIn: { kind: customerResource.objectType },
    answered: customerResource.outputFields,
  }),
  noun: 'Customer',
  display: {
    label: 'Find Customer',
    description: 'Finds a customer by phone, email, name, company or ID number, newest first.',
  },
  operation: {
    inputFields: findCustomerFields,
    perform: async (z: ZObject, bundle: Bundle) => searchGloop(z, bundle, customerResource, criteriaFrom(z, bodyFrom(z, findCustomerFields, bundle))),
    sample: customerResource.sample,
    outputFields: customerResource.outputFields,
  },
});

export const findOrCreateCustomer = findOrCreate(findCustomer, 'create_account');
