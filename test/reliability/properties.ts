import fc from 'fast-check';
import type { PlainInputField } from 'zapier-platform-core';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import nock from 'nock';
import { App, authData as signedIn, BASE_URL, perform } from '../helpers/app';
import { generatedRuns } from '../helpers/generated';
import { useNock } from '../helpers/nock';
import { secretShownIn } from '../helpers/secrets';
import { descriptionOf, type OperationDescription } from '../../src/records/operation';
import { kindOf, type FieldKind } from '../../src/fields/values';

const { numRuns: RUNS, seed: SEED } = generatedRuns(1000);

// Core ends its process above 450 MB after 250 runs, a guard for Zapier's Lambdas; in one long
// test process V8 lets that much garbage pile up, so collect it now and then.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const ID = '271917813959131540676117904886673869329';
/** A client secret longer than the 60 characters a value shown back is cut at. */
const SECRET = 'Wm4k-Gloop-8fT2qZ7xN1vB6cR3yL9sD0hJ5pA2eU8iO4wK7mQ1tY6gF3nV9bX2zCd';
const authData = { ...signedIn, client_secret: SECRET };
/** What no message may show, not even 8 characters of it in a row. */
const SECRETS = [SECRET, authData.access_token, Buffer.from(`${authData.client_id}:${SECRET}`).toString('base64')];
/** What would break a message's line, turn its direction or hide in it: no message shows one as it is. */
const UNPRINTABLE = /[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]|[^\P{Cf}\u200c\u200d]/u;

/** Values a text field must take: any script, emoji, direction marks, odd spaces, very long text, numbers and booleans. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('ישראל ישראלי', 'مرحبا', '你好', 'Ωμέγα', '🙂🎉👩‍👩‍👧', '\u200fשלום\u200e', ' \t\n ', '\u00a0\u2003x\u3000', '"quoted" \'single\' \\', '<b>x</b>'),
  // Template syntax a platform might try to render: it must arrive as typed.
  fc.constantFrom('price is {{ 5 }} NIS', 'Call {{bundle.inputData.phone}}', '{{process.env.HOME}}', '{% if x %}y{% endif %}', '{{', '}}{{}}', '; {{}}'),
  fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([before, inside]) => `${before}{{${inside}}}`),
  // A secret pasted into a field: whole, in capitals, cut short, and across the 60th character.
  fc
    .tuple(fc.string({ maxLength: 60 }), fc.constantFrom(...SECRETS, SECRET.toUpperCase(), SECRET.slice(0, 20), SECRET.slice(30)), fc.string({ maxLength: 8 }))
    .map((parts) => parts.join('')),
  // Line breaks, NUL, direction overrides and marks, invisible format characters, half a surrogate pair.
  fc
    .tuple(fc.string({ maxLength: 8 }), fc.constantFrom('\r\n', '\u0000', '\u0007', '\u202e', '\u061c', '\u2066', '\u2028', '\ufeff', '\u00ad', '\ud83d', '\udc00', '\u{e0041}'), fc.string({ maxLength: 8 }))
    .map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', minLength: 3000, maxLength: 5000 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
);
/** Values no field can take; each must end in a clear error. */
const hostile = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 2.5e38),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
  fc.constant(Object.create(null) as object),
  fc.constantFrom('1'.repeat(40), '12a', '-5', 'call me maybe'),
);
const mostly = (plausible: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: plausible, weight: 30 }, { arbitrary: hostile, weight: 1 });
const phone = mostly(
  fc.oneof(
    { arbitrary: fc.stringMatching(/^\+?(\d[ ().-]?){7,12}$/), weight: 8 },
    { arbitrary: fc.constantFrom('\u200f050-123-4567\u200e', '+972 (50) 123-45.67', '\u061c050-123-4567', '\u2067+972 50 123 4567\u2069'), weight: 2 },
    { arbitrary: text, weight: 1 },
  ),
);
const id = mostly(
  fc.oneof(
    { arbitrary: fc.oneof(fc.constant(ID), fc.bigInt({ min: 1n, max: 10n ** 39n - 1n }).map(String), fc.integer({ min: 1 })), weight: 8 },
    // As a mapping may bring it, with spaces around.
    { arbitrary: fc.constant(` ${ID}\t`), weight: 1 },
    { arbitrary: text, weight: 1 },
  ),
);
const yesNo = mostly(fc.oneof({ arbitrary: fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 'yes', 'no', 'כן', 'לא', ' TRUE ', '')), weight: 8 }, { arbitrary: text, weight: 1 }));
const anyText = mostly(text);
/** Amounts as a Zap maps them: numbers, digit strings with or without a decimal point, and text. */
const amount = mostly(
  fc.oneof(
    { arbitrary: fc.oneof(fc.integer({ min: -1000, max: 1_000_000 }), fc.stringMatching(/^-?\d{1,7}(\.\d{1,2})?$/), fc.constantFrom(' 49.90 ', '1,234', '₪50', '1e3')), weight: 8 },
    // Around the 15 significant digits a number holds exactly.
    { arbitrary: fc.oneof(fc.stringMatching(/^-?0?\d{8,15}\.\d{1,6}0?$/), fc.constantFrom('12345678901234.567891', '99999999999.999999', '999999999999999', '1234567890.123450', '0.000001')), weight: 2 },
    { arbitrary: text, weight: 1 },
  ),
);
const twoDigits = (figure: number) => String(figure).padStart(2, '0');
/** A day as a Zap may write it: any of 1 to 31 in any month, the month's last days most often, so some are not on the calendar. */
const writtenDay = fc
  .tuple(fc.integer({ min: 1999, max: 2101 }), fc.integer({ min: 1, max: 12 }), fc.oneof(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 28, max: 31 })))
  .map(([year, month, day]) => `${year}-${twoDigits(month)}-${twoDigits(day)}`);
