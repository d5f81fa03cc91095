// Starts and stops code-server (real VS Code 1.100.3 workbench + Node extension host) in a throwaway profile.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { stopOnInterrupt } from './cleanup.mjs';
import { codeServerBin } from './install-host.mjs';

const startupDeadlineMs = 30_000;
const stopGraceMs = 5_000;

const baseUserSettings = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'json.schemaDownload.enable': false,
  // The web workbench saves after a delay by default; the suites edit fixtures in memory and revert them.
  'files.autoSave': 'off',
};

function bindable(port) {
  return new Promise((resolve) => {
    const probe = createServer().once('error', () => resolve(undefined));
    probe.listen(port, '127.0.0.1', () => {
      const { port: bound } = probe.address();
      probe.close(() => resolve(bound));
    });
  });
}

/** `preferred` or one of the next 20 ports when one is free, else (or without `preferred`) any free port. */
async function freePort(preferred) {
  const candidates = preferred ? Array.from({ length: 20 }, (_, i) => preferred + i) : [];
  for (const port of [...candidates, 0]) {
    const bound = await bindable(port);
    if (bound) return bound;
  }
  throw new Error('no free port');
}

/** Fresh folders so nothing leaks in from (or out to) the home folder; HOME stays, npm reads ~/.npmrc. */
function createProfile(label, userSettings) {
  const runDir = mkdtempSync(join(tmpdir(), `opentrack-${label}-`));
  const profile = {
    runDir,
    configFile: join(runDir, 'config.yaml'),
    dataDir: join(runDir, 'data'),
    extensionsDir: join(runDir, 'ext'),
    logsDir: join(runDir, 'data', 'logs'),
    serverLog: join(runDir, 'code-server.log'),
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(runDir, 'xdg', 'config'),
      XDG_DATA_HOME: join(runDir, 'xdg', 'data'),
      XDG_CACHE_HOME: join(runDir, 'xdg', 'cache'),
    },
  };
  for (const dir of [profile.extensionsDir, join(profile.dataDir, 'User'), profile.env.XDG_CONFIG_HOME, profile.env.XDG_DATA_HOME, profile.env.XDG_CACHE_HOME]) {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(profile.configFile, 'auth: none\ncert: false\n');
  writeFileSync(join(profile.dataDir, 'User', 'settings.json'), JSON.stringify({ ...baseUserSettings, ...userSettings }, null, 2));
  return profile;
}

function profileArgs(profile) {
  return ['--config', profile.configFile, '--user-data-dir', profile.dataDir, '--extensions-dir', profile.extensionsDir];
}

/** The folder code-server unpacked the .vsix into: exactly what a user gets. */
function installedExtensionDir(profile, extensionId) {
  const name = readdirSync(profile.extensionsDir).find((entry) => entry.toLowerCase().startsWith(`${extensionId.toLowerCase()}-`));
  if (!name) throw new Error(`${extensionId} is not installed in ${profile.extensionsDir}`);
  return join(profile.extensionsDir, name);
}

async function waitForHealthz(url, exited) {
  const deadline = Date.now() + startupDeadlineMs;
  let hasExited = false;
  exited.then(() => (hasExited = true));
  while (Date.now() < deadline && !hasExited) {
    const healthy = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
    if (healthy) return;
    await delay(200);
  }
  throw new Error(hasExited ? 'code-server exited during startup' : `code-server not healthy after ${startupDeadlineMs} ms`);
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/**
 * Installs `vsix` into a fresh profile and serves the workbench on 127.0.0.1.
 * `stop()` kills the whole process group (extension host, language server, watchers) and deletes the profile;
 * `endedUnexpectedly` settles if code-server ends without stop().
 */
export async function startCodeServer({ label, vsix, extensionId, userSettings = {}, preferredPort }) {
  const profile = createProfile(label, userSettings);
  let extensionDir;
  try {
    execFileSync(process.execPath, [codeServerBin, ...profileArgs(profile), '--install-extension', vsix, '--force'], {
      env: profile.env,
      stdio: 'pipe',
    });
    extensionDir = installedExtensionDir(profile, extensionId);
  } catch (error) {
    rmSync(profile.runDir, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort(preferredPort);
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(profile.serverLog, 'a');
  const child = spawn(
    process.execPath,
    [codeServerBin, ...profileArgs(profile), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--ignore-last-opened'],
    // detached = setsid(2): code-server leads its own process group, so one kill reaches all its children.
    { env: profile.env, detached: true, stdio: ['ignore', log, log] },
  );
  closeSync(log); // the child holds its own copy
  const exited = new Promise((resolve) => child.once('exit', resolve));

  let stopped;
  // Pending forever once stop() was called: only an exit nobody asked for settles it.
  const endedUnexpectedly = exited.then((code) => (stopped ? new Promise(() => {}) : code));
  const stop = () => (stopped ??= (async () => {
    signalGroup(child.pid, 'SIGTERM');
    await Promise.race([exited, delay(stopGraceMs, undefined, { ref: false })]);
    signalGroup(child.pid, 'SIGKILL'); // stragglers that ignored SIGTERM
    rmSync(profile.runDir, { recursive: true, force: true });
    forget();
  })());
  const forget = stopOnInterrupt(stop);

  try {
    await waitForHealthz(url, exited);
  } catch (error) {
    error.message += `\n--- code-server output ---\n${readFileSync(profile.serverLog, 'utf8').slice(-4000)}`;
    await stop();
    throw error;
  }
  return { ...profile, url, port, extensionDir, endedUnexpectedly, stop };
}
