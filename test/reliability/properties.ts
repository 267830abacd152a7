import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import nock from 'nock';
import { App, authData, BASE_URL, perform } from '../helpers/app';
import { useNock } from '../helpers/nock';

const RUNS = 1000;

// Core ends its process above 450 MB after 250 runs, a guard for Zapier's Lambdas; in one long
// test process V8 lets that much garbage pile up, so collect it now and then.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const ID = '271917813959131540676117904886673869329';

/** Values a text field must take: any script, emoji, direction marks, odd spaces, very long text, numbers and booleans. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('ישראל ישראלי', 'مرحبا', '你好', 'Ωμέγα', '🙂🎉👩‍👩‍👧', '\u200fשלום\u200e', ' \t\n ', '\u00a0\u2003x\u3000', '"quoted" \'single\' \\', '<b>x</b>'),
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
    { arbitrary: fc.constantFrom('\u200f050-123-4567\u200e', '+972 (50) 123-45.67'), weight: 2 },
    { arbitrary: text, weight: 1 },
  ),
);
const id = mostly(
  fc.oneof({ arbitrary: fc.oneof(fc.constant(ID), fc.bigInt({ min: 1n, max: 10n ** 39n - 1n }).map(String), fc.integer({ min: 1 })), weight: 8 }, { arbitrary: text, weight: 1 }),
);
const yesNo = mostly(fc.oneof({ arbitrary: fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 'yes', 'no', 'כן', 'לא', ' TRUE ', '')), weight: 8 }, { arbitrary: text, weight: 1 }));
const anyText = mostly(text);

type Body = Record<string, unknown>;
interface Operation {
  key: string;
  run: (inputData: Body) => Promise<unknown>;
  path: string;
  inputs: fc.Arbitrary<Body>;
}

const fieldsOf = (operation: { operation: object }) => (operation.operation as { inputFields: { key: string; type?: string; dynamic?: string; search?: string }[] }).inputFields;
function inputsFor(operation: { operation: object }, special: Record<string, fc.Arbitrary<unknown>> = {}, requiredKeys: string[] = []): fc.Arbitrary<Body> {
  const model = Object.fromEntries(
    fieldsOf(operation).map((field) => [field.key, special[field.key] ?? (field.dynamic || field.search ? id : field.type === 'boolean' ? yesNo : anyText)]),
  );
  return fc.record(model, { requiredKeys });
}

const operations: Operation[] = [
  { key: 'create_lead', path: '/v2/leads/create', inputs: inputsFor(App.creates.create_lead, { phone }, ['phone']), run: (inputData) => perform(App.creates.create_lead, { authData, inputData }) },
  {
    key: 'create_lead_with_duplicate_check',
    path: '/v2/leads/intelligent',
    inputs: inputsFor(App.creates.create_lead_with_duplicate_check, { phone }, ['phone']),
    run: (inputData) => perform(App.creates.create_lead_with_duplicate_check, { authData, inputData }),
  },
  {
    key: 'create_note',
    path: '/v2/notes/create',
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
    path: '/v2/accounts/create',
    inputs: inputsFor(
      App.creates.create_account,
      { phone, b_day: mostly(fc.oneof({ arbitrary: fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2030-12-31') }).map((date) => date.toISOString()), weight: 8 }, { arbitrary: text, weight: 1 })) },
      ['name', 'status'],
    ),
    run: (inputData) => perform(App.creates.create_account, { authData, inputData }),
  },
  {
    key: 'find_lead',
    path: '/v2/search/leadsAndAccounts',
    inputs: inputsFor(App.searches.find_lead, { phone, object_type: mostly(fc.oneof(fc.constantFrom('BOTH', 'LEADS'), text)) }),
    run: (inputData) => perform(App.searches.find_lead, { authData, inputData }),
  },
  {
    key: 'find_customer',
    path: '/v2/search/leadsAndAccounts',
    inputs: inputsFor(App.searches.find_customer, { phone }),
    run: (inputData) => perform(App.searches.find_customer, { authData, inputData }),
  },
];

const isSearch = (operation: Operation) => operation.key.startsWith('find_');
const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.every((item) => String(item).trim() === ''));
const asText = (value: unknown) => (Array.isArray(value) ? value.map((item) => String(item).trim()).filter(Boolean).join(', ') : String(value).trim());
const DERIVED = new Set(['name', 'f_name', 'phone', 'b_day']);

/** Every field the request carries matches what was mapped; every non-blank mapped field is carried. */
function expectRequestMatches(operation: Operation, input: Body, sent: Body): void {
  for (const field of fieldsOf(App[isSearch(operation) ? 'searches' : 'creates'][operation.key as never])) {
    const given = input[field.key];
    const carried = sent[field.key];
    if (field.dynamic || field.search) {
      if (carried !== undefined) expect(carried).toMatch(/^\d{1,39}$/);
    } else if (field.type === 'boolean') {
      if (carried !== undefined) expect(typeof carried).toBe('boolean');
    } else if (!DERIVED.has(field.key) && field.key !== 'object_type') {
      expect(carried).toBe(isBlank(given) ? undefined : asText(given));
    }
    if (!isBlank(given) && field.key !== 'object_type') expect(carried).not.toBeUndefined();
  }
  if (typeof sent.phone === 'string') {
    expect(sent.phone).toMatch(/^\+?\d{3,20}$/);
    expect(sent.phone.replace('+', '')).toBe(asText(input.phone).replace(/\D/g, ''));
  }
  if ('name' in sent && !isSearch(operation)) expect(sent.f_name).toBeTruthy();
  if (typeof sent.b_day === 'string') expect(sent.b_day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
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
    const last: { body?: string } = {};
    nock(BASE_URL)
      .persist()
      .post(operation.path)
      .reply(function (_uri, body) {
        last.body = typeof body === 'string' ? body : JSON.stringify(body);
        return isSearch(operation) ? [200, { count: 0, results: [] }] : [201, { id: ID, lead_status: ID, account_status: ID, message: 'נוצר בהצלחה' }];
      });
    const outcomes = { requests: 0, refused: 0 };

    await fc.assert(
      fc.asyncProperty(operation.inputs, async (input) => {
        if ((outcomes.requests + outcomes.refused) % 100 === 99) collectGarbage();
        last.body = undefined;
        try {
          await operation.run(input);
        } catch (error) {
          const { name, message } = error as Error;
          expect(name).toBe('AppError');
          const { message: sentence, code } = JSON.parse(message) as { message: string; code: string };
          expect(code).toBe('InvalidInput');
          expect(sentence).toMatch(/; fix it in this step's fields\.$/);
          expect(sentence).not.toMatch(/undefined|\[object Object\]|TypeError|NaN/);
          expect(last.body).toBeUndefined();
          outcomes.refused += 1;
          return;
        }
        expect(last.body).toBeDefined();
        const body = JSON.parse(String(last.body)) as Body;
        for (const value of Object.values(body)) expect(['string', 'boolean', 'number'].includes(typeof value) || value === null).toBe(true);
        expectRequestMatches(operation, input, body);
        outcomes.requests += 1;
      }),
      { numRuns: RUNS },
    );
    nock.cleanAll();
    expect(outcomes.requests + outcomes.refused).toBe(RUNS);
    // Both ways out are exercised, the request well beyond a token share.
    expect(outcomes.requests).toBeGreaterThan(RUNS / 5);
    expect(outcomes.refused).toBeGreaterThan(RUNS / 20);
    expect(unhandled).toEqual([]);
  }, 120_000);
  });
}
