// Keyboard-level helpers for the VS Code 1.100 workbench, as a user would drive it.
import { navigationTimeoutMs } from '../browser.mjs';
// Every wait is for an element or state; the limit only bounds a hang, generous for a loaded machine.
const uiTimeoutMs = 90_000;

/** Loads the workbench on `folder` and waits until the explorer lists `expectedFile`. */
export async function loadWorkbench(page, server, folder, expectedFile) {
  page.setDefaultTimeout(uiTimeoutMs);
  page.setDefaultNavigationTimeout(navigationTimeoutMs);
  await page.goto(`${server.url}/?${new URLSearchParams({ folder })}`);
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: expectedFile }).waitFor();
}

function quickInput(page) {
  return page.locator('.quick-input-widget input');
}

/** Picks the quick-input row labelled `label` once it is listed. */
async function pick(page, typed, label) {
  await quickInput(page).fill(typed);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Ctrl+P, the file name, Enter; resolves once its editor tab is active. */
export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  await pick(page, fileName, fileName);
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
}

/** F1 and the command's full title ("Category: Title"), then Enter. */
export async function runCommandFromPalette(page, title) {
  await page.keyboard.press('F1');
  await pick(page, `>${title}`, title);
}
