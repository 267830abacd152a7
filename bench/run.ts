import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../sandbox/ids';
import type { StoredRecord } from '../sandbox/store';
import { startSandbox, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, type Sandbox } from '../sandbox/server';
import { LocalZap } from '../scripts/local-zap';
import App from '../src';
import { dependencies } from '../package.json';
import { ALLOW_LOCAL_SANDBOX_ENV } from '../src/http/domain';

const root = join(__dirname, '..', '..');
const CREATE = 'creates.create_lead.operation.perform';
const LEAD = { name: 'ישראל ישראלי', phone: '050-123-4567', email: 'israel@example.co.il', text: 'מעוניין בהצעת מחיר 🙂', utm_source: 'Facebook' };
const LEAD_BODY = JSON.stringify({ name: 'ישראל ישראלי', f_name: 'ישראל ישראלי', phone: '0501234567', email: 'israel@example.co.il', text: 'מעוניין בהצעת מחיר 🙂', utm_source: 'Facebook' });
const COLD_RUNS = 15;
const CALLS = 300;
const WARM_UP = 20;
const DROPDOWN_RUNS = 15;
const POLL = 'triggers.new_lead.operation.perform';
const POLL_RUNS = 15;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function sandboxWith(users: number): Promise<Sandbox> {
  return startSandbox({ port: 0, database: ':memory:', users, clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET, tokenTtlSeconds: 3600 });
}

async function connected(sandbox: Sandbox): Promise<LocalZap> {
  const zap = new LocalZap(App, { domain: sandbox.url, client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET });
  await zap.connect();
  return zap;
}

const totalRequests = (sandbox: Sandbox) => [...sandbox.requests.values()].reduce((sum, count) => sum + count, 0);

/** 1. HTTP requests per create: steady state, and right after the token expired. */
async function requestsPerCreate() {
  const sandbox = await sandboxWith(12);
  try {
    const zap = await connected(sandbox);
    await zap.run(CREATE, { inputData: LEAD });
    let before = totalRequests(sandbox);
    await zap.run(CREATE, { inputData: LEAD });
    const steady = totalRequests(sandbox) - before;
    sandbox.store.expireTokens();
    before = totalRequests(sandbox);
    await zap.run(CREATE, { inputData: LEAD });
    const afterExpiry = totalRequests(sandbox) - before;
    // The answer lost after Gloop stored the lead: the POST, then one search that finds it.
    sandbox.faults.arm('/v2/leads/create', { kind: 'store-then-drop' }, 1);
    before = totalRequests(sandbox);
    // Another person: an identical lead stored the same second would leave the search unable to tell them apart.
    const confirmed = await zap.run<{ confirmed_by_search: boolean }>(CREATE, { inputData: { ...LEAD, name: 'דנה כהן', phone: '052-765-4321' } });
    const answerLost = totalRequests(sandbox) - before;
    if (!confirmed.confirmed_by_search) throw new Error('the lost answer was not settled by search');
    return { steady, steadyGoal: 1, afterExpiry, afterExpiryGoal: 3, answerLost, answerLostGoal: 2, leadsStored: sandbox.store.records('LEADS').length, leadsCreated: 4 };
  } finally {
    await sandbox.close();
  }
}

/** Installs and builds the bare baseline app once, in a temp folder. */
function buildBareApp(work: string): string {
  const dir = join(work, 'bare-app');
  mkdirSync(dir);
  copyFileSync(join(root, 'bench', 'bare-app', 'index.js'), join(dir, 'index.js'));
  // Written here, not kept beside index.js: the CLI zips every package.json it finds in a project.
  const core = { 'zapier-platform-core': dependencies['zapier-platform-core'] };
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare-zapier-app', version: '1.0.0', private: true, main: 'index.js', dependencies: core }));
  writeFileSync(join(dir, '.zapierapprc'), JSON.stringify({ includeInBuild: ['node_modules/(async|async-generator|generator)-function/require\\.mjs$'] }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: dir, stdio: 'pipe' });
  execFileSync(join(root, 'node_modules', '.bin', 'zapier-platform'), ['build', '--skip-dep-install', '--skip-validation'], {
    cwd: dir,
    stdio: 'pipe',
    env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' },
  });
  return join(dir, 'build', 'build.zip');
}

