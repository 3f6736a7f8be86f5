/**
 * `tsx sandbox/main.ts`: the sandbox on its own, for manual use (curl, Graph Explorer-style poking). PORT picks
 * the port (default 3001); state lives in .data/sandbox and survives restarts. Ctrl+C stops it cleanly.
 */
import path from 'node:path';
import { startSandbox } from './server';

const port = Number(process.env.PORT ?? 3001);
const dataDir = path.resolve('.data/sandbox');
const sandbox = await startSandbox({ port, dataDir });
const organiser = sandbox.people[0];

console.log(`Samråd sandbox (Microsoft Graph v1.0 emulator) at ${sandbox.graphBaseUrl}`);
console.log(`State: ${path.join(dataDir, 'state.json')}`);
if (organiser !== undefined) {
  // Tokens never expire in the sandbox: say how to get one rather than printing one into logs.
  console.log(
    `Try: TOKEN=$(curl -s -X POST -H 'content-type: application/json' -d '{"person":"${organiser.id}"}' ${sandbox.origin}/sandbox/token | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/')`,
  );
  console.log(`     curl -H "Authorization: Bearer $TOKEN" ${sandbox.graphBaseUrl}/me/events`);
}

const stop = (): void => {
  sandbox.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
