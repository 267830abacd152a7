import { defineInputFields, defineSearch, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { customerResource } from '../accounts/resource';
import { bodyFrom, invalidInput, quoted } from '../fields/values';
import { secretsOf } from '../http/client';
import { describeOperation } from '../records/operation';
import { criteriaFields, criteriaFrom, findOrCreate, NEWEST_FIRST, SEARCH_PATH, searchGloop } from '../search/leads-and-accounts';
import { leadResource } from './resource';

export const findLeadFields = defineInputFields([
  ...criteriaFields('lead'),
  {
    key: 'object_type',
    label: 'Look In',
    choices: [
      { value: 'LEADS', label: 'Leads only', sample: 'LEADS' },
      { value: 'BOTH', label: 'Leads, then customers when no lead matches', sample: 'BOTH' },
    ],
    default: 'LEADS',
    helpText:
      'Every criterion you fill must match; the newest match comes first. With "Leads, then customers", someone who is already a customer is returned as one (**Found In** says ACCOUNTS), so Find or Create Lead adds no lead for them and your Zap can branch.',
  },
]);

type FindLeadInput = InferInputData<typeof findLeadFields>;

export const findLead = defineSearch({
  key: describeOperation('find_lead', {
    make: { id: 'searchLeads', label: 'Search Leads', group: 'Leads' },
    method: 'POST',
    path: SEARCH_PATH,
    constants: NEWEST_FIRST,
    body: 'search',
    lookIn: { kind: leadResource.objectType, choice: { key: 'object_type', both: 'BOTH' } },
    answered: leadResource.outputFields,
  }),
  noun: 'Lead',
  display: {
    label: 'Find Lead',
    description: 'Finds a lead by phone, email, name, company or ID number, newest first.',
  },
  operation: {
    inputFields: findLeadFields,
    perform: async (z: ZObject, bundle: Bundle<FindLeadInput>) => {
      const input = bodyFrom(z, findLeadFields, bundle);
      const criteria = criteriaFrom(z, input);
      const lookIn = typeof input.object_type === 'string' ? input.object_type.trim() : 'LEADS';
      if (lookIn !== 'LEADS' && lookIn !== 'BOTH') throw invalidInput(z, `"Look In" must be "Leads only" or "Leads, then customers", not ${quoted(lookIn, secretsOf(bundle.authData))}`);
      const leads = await searchGloop(z, bundle, leadResource, criteria);
      return leads.length > 0 || lookIn === 'LEADS' ? leads : searchGloop(z, bundle, customerResource, criteria);
    },
    sample: leadResource.sample,
    outputFields: leadResource.outputFields,
  },
});

export const findOrCreateLead = findOrCreate(findLead, 'create_lead');
