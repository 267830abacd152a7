import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** Builds build.zip with the CLI, offline (its own self-test loads the zipped app), and lists it. */
describe('zapier-platform build', () => {
  let files: string[];

  beforeAll(() => {
    execFileSync('npm', ['run', 'zip'], { cwd: root, stdio: 'pipe', env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' } });
    files = execFileSync('unzip', ['-Z1', join(root, 'build/build.zip')], { encoding: 'utf8' }).trim().split('\n');
  }, 120_000);

  it('zips the compiled app, its definition and the core', () => {
    expect(files).toEqual(expect.arrayContaining(['index.js', 'zapierwrapper.js', 'definition.json', 'dist/src/index.js', 'dist/src/leads/create.js']));
    expect(files.some((file) => file.startsWith('node_modules/zapier-platform-core/'))).toBe(true);
  });

  it('leaves the sandbox, scripts, tests and the code of dev tools out', () => {
    // The CLI zips every package.json; code is what would weigh and run.
    const devCode = /node_modules\/(jest|nock|typescript|zapier-platform-cli|node|ts-jest)\/.*\.[cm]?js$/;
    const strays = files.filter((file) => /^(dist\/)?(sandbox|scripts|test|bench)\//.test(file) || devCode.test(file));
    expect(strays).toEqual([]);
  });

  it('records the same definition the app exports', () => {
    const definition = JSON.parse(execFileSync('unzip', ['-p', join(root, 'build/build.zip'), 'definition.json'], { encoding: 'utf8' }));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(definition.version).toBe(pkg.version);
    expect(Object.keys(definition.creates)).toEqual(['create_lead', 'create_lead_with_duplicate_check', 'create_note', 'create_account']);
    expect(Object.keys(definition.searches)).toEqual(['find_lead']);
    expect(definition.authentication.type).toBe('session');
  });
});