/** A moment on such a day, in some offset: hours up to 24 and minutes up to 60, so some are not on the clock. */
const writtenMoment = fc
  .tuple(writtenDay, fc.constantFrom('T', ' '), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.constantFrom('Z', ':00Z', ':30.250Z', '+03:00', ':00-03:00', ':59+05:30'))
  .map(([day, separator, hour, minute, rest]) => `${day}${separator}${twoDigits(hour)}:${twoDigits(minute)}${rest}`);
/** A date field's values: real and impossible days, alone or with a time, and text. */
const date = (real: fc.Arbitrary<string>) => mostly(fc.oneof({ arbitrary: real, weight: 6 }, { arbitrary: fc.oneof(writtenDay, writtenMoment), weight: 2 }, { arbitrary: text, weight: 1 }));

type Body = Record<string, unknown>;
interface Operation {
  key: string;
  run: (inputData: Body) => Promise<unknown>;
  path: string;
  inputs: fc.Arbitrary<Body>;
}

type Field = { key: string; label?: string; type?: string; dynamic?: string; search?: string; meta?: { kind?: string }; children?: Field[] };
const fieldsOf = (operation: { operation: object }) => (operation.operation as { inputFields: Field[] }).inputFields;
/** A step's path and Gloop's names for its fields, from the step's own description. */
function described(key: string): OperationDescription {
  const description = descriptionOf(key);
  if (!description) throw new Error(`${key} has no description`);
  return description;
}
function inputsFor(operation: { operation: object }, special: Record<string, fc.Arbitrary<unknown>> = {}, requiredKeys: string[] = []): fc.Arbitrary<Body> {
  return fc.record(modelOf(fieldsOf(operation), special), { requiredKeys });
}

/** A day or a moment in the years a Zap's dates fall in, as an ISO 8601 moment or a plain day. */
const isoDay = fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2099-12-31') });
/** Each field's values by its declared kind; line items (a field with children) as a few lines of their own fields. */
const BY_KIND: Record<FieldKind, fc.Arbitrary<unknown>> = {
  phone,
  'sms-number': phone,
  day: date(fc.oneof(isoDay.map((day) => day.toISOString()), isoDay.map((day) => day.toISOString().slice(0, 10)))),
  moment: date(isoDay.map((day) => day.toISOString())),
  // Spaces pasted around an address go; the address is sent as typed.
  'web-address': mostly(fc.oneof({ arbitrary: fc.webUrl(), weight: 4 }, { arbitrary: fc.webUrl().map((url) => ` ${url}\n`), weight: 1 }, { arbitrary: text, weight: 1 })),
  'day-numbers': mostly(fc.oneof({ arbitrary: fc.constantFrom('6,7', '7', '1,7', ' 6, 7 ', '5,6', '6,7', '7', '6,8', 'Friday', '0'), weight: 8 }, { arbitrary: text, weight: 1 })),
  'whole-number': mostly(fc.oneof({ arbitrary: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }).map(String)), weight: 8 }, { arbitrary: text, weight: 1 })),
  'yes-no': yesNo,
  number: amount,
  id,
  text: anyText,
};

