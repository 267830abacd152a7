import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { callGloop } from '../http/client';
import { activeChoices, choiceOutputFields, type Choice } from './choices';
import { LISTS, type GloopList, type ListKey } from './lists';
import { pagedDropdown } from './paged';

/** A hidden trigger behind a dropdown of a list Gloop serves all at once. */
function wholeListDropdown(list: GloopList) {
  return defineTrigger({
    key: list.key,
    noun: list.noun,
    display: { label: `${list.noun} List`, description: `Triggers when a ${list.noun.toLowerCase()} dropdown opens, listing the selectable entries.`, hidden: true },
    operation: {
      type: 'polling',
      perform: async (z: ZObject, bundle: Bundle) => activeChoices(await callGloop(z, bundle, { method: 'GET', path: list.path }), list.entryLabel?.of),
      sample: { ...list.sample },
      outputFields: choiceOutputFields,
    },
  });
}

/**
 * Gloop's API has no list of leads or customers. These dropdowns stay empty so that the search
 * beside them gets the editor's "Add a search step" button, which needs a dropdown too.
 */
function unlistableDropdown(key: string, noun: string, sample: Choice) {
  return defineTrigger({
    key,
    noun,
    display: {
      label: `${noun} List`,
      description: `Triggers when a ${noun.toLowerCase()} dropdown opens; it stays empty, as a ${noun.toLowerCase()} is found with a search step.`,
      hidden: true,
    },
    operation: {
      type: 'polling',
      perform: async (): Promise<Choice[]> => [],
      sample: { ...sample },
      outputFields: choiceOutputFields,
    },
  });
}

/** Every dropdown's hidden trigger, by its key. */
export const dropdowns = Object.fromEntries(
  [
    ...LISTS.map((list) => (list.paged ? pagedDropdown(list) : wholeListDropdown(list))),
    unlistableDropdown('lead_list', 'Lead', { id: '271917813959131540676117904886673869329', name: 'ישראל ישראלי' }),
    unlistableDropdown('customer_list', 'Customer', { id: '318470115526385338148997581651340149330', name: 'רון לוי' }),
  ].map((trigger) => [trigger.key, trigger]),
) as Record<ListKey | 'lead_list' | 'customer_list', ReturnType<typeof unlistableDropdown>>;
