// Starts the stand-in OpenTrack server: node out/tests/opentrack-server/main.js [--port N] [--username U] [--password P]
import { parseArgs } from 'node:util';
import { startOpenTrackServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, username: { type: 'string' }, password: { type: 'string' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0…65535, not "${values.port}"`);
  const server = await startOpenTrackServer({ port, username: values.username, password: values.password });
  // These are the stand-in's own test credentials, printed so a person can log in; no client secret is ever printed.
  process.stdout.write(
    `listening ${server.url.replace(/\/$/, '')}\n` +
      `test credentials: username ${server.credentials.username} password ${server.credentials.password}\n` +
      `control: POST ${server.url}__control, state: GET ${server.url}__state\n`,
  );
  // Once the server is closed nothing is left to run, so the process ends by itself.
  const stop = () => void server.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`opentrack-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
