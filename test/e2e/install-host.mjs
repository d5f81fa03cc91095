// Installs code-server into test/e2e/host from its lockfile, offline except for the npm registry.
// Idempotent: does nothing when the pinned version is already installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const hostDir = fileURLToPath(new URL('./host/', import.meta.url));
export const codeServerBin = join(hostDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

const pinnedVersion = JSON.parse(readFileSync(join(hostDir, 'package.json'), 'utf8')).dependencies['code-server'];

function installedVersion() {
  const manifest = join(hostDir, 'node_modules', 'code-server', 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

/** @vscode/ripgrep's postinstall downloads from GitHub; it finds this archive in its cache instead. */
function prefillRipgrepCache(privateTmp) {
  if (!existsSync('/usr/bin/rg')) throw new Error('ripgrep missing: apt-get install -y ripgrep');
  const cache = join(privateTmp, 'vscode-ripgrep-cache-1.15.11');
  mkdirSync(cache, { recursive: true });
  execFileSync('tar', ['czf', join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz'), '-C', '/usr/bin', 'rg']);
}

export function installHost() {
  if (installedVersion() === pinnedVersion && existsSync(codeServerBin)) return;
  console.log(`Installing code-server ${pinnedVersion} into ${hostDir} (about 75 s)…`);
  const privateTmp = mkdtempSync(join(tmpdir(), 'opentrack-host-install-'));
  try {
    prefillRipgrepCache(privateTmp);
    const hasLock = existsSync(join(hostDir, 'package-lock.json'));
    // --unsafe-perm: code-server's postinstall refuses to run as root otherwise.
    execFileSync('npm', [hasLock ? 'ci' : 'install', '--unsafe-perm', '--no-audit', '--no-fund'], {
      cwd: hostDir,
      stdio: 'inherit',
      env: {
        ...process.env,
        TMPDIR: privateTmp,
        npm_config_yes: 'true', // node-pty runs `npx node-gyp`
        npm_config_nodedir: '/usr', // local Node headers instead of a download
      },
    });
  } finally {
    rmSync(privateTmp, { recursive: true, force: true });
  }
  if (installedVersion() !== pinnedVersion) throw new Error(`code-server ${pinnedVersion} did not install`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) installHost();
