import * as assert from 'assert';
import * as vscode from 'vscode';
import { noDiagnostics, openFixture, positionInValue, revert, waitForDiagnostics } from './support';

suite('Quick fixes', () => {
  test('repairs "rounds": "2;1" to "2,1"', async () => {
    const document = await openFixture('broken.opentrack.json');
    const line = positionInValue(document, '"rounds": "2;1"').line;
    try {
      const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((d) => d.range.start.line === line), 'the rounds diagnostic');
      const onRounds = diagnostics.find((d) => d.range.start.line === line)!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', document.uri, onRounds.range, vscode.CodeActionKind.QuickFix.value, 10,
      );
      // The built-in JSON server offers no quick fixes; ours is the one editing this document.
      const fix = actions.find((action) => action.edit?.has(document.uri));
      assert.ok(fix?.edit, `no quick fix editing the file; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'quick fix edit was not applied');
      assert.match(document.lineAt(line).text, /"rounds": "2,1"/);
      await waitForDiagnostics(document.uri, noDiagnostics, 'an empty list after the quick fix');
    } finally {
      await revert(document);
    }
  });
});
