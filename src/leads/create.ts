import { idAndMessage } from '../records/operation';
import { defineWriteAction } from '../records/write-action';
import { confirmationOf, lookForPerson } from '../search/leads-and-accounts';
import { leadResource } from './resource';
import { leadFieldGroups, leadFields } from './fields';

export const leadSample = {
  id: '271917813959131540676117904886673869329',
  name: 'ישראל ישראלי',
  f_name: 'ישראל',
  l_name: 'ישראלי',
  phone: '0501234567',
  email: 'israel@example.co.il',
  utm_source: 'Facebook',
  utm_campaign: "Valentine's Day",
};

/** What Create Lead and the duplicate check share: Gloop's rules for a lead, and how a lost one is found. */
export const leadCreate = {
  noun: 'Lead',
  personNamed: 'lead',
  confirm: (z, bundle, body) => confirmationOf(z, bundle, leadResource, body),
  lookFor: lookForPerson,
} as const satisfies Partial<Parameters<typeof defineWriteAction>[0]>;

export const createLead = defineWriteAction({
  ...leadCreate,
  key: 'create_lead',
  label: 'Create Lead',
  description: 'Creates a new lead, assigned to the salesperson and status you choose.',
  make: { id: 'createLead', label: 'Create a Lead', group: 'Leads', crud: 'create' },
  path: '/v2/leads/create',
  fields: leadFields,
  fieldGroups: leadFieldGroups,
  // The status Gloop saved, or the one sent (blank when Gloop picked its default and did not say).
  answered: idAndMessage('Lead', { key: 'lead_status', label: 'Lead Status ID', read: { from: 'lead_status', as: 'id', otherwise: 'lead_status' } }),
  sample: { ...leadSample, lead_status: '233069071553535427697228277840563827497', message: 'הליד נוצר בהצלחה' },
});
