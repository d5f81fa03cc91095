// `npm start`: the packaged extension in code-server with a copy of samples/ open, next to the local
// OpenTrack stand-in, until Ctrl+C (cleanup.mjs then stops everything).
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCodeServer } from './codeServer.mjs';
import { buildAndPackage, extensionId, repoRoot, vsixPath } from './extension.mjs';
import { installHost } from './install-host.mjs';
import { SetupError } from '../../scripts/system-packages.mjs';
import { settingsFor, startOpenTrackStandIn } from './openTrackStandIn.mjs';

function printWelcome(server, samples, openTrack) {
  const uploads = openTrack
    ? `uploads go to the local OpenTrack stand-in at ${openTrack.url}\n  ${openTrack.credentialsLine}`
    : 'no OpenTrack stand-in (out/tests/opentrack-server/main.js is not built): uploads go to the configured server';
  console.log(`
OpenTrack Competition Tools in VS Code (code-server):

  open  ${server.url}/?${new URLSearchParams({ folder: samples })}
        (a throwaway copy of samples/, deleted on exit)

  ${uploads}

Ctrl+C stops everything.`);
}

let openTrack;
let server;
try {
  installHost();
  buildAndPackage();
  openTrack = await startOpenTrackStandIn();
  server = await startCodeServer({
    label: 'demo',
    vsix: vsixPath,
    extensionId,
    userSettings: openTrack ? settingsFor(openTrack) : {},
    preferredPort: 8080,
  });
  // A copy, so trying out quick fixes, renames and saves leaves the repo's samples alone.
  const samples = join(server.runDir, 'samples');
  cpSync(join(repoRoot, 'samples'), samples, { recursive: true });
  printWelcome(server, samples, openTrack);
  await server.endedUnexpectedly;
  console.error(`code-server stopped on its own:\n${readFileSync(server.serverLog, 'utf8').slice(-4000)}`);
  process.exitCode = 1;
} catch (error) {
  if (!(error instanceof SetupError)) throw error;
  console.error(`\n${error.message}`);
  process.exitCode = 1;
} finally {
  await openTrack?.stop();
  await server?.stop();
}
