import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FAULT_KINDS, type FaultKind } from '../../sandbox/faults';
import { ALLOW_LOCAL_SANDBOX_ENV } from '../../src/http/domain';
import { armFault, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, sandboxFor } from '../helpers/sandbox';

/**
 * Each fault Gloop can show, met by a step in a process of its own with nothing else pending, as
 * on Zapier's Lambda: jest keeps its own loop alive, so a step that would end the process without
 * an answer passes in jest and fails here. The compiled app runs, as `npm test` builds it first.
 */
const ROOT = join(__dirname, '../..');
const RUN_STEP = join(ROOT, 'dist/scripts/run-step.js');
const ZAPIER_LIMIT_MS = 30_000;
const lead = { name: 'ישראל ישראלי', phone: '+972 50-123-4567' };

type Printed = { results?: Record<string, unknown>; error?: { name: string; message: string }; ms: number };

/** The newest change under a folder, to tell a stale dist/ from the code under test. */
function newest(folder: string): number {
  return Math.max(...readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs));
}

// Children start a few at a time: twelve Node processes loading core at once would slow every clock on two cores.
let running = 0;
const waiting: (() => void)[] = [];
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 4) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function runStep(method: string, bundle: object): Promise<{ printed: Printed[]; code: number | null }> {
  return inTurn(() => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', RUN_STEP, method, JSON.stringify(bundle)], {
      env: { ...process.env, [ALLOW_LOCAL_SANDBOX_ENV]: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    // A decoding stream: a Hebrew letter's two bytes may come in two chunks.
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ printed: out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Printed), code }));
  }));
}

/** What each fault on Create Lead must end in: the lead Gloop stored, or a sentence and nothing stored. */
const EXPECTED: Record<FaultKind, 'confirmed' | 'created' | [name: string, code: string]> = {
  '429': ['ThrottledError', ''],
  '500': ['AppError', 'GloopServerError'],
  '503': ['AppError', 'GloopServerError'],
  hang: ['AppError', 'GloopTimeout'],
  drop: ['AppError', 'GloopUnreachable'],
  'no-id': ['AppError', 'GloopInvalidResponse'],
  'not-json': ['AppError', 'GloopInvalidResponse'],
  none: 'created',
  'store-then-drop': 'confirmed',
  'store-then-withhold': 'confirmed',
  'store-then-cut-body': 'confirmed',
  'store-then-stall-body': 'confirmed',
};

describe('a step in a bare process ends with its answer or an error, whatever Gloop does', () => {
  it('runs the code under test: dist/ is built from src/ as it is (npm test builds it first)', () => {
    expect(newest(join(ROOT, 'dist/src'))).toBeGreaterThanOrEqual(newest(join(ROOT, 'src')));
  });

  it.concurrent.each([...FAULT_KINDS])(
    'Create Lead under %s',
    async (kind) => {
      const sandbox = await sandboxFor();
      try {
        await armFault(sandbox, '/v2/leads/create', kind);
        const { printed, code } = await runStep('creates.create_lead.operation.perform', {
          authData: { domain: sandbox.url, client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET },
          inputData: lead,
        });
        expect(code).toBe(0);
        expect(printed).toHaveLength(1);
        expect(printed[0].ms).toBeLessThan(ZAPIER_LIMIT_MS);
        const stored = sandbox.store.records('LEADS').map((record) => record.id);
        const expected = EXPECTED[kind];
        if (typeof expected === 'string') {
          expect(stored).toHaveLength(1);
          expect(printed[0].results).toMatchObject({ id: stored[0], confirmed_by_search: expected === 'confirmed' });
        } else {
          expect(stored).toEqual([]);
          const [name, errorCode] = expected;
          expect(printed[0].error?.name).toBe(name);
          if (errorCode !== '') expect(JSON.parse(printed[0].error?.message ?? '{}')).toMatchObject({ code: errorCode });
        }
      } finally {
        await sandbox.close();
      }
    },
    3 * ZAPIER_LIMIT_MS,
  );
});
