import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { createInGloop, type Created } from '../http/client';
import { LEFT_OUT, outputFieldsFrom, readInput, requireValues, withEveryKey, type OutputField, type RequestBody } from '../fields/values';

/** A create of a record Gloop cannot search for: all that differs from one such action to the next. */
export interface RecordCreate {
  key: string;
  noun: string;
  /** How a sentence names the record, when not the noun in lower case (an "SMS"). */
  thing?: string;
  label: string;
  description: string;
  path: `/${string}`;
  fields: readonly PlainInputField[];
  /** What the action reports besides the fields it sent and the values it left out. */
  answered: OutputField[];
  sample: Record<string, unknown>;
  /** Values that must be readable: what Gloop needs, and what would be wrong if left out. */
  mustRead?: readonly string[];
  /** What Gloop names the new record's id, when not `id`. */
  idKey?: string;
  /** What a person looks for in Gloop when the answer was lost, e.g. `the task "Call back"`. */
  lookFor: (body: RequestBody) => string;
  /** Refusals and derived values only this record has, before any request: the body to send. */
  settle?: (z: ZObject, body: RequestBody) => RequestBody;
  /** The body as Gloop names its fields. */
  toGloop?: (body: RequestBody) => RequestBody;
  /** What the answer adds to the output. */
  report: (created: Created, body: RequestBody) => Record<string, unknown>;
}

export function defineRecordCreate(spec: RecordCreate) {
  const outputFields = outputFieldsFrom(spec.fields, [...spec.answered, LEFT_OUT]);
  const required = spec.fields.filter((field) => field.required).map((field) => field.key);
  return defineCreate({
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description },
    operation: {
      inputFields: [...spec.fields],
      perform: async (z: ZObject, bundle: Bundle) => {
        const { body, leftOut } = readInput(z, spec.fields, bundle, [...required, ...(spec.mustRead ?? [])]);
        requireValues(z, spec.fields, body, required);
        const settled = spec.settle?.(z, body) ?? body;
        // Gloop cannot search these records: after a lost answer, only a person can tell whether it was saved.
        const created = await createInGloop(z, bundle, spec.path, spec.toGloop?.(settled) ?? settled, spec.thing ?? spec.noun.toLowerCase(), spec.lookFor(settled), spec.idKey);
        return withEveryKey(outputFields, { ...settled, ...spec.report(created, settled), left_out: leftOut.join('; ') });
      },
      sample: { ...spec.sample, left_out: '' },
      outputFields,
    },
  });
}

/** Text Gloop answered under `key`, or blank. */
export function answeredText(answer: Record<string, unknown>, key: string): string {
  const value = answer[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
