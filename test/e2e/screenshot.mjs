// Refreshes the README screenshot (client/images/screenshot.png): the broken sample in the packaged
// extension, with its squiggles and the Problems panel listing all of its problems; and
// client/images/preview.png, the preview. `node test/e2e/screenshot.mjs`
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { buildAndPackage, extensionId, repoRoot, vsixPath } from './extension.mjs';
import { installHost } from './install-host.mjs';
import { serverDiagnosticCount, waitForProblemCount } from './ui/oneOwner.mjs';
import { loadWorkbench, quickOpen } from './ui/workbench.mjs';
import { openPreview } from './ui/preview.mjs';

installHost();
buildAndPackage();
const server = await startCodeServer({ label: 'screenshot', vsix: vsixPath, extensionId, userSettings: { 'workbench.colorTheme': 'Default Light Modern' } });
const browser = await launchBrowser(server);
try {
  const folder = join(server.runDir, 'samples');
  cpSync(join(repoRoot, 'samples'), folder, { recursive: true });
  const page = await browser.context.newPage();
  await loadWorkbench(page, server, folder, 'broken.opentrack.json');
  await quickOpen(page, 'broken.opentrack.json');
  await page.locator('.squiggly-error').first().waitFor();
  await page.keyboard.press('Control+Shift+M');
  // Only once the Problems panel lists every problem the server finds: the picture a user gets.
  await waitForProblemCount(page, 'broken.opentrack.json', serverDiagnosticCount(join(folder, 'broken.opentrack.json')));
  const output = join(repoRoot, 'client', 'images', 'screenshot.png');
  await page.screenshot({ path: output });
  console.log(`Written ${output}`);
  // The preview beside the fullest sample (README: "See the competition").
  const previewPage = await browser.context.newPage();
  await loadWorkbench(previewPage, server, folder, 'complete-meet.opentrack.json');
  const frame = await openPreview(previewPage);
  await frame.locator('details[data-section="event:2"]').scrollIntoViewIfNeeded();
  const previewOutput = join(repoRoot, 'client', 'images', 'preview.png');
  await previewPage.screenshot({ path: previewOutput });
  console.log(`Written ${previewOutput}`);
} finally {
  await browser.close();
  await server.stop();
}
