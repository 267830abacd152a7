import fc from 'fast-check';
import type { PlainInputField } from 'zapier-platform-core';
import { MODULES } from '../../scripts/make/app';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeRequestFor, ZapierChild, type Rendered, type RenderedRequest } from '../../scripts/make/render';
import { generatedInputs, modelledRefusal } from '../reliability/properties';
import type { OperationDescription } from '../../src/records/operation';
import { NAME_MADE_OF } from '../../src/fields/values';
import { generatedRuns } from '../helpers/generated';

/**
 * Every Make module against its Zapier action, under the inputs the Zapier property tests
 * generate: the same request, or both refuse, or a difference the README names under "What Make
 * cannot do that the Zapier app does", recognised here by that name and nothing wider.
 */
const { numRuns: RUNS, seed: SEED } = generatedRuns(100);

type Input = Record<string, unknown>;
interface Case {
  id: string;
  zapierKey: string;
  fields: readonly PlainInputField[];
  input: Input;
  make: Rendered;
  zapier: Rendered;
  /** The Zapier step's Values Left Out. */
  leftOut: string;
  /** Gloop's names for the fields the step renames. */
  rename: Readonly<Record<string, string>>;
  lookIn?: OperationDescription['lookIn'];
}
/** What the user mapped for a key of the request body. */
const mappedFor = ({ input, rename }: Case, bodyKey: string) => input[Object.keys(rename).find((inputKey) => rename[inputKey] === bodyKey) ?? bodyKey];
const sentFor = ({ zapier, rename }: Case, inputKey: string) => 'refused' in zapier ? undefined : bodyOf(zapier)[rename[inputKey] ?? inputKey];

/**
 * The refusals of the steps the reliability model leaves to their own tests, each of its own step
 * only: an id in the path that is no Gloop ID (Gloop knows no such record), a sale whose amounts
 * Gloop's own rules refuse (create-sale.properties.test.ts models them).
 */
const NO_GLOOP_ID = /(must be a Gloop ID|arrived as a number, which loses the digits of a Gloop ID)/;
const REFUSALS_MODELLED_APART: Record<string, readonly RegExp[]> = {
  stop_timer: [new RegExp(`^"Timer" ${NO_GLOOP_ID.source}`)],
  find_product: [new RegExp(`^"Product" ${NO_GLOOP_ID.source}`)],
  create_sale: [NO_GLOOP_ID, /The numbers do not add up/, /must be yes or no/, /must be a number (such as|of at most 15 significant digits)/, /is empty, and Gloop needs it/, /are empty, and Gloop needs them/],
};

/** Whether Gloop refuses, or stores altered, what Make sends for this input the Zapier app refused: by the reliability model, or for a step modelled apart by its own refusals. */
function gloopRefusesOrAlters({ zapierKey, input, zapier }: Case & { zapier: { refused: string } }): boolean {
  const { modelled, refusal } = modelledRefusal(zapierKey, input);
  if (modelled) return refusal !== undefined;
  return (REFUSALS_MODELLED_APART[zapierKey] ?? []).some((pattern) => pattern.test(zapier.refused));
}

const spacesOnly = (value: unknown) => typeof value === 'string' && value !== '' && value.trim() === '';
const isBlank = (value: unknown) => value === undefined || value === null || value === '';
const bodyOf = (rendered: RenderedRequest) => (rendered.body ?? {}) as Input;
/** The parameter a Make refusal names, by its label. */
const refusedField = ({ make, fields }: Case) => fields.find((field) => 'refused' in make && make.refused.includes(`"${field.label ?? field.key}"`));
/** Keys whose values the two requests differ in, as sent on the wire. */
function differing(make: RenderedRequest, zapier: RenderedRequest): string[] {
  const [ours, theirs] = [bodyOf(make), bodyOf(zapier)];
  return [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].filter((key) => JSON.stringify(ours[key]) !== JSON.stringify(theirs[key]));
}
/** A key the Zapier app did not send though the user mapped it: it could not read the value, and named it in Values Left Out. */
function leftOutByZapier(c: Case & { zapier: RenderedRequest }, key: string): boolean {
  const inputKey = Object.keys(c.rename).find((candidate) => c.rename[candidate] === key) ?? key;
  const field = c.fields.find((candidate) => candidate.key === inputKey);
  return bodyOf(c.zapier)[key] === undefined && !isBlank(mappedFor(c, key)) && field !== undefined && c.leftOut.includes(`"${field.label ?? field.key}"`);
}
/** Gloop's name is made of the name parts: it differs where a part does. */
const inKeyOrItsParts = (key: string, differs: (part: string) => boolean) => (NAME_MADE_OF[key] ?? [key]).some(differs);

/** Where one platform refuses and the other sends: the difference the README names, with how it is recognised. */
const NAMED_REFUSALS: { name: string; explains: (c: Case) => boolean }[] = [
  {
    name: 'The Zapier app refuses before any request what Gloop would refuse or store altered',
    explains: (c) => 'refused' in c.zapier && !('refused' in c.make) && gloopRefusesOrAlters({ ...c, zapier: c.zapier }),
  },
  {
    name: 'Make refuses a value of the wrong type, which the Zapier app joins (a list) or leaves out and names',
    explains: (c) => {
      const field = refusedField(c);
      if (!('refused' in c.make) || 'refused' in c.zapier || field === undefined) return false;
      const value = c.input[field.key];
      return Array.isArray(value) || typeof value === 'object' || (typeof value === 'number' && !Number.isFinite(value)) || sentFor(c, field.key) === undefined;
    },
  },
];

