import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, positionInValue, revert } from './support';

function count(text: string, search: string): number {
  return text.split(search).length - 1;
}

suite('Rename', () => {
  test('renaming a competitor_id updates result and trial bibs', async () => {
    const document = await openFixture('valid.opentrack.json');
    const bibsBefore = count(document.getText(), '"bib": "103"'); // 3 results + 3 long-jump trials
    try {
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider', document.uri, positionInValue(document, '"competitor_id": "103"'), '203',
      );
      assert.ok(edit?.size, 'rename produced no changes');
      assert.ok(await vscode.workspace.applyEdit(edit), 'rename edit was not applied');
      const text = document.getText();
      assert.strictEqual(count(text, '"competitor_id": "203"'), 1);
      assert.strictEqual(count(text, '"bib": "203"'), bibsBefore);
      assert.strictEqual(count(text, '"103"'), 0, 'an old bib is left');
    } finally {
      await revert(document);
    }
  });
});
