import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found from the bundled test's location (out/test/...). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'esbuild.mjs')))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root not found');
    dir = parent;
  }
  return dir;
}

export function readRepoFile(...segments: string[]): string {
  return readFileSync(join(repoRoot(), ...segments), 'utf8');
}

/** OpenTrack's own full example (with teams, relay teams and a combined event). */
export function fullExample(): Record<string, any> {
  return JSON.parse(readRepoFile('test', 'fixtures', 'schema', 'valid', 'api_create_full_competition.json'));
}
