import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WATCHES } from '../../scripts/make/app';
import { MAKE_APP_ROOT } from './runner';

/**
 * `npm run make:deploy` against a stand-in of Make's API on loopback, as Make's SDK calls it
 * (its zone pointed at the stand-in, which answers what the SDK's code reads).
 */

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const TOKEN = '8f7a2c1e-4b5d-4e6f-9a0b-1c2d3e4f5a6b';
const APP = 'gloop-crm';

interface Call {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

let server: Server;
let calls: Call[];
let zone: string;

/** What Make's API answers, as far as the SDK reads it; createLead already exists there, the rest is new. */
function answer(call: Call): object {
  if (call.method === 'GET' && call.path.endsWith('/connections')) return { appConnections: [] };
  if (call.method === 'POST' && call.path.endsWith('/connections')) return { appConnection: { name: `${APP}-a1b2`, label: 'Gloop CRM', type: 'oauth' } };
  if (call.method === 'GET' && call.path.endsWith('/rpcs')) return { appRpcs: [] };
  if (call.method === 'GET' && call.path.endsWith('/modules')) return { appModules: [{ name: 'createLead', label: 'Create a Lead' }] };
  if (call.method === 'POST' && call.path.endsWith('/rpcs')) return { appRpc: JSON.parse(call.body) as object };
  if (call.method === 'POST' && call.path.endsWith('/modules')) return { appModule: JSON.parse(call.body) as object };
  return { changed: true };
}

beforeEach(async () => {
  calls = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const call = { method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization, contentType: request.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') };
      calls.push(call);
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer(call)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  zone = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

// The npm script itself; its `pre` build is left to `npm test`'s own, so no test rewrites dist/ under another.
const deploy = (env: Record<string, string>) =>
  run('npm', ['run', '--silent', '--ignore-scripts', 'make:deploy'], { cwd: root, env: { ...process.env, MAKE_APP: '', MAKE_ZONE: '', MAKE_API_TOKEN: '', ...env } }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

const file = (path: string) => readFileSync(join(MAKE_APP_ROOT, path), 'utf8');
const project = JSON.parse(file('makecomapp.json')) as {
  generalCodeFiles: Record<string, string>;
  components: Record<'connection' | 'module' | 'rpc', Record<string, { codeFiles: Record<string, string>; label: string; moduleType?: string }>>;
};
const API = '/api/v2/sdk/apps';

describe('npm run make:deploy, against a stand-in of Make\'s API', () => {
  it('sends every code of the generated app to the right component, with the generated body', async () => {
    const result = await deploy({ MAKE_APP: APP, MAKE_ZONE: zone, MAKE_API_TOKEN: TOKEN });
    expect(result).toMatchObject({ code: 0 });
    for (const call of calls) expect(call.authorization).toBe(`Token ${TOKEN}`);
    const sent = (method: string, path: string) => calls.filter((call) => call.method === method && call.path === path).map((call) => call.body);

    expect(sent('PUT', `${API}/${APP}/1/base`)).toEqual([file(project.generalCodeFiles.base)]);
    expect(sent('PUT', `${API}/${APP}/1/groups`)).toEqual([file(project.generalCodeFiles.groups)]);
    expect(sent('PUT', `${API}/${APP}/1/readme`)).toEqual([file(project.generalCodeFiles.readme)]);
    expect(sent('PUT', `${API}/${APP}/1/common`).map((body) => JSON.parse(body) as unknown)).toEqual([JSON.parse(file(project.generalCodeFiles.common))]);

    const connection = project.components.connection.gloop.codeFiles;
    expect(sent('POST', `${API}/${APP}/connections`).map((body) => JSON.parse(body) as unknown)).toEqual([{ type: 'oauth', label: 'Gloop CRM' }]);
    const connectionSections = { api: 'communication', parameters: 'params', scopes: 'scopeList', scope: 'defaultScope', installSpec: 'installSpec', install: 'installDirectives' };
    for (const [section, code] of Object.entries(connectionSections)) expect([section, sent('PUT', `${API}/connections/${APP}-a1b2/${section}`)]).toEqual([section, [file(connection[code])]]);

    for (const [id, rpc] of Object.entries(project.components.rpc)) {
      expect(sent('POST', `${API}/${APP}/1/rpcs`).map((body) => (JSON.parse(body) as { name: string }).name)).toContain(id);
      expect(sent('PATCH', `${API}/${APP}/1/rpcs/${id}`).map((body) => JSON.parse(body) as unknown)).toEqual([{ label: rpc.label, connection: `${APP}-a1b2` }]);
      expect(sent('PUT', `${API}/${APP}/1/rpcs/${id}/api`)).toEqual([file(rpc.codeFiles.communication)]);
      expect(sent('PUT', `${API}/${APP}/1/rpcs/${id}/parameters`)).toEqual([file(rpc.codeFiles.params)]);
    }

    const created = sent('POST', `${API}/${APP}/1/modules`).map((body) => JSON.parse(body) as { name: string; typeId: number });
    expect(created.map((module) => module.name).sort()).toEqual(Object.keys(project.components.module).filter((id) => id !== 'createLead').sort());
    // Make's ids of module types, written here apart from the tool: a Watch module is a polling trigger.
    const typeIds: Record<string, number> = { trigger: 1, action: 4, search: 9 };
    for (const module of created) expect([module.name, module.typeId]).toEqual([module.name, typeIds[project.components.module[module.name].moduleType!]]);
    expect(created.filter((module) => module.typeId === 1).map((module) => module.name)).toEqual(WATCHES.map((watch) => watch.id));
    const moduleSections = { api: 'communication', epoch: 'epoch', parameters: 'staticParams', expect: 'mappableParams', interface: 'interface', samples: 'samples', scope: 'scope' };
    for (const [id, module] of Object.entries(project.components.module)) {
      // A trigger has an epoch section and no mappable parameters; an action or a search the other way round.
      for (const [section, code] of Object.entries(moduleSections)) {
        const expected = module.codeFiles[code] === undefined ? [] : [file(module.codeFiles[code])];
        expect([id, section, sent('PUT', `${API}/${APP}/1/modules/${id}/${section}`)]).toEqual([id, section, expected]);
      }
    }
    const epoch = sent('PUT', `${API}/${APP}/1/modules/watchNewLeads/epoch`).map((body) => JSON.parse(body) as { response: { output: object } });
    expect(epoch[0].response.output).toEqual({ label: expect.any(String), date: expect.any(String) });
    expect(calls.filter((call) => call.method === 'PUT' && call.path.includes('/modules/')).every((call) => call.contentType === 'application/jsonc')).toBe(true);
  }, 60_000);

  it.each([
    [{ MAKE_ZONE: 'ZONE', MAKE_API_TOKEN: TOKEN }, 'Set MAKE_APP in the environment'],
    [{ MAKE_APP: APP, MAKE_API_TOKEN: TOKEN }, 'Set MAKE_ZONE in the environment'],
    [{ MAKE_APP: APP, MAKE_ZONE: 'ZONE' }, 'Set MAKE_API_TOKEN in the environment'],
    [{ MAKE_APP: APP, MAKE_ZONE: 'evil.example.com', MAKE_API_TOKEN: TOKEN }, 'MAKE_ZONE "evil.example.com" is not a Make zone'],
  ])('%j: refused in one sentence before any request', async (env, start) => {
    const result = await deploy(Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === 'ZONE' ? zone : value])));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').pop()).toMatch(new RegExp(`^${start.replace(/[".]/g, '\\$&')}`));
    expect(result.stderr).not.toContain(TOKEN);
    expect(calls).toEqual([]);
  }, 60_000);
});