function modelOf(fields: Field[], special: Record<string, fc.Arbitrary<unknown>> = {}): Record<string, fc.Arbitrary<unknown>> {
  const byKind = (field: Field): fc.Arbitrary<unknown> =>
    field.children ? mostly(fc.array(fc.record(modelOf(field.children), { requiredKeys: [] }), { maxLength: 3 })) : BY_KIND[kindOf(field as PlainInputField)];
  return Object.fromEntries(fields.map((field) => [field.key, special[field.key] ?? byKind(field)]));
}

type CreateKey = keyof typeof App.creates & string;
/** Modelled on their own: leads, customers and notes below; Create Sale's amounts in create-sale.properties.test.ts; Stop Timer's one field is the id in its path. */
const MODELLED_APART: readonly string[] = ['create_lead', 'create_lead_with_duplicate_check', 'create_note', 'create_account', 'create_sale', 'stop_timer'];
/** Every other action, so that a new one is modelled here from the day it is added. */
const MORE_ACTIONS = (Object.keys(App.creates) as CreateKey[]).filter((key) => !MODELLED_APART.includes(key));
/** The date sums: every value refused when unreadable, as nothing is stored to report it on. */
const CALCULATIONS = ['add_working_days', 'add_week_days', 'working_days_between'];
const requiredOf = (key: CreateKey) =>
  fieldsOf(App.creates[key]).filter((field) => (field as { required?: boolean }).required).map((field) => field.key);

