// The local OpenTrack stand-in (test/opentrack-server, built to out/tests) as a child process for `npm start`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stopOnInterrupt } from './cleanup.mjs';
import { repoRoot } from './extension.mjs';

const mainScript = join(repoRoot, 'out', 'tests', 'opentrack-server', 'main.js');

/**
 * Starts the stand-in; resolves with its URL and the test login it printed, or with undefined when the
 * stand-in is not built.
 */
export async function startOpenTrackStandIn() {
  if (!existsSync(mainScript)) return undefined;
  // Own process group, so Ctrl+C reaches it only through stop() (it closes cleanly on SIGTERM).
  const child = spawn(process.execPath, [mainScript], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let stopped;
  const stop = () => (stopped ??= (async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    forget();
  })());
  const forget = stopOnInterrupt(stop);

  const started = await new Promise((resolve, reject) => {
    const lines = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const url = lines.map((seen) => seen.match(/^listening (\S+)/)?.[1]).find(Boolean);
      const login = lines.map((seen) => seen.match(/^test credentials: username (\S+) password (\S+)/)).find(Boolean);
      if (url && login) resolve({ url, username: login[1], password: login[2], credentialsLine: login[0] });
    });
    exited.then((code) => reject(new Error(`OpenTrack stand-in exited (${code}) before listening:\n${lines.join('\n')}`)));
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { ...started, stop };
}

/**
 * User settings that send the extension's uploads to the stand-in (never to a real OpenTrack), through
 * the REST API: the one that can update a competition already uploaded, as organisers do all meet long.
 */
export function settingsFor(standIn) {
  return { 'opentrack.server': standIn.url, 'opentrack.api': 'rest' };
}
