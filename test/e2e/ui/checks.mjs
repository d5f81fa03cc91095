// Stage 2: UI checks against a normal workbench (no payload), one page, checks in order.
import { previewCheck } from './preview.mjs';
import { completionOnceCheck, formatCheck, highlightingCheck, outlineCheck, prepareOneOwnerFiles, problemCountCheck, sourceActionCheck } from './oneOwner.mjs';
import { problemsCheck } from './problems.mjs';
import { uploadCommandCheck } from './uploadCommand.mjs';
import { loadWorkbench } from './workbench.mjs';

const loadCheck = {
  name: 'Workbench: loads with the test workspace in the explorer',
  run: (page, { server, workspaceDir }) => loadWorkbench(page, server, workspaceDir, 'broken.opentrack.json'),
};
const checks = [loadCheck, problemsCheck, problemCountCheck, outlineCheck, highlightingCheck, sourceActionCheck, formatCheck, completionOnceCheck, uploadCommandCheck, previewCheck];

function fileNameFor(checkName) {
  return `ui-${checkName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

export async function runUiChecks({ server, browser, openTrack, workspaceDir, artifacts }) {
  const tally = { passed: 0, failed: 0 };
  prepareOneOwnerFiles(workspaceDir);
  const page = await browser.context.newPage();
  for (const check of checks) {
    if (check.enabled === false) {
      console.log(`  - ${check.name} (skipped: flag off)`);
      continue;
    }
    try {
      await check.run(page, { server, openTrack, workspaceDir });
      tally.passed++;
      console.log(`  ✔ ${check.name}`);
    } catch (error) {
      tally.failed++;
      const message = error.message.replace(/\x1b\[[0-9;]*m/g, ''); // playwright colours its call log
      console.log(`  ✗ ${check.name}\n    ${message.split('\n').join('\n    ')}`);
      await artifacts.screenshot(page, fileNameFor(check.name));
      if (check === loadCheck) break; // nothing else can run without a workbench
      await page.keyboard.press('Escape'); // leave no widget open for the next check
    }
  }
  return tally;
}
