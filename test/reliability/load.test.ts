import fc from 'fast-check';
import type { FaultKind } from '../../sandbox/faults';
import { armFault, useConnectedSandbox } from '../helpers/sandbox';

const CREATES = 500;
const IN_FLIGHT = 50;
const CREATE = 'creates.create_lead.operation.perform';
const REPLAY_ROUNDS = 10;

type Outcome = { id: string } | { error: { name: string; code?: string } };

const live = useConnectedSandbox();

/** A bounded, seeded sequence of faults between clean calls: about one call in four misbehaves. */
const faultSequence = fc.sample(
  fc.array(fc.constantFrom<FaultKind>('none', 'none', 'none', 'none', 'none', 'none', 'none', 'none', 'none', '429', '500', '503', 'drop'), { minLength: CREATES, maxLength: CREATES }),
  { seed: 20261126, numRuns: 1 },
)[0];

async function runAll(markers: number[]): Promise<Map<number, Outcome>> {
  const outcomes = new Map<number, Outcome>();
  const queue = [...markers];
  const worker = async () => {
    for (let marker = queue.shift(); marker !== undefined; marker = queue.shift()) {
      try {
        const output = await live.zap.run<{ id: string }>(CREATE, { inputData: { name: `ליד ${marker}`, phone: '050-123-4567', ext_one: `load-${marker}` } as never });
        outcomes.set(marker, { id: output.id });
      } catch (error) {
        const { name, message } = error as Error;
        outcomes.set(marker, { error: name === 'AppError' ? { name, code: (JSON.parse(message) as { code: string }).code } : { name } });
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return outcomes;
}

describe(`${CREATES} creates, ${IN_FLIGHT} in flight, with 429s, 5xx and dropped connections`, () => {
  it('stores every create the app reported done exactly once, and holds every other one as a Zapier error to replay', async () => {
    for (const kind of faultSequence) await armFault(live.sandbox, '/v2/leads/create', kind, 1, 1);
    const markers = Array.from({ length: CREATES }, (_, index) => index);
    const done = new Map<number, string>();
    const errorKinds = new Set<string>();
    let pending = markers;

    for (let round = 0; round < REPLAY_ROUNDS && pending.length > 0; round += 1) {
      const outcomes = await runAll(pending);
      expect(outcomes.size).toBe(pending.length); // none vanished: each ended in an id or an error
      for (const [marker, outcome] of outcomes) {
        if ('id' in outcome) done.set(marker, outcome.id);
        else {
          errorKinds.add(`${outcome.error.name}:${outcome.error.code ?? ''}`);
          expect(['ThrottledError:', 'AppError:GloopServerError', 'AppError:GloopUnreachable']).toContain(`${outcome.error.name}:${outcome.error.code ?? ''}`);
        }
      }
      pending = pending.filter((marker) => !done.has(marker));
      // Nothing stored that was not reported done, nothing reported done that is not stored.
      expect(live.sandbox.store.records('LEADS').length).toBe(done.size);
    }

    expect(pending).toEqual([]);
    expect(errorKinds).toEqual(new Set(['ThrottledError:', 'AppError:GloopServerError', 'AppError:GloopUnreachable']));
    const stored = live.sandbox.store.records('LEADS');
    expect(stored).toHaveLength(CREATES);
    const storedByMarker = new Map(stored.map((record) => [Number(String(record.fields.ext_one).replace('load-', '')), record.id]));
    expect(storedByMarker.size).toBe(CREATES);
    for (const [marker, id] of done) expect(storedByMarker.get(marker)).toBe(id);
  }, 120_000);
});
