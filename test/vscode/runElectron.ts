// `npm run test:vscode`: the same suite in desktop VS Code, for machines that can download it (not these).
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '../..');
  await runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out/vscode/index.js'),
    launchArgs: [path.join(repoRoot, 'test/vscode/workspace'), '--disable-extensions'],
  });
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
