import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import { secretsOf } from '../http/client';
import { inSentence, scrub } from '../http/failures';
import { GLOOP_ID } from '../http/json';

export type BodyValue = string | boolean | number | RequestBody[];
export interface RequestBody {
  [key: string]: BodyValue;
}

export interface OutputField {
  key: string;
  label: string;
  type?: 'string' | 'boolean' | 'datetime' | 'number';
  /** Part of what Zapier deduplicates a trigger's results on (the `id` alone when none is). */
  primary?: boolean;
}

export const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on', 'כן']);
export const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'לא']);

/** A value the app cannot read as its field's type: why, after the field's label, and what it got. */
class Unreadable extends Error {
  constructor(
    why: string,
    readonly got?: unknown,
  ) {
    super(why);
  }

  /** The reason with the value it got, which never shows a secret pasted there. */
  reported(secrets: readonly string[]): string {
    return this.got === undefined ? this.message : `${this.message}, not ${shown(this.got, secrets)}`;
  }
}

/** What a step's input gives: the request body, and the optional values the app could not read. */
export interface ReadInput {
  body: RequestBody;
  leftOut: string[];
}

/**
 * The request body an operation's fields describe: each value in its field's type, text as the
 * user typed it, ids as digit strings, blank values left out. An optional value the app cannot
 * read is left out too and named in `leftOut`, so the record still reaches Gloop and a Zap can
 * alert on it; a value in `mustRead` (what Gloop needs) is refused before any request.
 */
export function readInput(z: ZObject, fields: readonly PlainInputField[], bundle: Bundle<any>, mustRead: readonly string[]): ReadInput {
  const body: RequestBody = {};
  const leftOut: string[] = [];
  const secrets = secretsOf(bundle.authData);
  for (const field of fields) {
    try {
      const value = field.children ? linesOf(field.children, bundle.inputData[field.key]) : valueOf(field, bundle.inputData[field.key]);
      if (value !== undefined) body[field.key] = value;
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
      const problem = `"${labelOf(field)}" ${error.reported(secrets)}`;
      if (mustRead.includes(field.key)) throw invalidInput(z, problem);
      leftOut.push(problem);
    }
  }
  return { body, leftOut };
}

