import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Make } from '@makehq/sdk';

/**
 * `npm run make:deploy`: sends every code of the generated Make app (make/) to a custom app in
 * Make, through Make's own SDK. The app, zone and token come from the environment, never from
 * the repo: MAKE_APP (the app's name in Make), MAKE_ZONE (e.g. eu1.make.com), MAKE_API_TOKEN,
 * and MAKE_APP_VERSION (default 1). Components missing in Make are created first.
 */

type Env = Record<string, string | undefined>;
type Files = Record<string, string>;
interface Makecomapp {
  generalCodeFiles: Files;
  components: {
    connection: Record<string, { label: string; connectionType: string; codeFiles: Files }>;
    rpc: Record<string, { label: string; codeFiles: Files }>;
    module: Record<string, { label: string; description: string; moduleType: keyof typeof MODULE_TYPE_IDS; codeFiles: Files }>;
  };
}

/** Make's API names for each code of the local layout (the VS Code extension's). */
const CONNECTION_SECTIONS = { communication: 'api', params: 'parameters', scopeList: 'scopes', defaultScope: 'scope', installSpec: 'installSpec', installDirectives: 'install' } as const;
const MODULE_SECTIONS = { communication: 'api', epoch: 'epoch', staticParams: 'parameters', mappableParams: 'expect', interface: 'interface', samples: 'samples', scope: 'scope' } as const satisfies Record<string, Parameters<Make['sdk']['modules']['setSection']>[3]>;
const RPC_SECTIONS = { communication: 'api', params: 'parameters' } as const;
/** Make's ids of module types: a Watch module is a (polling) trigger. */
const MODULE_TYPE_IDS = { trigger: 1, action: 4, search: 9 };

export interface DeployTarget {
  app: string;
  version: number;
  zone: string;
  token: string;
  protocol: 'https' | 'http';
}

/** What the environment names, or one sentence that says what is missing, before any request. */
export function deployTarget(env: Env): DeployTarget {
  const missing = ['MAKE_APP', 'MAKE_ZONE', 'MAKE_API_TOKEN'].filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new Error(`Set ${missing.join(', ')} in the environment: the Make app's name, its zone (e.g. eu1.make.com) and an API token with the sdk-apps scopes.`);
  }
  const zone = env.MAKE_ZONE!.trim();
  // Plain http only for a stand-in of Make's API on this machine.
  const local = /^(127\.0\.0\.1|localhost):\d+$/.test(zone);
  if (!local && !/^[a-z0-9.-]+\.make\.(com|celonis\.com)$/i.test(zone)) throw new Error(`MAKE_ZONE "${zone}" is not a Make zone such as eu1.make.com or us1.make.com.`);
  const version = Number(env.MAKE_APP_VERSION ?? '1');
  if (!Number.isInteger(version) || version < 1) throw new Error(`MAKE_APP_VERSION "${env.MAKE_APP_VERSION}" must be a whole number such as 1.`);
  return { app: env.MAKE_APP!.trim(), version, zone, token: env.MAKE_API_TOKEN!.trim(), protocol: local ? 'http' : 'https' };
}

export async function deploy(root: string, target: DeployTarget, log: (line: string) => void = console.log): Promise<void> {
  const project = JSON.parse(readFileSync(join(root, 'makecomapp.json'), 'utf8')) as Makecomapp;
  const code = (path: string) => readFileSync(join(root, path), 'utf8');
  const make = new Make(target.token, target.zone);
  make.protocol = target.protocol;
  const { app, version } = target;

  await make.sdk.apps.setSection(app, version, 'base', code(project.generalCodeFiles.base));
  await make.sdk.apps.setSection(app, version, 'groups', code(project.generalCodeFiles.groups));
  await make.sdk.apps.setCommon(app, version, JSON.parse(code(project.generalCodeFiles.common)) as Record<string, never>);
  await make.sdk.apps.setDocs(app, version, code(project.generalCodeFiles.readme));
  log(`${app} v${version}: base, groups, common, readme`);

  const connections = await make.sdk.connections.list(app);
  const remoteConnection: Record<string, string> = {};
  for (const [id, connection] of Object.entries(project.components.connection)) {
    const existing = connections.find((candidate) => candidate.label === connection.label);
    const name = existing?.name ?? (await make.sdk.connections.create(app, { type: connection.connectionType, label: connection.label })).name;
    remoteConnection[id] = name;
    for (const [local, section] of Object.entries(CONNECTION_SECTIONS)) {
      await make.sdk.connections.setSection(name, section, code(connection.codeFiles[local]));
    }
    await make.sdk.connections.setCommon(name, JSON.parse(code(connection.codeFiles.common)) as Record<string, never>);
    log(`connection ${id} -> ${name}`);
  }
  const connectionName = Object.values(remoteConnection)[0];

  const rpcs = await make.sdk.rpcs.list(app, version);
  for (const [id, rpc] of Object.entries(project.components.rpc)) {
    if (!rpcs.some((candidate) => candidate.name === id)) await make.sdk.rpcs.create(app, version, { name: id, label: rpc.label });
    await make.sdk.rpcs.update(app, version, id, { label: rpc.label, connection: connectionName });
    for (const [local, section] of Object.entries(RPC_SECTIONS)) await make.sdk.rpcs.setSection(app, version, id, section, code(rpc.codeFiles[local]));
    log(`rpc ${id}`);
  }

  const modules = await make.sdk.modules.list(app, version);
  for (const [id, module] of Object.entries(project.components.module)) {
    if (!modules.some((candidate) => candidate.name === id)) {
      await make.sdk.modules.create(app, version, { name: id, typeId: MODULE_TYPE_IDS[module.moduleType], label: module.label, description: module.description, moduleInitMode: 'blank' });
    }
    await make.sdk.modules.update(app, version, id, { label: module.label, description: module.description, connection: connectionName });
    // Each code the module has: a trigger has its epoch and no mappable parameters.
    for (const [local, path] of Object.entries(module.codeFiles)) {
      if (!Object.hasOwn(MODULE_SECTIONS, local)) throw new Error(`module ${id} has a code "${local}" that Make has no section for`);
      await make.sdk.modules.setSection(app, version, id, MODULE_SECTIONS[local as keyof typeof MODULE_SECTIONS], code(path));
    }
    log(`module ${id}`);
  }
}

if (require.main === module) {
  const run = async () => deploy(join(__dirname, '..', '..', '..', 'make'), deployTarget(process.env));
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
