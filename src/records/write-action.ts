import { defineCreate, type Bundle, type PlainInputField, type ZObject } from 'zapier-platform-core';
import { writeToGloop, type Confirmation } from '../http/client';
import { saving, type Deed } from '../http/failures';
import { describeOperation, proves, readAnswer, requestOf, type AnsweredField, type MakeModule, type Proof } from './operation';
import { CONFIRMED_BY_SEARCH, LEFT_OUT, outputFieldsFrom, readInput, requireValues, withEveryKey, withGloopNames, type RequestBody } from '../fields/values';

/** An action that writes one thing to Gloop: all that differs from one such action to the next. */
export type WriteAction = {
  key: string;
  noun: string;
  /** How a sentence names the record, when not the noun in lower case (an "SMS"). */
  thing?: string;
  label: string;
  description: string;
  make: MakeModule;
  /** A POST by default; `{key}` in the path stands for the value of that field (a stop is a PUT to the timer's path: its body `{}`, for Make's editor wants a body on every PUT and both platforms send the same). */
  method?: 'PUT';
  path: `/${string}`;
  fields: readonly PlainInputField[];
  fieldGroups?: { key: string; label: string }[];
  /** Values that must be readable besides the required ones, or every value ("all": none can be left out). */
  mustRead?: readonly string[] | 'all';
  /** Gloop's rule for a person's name (a full name in `name`, a first name in `f_name`), for this noun. */
  personNamed?: string;
  /** Refusals and derived values only this record has, before any request: the body to send. */
  settle?: (z: ZObject, body: RequestBody) => RequestBody;
  /** Fields Gloop knows by another name. */
  rename?: Readonly<Record<string, string>>;
  /** What Gloop's answer must hold to show the work was done: by default the new record's `id`. */
  proof?: Omit<Proof, 'name'> & { name?: string };
  /** How a sentence says what the action does, when it is not saving the record. */
  deed?: Deed;
  /** How Gloop is asked after a lost answer for the record it stored; without it, only a person can tell. */
  confirm?: (z: ZObject, bundle: Bundle<any>, body: RequestBody) => Confirmation;
  /** How Gloop is asked after a lost answer whether the work is certainly undone, where it cannot show it done. */
  recheck?: (z: ZObject, bundle: Bundle<any>, body: RequestBody) => Confirmation;
  /** What a person looks for in Gloop when the app cannot tell, e.g. `the task "Call back"`. */
  lookFor: (body: RequestBody) => string;
  /** What the action reports besides the fields it sent, each read from Gloop's answer as its `read` says. */
  answered: readonly AnsweredField[];
  sample: Record<string, unknown>;
};

/** Every action that writes to Gloop, from its spec: the fields read, the write sent, its outcome known before the step answers. */
export function defineWriteAction(spec: WriteAction) {
  const thing = spec.thing ?? spec.noun.toLowerCase();
  const canLeaveOut = spec.mustRead !== 'all';
  const outputFields = outputFieldsFrom(spec.fields, [...spec.answered.map(({ read: _read, ...field }) => field), ...(spec.confirm ? [CONFIRMED_BY_SEARCH] : []), ...(canLeaveOut ? [LEFT_OUT] : [])]);
  const required = spec.fields.filter((field) => field.required).map((field) => field.key);
  const mustRead = spec.mustRead === 'all' ? spec.fields.map((field) => field.key) : [...required, ...(spec.mustRead ?? [])];
  const proof: Proof = { key: 'id', as: 'id', name: `the new ${thing}'s id`, ...spec.proof };
  const method = spec.method ?? 'POST';
  describeOperation(spec.key, { make: spec.make, method, path: spec.path, body: spec.personNamed ? 'person' : 'plain', rename: spec.rename, proof, answered: spec.answered });
  return defineCreate({
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description },
    operation: {
      ...(spec.fieldGroups ? { inputFieldGroups: spec.fieldGroups } : {}),
      inputFields: [...spec.fields],
      perform: async (z: ZObject, bundle: Bundle) => {
        const input = readInput(z, spec.fields, bundle, mustRead);
        const body = spec.personNamed === undefined ? input.body : withGloopNames(z, spec.fields, input, spec.personNamed);
        requireValues(z, spec.fields, body, required);
        const settled = spec.settle?.(z, body) ?? body;
        const request = requestOf(spec, settled);
        const written = await writeToGloop(z, bundle, {
          call: { method, path: request.path, body: request.body },
          deed: spec.deed ?? saving(thing),
          proves: (answer) => proves(proof, answer),
          proofName: proof.name,
          confirmation: (spec.confirm ?? spec.recheck)?.(z, bundle, settled),
          lookFor: spec.lookFor(settled),
        });
        return withEveryKey(outputFields, {
          ...settled,
          ...Object.fromEntries(spec.answered.flatMap(({ key, read }) => (read ? [[key, readAnswer(read, written.answer, settled)]] : []))),
          ...(spec.confirm ? { confirmed_by_search: written.confirmedBySearch } : {}),
          ...(canLeaveOut ? { left_out: input.leftOut.join('; ') } : {}),
        });
      },
      sample: { ...spec.sample, ...(spec.confirm ? { confirmed_by_search: false } : {}), ...(canLeaveOut ? { left_out: '' } : {}) },
      outputFields,
    },
  });
}
