import type { PlainInputField, ZObject } from 'zapier-platform-core';

export type BodyValue = string | boolean;
export type RequestBody = Record<string, BodyValue>;

export interface OutputField {
  key: string;
  label: string;
  type?: 'string' | 'boolean' | 'datetime';
}

const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on', 'כן']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'לא']);

/**
 * The request body an operation's fields describe: each field's value in the field's own
 * type, ids as digit strings, and blank optional values left out.
 */
export function bodyFrom(z: ZObject, fields: readonly PlainInputField[], inputData: Record<string, unknown>): RequestBody {
  const body: RequestBody = {};
  for (const field of fields) {
    const value = valueOf(z, field, inputData[field.key]);
    if (value !== undefined) body[field.key] = value;
  }
  return body;
}

/** Zapier marks required fields in the editor, but a mapped value can still arrive blank. */
export function requireValues(z: ZObject, fields: readonly PlainInputField[], body: RequestBody, keys: readonly string[]): void {
  const missing = fields.filter((field) => keys.includes(field.key) && body[field.key] === undefined);
  if (missing.length > 0) {
    throw invalidInput(z, `${missing.map((field) => `"${labelOf(field)}"`).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} empty, and Gloop needs ${missing.length > 1 ? 'them' : 'it'}: map a value`);
  }
}

/** The same body with its keys in the fields' order, whatever order the values were settled in. */
export function inFieldOrder(fields: readonly PlainInputField[], body: RequestBody): RequestBody {
  return Object.fromEntries(fields.flatMap((field) => (body[field.key] === undefined ? [] : [[field.key, body[field.key]]])));
}

/** Gloop's rule for a lead's or customer's name: a full name in `name`, and a first name in `f_name`. */
export function withGloopNames(z: ZObject, fields: readonly PlainInputField[], body: RequestBody, noun: string): RequestBody {
  const fullName = body.name || [body.f_name, body.l_name].filter(Boolean).join(' ');
  if (typeof fullName !== 'string' || fullName === '') {
    throw invalidInput(z, `The ${noun} needs a name: map "Full Name" or "First Name"`);
  }
  return inFieldOrder(fields, { ...body, name: fullName, f_name: body.f_name || fullName });
}

/**
 * Output fields for what a step returns: what Gloop answered, then the fields it sent. A field
 * that holds an id (a dropdown's or a search's) says so in its label.
 */
export function outputFieldsFrom(fields: readonly PlainInputField[], answered: readonly OutputField[]): OutputField[] {
  const sent = fields.map((field) => ({
    key: field.key,
    label: field.dynamic || field.search ? `${labelOf(field)} ID` : labelOf(field),
    type: field.type === 'boolean' ? ('boolean' as const) : ('string' as const),
  }));
  return [...answered, ...sent.filter((field) => !answered.some((other) => other.key === field.key))];
}

/** Every output key on every run, blank where there is no value, so a mapped field never vanishes. */
export function withEveryKey<T extends Record<string, unknown>>(outputFields: readonly OutputField[], values: T): Record<string, unknown> & T {
  return { ...Object.fromEntries(outputFields.map((field) => [field.key, ''])), ...values };
}

function valueOf(z: ZObject, field: PlainInputField, raw: unknown): BodyValue | undefined {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  if (field.type === 'boolean') return booleanOf(z, field, raw);
  const text = textOf(z, field, raw);
  if (text === '') return undefined;
  if (field.type === 'datetime') return dateOf(z, field, text);
  if (field.key === 'phone') return phoneOf(z, field, text);
  return field.dynamic || field.search ? idOf(z, field, text, raw) : text;
}

function booleanOf(z: ZObject, field: PlainInputField, raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw;
  const word = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim().toLowerCase() : '';
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw invalidInput(z, `"${labelOf(field)}" must be yes or no, not ${shown(raw)}`);
}

function textOf(z: ZObject, field: PlainInputField, raw: unknown): string {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw invalidInput(z, `"${labelOf(field)}" received an invalid number: map text or a valid number`);
    return String(raw);
  }
  if (typeof raw === 'boolean' || typeof raw === 'bigint') return String(raw);
  if (Array.isArray(raw) && raw.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) {
    return raw.map((item) => String(item).trim()).filter(Boolean).join(', ');
  }
  throw invalidInput(z, `"${labelOf(field)}" must be a single value, not a list or an object`);
}

function idOf(z: ZObject, field: PlainInputField, text: string, raw: unknown): string {
  if (typeof raw === 'number' && !Number.isSafeInteger(raw)) {
    throw invalidInput(z, `"${labelOf(field)}" arrived as a number that has lost digits; map the id as text, as Gloop sends it`);
  }
  if (!/^\d{1,39}$/.test(text)) {
    throw invalidInput(z, `"${labelOf(field)}" must be a Gloop id (up to 39 digits), not "${shorten(text)}"`);
  }
  return text;
}

/** Gloop's date fields are calendar dates: the day as the user's step gave it, without a time. */
function dateOf(z: ZObject, field: PlainInputField, text: string): string {
  const day = /^\d{4}-\d{2}-\d{2}(?=$|[T ])/.exec(text)?.[0];
  const time = Date.parse(`${day}T00:00:00Z`);
  // 2021-02-30 parses, and rolls over: only a day that comes back unchanged is real.
  if (day !== undefined && !Number.isNaN(time) && new Date(time).toISOString().startsWith(day)) return day;
  throw invalidInput(z, `"${labelOf(field)}" must be a date such as 1990-05-17, not "${shorten(text)}"`);
}

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
export function characterCount(text: string): number {
  return [...text].length;
}

/** Digits with an optional leading +: what is left once the usual punctuation of a phone number is gone. */
function phoneOf(z: ZObject, field: PlainInputField, phone: string): string {
  const compact = phone.replace(BIDI_MARKS, '').replace(/[\s\-.()\u2010-\u2015]/g, '');
  if (!/^\+?\d{3,20}$/.test(compact)) {
    throw invalidInput(z, `"${labelOf(field)}" must be a phone number such as 050-123-4567 or +972 50 123 4567, not "${shorten(phone)}"`);
  }
  return compact;
}

/** A Zapier error for input the user can fix in the step, before any request. */
export function invalidInput(z: ZObject, problem: string): Error {
  return new z.errors.Error(`${problem}; fix it in this step's fields.`, 'InvalidInput', 400);
}

function labelOf(field: PlainInputField): string {
  return field.label ?? field.key;
}

/** A value as the user would recognise it in a message. */
function shown(raw: unknown): string {
  if (typeof raw === 'string') return `"${shorten(raw)}"`;
  if (typeof raw === 'object' && raw !== null) return 'a list or an object';
  if (typeof raw === 'number' && !Number.isFinite(raw)) return 'an invalid number';
  return String(raw);
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
