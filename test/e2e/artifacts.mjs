// What a failed run leaves behind in test/e2e/artifacts/<timestamp>/: screenshots, code-server and extension logs.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './extension.mjs';

export function createArtifacts() {
  const dir = join(repoRoot, 'test', 'e2e', 'artifacts', new Date().toISOString().replace(/[:.]/g, '-'));
  const ensureDir = () => mkdirSync(dir, { recursive: true });
  return {
    async screenshot(page, name) {
      ensureDir();
      await page.screenshot({ path: join(dir, `${name}.png`) }).catch((error) => console.log(`  (no screenshot: ${error.message})`));
    },
    /** The user-data logs hold the extension host log and every output channel, "OpenTrack" included. */
    collect(server, browser) {
      ensureDir();
      const copies = [[server.logsDir, 'logs'], [server.serverLog, 'code-server.log'], [browser?.consoleLog, 'browser-console.log']];
      for (const [from, to] of copies) if (from && existsSync(from)) cpSync(from, join(dir, to), { recursive: true });
      return dir;
    },
  };
}
