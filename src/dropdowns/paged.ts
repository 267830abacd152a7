import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { callGloop } from '../http/client';
import { activeChoices, choiceOutputFields, type Choice, type ChoiceLabel } from './choices';
import type { GloopList } from './lists';

/** Gloop's largest page; one request usually fills one dropdown page. */
export const PAGE_SIZE = 100;
const END = 'end';

/**
 * One dropdown page = the next Gloop page with an active entry in it. The cursor keeps the
 * offset where the previous page stopped, so "load more" reaches every active entry once,
 * however many inactive ones lie in between.
 */
async function nextPage(z: ZObject, bundle: Bundle, path: `/${string}`, labelOf?: ChoiceLabel): Promise<Choice[]> {
  let offset = bundle.meta?.page ? await z.cursor.get() : '0';
  if (offset === null || offset === END) return [];
  for (;;) {
    const answer = await callGloop(z, bundle, { method: 'GET', path, params: { offset, limit: String(PAGE_SIZE) } });
    const received = Array.isArray(answer.items) ? answer.items.length : 0;
    const next = answer.hasMore === true && received > 0 ? String(Number(offset) + received) : END;
    const choices = activeChoices(answer, labelOf);
    if (choices.length > 0 || next === END) {
      await z.cursor.set(next);
      return choices;
    }
    offset = next;
  }
}

/** A hidden trigger behind a dropdown of a paged Gloop list (ORDS offset/limit/hasMore). */
export function pagedDropdown(list: GloopList) {
  return defineTrigger({
    key: list.key,
    noun: list.noun,
    display: { label: `${list.noun} List`, description: `Triggers when a ${list.noun.toLowerCase()} dropdown opens, listing the active entries.`, hidden: true },
    operation: {
      type: 'polling',
      canPaginate: true,
      perform: (z: ZObject, bundle: Bundle) => nextPage(z, bundle, list.path, list.entryLabel?.of),
      sample: { ...list.sample },
      outputFields: choiceOutputFields,
    },
  });
}