const operations: Operation[] = [
  { key: 'create_lead', path: described('create_lead').path, inputs: inputsFor(App.creates.create_lead, {}, ['phone']), run: (inputData) => perform(App.creates.create_lead, { authData, inputData }) },
  {
    key: 'create_lead_with_duplicate_check',
    path: described('create_lead_with_duplicate_check').path,
    inputs: inputsFor(App.creates.create_lead_with_duplicate_check, {}, ['phone']),
    run: (inputData) => perform(App.creates.create_lead_with_duplicate_check, { authData, inputData }),
  },
  {
    key: 'create_note',
    path: described('create_note').path,
    // Mostly one target, as a Zap maps it; sometimes both or none.
    inputs: fc
      .tuple(inputsFor(App.creates.create_note, {}, ['msg']), fc.constantFrom('lead_id', 'account_id', 'lead_id', 'account_id', 'lead_id', 'account_id', 'both', 'none'))
      .map(([input, target]) => {
        const { lead_id: leadId, account_id: accountId, ...rest } = input;
        if (target === 'both') return { ...rest, lead_id: leadId ?? ID, account_id: accountId ?? ID };
        if (target === 'none') return rest;
        return { ...rest, [target]: (target === 'lead_id' ? leadId : accountId) ?? ID };
      }),
    run: (inputData) => perform(App.creates.create_note, { authData, inputData }),
  },
  {
    key: 'create_account',
    path: described('create_account').path,
    inputs: inputsFor(
      App.creates.create_account,
      { b_day: date(fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2030-12-31') }).map((day) => day.toISOString())) },
      ['name', 'status'],
    ),
    run: (inputData) => perform(App.creates.create_account, { authData, inputData }),
  },
  ...MORE_ACTIONS.map((key) => ({
    key,
    path: described(key).path,
    inputs: inputsFor(
      App.creates[key],
      {},
      requiredOf(key),
    ),
    run: (inputData: Body) => perform(App.creates[key], { authData, inputData }),
  })),
  {
    key: 'find_lead',
    path: described('find_lead').path,
    inputs: inputsFor(App.searches.find_lead, { object_type: mostly(fc.oneof(fc.constantFrom('BOTH', 'LEADS'), text)) }),
    run: (inputData) => perform(App.searches.find_lead, { authData, inputData }),
  },
  {
    key: 'find_customer',
    path: described('find_customer').path,
    inputs: inputsFor(App.searches.find_customer),
    run: (inputData) => perform(App.searches.find_customer, { authData, inputData }),
  },
];

const isSearch = (operation: Operation) => operation.key.startsWith('find_');
/** The actions that follow Gloop's rule for a person's name. */
const PERSONS = ['create_lead', 'create_lead_with_duplicate_check', 'create_account'];

/**
 * The model: what the app must make of each value, written from its documented rules and not
 * from its code. A value is blank (left out), readable (sent as `value`), or unreadable (left out
 * and reported, or refused where Gloop needs it).
 */
type Reading = { kind: 'blank' } | { kind: 'readable'; value: string | boolean | number } | { kind: 'unreadable'; why?: string };
const BLANK: Reading = { kind: 'blank' };
const UNREADABLE: Reading = { kind: 'unreadable' };
const YES = ['true', 'yes', 'y', '1', 'on', 'כן'];
const NO = ['false', 'no', 'n', '0', 'off', 'לא'];

function asTyped(value: unknown): Reading {
  if (value === undefined || value === null) return BLANK;
  if (typeof value === 'number' && !Number.isFinite(value)) return UNREADABLE;
  if (['string', 'number', 'boolean', 'bigint'].includes(typeof value)) {
    const typed = String(value);
    return typed.trim() === '' ? BLANK : { kind: 'readable', value: typed };
  }
  if (Array.isArray(value) && value.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) {
    const typed = value.map(String).filter((item) => item.trim() !== '').join(', ');
    return typed === '' ? BLANK : { kind: 'readable', value: typed };
  }
  return Array.isArray(value) && value.every((item) => String(item).trim() === '') ? BLANK : UNREADABLE;
}

function reading(field: Field, value: unknown): Reading {
  const kind = field.meta?.kind;
  if (typeof value === 'string' && value.trim() === '') return BLANK;
  if (field.type === 'boolean') {
    if (value === undefined || value === null) return BLANK;
    if (typeof value === 'boolean') return { kind: 'readable', value };
    const word = typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : '';
    return YES.includes(word) ? { kind: 'readable', value: true } : NO.includes(word) ? { kind: 'readable', value: false } : UNREADABLE;
  }
  const typed = asTyped(value);
  if (typed.kind !== 'readable') return typed;
  const text = String(typed.value);
  if (field.dynamic || field.search) {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) return UNREADABLE;
    return /^[1-9]\d{0,38}$/.test(text.trim()) ? { kind: 'readable', value: text.trim() } : UNREADABLE;
  }
  if (field.type === 'number') {
    const amount = /^-?(\d{1,15})(?:\.(\d{1,6}))?$/.exec(text.trim());
    if (!amount) return UNREADABLE;
    // In millionths, the digits from the first to the last that is not zero.
    const significant = String(BigInt(`${amount[1]}${(amount[2] ?? '').padEnd(6, '0')}`)).replace(/0+$/, '');
    if (significant.length > 15) return { kind: 'unreadable', why: 'must be a number of at most 15 significant digits (more would reach Gloop rounded)' };
    // JSON has no -0: "-0" arrives as 0, the same amount.
    return { kind: 'readable', value: Number(text.trim()) + 0 };
  }
  if (field.type === 'integer') return /^-?\d{1,9}$/.test(text.trim()) ? { kind: 'readable', value: Number(text.trim()) } : UNREADABLE;
  // Gloop's weekend is day numbers joined by commas: the spaces people put between them go.
  if (kind === 'day-numbers') return { kind: 'readable', value: text.replace(/\s/g, '') };
  if (kind === 'moment') {
    const written = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):\d{2}/.exec(text.trim());
    const time = Date.parse(text.trim());
    if (!written || Number.isNaN(time)) return UNREADABLE;
    // As written, in its own offset: Date.parse would roll 2026-02-30 and 24:00 over.
    if (!onCalendar(written[1]) || Number(written[2]) > 23) return { kind: 'unreadable', why: 'must name a day its month has and an hour from 00 to 23' };
    return { kind: 'readable', value: new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  }
  if (field.type === 'datetime') {
    const day = text.trim().slice(0, 10);
    return /^\d{4}-\d{2}-\d{2}($|[T ])/.test(text.trim()) && onCalendar(day) ? { kind: 'readable', value: day } : UNREADABLE;
  }
  if (kind === 'web-address') return /^https?:\/\/\S+$/i.test(text.trim()) ? { kind: 'readable', value: text.trim() } : UNREADABLE;
  if (kind === 'phone' || kind === 'sms-number') {
    const digits = text.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\s\-.()\u2010-\u2015]/g, '');
    if (!/^\+?\d{3,20}$/.test(digits)) return { kind: 'readable', value: text.trim() };
    // An SMS goes to and from local numbers: +972 50… is 050….
    const international = kind === 'sms-number' ? /^\+?972(\d{8,9})$/.exec(digits) : null;
    return { kind: 'readable', value: international ? `0${international[1]}` : digits };
  }
  return typed;
}

