// The extension under test: its identity and how to turn the repo into the .vsix a user installs.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
export const extensionId = `${manifest.publisher}.${manifest.name}`;
export const vsixPath = join(repoRoot, 'opentrack-competition-tools.vsix');

/** Runs quietly (vsce lists every packaged file); the output is shown only when the command fails. */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

/** Production build + vsce package (offline), then the test bundles (out/tests, and the extension-host suite in out/vscode). */
export function buildAndPackage() {
  console.log('Building and packaging the extension…');
  run('npm', ['run', '--silent', 'package']);
  run(process.execPath, ['esbuild.mjs', '--tests']);
  console.log(`Packaged ${vsixPath.slice(repoRoot.length)} (${Math.round(statSync(vsixPath).size / 1024)} KB).`);
}
