import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ALLOW_LOCAL_SANDBOX_ENV } from '../src/http/domain';
import { App } from './helpers/app';
import { RawGloop, sandboxFor } from './helpers/sandbox';
import { startZapierStandIn, type ZapierStandIn } from './helpers/zapier-stand-in';

const root = join(__dirname, '..');
const run = promisify(execFile);
const APP_ID = 4242;
const DEPLOY_KEY = 'deploy-key-for-the-stand-in';

const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
const zipEntries = (zip: string) => execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');

/**
 * The publish route end to end, with no network: `npm run push` on a 1,024 open-file limit, its
 * build and the CLI's upload to a stand-in of Zapier's API on loopback, and the uploaded
 * build.zip run in a fresh process against the sandbox.
 */
describe('npm run push, against a local stand-in of Zapier', () => {
  let zapier: ZapierStandIn;
  let untrackedBefore: string;
  let pushed: { stdout: string; stderr: string };
  const env = (overrides: Record<string, string> = {}) => ({ ...process.env, ZAPIER_BASE_ENDPOINT: zapier.url, ZAPIER_DEPLOY_KEY: DEPLOY_KEY, ZAPIER_CURRENT_APP_FILE: appFile(), ...overrides });

  /** The integration's link as `zapier-platform register` would write it, beside the project's own settings. */
  function appFile(): string {
    const file = join(mkdtempSync(join(tmpdir(), 'zapierapprc-')), '.zapierapprc');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(join(root, '.zapierapprc'), 'utf8')), id: APP_ID, key: `App${APP_ID}` }));
    return file;
  }

  beforeAll(async () => {
    zapier = await startZapierStandIn({ id: APP_ID, deployKey: DEPLOY_KEY });
    untrackedBefore = git('status', '--porcelain', '--untracked-files=all');
    // Asynchronous, so the stand-in in this process can answer the CLI.
    pushed = await run('bash', ['-c', 'ulimit -n 1024 && npm run push'], { cwd: root, env: env(), maxBuffer: 16 * 1024 * 1024 });
  }, 240_000);

  afterAll(() => zapier.close());

  it('asks for the integration, then uploads this version once, every call with the deploy key', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(zapier.calls.map(({ method, path, deployKey }) => [method, path, deployKey])).toEqual([
      ['GET', `/api/platform/cli/apps/${APP_ID}`, DEPLOY_KEY],
      ['PUT', `/api/platform/cli/apps/${APP_ID}/versions/${version}`, DEPLOY_KEY],
    ]);
    expect(zapier.calls[1].body).toMatchObject({ skip_validation: false, zip_file: expect.any(String), source_zip_file: expect.any(String) });
    expect(pushed.stdout).toContain('Upload complete!');
  });

  it('uploads the very build.zip and source.zip that `npm run zip` built and the tests below check', () => {
    const body = zapier.calls[1].body as { zip_file: string; source_zip_file: string };
    expect(Buffer.from(body.zip_file, 'base64').equals(readFileSync(join(root, 'build/build.zip')))).toBe(true);
    expect(Buffer.from(body.source_zip_file, 'base64').equals(readFileSync(join(root, 'build/source.zip')))).toBe(true);
  });

  it('leaves nothing behind that git would track', () => {
    expect(git('status', '--porcelain', '--untracked-files=all')).toBe(untrackedBefore);
  });

  it('source.zip holds the project as git tracks it, and nothing else', () => {
    const tracked = git('ls-files', '--cached', '--others', '--exclude-standard')
      .trim()
      .split('\n')
      .filter((file) => existsSync(join(root, file)) && !/\.(zip|env)$/.test(file));
    expect(zipEntries(join(root, 'build/source.zip')).sort()).toEqual(tracked.sort());
  });

  it('build.zip holds the compiled app, its definition and the core', () => {
    expect(zipEntries(join(root, 'build/build.zip'))).toEqual(
      expect.arrayContaining(['index.js', 'zapierwrapper.js', 'definition.json', 'dist/src/index.js', 'dist/src/leads/create.js', 'node_modules/zapier-platform-core/package.json']),
    );
  });

  it('build.zip leaves out the sandbox, scripts, tests, dev tools and optional packages the app never loads', () => {
    // The CLI zips every package.json; code is what would weigh and run.
    const devCode = /node_modules\/(jest|nock|typescript|zapier-platform-cli|node|ts-jest|encoding|iconv-lite)\/.*\.[cm]?js(on)?$/;
    const strays = zipEntries(join(root, 'build/build.zip')).filter((file) => /^(dist\/)?(sandbox|scripts|test|bench|docs)\//.test(file) || devCode.test(file));
    expect(strays).toEqual([]);
  });

  it('build.zip records the same definition the app exports', () => {
    const definition = JSON.parse(execFileSync('unzip', ['-p', join(root, 'build/build.zip'), 'definition.json'], { encoding: 'utf8' }));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(definition.version).toBe(pkg.version);
    expect(Object.keys(definition.creates)).toEqual(Object.keys(App.creates));
    expect(Object.keys(definition.searches)).toEqual(Object.keys(App.searches));
    expect(Object.keys(definition.searches).slice(0, 2)).toEqual(['find_lead', 'find_customer']);
    expect(Object.keys(definition.creates).slice(0, 4)).toEqual(['create_lead', 'create_lead_with_duplicate_check', 'create_note', 'create_account']);
    expect(definition.authentication.type).toBe('session');
  });

  it('the uploaded build.zip, loaded in a fresh process as Zapier loads it, creates a lead on the sandbox', async () => {
    const unzipped = mkdtempSync(join(tmpdir(), 'uploaded-build-'));
    writeFileSync(join(unzipped, 'build.zip'), Buffer.from((zapier.calls[1].body as { zip_file: string }).zip_file, 'base64'));
    execFileSync('unzip', ['-q', 'build.zip'], { cwd: unzipped });
    const sandbox = await sandboxFor();
    try {
      const gloop = new RawGloop(sandbox.url);
      await gloop.signIn();
      const bundle = { authData: { domain: sandbox.url, access_token: gloop.token }, inputData: { name: 'נועה ברק', phone: '052-111-2233' } };
      const { stdout } = await run(process.execPath, [join(root, 'dist/scripts/run-build.js'), unzipped, 'creates.create_lead.operation.perform', JSON.stringify(bundle)], {
        env: { ...process.env, [ALLOW_LOCAL_SANDBOX_ENV]: '1' },
      });
      const { id } = JSON.parse(stdout.split('\n').find((line) => line.startsWith('RUN '))!.slice(4)) as { id: string };
      expect(sandbox.store.records('LEADS').map((lead) => [lead.id, lead.raw])).toEqual([[id, '{"phone":"0521112233","name":"נועה ברק","f_name":"נועה ברק"}']]);
    } finally {
      await sandbox.close();
    }
  });

  it('a wrong deploy key stops the upload with the CLI\'s own advice, before anything is sent', async () => {
    const calls = zapier.calls.length;
    const failure = await run(join(root, 'node_modules/.bin/zapier-platform'), ['upload'], { cwd: root, env: env({ ZAPIER_DEPLOY_KEY: 'revoked', DISABLE_ZAPIER_ANALYTICS: '1', NO_UPDATE_NOTIFIER: '1' }) }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('Your credentials are present, but invalid in this environment') });
    expect(zapier.calls.slice(calls).map(({ method }) => method)).toEqual(['GET']);
  });
});
