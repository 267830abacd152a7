import App from '../src';
import { LocalZap } from './local-zap';

/**
 * Runs one step of the app in a process of its own, as a Lambda runs one Zapier invocation: it
 * connects, runs the method, and prints `{"results": …}` or `{"error": {…}}` as one line, with
 * the step's own time in `ms` (the sign-in before it is Zapier's, not the step's). It never ends
 * the process itself: a step that leaves nothing pending ends it with neither.
 * argv: <method> <JSON {"authData": {domain, client_id, client_secret}, "inputData": {…}}>
 */
const [method, bundleJson] = process.argv.slice(2);
const { authData, inputData } = JSON.parse(bundleJson ?? '{}') as { authData: Record<string, string>; inputData: Record<string, unknown> };
const zap = new LocalZap(App, authData);
let started = Date.now();
zap
  .connect()
  .then(() => {
    started = Date.now();
    return zap.run(method ?? '', { inputData });
  })
  .then(
    (results) => process.stdout.write(`${JSON.stringify({ results, ms: Date.now() - started })}\n`),
    (error: unknown) => {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      process.stdout.write(`${JSON.stringify({ error: { name, message }, ms: Date.now() - started })}\n`);
    },
  );
