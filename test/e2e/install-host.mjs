// Installs code-server into test/e2e/host from its lockfile, offline except for the npm registry.
// Idempotent: does nothing when the pinned version is already installed. Quiet: npm and node-gyp
// write to a log file that is shown only when the install fails.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SetupError, ensureSystemPackages } from '../../scripts/system-packages.mjs';

const hostDir = fileURLToPath(new URL('./host/', import.meta.url));
const scriptShell = fileURLToPath(new URL('./root-script-shell.sh', import.meta.url));
export const installLog = fileURLToPath(new URL('./artifacts/install-host.log', import.meta.url));
export const codeServerBin = join(hostDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

const pinnedVersion = JSON.parse(readFileSync(join(hostDir, 'package.json'), 'utf8')).dependencies['code-server'];

function installedVersion() {
  const manifest = join(hostDir, 'node_modules', 'code-server', 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

/** @vscode/ripgrep's postinstall downloads from GitHub; it finds this archive in its cache instead. */
function prefillRipgrepCache(privateTmp) {
  const cache = join(privateTmp, 'vscode-ripgrep-cache-1.15.11');
  mkdirSync(cache, { recursive: true });
  spawnSync('tar', ['czf', join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', '/usr/bin', 'rg'], { stdio: 'ignore' });
}

function npmInstall(privateTmp) {
  const hasLock = existsSync(join(hostDir, 'package-lock.json'));
  mkdirSync(join(installLog, '..'), { recursive: true });
  const log = openSync(installLog, 'w');
  try {
    return spawnSync('npm', [hasLock ? 'ci' : 'install', '--no-audit', '--no-fund', '--script-shell', scriptShell], {
      cwd: hostDir,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        TMPDIR: privateTmp,
        npm_config_yes: 'true', // node-pty runs `npx node-gyp`
        npm_config_nodedir: '/usr', // local Node headers instead of a download
      },
    }).status;
  } finally {
    closeSync(log);
  }
}

/** Installs code-server (and first the system packages it needs) unless the pinned version is there. */
export function installHost() {
  if (installedVersion() === pinnedVersion && existsSync(codeServerBin)) return;
  ensureSystemPackages(['host']);
  const started = Date.now();
  console.log(`Installing code-server ${pinnedVersion} (first run only, about 2 minutes; log: ${relative(process.cwd(), installLog)})…`);
  const privateTmp = mkdtempSync(join(tmpdir(), 'opentrack-host-install-'));
  let status;
  try {
    prefillRipgrepCache(privateTmp);
    status = npmInstall(privateTmp);
  } finally {
    rmSync(privateTmp, { recursive: true, force: true });
  }
  if (status !== 0 || installedVersion() !== pinnedVersion) {
    const tail = readFileSync(installLog, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
    throw new SetupError(`code-server ${pinnedVersion} did not install. The end of ${installLog}:\n${tail}`);
  }
  console.log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) installHost();
