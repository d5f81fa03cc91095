// A broken competition shows errors in the status bar, and the Problems panel lists our diagnostic at its line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quickOpen } from './workbench.mjs';

const brokenFile = 'broken.opentrack.json';

function lineOf(file, text) {
  return readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
}

export const problemsCheck = {
  name: 'Problems: a broken competition gets an OpenTrack error at the right line',
  async run(page, { workspaceDir }) {
    const line = lineOf(join(workspaceDir, brokenFile), '"rounds": "2;1"');
    await quickOpen(page, brokenFile);
    await page.waitForFunction(
      () => /Errors?: [1-9]/.test(document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? ''),
    );
    await page.keyboard.press('Control+Shift+M');
    // A row shows the message, "opentrack(OT101)" (source and rule code; the brackets are CSS) and "[Ln 22, Col 17]".
    await page.locator('.markers-panel .monaco-list-row')
      .filter({ hasText: /opentrack\W*OT\d+/ })
      .filter({ hasText: `[Ln ${line},` })
      .first()
      .waitFor();
  },
};