/** Every value must be readable: a search's criterion left out would widen it, and each field of a note is one Gloop needs. */
export function bodyFrom(z: ZObject, fields: readonly PlainInputField[], bundle: Bundle<any>): RequestBody {
  return readInput(z, fields, bundle, fields.map((field) => field.key)).body;
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
/** The fields of Gloop's rule for a person's name: the full name, else the first and last joined; the first name, else the full name. */
export const PERSON_NAME = { full: 'name', first: 'f_name', last: 'l_name' } as const;

/** The fields each name Gloop is sent is made of. */
export const NAME_MADE_OF: Readonly<Record<string, readonly string[]>> = {
  [PERSON_NAME.full]: [PERSON_NAME.full, PERSON_NAME.first, PERSON_NAME.last],
  [PERSON_NAME.first]: [PERSON_NAME.full, PERSON_NAME.first],
};

export function withGloopNames(z: ZObject, fields: readonly PlainInputField[], { body, leftOut }: ReadInput, noun: string): RequestBody {
  const { full, first, last } = PERSON_NAME;
  const fullName = String(body[full] || [body[first], body[last]].filter(Boolean).join(' '));
  if (fullName === '') {
    const unread = leftOut.filter((entry) => /^"(Full|First|Last) Name"/.test(entry));
    throw invalidInput(z, `The ${noun} needs a name: map "Full Name" or "First Name"${unread.length > 0 ? ` (${unread.join('; ')})` : ''}`);
  }
  return inFieldOrder(fields, { ...body, [full]: fullName, [first]: body[first] || fullName });
}

/** What every create reports beside the record: how the app knows it was saved, and what it left out. */
export const CONFIRMED_BY_SEARCH: OutputField = { key: 'confirmed_by_search', label: 'Confirmed by Search After a Lost Answer', type: 'boolean' };
export const LEFT_OUT: OutputField = { key: 'left_out', label: 'Values Left Out (Unreadable)' };

/**
 * Output fields for what a step returns: what Gloop answered, then the fields it sent. A field
 * that holds an id (a dropdown's or a search's) says so in its label.
 */
export function outputFieldsFrom(fields: readonly PlainInputField[], answered: readonly OutputField[]): OutputField[] {
  const sent = fields.flatMap((field) => (field.children ?? [field]).map((leaf) => ({
    key: field.children ? `${field.key}[]${leaf.key}` : leaf.key,
    label: leaf.dynamic || leaf.search ? `${labelOf(leaf)} ID` : labelOf(leaf),
    type: leaf.type === 'boolean' || leaf.type === 'number' ? leaf.type : leaf.type === 'integer' ? ('number' as const) : ('string' as const),
  })));
  return [...answered, ...sent.filter((field) => !answered.some((other) => other.key === field.key))];
}

/** Every output key on every run, blank where there is no value, so a mapped field never vanishes. */
export function withEveryKey<T extends Record<string, unknown>>(outputFields: readonly OutputField[], values: T): Record<string, unknown> & T {
  // A line item's keys (`products[]quantity`) live inside its list, which is empty when there are none.
  const blanks = outputFields.map(({ key }) => (key.includes('[]') ? [key.slice(0, key.indexOf('[]')), []] : [key, '']));
  return { ...Object.fromEntries(blanks), ...values };
}

/** Zapier's line items: one object per line, blank lines dropped, each value read as its field's type. */
function linesOf(fields: readonly PlainInputField[], raw: unknown): RequestBody[] | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (!Array.isArray(raw) || !raw.every((line) => typeof line === 'object' && line !== null)) throw new Unreadable('must be line items, one per line');
  const lines = raw.map((line: Record<string, unknown>, index) => {
    const read: RequestBody = {};
    for (const field of fields) {
      try {
        const value = valueOf(field, line[field.key]);
        if (value !== undefined) read[field.key] = value;
      } catch (error) {
        if (error instanceof Unreadable) throw new Unreadable(`line ${index + 1}: "${labelOf(field)}" ${error.message}`, error.got);
        throw error;
      }
    }
    return read;
  });
  const filled = lines.filter((line) => Object.keys(line).length > 0);
  return filled.length > 0 ? filled : undefined;
}

/** The kinds a field declares (`meta.kind`), where its Zapier type does not say how its value is read. */
const DECLARED_KINDS = ['phone', 'sms-number', 'moment', 'web-address', 'day-numbers'] as const;
export type DeclaredKind = (typeof DECLARED_KINDS)[number];

/** How a field's value is read and sent, on both platforms. */
export type FieldKind = DeclaredKind | 'yes-no' | 'number' | 'whole-number' | 'day' | 'id' | 'text';

/** The kind declared on a field: `{ meta: kind('phone') }`. */
export const kind = (declared: DeclaredKind) => ({ kind: declared }) as const;

/** A value's kind (a line item's fields have their own): as declared on the field, else as its Zapier type and dropdown say; never read from its key. */
export function kindOf(field: PlainInputField): FieldKind {
  const declared = field.meta?.kind;
  if (declared !== undefined) {
    if (!DECLARED_KINDS.includes(declared as DeclaredKind)) throw new Error(`field ${field.key} declares an unknown kind ${String(declared)}`);
    return declared as DeclaredKind;
  }
  if (field.type === 'boolean') return 'yes-no';
  if (field.type === 'number') return 'number';
  if (field.type === 'integer') return 'whole-number';
  if (field.type === 'datetime') return 'day';
  return field.dynamic || field.search ? 'id' : 'text';
}

/** How each kind of value is read from what the user mapped (already known not blank). */
const READERS: Record<Exclude<FieldKind, 'yes-no'>, (text: string, raw: unknown) => BodyValue> = {
  number: (text) => numberOf(text.trim()),
  'whole-number': (text) => integerOf(text.trim()),
  day: (text) => dateOf(text.trim()),
  moment: (text) => instantOf(text.trim()),
  phone: (text) => phoneOf(text),
  'sms-number': (text) => localPhoneOf(text),
  'web-address': (text) => webAddressOf(text.trim()),
  // Day numbers joined by commas: the spaces people put between them go.
  'day-numbers': (text) => text.replace(/\s/g, ''),
  id: (text, raw) => idOf(text.trim(), raw),
  text: (text) => text,
};

