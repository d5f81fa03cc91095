// Stage 1: the mocha suite (out/test/vscode) inside code-server's real Node extension host, through `payload`.
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const suiteDeadlineMs = 5 * 60_000;
const hostPrefix = /^%c\[Extension Host\] color: blue ?/;

/** Mocha's epilogue ("N passing", "N failing") seen in the forwarded console lines. */
function countFromEpilogue(lines, word) {
  const match = lines.map((line) => line.match(new RegExp(`^\\s*(\\d+) ${word}\\b`))).find(Boolean);
  return match ? Number(match[1]) : 0;
}

/**
 * Loads the workbench with the installed extension as the development extension (so the .vsix content is
 * what runs) and the repo's compiled suite as the tests; resolves with the counts and the page.
 */
export async function runSuiteInHost({ server, browser, workspaceDir, testsPath }) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [['extensionDevelopmentPath', remote(server.extensionDir)], ['extensionTestsPath', remote(testsPath)]];
  const page = await browser.context.newPage();

  const hostLines = [];
  page.on('console', (message) => {
    const text = message.text();
    if (!hostPrefix.test(text)) return;
    const line = text.replace(hostPrefix, '');
    hostLines.push(line);
    console.log(`  ${line}`);
  });
  let reportExit;
  const exitCode = new Promise((resolve) => (reportExit = resolve));
  // The workbench calls this with the suite's exit code; it must exist before the page loads.
  await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));

  const query = new URLSearchParams({ folder: workspaceDir, payload: JSON.stringify(payload) });
  await page.goto(`${server.url}/?${query}`);
  const code = await Promise.race([exitCode, delay(suiteDeadlineMs, 'timeout')]);
  const passed = countFromEpilogue(hostLines, 'passing');
  const failed = countFromEpilogue(hostLines, 'failing');
  // A crash before mocha's epilogue (or a hang) still has to count as a failure.
  const missing = code !== 0 && failed === 0 ? 1 : 0;
  if (code === 'timeout') console.log(`  extension-host suite did not finish within ${suiteDeadlineMs} ms`);
  return { passed, failed: failed + missing, page, screenshotPath: join(server.runDir, 'suite.png') };
}
