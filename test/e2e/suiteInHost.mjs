// Stage 1: the mocha suite (out/vscode) inside code-server's real Node extension host, through `payload`.
import { setTimeout as delay } from 'node:timers/promises';

const suiteDeadlineMs = 5 * 60_000;
// The workbench logs forwarded lines as "%c INFO color: #33f <text>".
const logPrefix = /^%c\s*\w+ color: #\w+ ?/;
// Known noise (recipe): vsda 404s, open-vsx lookups, service-worker chatter.
const noise = /Failed to load resource|open-vsx|vsda|Service Worker/i;

/** A number from mocha's epilogue ("5 passing", "1 failing"), 0 when absent. */
function epilogueCount(lines, word) {
  const match = lines.map((line) => line.match(new RegExp(`^\\s*(\\d+) ${word}\\b`))).find(Boolean);
  return match ? Number(match[1]) : 0;
}

/**
 * Loads the workbench with the installed extension as the development extension, so the .vsix content is
 * what runs, and the repo's compiled suite as the tests. Prints the suite's output as it arrives.
 */
export async function runSuiteInHost({ server, page, workspaceDir, testsPath }) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [['extensionDevelopmentPath', remote(server.extensionDir)], ['extensionTestsPath', remote(testsPath)]];

  const lines = [];
  page.on('console', (message) => {
    const line = message.text().replace(logPrefix, '');
    if (['warning', 'debug'].includes(message.type()) || noise.test(line)) return;
    lines.push(line);
    console.log(`  ${line}`);
  });
  let settleWithCode;
  const exitCode = new Promise((resolve) => (settleWithCode = resolve));
  // The workbench calls this with the suite's exit code; it has to exist before the page loads.
  await page.exposeFunction('codeAutomationExit', (code) => settleWithCode(code));

  await page.goto(`${server.url}/?${new URLSearchParams({ folder: workspaceDir, payload: JSON.stringify(payload) })}`);
  const code = await Promise.race([exitCode, delay(suiteDeadlineMs, 'timeout', { ref: false })]);
  if (code === 'timeout') console.log(`  the suite did not finish within ${suiteDeadlineMs} ms`);
  const failed = epilogueCount(lines, 'failing');
  // A crash before mocha's epilogue, or a hang, still counts as a failure.
  return { passed: epilogueCount(lines, 'passing'), failed: code !== 0 && failed === 0 ? 1 : failed };
}
