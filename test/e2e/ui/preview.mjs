// The preview beside the fullest sample: result tables of every kind, and a click on a row moves the cursor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quickOpen, runCommandFromPalette } from './workbench.mjs';

const sample = 'complete-meet.opentrack.json';

/** The preview's content frame (VS Code nests each webview's page in an inner iframe). */
export function previewFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Opens the sample (in the workspace) and its preview; resolves once the preview shows its tables. */
export async function openPreview(page) {
  await quickOpen(page, sample);
  await runCommandFromPalette(page, 'OpenTrack: Open Preview to the Side');
  const frame = previewFrame(page);
  await frame.locator('table.results.combined').waitFor();
  return frame;
}

/** The 1-based line of the long jump's second result (bib 205) in the sample. */
function resultLine(workspaceDir) {
  const text = readFileSync(join(workspaceDir, sample), 'utf8');
  const bib = text.indexOf('"bib": "205"', text.indexOf('"name": "Long Jump Women"'));
  return text.slice(0, text.lastIndexOf('{', bib)).split('\n').length;
}

export const previewCheck = {
  name: 'Preview: tables of every kind beside the sample; clicking a row moves the cursor to its result',
  async run(page, { workspaceDir }) {
    const frame = await openPreview(page);
    for (const selector of ['table.results.attempts td.best', 'table.results.heights td.best', 'table.results .runners', 'table.results.combined td.total']) {
      await frame.locator(selector).first().waitFor();
    }
    await frame.locator('tr[data-path="events/2/units/0/results/1"]').click();
    const line = resultLine(workspaceDir);
    await page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line}, Col \\d+$`) }).waitFor();
  },
};
