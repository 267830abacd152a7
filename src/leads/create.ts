import { defineCreate, type Bundle, type InferInputData, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { createInGloop } from '../http/client';
import { idFrom } from '../http/json';
import { CONFIRMED_BY_SEARCH, LEFT_OUT, outputFieldsFrom, readInput, requireValues, withEveryKey, withGloopNames, type ReadInput } from '../fields/values';
import { confirmationOf } from '../search/leads-and-accounts';
import { leadFieldGroups, leadFields } from './fields';

export type LeadInput = InferInputData<typeof leadFields>;

/** Gloop's own rules for a lead: a name in `name` and `f_name`, and a phone. */
export function leadBody(z: ZObject, fields: readonly PlainInputField[], bundle: Bundle<any>): ReadInput {
  const input = readInput(z, fields, bundle, ['phone']);
  const body = withGloopNames(z, fields, input, 'lead');
  requireValues(z, fields, body, ['phone']);
  return { body, leftOut: input.leftOut };
}

export const leadSample = {
  id: '271917813959131540676117904886673869329',
  name: 'ישראל ישראלי',
  f_name: 'ישראל',
  l_name: 'ישראלי',
  phone: '0501234567',
  email: 'israel@example.co.il',
  utm_source: 'Facebook',
  utm_campaign: "Valentine's Day",
  confirmed_by_search: false,
  left_out: '',
};

const createLeadOutputFields = outputFieldsFrom(leadFields, [
  { key: 'id', label: 'Lead ID' },
  { key: 'lead_status', label: 'Lead Status ID' },
  { key: 'message', label: 'Gloop Message' },
  CONFIRMED_BY_SEARCH,
  LEFT_OUT,
]);

export const createLead = defineCreate({
  key: 'create_lead',
  noun: 'Lead',
  display: {
    label: 'Create Lead',
    description: 'Creates a new lead, assigned to the salesperson and status you choose.',
  },
  operation: {
    inputFieldGroups: leadFieldGroups,
    inputFields: leadFields,
    perform: async (z: ZObject, bundle: Bundle<LeadInput>) => {
      const { body, leftOut } = leadBody(z, leadFields, bundle);
      const created = await createInGloop(z, bundle, '/v2/leads/create', body, 'lead', confirmationOf(z, bundle, 'LEADS', body));
      return withEveryKey(createLeadOutputFields, {
        ...body,
        id: created.id,
        lead_status: idFrom(created.answer.lead_status) ?? body.lead_status ?? '',
        message: created.message,
        confirmed_by_search: created.confirmedBySearch,
        left_out: leftOut.join('; '),
      });
    },
    sample: { ...leadSample, lead_status: '233069071553535427697228277840563827497', message: 'הליד נוצר בהצלחה' },
    outputFields: createLeadOutputFields,
  },
});
