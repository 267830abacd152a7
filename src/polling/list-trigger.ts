import type { Bundle, ZObject } from 'zapier-platform-core';
import { callGloop, stepDeadline } from '../http/client';
import { invalidAnswer, isRecord } from '../http/failures';
import type { GloopRecord, Resource } from '../records/resource';
import { newestFirst, pollingTrigger, pollSize, orderStampOf, type PollingTrigger, type PollPlan } from './poll';

export const LIST_PAGE_SIZE = 100;
/** Gloop lists in no documented order, so a poll reads the whole list, a page after another: this many at most, well within a poll's 30 s at Gloop's usual pace. */
export const LIST_PAGES = 50;
/** A page is asked for only while this much of the poll's time is left, or half again the slowest page so far. */
const PAGE_TIME_MS = 5_000;

/** Every record of a paged Gloop list (ORDS offset/limit/hasMore), paged by what each page held. */
export async function everyRecord(z: ZObject, bundle: Bundle, resource: Resource, path: `/${string}`): Promise<GloopRecord[]> {
  const records: GloopRecord[] = [];
  let slowestMs = 0;
  for (let page = 0, offset = 0; ; page += 1) {
    const outOfTime = Date.now() > stepDeadline(bundle) - Math.max(PAGE_TIME_MS, 1.5 * slowestMs);
    if (page === LIST_PAGES || outOfTime) {
      const read = `${records.length.toLocaleString('en-US')} read in ${page} page${page === 1 ? '' : 's'}${outOfTime ? ' before the poll ran out of time' : ''}, more to come`;
      throw new z.errors.Error(
        `Gloop's list of ${resource.noun.toLowerCase()}s is longer than one poll can read (${read}), and Gloop lists them in no order that would let a poll read only the newest; this trigger cannot watch this account.`,
        'TooManyToPoll',
        400,
      );
    }
    const asked = Date.now();
    const { items, hasMore } = await callGloop(z, bundle, { method: 'GET', path, params: { offset: String(offset), limit: String(LIST_PAGE_SIZE) } });
    slowestMs = Math.max(slowestMs, Date.now() - asked);
    if (!Array.isArray(items)) throw invalidAnswer(z, 'its list of items');
    // An empty page that says more follow leaves the rest of the list out of reach.
    if (items.length === 0 && hasMore === true) throw invalidAnswer(z, 'the rest of its list (an empty page said more follow)');
    for (const item of items) {
      const record = isRecord(item) ? resource.recordOf(item) : undefined;
      if (record) records.push(record);
    }
    offset += items.length;
    if (!listGoesOn(hasMore, items.length)) return records;
  }
}

/** A visible polling trigger on a Gloop list that holds every record of its kind: its newest by `created`. */
export function listTrigger<const Key extends string>({ path, ...trigger }: Omit<PollingTrigger<Key>, 'perform' | 'plan'> & { path: `/${string}` }) {
  const plan: PollPlan = { reads: 'list', path };
  return pollingTrigger({
    ...trigger,
    plan,
    perform: async (z, bundle) => newestFirst(await everyRecord(z, bundle, trigger.resource, path), orderStampOf(plan), pollSize(bundle.meta)),
  });
}

/** Whether a list goes on after a page: it says so, or says nothing and the page was as long as asked. */
export function listGoesOn(hasMore: unknown, items: number): boolean {
  return hasMore === true || (hasMore !== false && items >= LIST_PAGE_SIZE);
}
