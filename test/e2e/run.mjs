// `npm run test:e2e`: the packaged extension in a real VS Code (code-server), offline.
// Stage 1 runs the mocha suite inside the extension host; stage 2 drives the UI with playwright.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { createArtifacts } from './artifacts.mjs';
import { launchBrowser } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { buildAndPackage, extensionId, repoRoot, vsixPath } from './extension.mjs';
import { installHost } from './install-host.mjs';
import { SetupError, ensureSystemPackages } from '../../scripts/system-packages.mjs';
import { settingsFor, startOpenTrackStandIn } from './openTrackStandIn.mjs';
import { runSuiteInHost } from './suiteInHost.mjs';
import { runUiChecks } from './ui/checks.mjs';

const fixtureWorkspace = join(repoRoot, 'test', 'vscode', 'workspace');
const started = Date.now();
const tally = { passed: 0, failed: 0 };
const artifacts = createArtifacts();

function stage(title) {
  console.log(`\n== ${title} (${((Date.now() - started) / 1000).toFixed(1)} s) ==`);
}

/** Each stage edits its own copy of the fixtures, so the repo never changes. */
function copyWorkspace(server, name) {
  const dir = join(server.runDir, name);
  cpSync(fixtureWorkspace, dir, { recursive: true });
  // The preview check shows the fullest sample.
  cpSync(join(repoRoot, 'samples', 'complete-meet.opentrack.json'), join(dir, 'complete-meet.opentrack.json'));
  return dir;
}

/** A stage that ran no test proves nothing: it counts as a failure. */
function add(stageName, result) {
  if (result.passed + result.failed === 0) {
    console.error(`  ${stageName} ran no test`);
    result = { passed: 0, failed: 1 };
  }
  tally.passed += result.passed;
  tally.failed += result.failed;
}

let openTrack;
let server;
let browser;
try {
  stage('Installing code-server and packaging the extension');
  ensureSystemPackages(['host', 'ui']);
  installHost();
  buildAndPackage();

  stage('Starting the OpenTrack stand-in and code-server with the .vsix installed');
  openTrack = await startOpenTrackStandIn();
  if (!openTrack) throw new Error('the OpenTrack stand-in is not built (out/tests/opentrack-server/main.js)');
  // Uploads must reach the stand-in, never a real OpenTrack server.
  // The web workbench saves edits after a delay: on a slow machine a test's in-memory edit reached the disk
  // before its revert, and the fixtures stayed changed for the tests after it.
  const userSettings = { ...settingsFor(openTrack), 'files.autoSave': 'off' };
  server = await startCodeServer({ label: 'e2e', vsix: vsixPath, extensionId, userSettings });
  browser = await launchBrowser(server);

  stage('Extension-host suite (mocha inside the real extension host)');
  const suitePage = await browser.context.newPage();
  const suite = await runSuiteInHost({
    server,
    page: suitePage,
    workspaceDir: copyWorkspace(server, 'suite-workspace'),
    testsPath: join(repoRoot, 'out', 'vscode', 'index.js'),
  });
  if (suite.failed) await artifacts.screenshot(suitePage, 'extension-host-suite');
  await suitePage.close();
  add('the extension-host suite', suite);

  stage('UI checks (playwright + chromium)');
  add('the UI checks', await runUiChecks({ server, browser, openTrack, workspaceDir: copyWorkspace(server, 'ui-workspace'), artifacts }));
} catch (error) {
  tally.failed++;
  console.error(`\nThe run broke off: ${error instanceof SetupError ? error.message : (error.stack ?? error)}`);
} finally {
  if (tally.failed && server) console.log(`\nArtifacts (screenshots, code-server and extension logs): ${artifacts.collect(server, browser)}`);
  await browser?.close();
  await server?.stop();
  await openTrack?.stop();
}

console.log(`\nTook ${((Date.now() - started) / 1000).toFixed(1)} s.`);
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exitCode = tally.failed ? 1 : 0;
