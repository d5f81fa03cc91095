// The extension under test: its identity and how to turn the repo into the .vsix a user installs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
export const extensionId = `${manifest.publisher}.${manifest.name}`;
export const vsixPath = join(repoRoot, 'opentrack-competition-tools.vsix');

function run(command, args) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  execFileSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
}

/** Production build + vsce package (offline), then the test bundles (out/tests, and the extension-host suite in out/vscode). */
export function buildAndPackage() {
  run('npm', ['run', '--silent', 'package']);
  run(process.execPath, ['esbuild.mjs', '--tests']);
}
