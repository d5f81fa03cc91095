// One owner in real VS Code: on a competition file every problem is listed once (as many as the
// server finds), the Outline has one tree, Format Document works, the Source Action menu lists
// Fix All, and `ot-` completion lists each skeleton once.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../extension.mjs';
import { quickOpen, runCommandFromPalette } from './workbench.mjs';

// Names that contain no other fixture's name: quick open and the tab checks match by substring.
const demoFile = 'sample-mistakes.opentrack.json';
const minifiedFile = 'minified.opentrack.json';
const completionFile = 'completion.opentrack.json';

/** The files these checks open, written before the workbench loads (quick open lists them from the start). */
export function prepareOneOwnerFiles(workspaceDir) {
  copyFileSync(join(repoRoot, 'samples', 'broken.opentrack.json'), join(workspaceDir, demoFile));
  const valid = readFileSync(join(workspaceDir, 'valid.opentrack.json'), 'utf8');
  writeFileSync(join(workspaceDir, minifiedFile), JSON.stringify(JSON.parse(valid)));
  writeFileSync(join(workspaceDir, completionFile), valid);
}

/** How many diagnostics the server (through the CLI, the same service) reports for a file. */
export function serverDiagnosticCount(file) {
  const run = (() => {
    try {
      return execFileSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'validate', '--format', 'json', file], { encoding: 'utf8' });
    } catch (error) {
      return error.stdout; // exit code 1: the file has errors
    }
  })();
  return JSON.parse(run).length;
}

/** Resolves once the Problems panel row of `fileName` says `count` problems ("9 problems in file …"). */
export async function waitForProblemCount(page, fileName, count) {
  await page.waitForFunction(
    ([name, expected]) => [...document.querySelectorAll('.markers-panel .monaco-list-row')].some((row) => (row.getAttribute('aria-label') ?? '').startsWith(`${expected} problems in file ${name} `)),
    [fileName, count],
  );
}

/** Ctrl+Shift+M toggles: pressed only while the Problems panel is hidden. */
async function showProblems(page) {
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
}

export const problemCountCheck = {
  name: 'Problems: samples/broken.opentrack.json lists exactly the server\'s diagnostics, once each',
  async run(page, { workspaceDir }) {
    const expected = serverDiagnosticCount(join(workspaceDir, demoFile));
    await quickOpen(page, demoFile);
    await showProblems(page);
    await waitForProblemCount(page, demoFile, expected);
  },
};

export const outlineCheck = {
  name: 'Outline: one tree, the competition\'s, and the problem count has not grown meanwhile',
  async run(page, { workspaceDir }) {
    const { full_name: name } = JSON.parse(readFileSync(join(workspaceDir, demoFile), 'utf8'));
    const expected = serverDiagnosticCount(join(workspaceDir, demoFile));
    await quickOpen(page, demoFile);
    await runCommandFromPalette(page, 'Explorer: Focus on Outline View');
    const topLevel = page.locator('.outline-pane .monaco-list-row[aria-level="1"]');
    await topLevel.filter({ hasText: name }).first().waitFor();
    const texts = await topLevel.allInnerTexts();
    if (texts.length !== 1) throw new Error(`the Outline has ${texts.length} top-level rows: ${JSON.stringify(texts)}`);
    await showProblems(page);
    // Still the server's count (a doubled problem arriving late would make it larger).
    await waitForProblemCount(page, demoFile, expected);
  },
};

export const highlightingCheck = {
  name: 'Highlighting: OpenTrack JSON has JSON\'s colours (keys, strings, numbers apart)',
  async run(page) {
    await quickOpen(page, demoFile);
    const editor = page.locator('.editor-instance .view-lines');
    await editor.locator('span[class*="mtk"]', { hasText: '"full_name"' }).first().waitFor();
    // Without a grammar every token is mtk1; JSON's grammar gives keys, strings and numbers their own.
    const tokenClasses = await editor.locator('span[class*="mtk"]').evaluateAll((spans) => [...new Set(spans.map((span) => span.className.match(/mtk\d+/)?.[0]))]);
    if (tokenClasses.length < 3) throw new Error(`the editor shows ${tokenClasses.length} token colours: ${JSON.stringify(tokenClasses)}`);
  },
};

export const sourceActionCheck = {
  name: 'Source Action menu: lists "Fix all safe OpenTrack problems"',
  async run(page) {
    await quickOpen(page, demoFile);
    await runCommandFromPalette(page, 'Source Action...');
    await page.locator('.action-widget .monaco-list-row', { hasText: /Fix all safe OpenTrack problems/ }).first().waitFor();
    await page.keyboard.press('Escape');
    // Closed before the next check types: a menu closing late takes its keys.
    await page.locator('.action-widget .monaco-list-row').first().waitFor({ state: 'hidden' });
  },
};

export const formatCheck = {
  name: 'Format Document: lays out a minified competition and keeps its data',
  async run(page, { workspaceDir }) {
    const data = JSON.parse(readFileSync(join(workspaceDir, minifiedFile), 'utf8'));
    await quickOpen(page, minifiedFile);
    await runCommandFromPalette(page, 'Format Document');
    await page.locator('.tabs-container .tab.active.dirty', { hasText: minifiedFile }).waitFor();
    await page.keyboard.press('Control+S');
    await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: minifiedFile }).waitFor();
    const saved = readFileSync(join(workspaceDir, minifiedFile), 'utf8');
    if (saved.split('\n').length < 20) throw new Error(`not laid out: ${saved.slice(0, 200)}`);
    if (JSON.stringify(JSON.parse(saved)) !== JSON.stringify(data)) throw new Error('the data changed');
  },
};

export const completionOnceCheck = {
  name: 'Completion: ot- lists each event skeleton once',
  async run(page, { workspaceDir }) {
    const line = readFileSync(join(workspaceDir, completionFile), 'utf8').split('\n').findIndex((text) => text.includes('"events": [')) + 1;
    await quickOpen(page, completionFile);
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(`:${line}`);
    // Enter only once the widget offers the line, and type only once it has closed (a loaded machine is slow to do either).
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: String(line) }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('ot-');
    await page.keyboard.press('Control+Space');
    const rows = page.locator('.suggest-widget .monaco-list-row');
    await rows.filter({ hasText: 'ot-running' }).first().waitFor();
    const labels = (await rows.allInnerTexts()).map((text) => text.trim().split(/\s/)[0]);
    const skeletons = labels.filter((label) => label.startsWith('ot-'));
    await page.keyboard.press('Escape');
    await runCommandFromPalette(page, 'File: Revert File');
    if (new Set(skeletons).size !== skeletons.length) throw new Error(`a skeleton is offered twice: ${JSON.stringify(labels)}`);
    for (const prefix of ['ot-running', 'ot-horizontal-jump', 'ot-throw', 'ot-vertical-jump', 'ot-relay', 'ot-combined']) {
      if (!skeletons.includes(prefix)) throw new Error(`${prefix} missing: ${JSON.stringify(labels)}`);
    }
  },
};
