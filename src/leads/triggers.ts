import { searchTrigger } from '../polling/search-trigger';
import { leadResource } from './resource';

export const newLead = searchTrigger({
  key: 'new_lead',
  make: { id: 'watchNewLeads', label: 'Watch New Leads', group: 'Leads' },
  change: 'new',
  resource: leadResource,
  label: 'New Lead',
  description: 'Triggers when a lead is created, from any source.',
});

export const updatedLead = searchTrigger({
  key: 'updated_lead',
  make: { id: 'watchUpdatedLeads', label: 'Watch Updated Leads', group: 'Leads' },
  change: 'updated',
  resource: leadResource,
  label: 'Updated Lead',
  description: 'Triggers when a lead is changed after it was created.',
  sample: { ...leadResource.sample, updated: '2026-02-15T07:12:40Z', updated_by: 'MOSHE' },
});