function valueOf(field: PlainInputField, raw: unknown): BodyValue | undefined {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  const fieldKind = kindOf(field);
  if (fieldKind === 'yes-no') return booleanOf(raw);
  const text = textOf(raw);
  // A list of blanks reads as nothing, as a blank text does above.
  if (text === '') return undefined;
  return READERS[fieldKind](text, raw);
}

function booleanOf(raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string' || typeof raw === 'number') {
    const word = String(raw).trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  throw new Unreadable('must be yes or no', raw);
}

/** Text as the user typed it: nothing trimmed, nothing rewritten. */
function textOf(raw: unknown): string {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw new Unreadable('received an invalid number: map text or a valid number');
    return String(raw);
  }
  if (typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw) && raw.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) {
    return raw.map(String).filter((item) => item.trim() !== '').join(', ');
  }
  throw new Unreadable('must be a single value, not a list or an object');
}

/** A number holds 15 significant digits exactly: with more, Gloop would get another amount than the one typed. */
const MAX_SIGNIFICANT_DIGITS = 15;

/** Amounts and quantities as digits with a decimal point: `1,234` could be a thousand or one and a bit. */
function numberOf(text: string): number {
  if (!/^-?\d{1,15}(\.\d{1,6})?$/.test(text)) throw new Unreadable('must be a number such as 1234.50', text);
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const significant = `${whole}${fraction.replace(/0+$/, '')}`.replace(/^0+/, '');
  if (significant.length > MAX_SIGNIFICANT_DIGITS) {
    throw new Unreadable(`must be a number of at most ${MAX_SIGNIFICANT_DIGITS} significant digits (more would reach Gloop rounded)`, text);
  }
  return Number(text);
}

function integerOf(text: string): number {
  if (!/^-?\d{1,9}$/.test(text)) throw new Unreadable('must be a whole number such as 14', text);
  return Number(text);
}

function idOf(text: string, raw: unknown): string {
  if (typeof raw === 'number' && !Number.isSafeInteger(raw)) {
    throw new Unreadable('arrived as a number, which loses the digits of a Gloop ID: map the ID as text, as Gloop sends it');
  }
  if (!GLOOP_ID.test(text)) throw new Unreadable('must be a Gloop ID (up to 39 digits)', text);
  return text;
}

function instantOf(text: string): string {
  const written = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):\d{2}/.exec(text);
  const time = Date.parse(text);
  if (written === null || Number.isNaN(time)) throw new Unreadable('must be a date and time such as 2026-12-01T09:30:00+02:00', text);
  // Date.parse rolls 2026-02-30 into March and 24:00 into the next day: the day and hour as written, in their own offset, must exist.
  if (!isCalendarDay(written[1]) || Number(written[2]) > 23) throw new Unreadable('must name a day its month has and an hour from 00 to 23', text);
  return new Date(time).toISOString().replace(/\.\d{3}Z/, 'Z');
}

/** Gloop's date fields are calendar dates: the day as the user's step gave it, without a time. */
function dateOf(text: string): string {
  const day = /^\d{4}-\d{2}-\d{2}(?=$|[T ])/.exec(text)?.[0];
  if (day !== undefined && isCalendarDay(day)) return day;
  throw new Unreadable('must be a date such as 1990-05-17', text);
}

/** 2021-02-30 parses, and rolls over: only a day that comes back unchanged is real. */
function isCalendarDay(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
}

/** Characters as a person counts them: an emoji is one, not two UTF-16 units. */
export function characterCount(text: string): number {
  return [...text].length;
}

/** Gloop refuses a text over its limit, so the step does, before any request, and never cuts it. */
export function refuseLongerThan(z: ZObject, fields: readonly PlainInputField[], body: RequestBody, key: string, limit: number, advice: string): void {
  const value = body[key];
  const length = typeof value === 'string' ? characterCount(value) : 0;
  const field = fields.find((candidate) => candidate.key === key);
  if (length > limit) throw invalidInput(z, `"${field ? labelOf(field) : key}" has ${length} characters and Gloop takes at most ${limit}: ${advice}`);
}

