import { join } from 'node:path';

/**
 * Runs one operation of an unzipped build.zip in a fresh process, the way Zapier's Lambda loads
 * it (through its zapierwrapper.js), and reports the result, the time and the peak memory.
 * argv: <unzipped build dir> <method> <bundle as JSON>
 */
async function main(): Promise<void> {
  const [dir, method, bundleJson] = process.argv.slice(2);
  const started = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { handler } = require(join(dir, 'zapierwrapper.js')) as { handler: (event: object, context: object) => Promise<{ results: unknown }> };
  const output = await handler({ command: 'execute', method, bundle: JSON.parse(bundleJson) }, {});
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const result = output.results as Record<string, unknown>;
  if (typeof result?.id !== 'string') throw new Error(`the create returned no id: ${JSON.stringify(result)}`);
  process.stdout.write(`\nRUN ${JSON.stringify({ id: result.id, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
