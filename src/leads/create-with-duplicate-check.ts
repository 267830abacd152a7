import { defineWriteAction } from '../records/write-action';
import { leadCreate, leadSample } from './create';
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

export const createLeadWithDuplicateCheck = defineWriteAction({
  ...leadCreate,
  key: 'create_lead_with_duplicate_check',
  label: 'Create Lead (Duplicate Check)',
  description: 'Creates a lead after matching its phone and email against existing leads and customers.',
  path: '/v2/leads/intelligent',
  fields: duplicateCheckFields,
  fieldGroups: duplicateCheckFieldGroups,
  answered: [
    { key: 'id', label: 'Lead ID' },
    { key: 'message', label: 'Gloop Verdict Message' },
    { key: 'verdict', label: 'Verdict (new, duplicate, returning_lead, returning_customer or unknown)' },
    { key: 'is_known', label: 'Already Known to Gloop', type: 'boolean' },
  ],
  report: (written) => {
    // A lead confirmed by search has no verdict: Gloop's answer, which held it, was lost.
    const verdict = verdictOf(written.message);
    return { id: written.proof, message: written.message, verdict, is_known: verdict !== 'new' && verdict !== 'unknown' };
  },
  sample: { ...leadSample, message: 'הפעולה הושלמה - הליד כפול וכבר עובר כרגע תהליך מכירה.', verdict: 'duplicate', is_known: true },
});
