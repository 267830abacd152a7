import { sandboxOptionsFromEnv, startSandbox } from './server';
import { Store } from './store';

/** `npm run sandbox` starts the local Gloop; `npm run sandbox -- --reset` empties its database first. */
async function main(argv: string[]): Promise<void> {
  const options = sandboxOptionsFromEnv(process.env);
  if (argv.includes('--reset')) {
    const store = new Store(options.database, options.users);
    store.reset();
    store.close();
    console.log(`Emptied ${options.database}.`);
    if (argv.includes('--exit')) return;
  }
  const sandbox = await startSandbox(options);
  console.log(`Gloop sandbox listening on ${sandbox.url}`);
  console.log(`  database:  ${options.database}`);
  console.log(`  client id: ${options.clientId} (secret from GLOOP_SANDBOX_CLIENT_SECRET, or the README's default)`);
  console.log(`  page:      ${sandbox.url}/`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