/** Whether a day written YYYY-MM-DD is on the calendar: months of 28 to 31 days, February's 29th in leap years. */
function onCalendar(written: string): boolean {
  const [year, month, day] = written.split('-').map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** What Gloop certainly refuses, so the app must refuse before any request; or nothing. */
function certainRefusal(operation: Operation, readings: Record<string, Reading>, fields: { key: string }[]): string | undefined {
  const has = (key: string) => readings[key]?.kind === 'readable';
  const unreadable = (key: string) => readings[key]?.kind === 'unreadable';
  if (isSearch(operation)) {
    if (fields.some((field) => field.key !== 'object_type' && unreadable(field.key))) return 'an unreadable criterion';
    if (!['phone', 'email', 'name', 'company', 'passport'].some(has)) return 'no criterion';
    const lookIn = readings.object_type;
    if (lookIn?.kind === 'unreadable' || (lookIn?.kind === 'readable' && !['LEADS', 'BOTH'].includes(String(lookIn.value).trim()))) return 'an unknown "Look In"';
    return undefined;
  }
  if (operation.key === 'create_note') {
    if (['msg', 'lead_id', 'account_id'].some(unreadable)) return 'an unreadable note field';
    if (has('lead_id') === has('account_id')) return 'not exactly one target';
    if (!has('msg')) return 'no note';
    if ([...String((readings.msg as { value: string }).value)].length > 4000) return 'a note over 4000 characters';
    return undefined;
  }
  if (!PERSONS.includes(operation.key)) {
    const required = fields.filter((field) => (field as { required?: boolean }).required).map((field) => field.key);
    const missing = required.find((key) => !has(key));
    if (missing) return `no readable ${missing}`;
    if (operation.key === 'create_task' && unreadable('description')) return 'an unreadable description';
    if (operation.key === 'start_timer' && unreadable('start_time')) return 'an unreadable start time';
    if (operation.key === 'create_product' && ['invetory', 'is_physical'].some(unreadable)) return 'an unreadable stock or kind of product';
    if (operation.key === 'create_product_category' && unreadable('is_active_yn')) return 'an unreadable "Active"';
    if ((operation.key === 'move_stock' || CALCULATIONS.includes(operation.key)) && fields.some((field) => unreadable(field.key))) return 'an unreadable field';
    if (CALCULATIONS.includes(operation.key) && !/^[1-7](,[1-7])*$/.test(String((readings.weekend as { value: string }).value))) return 'a weekend that is not day numbers';
    if (operation.key === 'move_stock' && [...String((readings.comment as { value: string }).value)].length > 4000) return 'a comment over 4000 characters';
    if (unreadable('url')) return 'not a web address';
    if (operation.key === 'create_task' && has('description') && [...String((readings.description as { value: string }).value)].length > 4000) return 'a description over 4000 characters';
    return undefined;
  }
  const needed = operation.key === 'create_account' ? 'status' : 'phone';
  if (!has(needed)) return `no readable ${needed}`;
  if (!['name', 'f_name', 'l_name'].some(has)) return 'no name';
  return undefined;
}

/**
 * A message that reports what the user mapped: no secret in it, not even in part, nothing that
 * breaks its line or turns its direction, and each value refused for a reason of its own named
 * with that reason.
 */
function expectReported(message: string, readings: Record<string, Reading>, fields: { key: string; label?: string }[]): void {
  expect([secretShownIn(message, SECRETS), UNPRINTABLE.exec(message)?.[0]]).toEqual([undefined, undefined]);
  for (const field of fields) {
    const read = readings[field.key];
    if (read.kind === 'unreadable' && read.why !== undefined && message.includes(`"${field.label}" must`)) expect(message).toContain(`"${field.label}" ${read.why}, not "`);
  }
}

/** Where each request of a step looks, in order: nothing for a create, which sends one request. */
function searchedIn(operation: Operation, readings: Record<string, Reading>): (string | undefined)[] {
  if (!isSearch(operation)) return [undefined];
  if (operation.key === 'find_customer') return ['ACCOUNTS'];
  const lookIn = readings.object_type;
  return lookIn.kind === 'readable' && String(lookIn.value).trim() === 'BOTH' ? ['LEADS', 'ACCOUNTS'] : ['LEADS'];
}

/**
 * Gloop fixes a number sent with +972 (docs/gloop-api.md): the +972, the spaces or dashes after it
 * and a 0 after them become one 0; its search matches from the start, so a search asks for that.
 */
function searchedAs(operation: Operation, key: string, value: unknown): unknown {
  if (!isSearch(operation) || key !== 'phone' || typeof value !== 'string') return value;
  return value.startsWith('+972') ? `0${value.slice(4).replace(/^[\s-]*0?/, '')}` : value;
}

/** The request carries exactly the model's values; what it cannot read is left out and reported. */
function expectRequestMatches(operation: Operation, readings: Record<string, Reading>, sent: Body, output: Record<string, unknown>): void {
  const fields = fieldsOf(App[isSearch(operation) ? 'searches' : 'creates'][operation.key as never]);
  for (const field of fields) {
    const read = readings[field.key];
    if (field.key === 'object_type' || (PERSONS.includes(operation.key) && (field.key === 'name' || field.key === 'f_name'))) continue;
    expect([field.key, sent[described(operation.key).rename?.[field.key] ?? field.key]]).toEqual([field.key, read.kind === 'readable' ? searchedAs(operation, field.key, read.value) : undefined]);
  }
  if (PERSONS.includes(operation.key)) {
    const text = (key: string) => (readings[key].kind === 'readable' ? String((readings[key] as { value: string }).value) : '');
    const fullName = text('name') || [text('f_name'), text('l_name')].filter(Boolean).join(' ');
    expect([sent.name, sent.f_name]).toEqual([fullName, text('f_name') || fullName]);
  }
  // A note and a stock movement refuse what they cannot read, so they have nothing to report left out.
  if (!isSearch(operation) && !['create_note', 'move_stock', ...CALCULATIONS].includes(operation.key)) {
    const labelOf = (field: { key: string }) => String((field as { label?: string }).label);
    const leftOut = fields.filter((field) => readings[field.key].kind === 'unreadable').map(labelOf);
    // Each report opens with its field's label; the user's own text inside it may hold "; " too.
    const opened = [...String(output.left_out).matchAll(/(?:^|; )"([^"]+)" /g)].map((match) => match[1]).filter((label) => fields.map(labelOf).includes(label));
    expect(opened).toEqual(leftOut);
    expectReported(String(output.left_out), readings, fields);
  }
}

/** Registers the property test of one operation; one test file each, so each gets a fresh worker. */
export function propertyTest(key: string): void {
  const operation = operations.find((candidate) => candidate.key === key);
  if (!operation) throw new Error(`no operation ${key}`);
  useNock();
  describe(`${key} under ${RUNS} generated inputs`, () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => process.on('unhandledRejection', onUnhandled));
  afterAll(() => process.off('unhandledRejection', onUnhandled));

  it('ends in a well-formed request that matches the input, or in one clear Zapier error', async () => {
    const sent: string[] = [];
    nock(BASE_URL)
      .persist()
      .post(operation.path)
      .reply(function (_uri, body) {
        sent.push(typeof body === 'string' ? body : JSON.stringify(body));
        return isSearch(operation) ? [200, { count: 0, results: [] }] : [201, { id: ID, shipment_id: ID, lead_status: ID, account_status: ID, inventory_before: 4, inventory_after: -6, short_url: 'https://blabla.link/x', document: 'https://e-sign.co.il/x', date: '2021-09-22', message: 'נוצר בהצלחה' }];
      });
    const outcomes = { requests: 0, refused: 0 };

    await fc.assert(
      fc.asyncProperty(operation.inputs, async (input) => {
        if ((outcomes.requests + outcomes.refused) % 100 === 99) collectGarbage();
        sent.length = 0;
        const fields = fieldsOf(App[isSearch(operation) ? 'searches' : 'creates'][operation.key as never]);
        const readings = Object.fromEntries(fields.map((field) => [field.key, reading(field, input[field.key])]));
        const { refusal } = modelledRefusal(key, input);
        let output: unknown;
        try {
          output = await operation.run(input);
        } catch (error) {
          const { name, message } = error as Error;
          expect(name).toBe('AppError');
          const { message: sentence, code } = JSON.parse(message) as { message: string; code: string };
          // An expected refusal, in one clear sentence, before any request; never an unexpected one.
          expect([code, refusal === undefined ? `unexpected: ${sentence}` : 'expected']).toEqual(['InvalidInput', 'expected']);
          expect(sentence).toMatch(/; fix it in this step's fields\.$/);
          // The app's own words, not the user's quoted back ("NaN" may be what a Zap mapped).
          expect(sentence.replace(/"[^"]*"/g, '""')).not.toMatch(/undefined|\[object Object\]|TypeError|NaN/);
          expectReported(sentence, readings, fields);
          expect(sent).toEqual([]);
          outcomes.refused += 1;
          return;
        }
        expect(refusal).toBeUndefined();
        const bodies = sent.map((text) => JSON.parse(text) as Body);
        // Gloop answers every search with nothing: "Leads, then customers" asks twice, the same criteria.
        expect(bodies.map((body) => body.object_type)).toEqual(searchedIn(operation, readings));
        for (const other of bodies.slice(1)) expect({ ...other, object_type: undefined }).toEqual({ ...bodies[0], object_type: undefined });
        const body = bodies[0];
        for (const value of Object.values(body)) expect(['string', 'boolean', 'number'].includes(typeof value) || value === null).toBe(true);
        expectRequestMatches(operation, readings, body, (Array.isArray(output) ? {} : output) as Record<string, unknown>);
        outcomes.requests += 1;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    nock.cleanAll();
    expect(outcomes.requests + outcomes.refused).toBe(RUNS);
    // Both ways out are exercised, the request well beyond a token share.
    expect(outcomes.requests).toBeGreaterThan(RUNS / 5);
    expect(outcomes.refused).toBeGreaterThan(RUNS / 40);
    expect(unhandled).toEqual([]);
  }, 120_000);
  });
}

/**
 * What Gloop certainly refuses of this input, by the model (written from Gloop's rules, not from
 * src/), or undefined when nothing; `modelled` is false for a step the model leaves to its own test.
 */
export function modelledRefusal(key: string, input: Body): { modelled: boolean; refusal?: string } {
  const operation = operations.find((candidate) => candidate.key === key);
  if (!operation) return { modelled: false };
  const fields = fieldsOf(App[isSearch(operation) ? 'searches' : 'creates'][operation.key as never]);
  const readings = Object.fromEntries(fields.map((field) => [field.key, reading(field, input[field.key])]));
  return { modelled: true, refusal: certainRefusal(operation, readings, fields) };
}

/** A step's generated inputs, as its own property test makes them; a step without one gets values by its fields' types. */
export function generatedInputs(key: string): fc.Arbitrary<Body> {
  const operation = operations.find((candidate) => candidate.key === key);
  if (operation) return operation.inputs;
  const step = (key in App.creates ? App.creates[key as keyof typeof App.creates] : App.searches[key as keyof typeof App.searches]) as { operation: object };
  return inputsFor(step, {}, fieldsOf(step).filter((field) => (field as { required?: boolean }).required).map((field) => field.key));
}
