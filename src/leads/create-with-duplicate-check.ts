import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { createInGloop } from '../http/client';
import { CONFIRMED_BY_SEARCH, LEFT_OUT, outputFieldsFrom, withEveryKey } from '../fields/values';
import { confirmationOf } from '../search/leads-and-accounts';
import { leadBody, leadSample, type LeadInput } from './create';
import { duplicateCheckFieldGroups, duplicateCheckFields } from './fields';

export const VERDICTS = ['new', 'duplicate', 'returning_lead', 'returning_customer', 'unknown'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Gloop states its verdict only in Hebrew words; these are the words of its four outcomes. */
export function verdictOf(message: string): Verdict {
  if (message.includes('כפול')) return 'duplicate';
  if (message.includes('לקוח חוזר') || message.includes('לקוח קיים')) return 'returning_customer';
  if (message.includes('ליד חוזר')) return 'returning_lead';
  if (message.includes('נוצר')) return 'new';
  return 'unknown';
}

const duplicateCheckOutputFields = outputFieldsFrom(duplicateCheckFields, [
  { key: 'id', label: 'Lead ID' },
  { key: 'message', label: 'Gloop Verdict Message' },
  { key: 'verdict', label: 'Verdict (new, duplicate, returning_lead, returning_customer or unknown)' },
  { key: 'is_known', label: 'Already Known to Gloop', type: 'boolean' },
  CONFIRMED_BY_SEARCH,
  LEFT_OUT,
]);

export const createLeadWithDuplicateCheck = defineCreate({
  key: 'create_lead_with_duplicate_check',
  noun: 'Lead',
  display: {
    label: 'Create Lead (Duplicate Check)',
    description: 'Creates a lead after matching its phone and email against existing leads and customers.',
  },
  operation: {
    inputFieldGroups: duplicateCheckFieldGroups,
    inputFields: duplicateCheckFields,
    perform: async (z: ZObject, bundle: Bundle<Partial<LeadInput>>) => {
      const { body, leftOut } = leadBody(z, duplicateCheckFields, bundle);
      const created = await createInGloop(z, bundle, '/v2/leads/intelligent', body, 'lead', confirmationOf(z, bundle, 'LEADS', body));
      // A lead confirmed by search has no verdict: Gloop's answer, which held it, was lost.
      const verdict = verdictOf(created.message);
      return withEveryKey(duplicateCheckOutputFields, {
        ...body,
        id: created.id,
        message: created.message,
        verdict,
        is_known: verdict !== 'new' && verdict !== 'unknown',
        confirmed_by_search: created.confirmedBySearch,
        left_out: leftOut.join('; '),
      });
    },
    sample: { ...leadSample, message: 'הפעולה הושלמה - הליד כפול וכבר עובר כרגע תהליך מכירה.', verdict: 'duplicate', is_known: true },
    outputFields: duplicateCheckOutputFields,
  },
});
