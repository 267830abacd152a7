import { defineCreate, type Bundle, type InferInputData, type ZObject } from 'zapier-platform-core';
import { callGloop, idFrom } from '../http/client';
import { invalidAnswer } from '../http/failures';
import { bodyFrom, inFieldOrder, invalidInput, outputFieldsFrom, phoneOf, type RequestBody } from '../fields/values';
import { leadFieldGroups, leadFields } from './fields';

type LeadInput = InferInputData<typeof leadFields>;

/** Gloop's own rules for a lead: a name in `name` and `f_name`, a phone of digits. */
export function leadBody(z: ZObject, fields: typeof leadFields | readonly (typeof leadFields)[number][], inputData: Partial<LeadInput>): RequestBody {
  const body = bodyFrom(z, fields, inputData);
  const fullName = body.name || [body.f_name, body.l_name].filter(Boolean).join(' ');
  if (typeof fullName !== 'string' || fullName === '') {
    throw invalidInput(z, 'The lead needs a name: map "Full Name" or "First Name"');
  }
  if (typeof body.phone !== 'string') throw invalidInput(z, 'Gloop needs a phone number for every lead: map "Phone"');
  const phone = phoneOf(z, fields.find((field) => field.key === 'phone') ?? { key: 'phone' }, body.phone);
  return inFieldOrder(fields, { ...body, name: fullName, f_name: body.f_name || fullName, phone });
}

const answeredFields = [
  { key: 'id', label: 'Lead ID' },
  { key: 'lead_status', label: 'Lead Status ID' },
  { key: 'message', label: 'Gloop Message' },
];

export const createLead = defineCreate({
  key: 'create_lead',
  noun: 'Lead',
  display: {
    label: 'Create Lead',
    description: 'Creates a new lead in Gloop CRM, assigned to a salesperson and a status of your choice.',
  },
  operation: {
    inputFieldGroups: leadFieldGroups,
    inputFields: leadFields,
    perform: async (z: ZObject, bundle: Bundle<LeadInput>) => {
      const body = leadBody(z, leadFields, bundle.inputData);
      const answer = await callGloop(z, bundle, { method: 'POST', path: '/v2/leads/create', body });
      const id = idFrom(answer.id);
      if (id === undefined) throw invalidAnswer(z, 'the new lead\'s id');
      return { ...body, id, lead_status: idFrom(answer.lead_status) ?? body.lead_status ?? '', message: String(answer.message ?? '') };
    },
    sample: {
      id: '271917813959131540676117904886673869329',
      lead_status: '233069071553535427697228277840563827497',
      message: 'הליד נוצר בהצלחה',
      name: 'ישראל ישראלי',
      f_name: 'ישראל',
      l_name: 'ישראלי',
      phone: '0501234567',
      email: 'israel@example.co.il',
      utm_source: 'Facebook',
      utm_campaign: "Valentine's Day",
    },
    outputFields: outputFieldsFrom(leadFields, answeredFields),
  },
});