function unzip(zip: string, into: string): string {
  mkdirSync(into);
  execFileSync('unzip', ['-q', zip, '-d', into]);
  return into;
}

/** Asynchronous, so the sandbox in this process can answer the child. */
async function coldStart(dir: string, method: string, bundle: object): Promise<{ ms: number; peakRssMb: number }> {
  const { stdout: out } = await promisify(execFile)(process.execPath, ['--disable-warning=ExperimentalWarning', join(root, 'dist', 'scripts', 'run-build.js'), dir, method, JSON.stringify(bundle)], {
    encoding: 'utf8',
    env: { ...process.env, [ALLOW_LOCAL_SANDBOX_ENV]: '1' },
  });
  const line = out.split('\n').find((text) => text.startsWith('RUN '));
  if (!line) throw new Error(`cold start printed no result:\n${out}`);
  return JSON.parse(line.slice('RUN '.length)) as { ms: number; peakRssMb: number };
}

/** 2 and 5. Cold start and build.zip size, against the bare app in the same run. */
async function coldStartAndSize(work: string) {
  const ourZip = join(root, 'build', 'build.zip'); // written by `npm run zip`, which `npm run bench` runs first
  const bareZip = buildBareApp(work);
  const ourDir = unzip(ourZip, join(work, 'ours'));
  const bareDir = unzip(bareZip, join(work, 'bare'));
  const sandbox = await sandboxWith(12);
  try {
    const zap = await connected(sandbox);
    const token = zap.authData.access_token;
    const ours: { ms: number; peakRssMb: number }[] = [];
    const bare: { ms: number; peakRssMb: number }[] = [];
    for (let run = 0; run < COLD_RUNS; run += 1) {
      // Alternate, so drift on a noisy machine falls on both alike.
      ours.push(await coldStart(ourDir, CREATE, { authData: { domain: sandbox.url, access_token: token }, inputData: LEAD }));
      bare.push(await coldStart(bareDir, 'creates.trivial.operation.perform', { inputData: { url: `${sandbox.url}/v2/leads/create`, token, body: JSON.parse(LEAD_BODY) } }));
    }
    const ms = { ours: median(ours.map((run) => run.ms)), bare: median(bare.map((run) => run.ms)) };
    const mb = { ours: median(ours.map((run) => run.peakRssMb)), bare: median(bare.map((run) => run.peakRssMb)) };
    const size = { ours: statSync(ourZip).size, bare: statSync(bareZip).size };
    return {
      coldStart: { runs: COLD_RUNS, oursMs: round(ms.ours), bareMs: round(ms.bare), timeRatio: round(ms.ours / ms.bare, 3), oursPeakRssMb: round(mb.ours), barePeakRssMb: round(mb.bare), memoryRatio: round(mb.ours / mb.bare, 3), goal: '<= 1.10' },
      buildZip: { oursBytes: size.ours, bareBytes: size.bare, ratio: round(size.ours / size.bare, 3), goal: '<= 1.20' },
    };
  } finally {
    await sandbox.close();
  }
}

function rawPost(url: string, token: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const call = request(url, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 201 ? resolve() : reject(new Error(`raw POST answered ${response.statusCode}`))));
    });
    call.on('error', reject);
    call.end(body);
  });
}

