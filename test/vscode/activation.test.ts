import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionId, openFixture, someDiagnostics, waitForDiagnostics } from './support';

suite('Activation', () => {
  test('opening a *.opentrack.json file activates the extension and starts its language server', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed`);
    const document = await openFixture('broken.opentrack.json');
    // Only a running server publishes diagnostics with source "opentrack".
    await waitForDiagnostics(document.uri, someDiagnostics, 'OpenTrack diagnostics');
    assert.strictEqual(extension.isActive, true);
  });
});
