// The one list of Debian packages the real-VS-Code tooling needs, and how to get them.
// `npm start` and `npm run test:e2e` call ensureSystemPackages(); .ci/run runs this file.
// Root (or non-interactive sudo) installs what is missing with apt-get; anyone else gets one message
// naming every missing package and the exact command, before any long step starts.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const debInstalled = (name) =>
  spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed') ?? false;

/** `for`: who needs it. 'host' = installing and running code-server (npm start); 'ui' = the browser checks. */
export const systemPackages = [
  { name: 'ripgrep', for: 'host', why: "VS Code's search (code-server's @vscode/ripgrep is fed /usr/bin/rg)", present: () => onPath('rg') },
  { name: 'libkrb5-dev', for: 'host', why: "gssapi headers for code-server's kerberos module", present: () => debInstalled('libkrb5-dev') },
  { name: 'unzip', for: 'host', why: "code-server's install scripts", present: () => onPath('unzip') },
  { name: 'python3', for: 'host', why: 'node-gyp (native modules of code-server)', present: () => onPath('python3') },
  { name: 'make', for: 'host', why: 'node-gyp', present: () => onPath('make') },
  { name: 'g++', for: 'host', why: 'node-gyp', present: () => onPath('g++') },
  { name: 'chromium', for: 'ui', why: 'the browser the UI checks drive', present: () => onPath('chromium') },
];

/** Thrown for conditions a user can fix: callers print the message alone, no stack. */
export class SetupError extends Error {}

function canInstall() {
  if (!onPath('apt-get')) return undefined;
  if (process.getuid?.() === 0) return [];
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return undefined;
}

function aptGet(prefix, args, log) {
  const [command, ...rest] = [...prefix, 'apt-get', ...args];
  const result = spawnSync(command, rest, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  writeFileSync(log, `$ ${[command, ...rest].join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}`, { flag: 'a' });
  return result.status === 0;
}

/**
 * Makes sure the packages for `needs` ('host', 'ui') are installed. Installs them when it may;
 * otherwise throws a SetupError naming every missing package and the command that installs them.
 */
export function ensureSystemPackages(needs) {
  const missing = systemPackages.filter((pkg) => needs.includes(pkg.for) && !pkg.present()).map((pkg) => pkg.name);
  if (missing.length === 0) return;
  const command = `sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const prefix = canInstall();
  if (!prefix) {
    throw new SetupError(`Missing system packages: ${missing.join(', ')}.\nInstall them with\n\n  ${command}\n\nthen run the command again.`);
  }
  const log = join(logDir(), 'apt-get.log');
  console.log(`Installing system packages with apt-get: ${missing.join(' ')} (log: ${relative(process.cwd(), log)})…`);
  writeFileSync(log, '');
  const installed = aptGet(prefix, ['update', '-qq'], log) && aptGet(prefix, ['install', '-y', '-qq', '--no-install-recommends', ...missing], log);
  const stillMissing = systemPackages.filter((pkg) => missing.includes(pkg.name) && !pkg.present()).map((pkg) => pkg.name);
  if (!installed || stillMissing.length > 0) {
    const tail = readFileSync(log, 'utf8').split('\n').slice(-15).join('\n');
    throw new SetupError(`apt-get could not install ${stillMissing.join(' ') || missing.join(' ')}:\n${tail}\nTry\n\n  ${command}`);
  }
}

function logDir() {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'e2e', 'artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}

// `node scripts/system-packages.mjs [host] [ui]` (default: both), as .ci/run does.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const needs = process.argv.slice(2);
  try {
    ensureSystemPackages(needs.length ? needs : ['host', 'ui']);
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