/** Gloop shortens only a full web address, without spaces: the ones around it, a copy-paste's, are dropped before. */
function webAddressOf(text: string): string {
  if (!/^https?:\/\/\S+$/i.test(text)) throw new Unreadable('must start with https://', text);
  return text;
}

/** A +972 number, with the 0 some write after the country code; Gloop stores it as 0 and the national number. */
export const PLUS_972 = /^\+9720?(\d{8,9})$/;
/** What Gloop's fix of a +972 number turns into one 0. */
export const GLOOPS_FIX = /^\s*\+972[\s-]*0?/;
/** An SMS number in international form, with or without the +, which Gloop's SMS service reads as 0 and the national number. */
export const SMS_972 = /^\+?972(\d{8,9})$/;
/**
 * What people and screens write a phone number with: spaces, dashes (the minus sign too), dots and
 * brackets, and Unicode's direction controls (Bidi_Control) put around a number.
 */
export const PHONE_PUNCTUATION = /[\s\-.()\u2010-\u2015\u2212\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** A phone number once its punctuation is gone; anything else is text a person wrote. */
export const PHONE_NUMBER = /^\+?\d{3,20}$/;

/**
 * A phone as Gloop stores it, which its search matches from the start: Gloop turns a number that
 * arrives with +972 into the local one (050…) when it saves it, so a search for +972 50… would
 * find nothing. A number without the + is stored as sent. Undefined when the app cannot tell:
 * +972 with words (`+972 50 123 4567 ext 5`) or with a national number of another length.
 */
export function storedPhone(phone: string): string | undefined {
  if (!phone.startsWith('+972')) return phone;
  return PLUS_972.test(phone) ? withGloopsFix(phone) : undefined;
}

/**
 * How Gloop fixes a number written with +972 (its overview: it fixes international numbers
 * itself), as the contract reads it: the +972, the spaces or dashes after it and a 0 after them
 * become one 0; the rest stays as written.
 */
export function withGloopsFix(phone: string): string {
  return phone.replace(GLOOPS_FIX, '0');
}

/** The same phone number, however Gloop wrote it back: +972 or 0, with or without the marks and separators people write; words count. */
export function samePhone(sent: string, stored: string): boolean {
  const plain = (text: string) => withGloopsFix(text).replace(PHONE_PUNCTUATION, '').toLowerCase();
  return plain(stored) === plain(sent);
}

/** The numbers of an SMS: Gloop's SMS endpoint reads only local ones (05…), not +972. */
function localPhoneOf(phone: string): string {
  const compact = phoneOf(phone);
  const international = SMS_972.exec(compact);
  return international ? `0${international[1]}` : compact;
}

/**
 * A phone number loses the punctuation people write it with; anything else (`050-1234567 ext 5`)
 * is sent as written, for Gloop keeps what it is given and a person can still read it.
 */
function phoneOf(phone: string): string {
  const compact = phone.replace(PHONE_PUNCTUATION, '');
  return PHONE_NUMBER.test(compact) ? compact : phone.trim();
}

/** A Zapier error for input the user can fix in the step, before any request. */
export function invalidInput(z: ZObject, problem: string): Error {
  return new z.errors.Error(`${problem}; fix it in this step's fields.`, 'InvalidInput', 400);
}

function labelOf(field: PlainInputField): string {
  return field.label ?? field.key;
}

/** A value as the user would recognise it in a message: text, or a number, list or object a yes/no field could not read. */
function shown(raw: unknown, secrets: readonly string[]): string {
  if (typeof raw === 'string') return quoted(raw, secrets);
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : 'an invalid number';
  return 'a list or an object';
}

/** A text the user mapped, quoted in a message: secrets out before the cut, so no part of one is left. */
export function quoted(text: string, secrets: readonly string[]): string {
  return `"${inSentence(scrub(text, secrets), 60)}"`;
}
