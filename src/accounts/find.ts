import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { bodyFrom } from '../fields/values';
import { criteriaFields, criteriaFrom, findOrCreate, resultOutputFields, resultSample, searchGloop } from '../search/leads-and-accounts';

const findCustomerFields = criteriaFields('customer');
const findCustomerOutputFields = resultOutputFields('Customer');

export const findCustomer = defineSearch({
  key: 'find_customer',
  noun: 'Customer',
  display: {
    label: 'Find Customer',
    description: 'Finds a customer by phone, email, name, company or ID number, newest first.',
  },
  operation: {
    inputFields: findCustomerFields,
    perform: async (z: ZObject, bundle: Bundle) =>
      searchGloop(z, bundle, 'ACCOUNTS', criteriaFrom(z, bodyFrom(z, findCustomerFields, bundle)), findCustomerOutputFields),
    sample: { id: '318470115526385338148997581651340149330', object_type: 'ACCOUNTS', ...resultSample, name: 'רון לוי', phone: '0541112233' },
    outputFields: findCustomerOutputFields,
  },
});

export const findOrCreateCustomer = findOrCreate(findCustomer, 'create_account');