/** 3. Per-call overhead: create_lead through the app, against one raw POST of the same body and against the bare app's create. */
async function perCallOverhead() {
  const sandbox = await sandboxWith(12);
  try {
    const zap = await connected(sandbox);
    const token = zap.authData.access_token;
    const url = `${sandbox.url}/v2/leads/create`;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bareApp = require(join(root, 'bench', 'bare-app', 'index.js')) as { creates: { trivial: { operation: { perform: unknown } } } };
    const bareZap = new LocalZap(bareApp, {});
    // Our whole definition, which core copies and freezes on every call, with the bare app's perform in create_lead.
    const create = App.creates.create_lead;
    const ourDefinition = { ...App, creates: { ...App.creates, create_lead: { ...create, operation: { ...create.operation, perform: bareApp.creates.trivial.operation.perform } } } };
    const definitionZap = new LocalZap(ourDefinition, {});
    const bareInput = { url, token, body: JSON.parse(LEAD_BODY) as object };
    const contenders: Record<'app' | 'raw' | 'bare' | 'definition', () => Promise<unknown>> = {
      app: () => zap.run(CREATE, { inputData: LEAD }),
      raw: () => rawPost(url, token, LEAD_BODY),
      bare: () => bareZap.run('creates.trivial.operation.perform', { inputData: bareInput }),
      definition: () => definitionZap.run(CREATE, { inputData: bareInput }),
    };
    const times: Record<keyof typeof contenders, number[]> = { app: [], raw: [], bare: [], definition: [] };
    for (let call = 0; call < WARM_UP + CALLS; call += 1) {
      for (const [name, run] of Object.entries(contenders) as [keyof typeof contenders, () => Promise<unknown>][]) {
        const started = process.hrtime.bigint();
        await run();
        if (call >= WARM_UP) times[name].push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
    const [app, raw, bare, definition] = [median(times.app), median(times.raw), median(times.bare), median(times.definition)];
    return {
      calls: CALLS,
      appMedianMs: round(app, 3),
      rawMedianMs: round(raw, 3),
      bareAppMedianMs: round(bare, 3),
      ourDefinitionTrivialMs: round(definition, 3),
      ratioToRaw: round(app / raw, 3),
      ratioToBareApp: round(app / bare, 3),
      // What our own code adds, against what core charges for copying a definition of our size.
      ratioToOurDefinitionTrivial: round(app / definition, 3),
      definitionTrivialToBareApp: round(definition / bare, 3),
      definitionBytes: JSON.stringify(App).length,
      goal: '<= 1.25',
    };
  } finally {
    await sandbox.close();
  }
}

/** 4. The owner dropdown's first page for accounts of 25, 1,000 and 100,000 users. */
async function dropdownGrowth() {
  const rows: { users: number; requestsForFirstPage: number; medianMs: number }[] = [];
  for (const users of [25, 1_000, 100_000]) {
    const sandbox = await sandboxWith(users);
    try {
      const zap = await connected(sandbox);
      const times: number[] = [];
      let requests = 0;
      for (let run = 0; run < DROPDOWN_RUNS; run += 1) {
        const before = totalRequests(sandbox);
        const started = process.hrtime.bigint();
        await zap.run('triggers.user_list.operation.perform', { meta: { page: 0 } as never });
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        requests = totalRequests(sandbox) - before;
      }
      rows.push({ users, requestsForFirstPage: requests, medianMs: round(median(times), 3) });
    } finally {
      await sandbox.close();
    }
  }
  // 25 users fill a quarter of a page; from 1,000 users on, every first page is full, so 1,000 is the baseline for growth.
  const full = rows[1].medianMs;
  return rows.map((row) => ({ ...row, timeRatioTo1000: round(row.medianMs / full, 3) }));
}

/** An account of `count` leads, their phones in every form and their times a second apart. */
function seedLeads(sandbox: Sandbox, count: number): void {
  const starts = ['05', '5', '03', '+1', '9', '7'];
  const base = Date.parse('2024-01-01T00:00:00Z');
  function* leads(): Generator<StoredRecord> {
    for (let index = 0; index < count; index += 1) {
      const created = new Date(base + index * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const phone = `${starts[index % starts.length]}${String(index).padStart(8, '0')}`;
      const fields = { name: `ליד ${index}`, f_name: `ליד ${index}`, phone };
      yield { kind: 'LEADS', id: newId(), created, updated: created, raw: JSON.stringify(fields), fields };
    }
  }
  sandbox.store.addRecords(leads());
}

/** 6. A New Lead poll: its requests, and its time with 1,000 and 100,000 leads stored. */
async function pollGrowth() {
  const rows: { leads: number; requestsPerPoll: number; results: number; medianMs: number }[] = [];
  for (const leads of [1_000, 100_000]) {
    const sandbox = await sandboxWith(12);
    try {
      seedLeads(sandbox, leads);
      const zap = await connected(sandbox);
      const times: number[] = [];
      let requests = 0;
      let results = 0;
      for (let run = 0; run < POLL_RUNS; run += 1) {
        const before = totalRequests(sandbox);
        const started = process.hrtime.bigint();
        results = (await zap.run<unknown[]>(POLL)).length;
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        requests = totalRequests(sandbox) - before;
      }
      rows.push({ leads, requestsPerPoll: requests, results, medianMs: round(median(times), 3) });
    } finally {
      await sandbox.close();
    }
  }
  return rows.map((row) => ({ ...row, timeRatioTo1000: round(row.medianMs / rows[0].medianMs, 3) }));
}

async function measure(work: string) {
  return {
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, date: new Date().toISOString() },
    requestsPerCreate: await requestsPerCreate(),
    ...(await coldStartAndSize(work)),
    perCallOverhead: await perCallOverhead(),
    dropdownGrowth: await dropdownGrowth(),
    pollGrowth: await pollGrowth(),
  };
}

async function main(): Promise<void> {
  process.env[ALLOW_LOCAL_SANDBOX_ENV] = '1';
  const work = mkdtempSync(join(tmpdir(), 'gloop-bench-'));
  try {
    const results = await measure(work);
    mkdirSync(join(root, 'bench-results'), { recursive: true });
    writeFileSync(join(root, 'bench-results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    printTable(results);
    console.log(`\n${JSON.stringify(results)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function printTable(results: Awaited<ReturnType<typeof measure>>): void {
  const { requestsPerCreate: r, coldStart: c, buildZip: z, perCallOverhead: p, dropdownGrowth: g, pollGrowth: n } = results;
  const lines = [
    ['measure', 'ours', 'baseline', 'ratio', 'goal'],
    ['requests per create (steady)', r.steady, '-', '-', `${r.steadyGoal}`],
    ['requests per create (token expired)', r.afterExpiry, '-', '-', `<= ${r.afterExpiryGoal}`],
    ['requests per create (answer lost)', r.answerLost, '-', '-', `${r.answerLostGoal}`],
    ['cold start ms (median)', c.oursMs, c.bareMs, c.timeRatio, c.goal],
    ['cold start peak RSS MB (median)', c.oursPeakRssMb, c.barePeakRssMb, c.memoryRatio, c.goal],
    ['create_lead ms vs one raw POST (median)', p.appMedianMs, p.rawMedianMs, p.ratioToRaw, p.goal],
    ['create_lead ms vs bare core app create (median)', p.appMedianMs, p.bareAppMedianMs, p.ratioToBareApp, '-'],
    ['create_lead ms vs our definition, trivial perform (median)', p.appMedianMs, p.ourDefinitionTrivialMs, p.ratioToOurDefinitionTrivial, '-'],
    [`our definition (${p.definitionBytes} B), trivial perform, vs bare app`, p.ourDefinitionTrivialMs, p.bareAppMedianMs, p.definitionTrivialToBareApp, '-'],
    ...g.map((row) => [`owner dropdown page 1, ${row.users} users: requests / ms`, `${row.requestsForFirstPage} / ${row.medianMs}`, '1,000 users', row.timeRatioTo1000, 'flat']),
    ...n.map((row) => [`New Lead poll, ${row.leads} leads: requests / results / ms`, `${row.requestsPerPoll} / ${row.results} / ${row.medianMs}`, '1,000 leads', row.timeRatioTo1000, 'flat']),
    ['build.zip bytes', z.oursBytes, z.bareBytes, z.ratio, z.goal],
  ].map((row) => row.map(String));
  const widths = lines[0].map((_, column) => Math.max(...lines.map((row) => row[column].length)));
  for (const row of lines) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
