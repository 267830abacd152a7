import { defineInputFields, defineSearch, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { callGloop, idFrom } from '../http/client';
import { isRecord } from '../http/failures';
import { bodyFrom, invalidInput } from '../fields/values';

const CRITERIA = ['phone', 'email', 'name', 'company', 'passport'] as const;

export const findLeadFields = defineInputFields([
  { key: 'phone', label: 'Phone', helpText: 'Find by phone number; spaces, dashes and +972 are handled.' },
  { key: 'email', label: 'Email', helpText: 'Find by email address.' },
  { key: 'name', label: 'Name', helpText: 'Find by name (שם); part of the name is enough.' },
  { key: 'company', label: 'Company', helpText: 'Find by company name (חברה).' },
  { key: 'passport', label: 'ID Number', helpText: 'Find by Israeli ID number or company number (ת.ז. / ח.פ.).' },
  {
    key: 'object_type',
    label: 'Look In',
    choices: [
      { value: 'BOTH', label: 'Leads and customers', sample: 'BOTH' },
      { value: 'LEADS', label: 'Leads only', sample: 'LEADS' },
      { value: 'ACCOUNTS', label: 'Customers only', sample: 'ACCOUNTS' },
    ],
    default: 'BOTH',
    helpText: 'Gloop searches leads and customers (accounts). Every criterion you fill must match; the newest match comes first.',
  },
]);

type FindInput = InferInputData<typeof findLeadFields>;

const SEARCH_LIMIT = 10;

const resultFields = ['id', 'object_type', 'name', 'phone', 'email', 'company', 'passport', 'utm_source', 'utm_campaign', 'created', 'updated', 'created_by', 'updated_by'];

export const findLead = defineSearch({
  key: 'find_lead',
  noun: 'Lead',
  display: {
    label: 'Find Lead or Customer',
    description: 'Finds a lead or customer in Gloop by phone, email, name, company or ID number, newest first.',
  },
  operation: {
    inputFields: findLeadFields,
    perform: async (z: ZObject, bundle: Bundle<FindInput>) => {
      const criteria = bodyFrom(z, findLeadFields, bundle.inputData);
      if (!CRITERIA.some((key) => criteria[key] !== undefined)) {
        throw invalidInput(z, 'Fill at least one of Phone, Email, Name, Company or ID Number: Gloop finds nothing for an empty search');
      }
      const objectType = criteria.object_type === 'LEADS' || criteria.object_type === 'ACCOUNTS' ? criteria.object_type : null;
      const answer = await callGloop(z, bundle, {
        method: 'POST',
        path: '/v2/search/leadsAndAccounts',
        body: { ...criteria, object_type: objectType, order_by: 'created', order: 'desc', limit: SEARCH_LIMIT },
      });
      const results = Array.isArray(answer.results) ? answer.results : [];
      return results.flatMap((result) => {
        const id = isRecord(result) ? idFrom(result.id) : undefined;
        if (!isRecord(result) || id === undefined) return [];
        return [{ ...Object.fromEntries(resultFields.map((key) => [key, result[key] ?? null])), id }];
      });
    },
    sample: {
      id: '271917813959131540676117904886673869329',
      object_type: 'LEADS',
      name: 'ישראל ישראלי',
      phone: '0501234567',
      email: 'israel@example.co.il',
      company: null,
      passport: null,
      utm_source: 'Facebook',
      utm_campaign: "Valentine's Day",
      created: '2026-02-14T09:30:00Z',
      updated: '2026-02-14T09:30:00Z',
      created_by: 'API',
      updated_by: 'API',
    },
    outputFields: [
      { key: 'id', label: 'Lead or Customer ID' },
      { key: 'object_type', label: 'Found In (LEADS or ACCOUNTS)' },
      { key: 'name', label: 'Name' },
      { key: 'phone', label: 'Phone' },
      { key: 'email', label: 'Email' },
      { key: 'company', label: 'Company' },
      { key: 'passport', label: 'ID Number' },
      { key: 'utm_source', label: 'UTM Source' },
      { key: 'utm_campaign', label: 'UTM Campaign' },
      { key: 'created', label: 'Created', type: 'datetime' },
      { key: 'updated', label: 'Updated', type: 'datetime' },
      { key: 'created_by', label: 'Created By' },
      { key: 'updated_by', label: 'Updated By' },
    ],
  },
});

/** Find or Create Lead: a Zap looks the person up before it creates, the remedy for retries and replays. */
export const findOrCreateLead = {
  key: findLead.key,
  display: { label: 'Find or Create Lead', description: 'Finds a lead or customer by phone or email, and creates a lead when there is none.' },
  search: findLead.key,
  create: 'create_lead',
};
