import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import type { OutputField } from '../fields/values';
import type { MakeModule } from '../records/operation';
import type { GloopRecord, Resource } from '../records/resource';
import type { ObjectType } from '../search/leads-and-accounts';

/**
 * How many records a poll returns: Zapier processes up to 100 new items a poll; the editor's
 * sample wants a few, fast; turning a Zap on records what exists, so that none of it fires later.
 */
export const POLL_SIZE = 100;
export const SAMPLE_SIZE = 3;
export const DEDUPE_SIZE = 500;

export function pollSize(meta: Partial<Bundle['meta']> | undefined): number {
  const size = meta?.isLoadingSample ? SAMPLE_SIZE : meta?.isPopulatingDedupe ? DEDUPE_SIZE : POLL_SIZE;
  const limit = typeof meta?.limit === 'number' ? Math.floor(meta.limit) : Number.NaN;
  return limit > 0 ? Math.min(size, limit) : size;
}

/** A record's stamp as a number to order by; one the app cannot read goes last. */
export function momentOf(record: Record<string, unknown>, key: string): number {
  const at = typeof record[key] === 'string' ? Date.parse(record[key]) : Number.NaN;
  return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
}

/** Zapier's polling order: newest first, each record once, at most `size` of them. */
export function newestFirst(records: readonly GloopRecord[], key: string, size: number): GloopRecord[] {
  // A record two answers hold (Gloop matching by part) comes once, as the later of the two says it is.
  const byId = new Map<string, GloopRecord>();
  for (const record of records) {
    const kept = byId.get(record.id);
    if (kept === undefined || momentOf(record, key) > momentOf(kept, key)) byId.set(record.id, record);
  }
  // Records of the same second keep the order they came in (each answer's own, newest first);
  // two stamps the app cannot read differ by NaN, which counts as the same moment.
  const later = (a: GloopRecord, b: GloopRecord) => momentOf(b, key) - momentOf(a, key) || 0;
  return [...byId.values()].sort(later).slice(0, size);
}

export type Change = 'new' | 'updated';

/** How a poll reads Gloop, on both platforms: its search once per first character of a phone, or a whole paged list. */
export type PollPlan = { reads: 'search'; objectType: ObjectType; change: Change } | { reads: 'list'; path: `/${string}` };

export type SearchPlan = Extract<PollPlan, { reads: 'search' }>;

/** The stamp a poll orders records by, and tells a new one by. */
export const orderStampOf = (plan: PollPlan): 'created' | 'updated' => (plan.reads === 'search' && plan.change === 'updated' ? 'updated' : 'created');

/** Gloop stamps records to the second. */
export const STAMP_RESOLUTION_MS = 1_000;

/** A polling trigger as both platforms read it: how it reads Gloop, and the Make Watch module standing for it. */
export interface PollDescription {
  plan: PollPlan;
  make: MakeModule;
}

export interface PollingTrigger<Key extends string> extends PollDescription {
  key: Key;
  resource: Resource;
  label: string;
  description: string;
  perform: (z: ZObject, bundle: Bundle) => Promise<GloopRecord[]>;
  sample?: Record<string, unknown>;
  outputFields?: OutputField[];
}

const polls = new Map<string, PollDescription>();

/** The description of a visible polling trigger, or undefined for a trigger that has none (a dropdown). */
export function pollDescriptionOf(key: string): PollDescription | undefined {
  return polls.get(key);
}

/** A visible polling trigger: a Zap starts from it; its outputs and sample are its resource's unless it says otherwise. */
export function pollingTrigger<const Key extends string>({ key, resource, label, description, perform, sample, outputFields, plan, make }: PollingTrigger<Key>) {
  if (polls.has(key)) throw new Error(`the polling trigger ${key} is described twice`);
  polls.set(key, { plan, make });
  return defineTrigger({
    key,
    noun: resource.noun,
    display: { label, description },
    operation: { type: 'polling', perform, sample: sample ?? resource.sample, outputFields: outputFields ?? resource.outputFields },
  });
}
