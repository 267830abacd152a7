import { newIdOf, verdictOf as readVerdict, type VerdictWords } from '../records/operation';
import { defineWriteAction } from '../records/write-action';
import { leadCreate, leadSample } from './create';
import { duplicateCheckFieldGroups, duplicateCheckFields } from './fields';

export const VERDICTS = ['new', 'duplicate', 'returning_lead', 'returning_customer', 'unknown'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Gloop states its verdict only in Hebrew words; these are the words of its four outcomes, looked for in this order. */
const VERDICT_WORDS = [
  ['כפול', 'duplicate'],
  ['לקוח חוזר', 'returning_customer'],
  ['לקוח קיים', 'returning_customer'],
  ['ליד חוזר', 'returning_lead'],
  ['נוצר', 'new'],
] as const satisfies VerdictWords;

/** The outcomes that mean Gloop already knew the person. */
const KNOWN: readonly Verdict[] = ['duplicate', 'returning_lead', 'returning_customer'];

export function verdictOf(message: string): Verdict {
  return readVerdict(message, VERDICT_WORDS) as Verdict;
}

export const createLeadWithDuplicateCheck = defineWriteAction({
  ...leadCreate,
  key: 'create_lead_with_duplicate_check',
  label: 'Create Lead (Duplicate Check)',
  description: 'Creates a lead after matching its phone and email against existing leads and customers.',
  make: { id: 'createLeadWithDuplicateCheck', label: 'Create a Lead with Duplicate Check', group: 'Leads', crud: 'create' },
  path: '/v2/leads/intelligent',
  fields: duplicateCheckFields,
  fieldGroups: duplicateCheckFieldGroups,
  // A lead confirmed by search has no verdict: Gloop's answer, which held it, was lost.
  answered: [
    newIdOf('Lead'),
    { key: 'message', label: 'Gloop Verdict Message', read: { from: 'message', as: 'text' } },
    { key: 'verdict', label: 'Verdict (new, duplicate, returning_lead, returning_customer or unknown)', read: { from: 'message', as: 'verdict', words: VERDICT_WORDS } },
    { key: 'is_known', label: 'Already Known to Gloop', type: 'boolean', read: { from: 'message', as: 'known', words: VERDICT_WORDS, known: KNOWN } },
  ],
  sample: { ...leadSample, message: 'הפעולה הושלמה - הליד כפול וכבר עובר כרגע תהליך מכירה.', verdict: 'duplicate', is_known: true },
});