/** Where both send but a value differs: the difference the README names, with how it is recognised for one key. */
const NAMED_VALUES: { name: string; explains: (c: Case & { make: RenderedRequest; zapier: RenderedRequest }, key: string) => boolean }[] = [
  {
    name: 'A value of spaces only is blank to the Zapier app, text to Make',
    explains: (c, key) => inKeyOrItsParts(key, (part) => spacesOnly(mappedFor(c, part))),
  },
  {
    name: 'The Zapier app leaves out an optional value it cannot read, and names it; Make sends it',
    explains: (c, key) => inKeyOrItsParts(key, (part) => leftOutByZapier(c, part)),
  },
  {
    name: 'The Zapier app works out a sale\'s amounts left blank, trims the ids in its lines and leaves out blank lines; Make sends them as mapped',
    explains: (c, key) => {
      const field = c.fields.find((candidate) => candidate.key === key);
      const [made, sent = []] = [bodyOf(c.make)[key], bodyOf(c.zapier)[key]];
      if (field?.type === 'number') return made === undefined && isBlank(mappedFor(c, key)) && typeof sent === 'number';
      if (!field?.children || !Array.isArray(made) || !Array.isArray(sent)) return false;
      const lines = made.filter((line: Input) => !Object.values(line).every((value) => isBlank(value) || spacesOnly(value)));
      return lines.length === sent.length && lines.every((line: Input, index) => {
        const zapierLine = sent[index] as Input;
        const trimmed = Object.fromEntries(Object.entries(line).map(([lineKey, value]) => [lineKey, typeof value === 'string' && typeof zapierLine[lineKey] === 'string' && value.trim() === zapierLine[lineKey] ? zapierLine[lineKey] : value]));
        const workedOut = Object.keys(zapierLine).filter((lineKey) => !(lineKey in line) && typeof zapierLine[lineKey] === 'number');
        return JSON.stringify({ ...trimmed, ...Object.fromEntries(workedOut.map((lineKey) => [lineKey, zapierLine[lineKey]])) }) === JSON.stringify(zapierLine);
      });
    },
  },
  {
    name: 'Search Leads with "Leads, then customers" is one search of both kinds',
    explains: ({ lookIn, input }, key) => lookIn?.choice !== undefined && key === 'object_type' && String(input[lookIn.choice.key]).trim() === lookIn.choice.both,
  },
];


/** Why the two differ, by the README's names, or undefined when nothing named explains it. */
function explanationOf(c: Case): string[] | undefined {
  const { make, zapier } = c;
  if ('refused' in make || 'refused' in zapier) {
    const named = NAMED_REFUSALS.find((difference) => difference.explains(c));
    return named && [named.name];
  }
  const reasons = differing(make, zapier).map((key) => NAMED_VALUES.find((difference) => difference.explains({ ...c, make, zapier }, key))?.name);
  return reasons.every((reason) => reason !== undefined) ? [...new Set(reasons)] : undefined;
}

let zapier: ZapierChild;
beforeAll(() => {
  zapier = ZapierChild.open(join(__dirname, '../../dist/scripts/make/render.js'));
});
afterAll(() => zapier.close());

describe.each(MODULES.map((spec) => [spec.id, spec] as const))('Make module %s', (id, spec) => {
  /** The two requests for one input: the same, both refusing, or a named difference; a Make refusal of one value is looked past, by the same input without it. */
  async function compare(input: Input): Promise<void> {
    const zapierSide = await zapier.requestFor(id, input);
    const c: Case = { id, zapierKey: spec.zapierKey, fields: spec.operation.operation.inputFields, input, rename: spec.description.rename ?? {}, lookIn: spec.description.lookIn, make: makeRequestFor(id, input), zapier: zapierSide.rendered, leftOut: zapierSide.leftOut };
    if ('refused' in c.make && 'refused' in c.zapier) return;
    if (!('refused' in c.make) && !('refused' in c.zapier)) {
      expect({ method: c.make.method, path: c.make.path, query: c.make.query }).toEqual({ method: c.zapier.method, path: c.zapier.path, query: c.zapier.query });
      if (differing(c.make, c.zapier).length === 0) return;
    }
    expect({ input, make: c.make, zapier: c.zapier, explained: explanationOf(c) }).toEqual({ input, make: c.make, zapier: c.zapier, explained: expect.any(Array) });
    const refused = 'refused' in c.make && !('refused' in c.zapier) ? refusedField(c) : undefined;
    if (refused && refused.key in input) await compare(Object.fromEntries(Object.entries(input).filter(([key]) => key !== refused.key)));
  }

  it(`sends what the Zapier action ${spec.zapierKey} sends, or refuses where it does, or differs only as the README says, for ${RUNS} generated inputs`, async () => {
    await fc.assert(
      fc.asyncProperty(generatedInputs(spec.zapierKey), compare),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);
});

it('names each difference it allows on a line of its own in the README, with why, and no other', () => {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const list = readme.slice(readme.indexOf('What Make cannot do that the Zapier app does'));
  const named = [...list.slice(0, list.indexOf('\n\n')).matchAll(/^- (.+?): \S/gm)].map((line) => line[1]);
  expect(named).toEqual([...NAMED_REFUSALS, ...NAMED_VALUES].map((difference) => difference.name));
});
