import { isRecord } from '../http/failures';
import { idFrom } from '../http/json';

export interface Choice {
  id: string;
  name: string;
}

/** What a dropdown shows for an entry, by default its name. */
export type ChoiceLabel = (item: Record<string, unknown>) => string | undefined;
const byName: ChoiceLabel = (item) => (typeof item.name === 'string' && item.name !== '' ? item.name : undefined);

/** The selectable entries of a Gloop list: ids kept as strings, hidden (`is_active` or `is_active_yn` "N") ones left out. */
export function activeChoices(answer: Record<string, unknown>, labelOf: ChoiceLabel = byName): Choice[] {
  const items = Array.isArray(answer.items) ? answer.items : [];
  return items.flatMap((item) => {
    if (!isRecord(item) || item.is_active === 'N' || item.is_active_yn === 'N') return [];
    const id = idFrom(item.id);
    return id === undefined ? [] : [{ id, name: labelOf(item) ?? id }];
  });
}

export const choiceOutputFields = [
  { key: 'id', label: 'ID' },
  { key: 'name', label: 'Name' },
];
