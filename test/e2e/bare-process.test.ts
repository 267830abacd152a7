import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { FAULT_KINDS, type FaultKind } from '../../sandbox/faults';
import { ALLOW_LOCAL_SANDBOX_ENV } from '../../src/http/domain';
import { armFault, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, sandboxFor } from '../helpers/sandbox';

/**
 * Each fault Gloop can show, met by a step in a process of its own with nothing else pending, as
 * on Zapier's Lambda: jest keeps its own loop alive, so a step that would end the process without
 * an answer passes in jest and fails here. The compiled app runs, as `npm test` builds it first.
 */
const RUN_STEP = join(__dirname, '../../dist/scripts/run-step.js');
const ZAPIER_LIMIT_MS = 30_000;
const lead = { name: 'ישראל ישראלי', phone: '+972 50-123-4567' };

type Printed = { results?: Record<string, unknown>; error?: { name: string; message: string } };

function runStep(method: string, bundle: object): Promise<{ printed: Printed[]; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', RUN_STEP, method, JSON.stringify(bundle)], {
      env: { ...process.env, [ALLOW_LOCAL_SANDBOX_ENV]: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ printed: out.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Printed), code }));
  });
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
  it.concurrent.each([...FAULT_KINDS])(
    'Create Lead under %s',
    async (kind) => {
      const sandbox = await sandboxFor();
      try {
        await armFault(sandbox, '/v2/leads/create', kind);
        const started = Date.now();
        const { printed, code } = await runStep('creates.create_lead.operation.perform', {
          authData: { domain: sandbox.url, client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET },
          inputData: lead,
        });
        expect(Date.now() - started).toBeLessThan(ZAPIER_LIMIT_MS);
        expect(code).toBe(0);
        expect(printed).toHaveLength(1);
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
    ZAPIER_LIMIT_MS + 5_000,
  );
});
