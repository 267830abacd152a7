import fc from 'fast-check';
import type { FaultKind } from '../../sandbox/faults';
import { armFault, expireTokens, useConnectedSandbox } from '../helpers/sandbox';

const CREATES = 500;
const IN_FLIGHT = 50;
const CREATE = 'creates.create_lead.operation.perform';
const REPLAY_ROUNDS = 10;

type Outcome = { id: string; confirmedBySearch: boolean } | { error: { name: string; code?: string } };

const live = useConnectedSandbox();

/**
 * A bounded, seeded sequence of faults between clean calls: about one call in four misbehaves,
 * 5% of them store the lead and then drop the connection, 1% store it and withhold the answer.
 */
const faultSequence = fc.sample(
  fc.array(
    fc.oneof(
      { arbitrary: fc.constantFrom<FaultKind>('none', 'none', 'none', 'none', 'none', 'none', 'none', 'none', 'none', '429', '500', '503', 'drop'), weight: 94 },
      { arbitrary: fc.constant<FaultKind>('store-then-drop'), weight: 5 },
      { arbitrary: fc.constant<FaultKind>('store-then-withhold'), weight: 1 },
    ),
    { minLength: CREATES, maxLength: CREATES },
  ),
  { seed: 20261126, numRuns: 1 },
)[0];
/** Each lead is another person, with a phone of their own. */
const phoneOf = (marker: number) => `050-${String(1_000_000 + marker).slice(1, 4)}-${String(1_000_000 + marker).slice(4)}`;

async function runAll(markers: number[]): Promise<Map<number, Outcome>> {
  const outcomes = new Map<number, Outcome>();
  const queue = [...markers];
  const worker = async () => {
    for (let marker = queue.shift(); marker !== undefined; marker = queue.shift()) {
      // Half-way through the first round, every token expires: the app renews it and carries on.
      if (marker === CREATES / 2) await expireTokens(live.sandbox);
      try {
        const output = await live.zap.run<{ id: string; confirmed_by_search: boolean }>(CREATE, { inputData: { name: `ליד ${marker}`, phone: phoneOf(marker), ext_one: `load-${marker}` } as never });
        outcomes.set(marker, { id: output.id, confirmedBySearch: output.confirmed_by_search });
      } catch (error) {
        const { name, message } = error as Error;
        outcomes.set(marker, { error: name === 'AppError' ? { name, code: (JSON.parse(message) as { code: string }).code } : { name } });
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return outcomes;
}

describe(`${CREATES} creates, ${IN_FLIGHT} in flight, with 429s, 5xx, dropped connections, answers lost after storing and a token expiry`, () => {
  it('stores every create the app reported done exactly once, and holds every other one as a Zapier error to replay', async () => {
    for (const kind of faultSequence) await armFault(live.sandbox, '/v2/leads/create', kind, 1, 1);
    const markers = Array.from({ length: CREATES }, (_, index) => index);
    const done = new Map<number, string>();
    const errorKinds = new Set<string>();
    let confirmedBySearch = 0;
    let leftUnknown = 0;
    let rounds = 0;
    let pending = markers;

    for (let round = 0; round < REPLAY_ROUNDS && pending.length > 0; round += 1) {
      const outcomes = await runAll(pending);
      rounds += 1;
      expect(outcomes.size).toBe(pending.length); // none vanished: each ended in an id or an error
      for (const [marker, outcome] of outcomes) {
        if ('id' in outcome) {
          done.set(marker, outcome.id);
          if (outcome.confirmedBySearch) confirmedBySearch += 1;
        } else {
          const kind = `${outcome.error.name}:${outcome.error.code ?? ''}`;
          errorKinds.add(kind);
          expect(['ThrottledError:', 'AppError:GloopServerError', 'AppError:GloopUnreachable', 'AppError:GloopTimeout', 'AppError:GloopOutcomeUnknown']).toContain(kind);
          if (kind === 'AppError:GloopOutcomeUnknown') {
            // As the message asks, a person looks in Gloop before replaying: stored, it is done.
            leftUnknown += 1;
            const stored = live.sandbox.store.records('LEADS').find((record) => record.fields.ext_one === `load-${marker}`);
            if (stored) done.set(marker, stored.id);
          }
        }
      }
      pending = pending.filter((marker) => !done.has(marker));
      // Nothing stored that was not reported done (no lead stored but reported "not saved"),
      // nothing reported done that is not stored.
      expect(live.sandbox.store.records('LEADS').length).toBe(done.size);
    }

    const lostAfterStoring = live.sandbox.faults.lostAfterWork;
    process.stdout.write(
      `load: ${CREATES} creates in ${rounds} rounds; ${lostAfterStoring} answers lost after storing, ${confirmedBySearch} settled by search, ${leftUnknown} left unknown (checked by hand before the replay); errors: ${[...errorKinds].join(', ')}\n`,
    );
    // Every lead whose answer was lost after storing was found by search, or said to be unknown: none replayed blind.
    expect(confirmedBySearch + leftUnknown).toBe(lostAfterStoring);
    expect(lostAfterStoring).toBeGreaterThan(20);
    // Most are settled by search; with 50 Zaps and the sandbox in one process some searches answer
    // too slowly to place a record by Gloop's clock, and the app rightly says "may have saved".
    expect(confirmedBySearch).toBeGreaterThan(lostAfterStoring / 2);

    expect(pending).toEqual([]);
    for (const kind of ['ThrottledError:', 'AppError:GloopServerError', 'AppError:GloopUnreachable']) expect([kind, errorKinds.has(kind)]).toEqual([kind, true]);
    const stored = live.sandbox.store.records('LEADS');
    expect(stored).toHaveLength(CREATES);
    const storedByMarker = new Map(stored.map((record) => [Number(String(record.fields.ext_one).replace('load-', '')), record.id]));
    expect(storedByMarker.size).toBe(CREATES);
    for (const [marker, id] of done) expect(storedByMarker.get(marker)).toBe(id);
  }, 120_000);
});
