import type { OutputField, RequestBody } from '../fields/values';
import type { ObjectType } from '../search/leads-and-accounts';
import { idFrom } from '../http/json';

/**
 * What both platforms read of an operation beyond its fields: how Gloop's answer shows the work
 * was done, what each output is read from, and the Make module that stands for it. The Zapier
 * step runs these in its perform; scripts/make/ writes the same as IML.
 */

/** Gloop's words for the duplicate check's outcomes, in the order they are looked for in its message. */
export type VerdictWords = readonly (readonly [word: string, verdict: string])[];

/** How an output is read from Gloop's answer, or else the value sent under `otherwise`. */
export type Reading =
  | { from: string; as: 'id' | 'text' | 'figure'; otherwise?: string }
  /** The outcome Gloop's message names; `known` is whether it is one of `known`. */
  | { from: string; as: 'verdict'; words: VerdictWords; otherwise?: never }
  | { from: string; as: 'known'; words: VerdictWords; known: readonly string[]; otherwise?: never };

/** What in Gloop's answer proves the work was done: `key` read as an id, a text, a figure (0 counts) or a date, with each of `with` not blank. */
export interface Proof {
  key: string;
  /** `date`: text, not a figure (a date sum's answer). */
  as: 'id' | 'text' | 'figure' | 'date';
  with?: readonly string[];
  /** What the answer lacks when the proof is not there, e.g. "the new lead's id". */
  name: string;
}

/** Make's groups of modules, in the order its app shows them. */
export const MAKE_GROUPS = ['Leads', 'Customers', 'Tasks, SMS and Documents', 'Tickets, Links and Timers', 'Sales and Products', 'Working Days'] as const;

/** The Make module standing for a Zapier step: its id (which Make scenarios keep), label and group. */
export interface MakeModule {
  id: string;
  label: string;
  group: (typeof MAKE_GROUPS)[number];
  /** Make's "action" kind, where the step changes Gloop. */
  crud?: 'create' | 'update';
}

/** A number Gloop sent as a number or as digits (a stock figure, a count). */
export function figureOf(value: unknown): number | undefined {
  const text = typeof value === 'string' ? value.trim() : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : text !== undefined && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/** Text Gloop answered, or undefined when blank. */
function textOf(value: unknown): string | undefined {
  return (typeof value === 'string' || typeof value === 'number') && String(value) !== '' ? String(value) : undefined;
}

export function verdictOf(message: string, words: VerdictWords): string {
  return words.find(([word]) => message.includes(word))?.[1] ?? 'unknown';
}

/** An output's value: as read from Gloop's answer, else what was sent under `otherwise`, else blank. */
export function readAnswer(reading: Reading, answer: Record<string, unknown>, sent: RequestBody): string | number | boolean {
  const value = answer[reading.from];
  if (reading.as === 'verdict') return verdictOf(textOf(value) ?? '', reading.words);
  if (reading.as === 'known') return reading.known.includes(verdictOf(textOf(value) ?? '', reading.words));
  const read = reading.as === 'id' ? idFrom(value) : reading.as === 'figure' ? figureOf(value) : textOf(value);
  const otherwise = reading.otherwise === undefined ? undefined : sent[reading.otherwise];
  return read ?? (typeof otherwise === 'string' ? otherwise : '');
}

/** Whether Gloop's answer shows the work done: spaces alone are no signing URL, short link or figure. */
export function proves(proof: Proof, answer: Record<string, unknown>): boolean {
  const filled = (value: unknown) => (textOf(value)?.trim() ?? '') !== '';
  if ((proof.with ?? []).some((key) => !filled(answer[key]))) return false;
  const value = answer[proof.key];
  if (proof.as === 'date') return typeof value === 'string' && filled(value);
  return proof.as === 'id' ? idFrom(value) !== undefined : proof.as === 'figure' ? figureOf(value) !== undefined : filled(value);
}

/** How the request is made from the step's values, beyond sending each under its key. */
export type BodyShape =
  /** Gloop's rule for a person's name: a full name in `name`, a first name in `f_name`. */
  | 'person'
  | 'plain'
  /** Gloop's one search, where `lookIn` says. */
  | 'search'
  /** Nothing but what the path holds. */
  | 'none';

/** An output field, and how it is read from Gloop's answer when Gloop answers it. */
export type AnsweredField = OutputField & { read?: Reading };

/** One operation as both platforms read it. */
export interface OperationDescription {
  make: MakeModule;
  method: 'GET' | 'POST' | 'PUT';
  /** `{key}` stands for the value the step has under `key`, which then goes in the path and not the body. */
  path: `/${string}`;
  body: BodyShape;
  /** Fields Gloop knows by another name. */
  rename?: Readonly<Record<string, string>>;
  /** Values every request carries. */
  constants?: Readonly<Record<string, string | number>>;
  /** Where a search looks: one kind, or every kind at once when the field `choice.key` holds `choice.both`. */
  lookIn?: { kind: ObjectType; choice?: { key: string; both: string } };
  /** How an answer counts as done; a read's answer is the list it asks for. */
  proof?: Proof;
  answered: readonly AnsweredField[];
}

/** The path with each `{key}` replaced by the value sent under it, and the body without those values. */
export function requestOf(description: Pick<OperationDescription, 'path' | 'rename' | 'constants'>, body: RequestBody): { path: `/${string}`; body: RequestBody } {
  const inPath = new Set<string>();
  const path = description.path.replace(/\{(\w+)\}/g, (_match, key: string) => {
    inPath.add(key);
    return String(body[key]);
  }) as `/${string}`;
  const sent = Object.fromEntries(Object.entries(body).filter(([key]) => !inPath.has(key)).map(([key, value]) => [description.rename?.[key] ?? key, value]));
  return { path, body: { ...sent, ...description.constants } };
}

const described = new Map<string, OperationDescription>();

/** Files the description of the Zapier step `key`, as its definition declares it. */
export function describeOperation<const Key extends string>(key: Key, description: OperationDescription): Key {
  if (described.has(key)) throw new Error(`the Zapier step ${key} is described twice`);
  described.set(key, description);
  return key;
}

/** The description of a Zapier step, or undefined for a step that has none (a dropdown, a trigger). */
export function descriptionOf(key: string): OperationDescription | undefined {
  return described.get(key);
}

/** The new record's id, as Gloop answers it. */
export const newIdOf = (noun: string): AnsweredField => ({ key: 'id', label: `${noun} ID`, read: { from: 'id', as: 'id' } });

/** Gloop's own (Hebrew) message about the write. */
export const GLOOP_MESSAGE: AnsweredField = { key: 'message', label: 'Gloop Message', read: { from: 'message', as: 'text' } };

/** The new record's id, what else the write answers, and Gloop's message, as most writes answer. */
export function idAndMessage(noun: string, ...between: AnsweredField[]): AnsweredField[] {
  return [newIdOf(noun), ...between, GLOOP_MESSAGE];
}
