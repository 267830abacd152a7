import type { OutputField } from '../fields/values';

/** A record in the shape of its outputs, with the id Gloop gave it as a string. */
export type GloopRecord = Record<string, unknown> & { id: string };

/**
 * One Gloop object as the app shows it, read once and shared by its Find step, its triggers and
 * its Make modules: what each record outputs, a sample, and how one of Gloop's items becomes one.
 */
export interface Resource {
  /** Title case, as Zapier shows it: "Lead". */
  noun: string;
  outputFields: OutputField[];
  sample: Record<string, unknown>;
  /** The item in the shape of the outputs, or nothing for an item without a usable id. */
  recordOf(item: Record<string, unknown>): GloopRecord | undefined;
}
