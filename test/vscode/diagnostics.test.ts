import * as assert from 'assert';
import * as vscode from 'vscode';
import { noDiagnostics, openFixture, ourDiagnostics, positionInValue, replaceInDocument, revert, someDiagnostics, waitForDiagnostics } from './support';

/** Proves the server has handled everything opened before: an error we introduce into the valid file appears, and goes on revert. */
async function roundTripThroughServer(): Promise<vscode.TextDocument> {
  const valid = await openFixture('valid.opentrack.json');
  try {
    await replaceInDocument(valid, '"rounds": "2,1"', '"rounds": "2;1"');
    await waitForDiagnostics(valid.uri, someDiagnostics, 'a diagnostic for the introduced error');
  } finally {
    await revert(valid);
  }
  return valid;
}

suite('Diagnostics', () => {
  test('a broken competition gets an OpenTrack error on the bad value', async () => {
    const document = await openFixture('broken.opentrack.json');
    const line = positionInValue(document, '"rounds": "2;1"').line;
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => found.some((d) => d.range.start.line === line),
      `a diagnostic on line ${line + 1} ("rounds": "2;1")`,
    );
    const onRounds = diagnostics.find((d) => d.range.start.line === line)!;
    assert.strictEqual(onRounds.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(onRounds.code, 'the diagnostic names its rule code');
  });

  test('fixing the file clears our diagnostics', async () => {
    const document = await openFixture('broken.opentrack.json');
    try {
      await waitForDiagnostics(document.uri, someDiagnostics, 'OpenTrack diagnostics');
      await replaceInDocument(document, '"rounds": "2;1"', '"rounds": "2,1"');
      await waitForDiagnostics(document.uri, noDiagnostics, 'an empty list after the fix');
    } finally {
      await revert(document);
    }
  });

  test('a valid competition gets none of ours', async () => {
    const valid = await roundTripThroughServer();
    await waitForDiagnostics(valid.uri, noDiagnostics, 'an empty list once reverted');
  });

  test('package.json in the same workspace gets none of ours', async () => {
    const packageJson = await openFixture('package.json');
    await roundTripThroughServer();
    assert.deepStrictEqual(ourDiagnostics(packageJson.uri), []);
  });
});
