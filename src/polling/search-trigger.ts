import type { Bundle, ZObject } from 'zapier-platform-core';
import type { OutputField } from '../fields/values';
import type { GloopRecord } from '../records/resource';
import { searchRecords, type PersonResource, type SearchOrder } from '../search/leads-and-accounts';
import { DEDUPE_SIZE, momentOf, newestFirst, orderStampOf, pollingTrigger, pollSize, STAMP_RESOLUTION_MS, type Change, type PollingTrigger, type SearchPlan } from './poll';

/**
 * Gloop's search finds nothing without a criterion and matches a phone from its start, so one
 * search per first character a stored phone can have sees every record that has a phone: Gloop
 * stores +972 numbers as 05…/0…, and keeps foreign ones with their +.
 */
export const PHONE_STARTS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+'] as const;

/** A record's `updated` may trail its `created` by a moment when it is made: within one stamp of it is the same moment. */
export const SAME_MOMENT_MS = STAMP_RESOLUTION_MS;

/** Of a record Gloop's search lists, whether it was changed after it was created. */
export function changedSinceCreated(record: Record<string, unknown>): boolean {
  return momentOf(record, 'updated') - momentOf(record, 'created') >= SAME_MOMENT_MS;
}

/**
 * The newest records of one kind, by `created` or by `updated`: each search answers its own newest
 * `size`, so the newest `size` of all of them are among what the searches return together. Gloop
 * orders a record never edited by `updated` too, so an Updated poll asks for more, lest a burst of
 * new records hide the edits among them.
 */
export async function newestPeople(z: ZObject, bundle: Bundle, resource: PersonResource, plan: SearchPlan): Promise<GloopRecord[]> {
  const size = pollSize(bundle.meta);
  const order = searchOrderOf(plan, size);
  const answers = await Promise.all(PHONE_STARTS.map((start) => searchRecords(z, bundle, resource, { phone: start }, order)));
  const records = answers.flatMap(({ results }) => results);
  return newestFirst(plan.change === 'new' ? records : records.filter(changedSinceCreated), order.by, size);
}

/** What each of a poll's searches asks for, when the poll returns `size` records. */
export function searchOrderOf(plan: SearchPlan, size: number): SearchOrder {
  return { by: orderStampOf(plan), limit: plan.change === 'new' ? size : Math.max(size, DEDUPE_SIZE) };
}

/** An "Updated" trigger's results are told apart by the record and the moment it changed: each change fires once. */
function outputsFor(resource: PersonResource, change: Change): OutputField[] {
  if (change === 'new') return resource.outputFields;
  return resource.outputFields.map((field) => (field.key === 'id' || field.key === 'updated' ? { ...field, primary: true } : field));
}

/** A visible polling trigger on Gloop's search of leads or customers. */
export function searchTrigger<const Key extends string>({ change, resource, ...trigger }: Omit<PollingTrigger<Key>, 'perform' | 'outputFields' | 'resource' | 'plan'> & { change: Change; resource: PersonResource }) {
  const plan = { reads: 'search', objectType: resource.objectType, change } as const;
  return pollingTrigger({ ...trigger, resource, plan, perform: (z, bundle) => newestPeople(z, bundle, resource, plan), outputFields: outputsFor(resource, change) });
}
