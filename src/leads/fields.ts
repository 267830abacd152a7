import { defineInputFields } from 'zapier-platform-core';
import { customSlotFields, nameFields, subscriberField } from '../fields/shared';
import { kind } from '../fields/values';

export const leadFieldGroups = [
  { key: 'person', label: 'Who the Lead Is' },
  { key: 'assignment', label: 'Assignment' },
  { key: 'attribution', label: 'Marketing Attribution' },
  { key: 'custom', label: 'Custom Fields' },
];

/** Every attribute of a Gloop lead, once: input fields, request body and output fields come from here. */
export const leadFields = defineInputFields([
  {
    key: 'phone',
    label: 'Phone',
    required: true,
    group: 'person',
    meta: kind('phone'),
    helpText: 'e.g. `050-123-4567` or `+972 50 123 4567`. Spaces, dashes, dots and brackets are removed; Gloop handles the +972 prefix itself.',
  },
  ...nameFields('lead', ', e.g. "Dana Levi"'),
  { key: 'email', label: 'Email', group: 'person', helpText: 'e.g. `dana@example.com`. Gloop matches it when it checks for duplicates.' },
  { key: 'company', label: 'Company', group: 'person', helpText: 'The company the lead works for.' },
  {
    key: 'text',
    label: 'Note',
    type: 'text',
    group: 'person',
    helpText: 'Free text shown on the lead in Gloop, such as the message from your contact form. Sent as written.',
  },
  {
    key: 'owner',
    label: 'Owner',
    dynamic: 'user_list.id.name',
    group: 'assignment',
    helpText: 'The salesperson the lead is assigned to. Users who left the company are not listed.',
  },
  {
    key: 'lead_status',
    label: 'Lead Status',
    dynamic: 'lead_status_list.id.name',
    group: 'assignment',
    helpText: 'The status the lead starts in. Left blank, Gloop applies its default status.',
  },
  { key: 'utm_source', label: 'UTM Source', group: 'attribution', helpText: 'Where the lead came from, e.g. "Facebook".' },
  { key: 'utm_medium', label: 'UTM Medium', group: 'attribution', helpText: 'The marketing medium, e.g. "cpc" or "email".' },
  { key: 'utm_campaign', label: 'UTM Campaign', group: 'attribution', helpText: 'The campaign, e.g. "Valentine\'s Day".' },
  { key: 'utm_term', label: 'UTM Term', group: 'attribution', helpText: 'The paid search keyword.' },
  { key: 'utm_content', label: 'UTM Content', group: 'attribution', helpText: 'Which ad or link was clicked.' },
  ...customSlotFields('lead', ', e.g. the answer to "What time should we call you?"'),
  subscriberField('lead'),
]);

const DUPLICATE_CHECK_KEYS: readonly string[] = ['name', 'f_name', 'l_name', 'phone', 'email', 'text', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];

/** The smaller set Gloop's duplicate check takes: no owner, status, company, subscription or custom fields. */
export const duplicateCheckFields = leadFields.filter((field) => DUPLICATE_CHECK_KEYS.includes(field.key));
export const duplicateCheckFieldGroups = leadFieldGroups.filter((group) => duplicateCheckFields.some((field) => field.group === group.key));
