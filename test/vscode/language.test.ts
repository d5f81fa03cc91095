import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, ourDiagnostics, revert, someDiagnostics, waitForDiagnostics } from './support';

/** Resolves once `document` has the language `languageId` (at once, or when VS Code reopens it in that language). */
function languageBecomes(uri: vscode.Uri, languageId: string): Promise<vscode.TextDocument> {
  return new Promise((resolve) => {
    const check = (document: vscode.TextDocument): void => {
      if (document.uri.toString() !== uri.toString() || document.languageId !== languageId) return;
      subscription.dispose();
      resolve(document);
    };
    const subscription = vscode.workspace.onDidOpenTextDocument(check);
    vscode.workspace.textDocuments.forEach(check);
  });
}

suite('One owner: the opentrack-json language', () => {
  test('*.opentrack.json opens as OpenTrack JSON, and every problem on it is ours, once', async () => {
    const document = await openFixture('broken.opentrack.json');
    assert.strictEqual(document.languageId, 'opentrack-json');
    const ours = await waitForDiagnostics(document.uri, someDiagnostics, 'OpenTrack diagnostics');
    assert.deepStrictEqual(
      vscode.languages.getDiagnostics(document.uri).map((d) => `${d.source}: ${d.message}`),
      ours.map((d) => `${d.source}: ${d.message}`),
      'VS Code\'s JSON support reports nothing on competition files',
    );
  });

  test('Format Document lays out a minified competition, keeps its data, and then has nothing left to change', async () => {
    const document = await openFixture('valid.opentrack.json');
    const options = { tabSize: 2, insertSpaces: true };
    const format = (): Thenable<vscode.TextEdit[] | undefined> => vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, options);
    const data: unknown = JSON.parse(document.getText());
    try {
      const minify = new vscode.WorkspaceEdit();
      minify.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), JSON.stringify(data));
      assert.ok(await vscode.workspace.applyEdit(minify));
      const edits = await format();
      assert.ok(edits && edits.length > 0, 'our formatter answers for opentrack-json');
      const formatted = new vscode.WorkspaceEdit();
      formatted.set(document.uri, edits);
      assert.ok(await vscode.workspace.applyEdit(formatted));
      assert.ok(document.lineCount > 20, 'laid out on lines');
      assert.deepStrictEqual(JSON.parse(document.getText()), data, 'same keys in the same order, same values');
      assert.deepStrictEqual((await format()) ?? [], [], 'a formatted file is left as it is');
    } finally {
      await revert(document);
    }
  });

  test('Fix All is a source action: in the Source Action menu (source) and for codeActionsOnSave (source.fixAll.opentrack)', async () => {
    const document = await openFixture('broken.opentrack.json');
    await waitForDiagnostics(document.uri, someDiagnostics, 'OpenTrack diagnostics');
    for (const kind of [vscode.CodeActionKind.Source.value, 'source.fixAll.opentrack']) {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 0, 0, 0), kind);
      const fixAll = actions.filter((action) => action.kind?.value === 'source.fixAll.opentrack');
      assert.strictEqual(fixAll.length, 1, `${kind} actions: ${JSON.stringify(actions.map((a) => `${a.kind?.value} ${a.title}`))}`);
    }
  });

  test('ot- completion lists each skeleton once', async () => {
    const document = await openFixture('valid.opentrack.json');
    try {
      const at = document.getText().indexOf('"events": [') + '"events": ['.length;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, document.positionAt(at), '\n    ot-');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const typed = document.positionAt(document.getText().indexOf('ot-') + 3);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, typed);
      const skeletons = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label)).filter((label) => label.startsWith('ot-'));
      assert.deepStrictEqual(skeletons, [...new Set(skeletons)], 'no skeleton twice');
      for (const prefix of ['ot-running', 'ot-vertical-jump', 'ot-relay']) assert.ok(skeletons.includes(prefix), `${prefix} missing from ${JSON.stringify(skeletons)}`);
    } finally {
      await revert(document);
    }
  });

  test('a plain JSON competition is offered, not checked; "Check as OpenTrack Competition" switches it', async () => {
    const plain = await openFixture('results-export.json');
    assert.strictEqual(plain.languageId, 'json');
    assert.deepStrictEqual(ourDiagnostics(plain.uri), [], 'plain JSON stays with VS Code\'s JSON support');
    const switched = languageBecomes(plain.uri, 'opentrack-json');
    await vscode.commands.executeCommand('opentrack.checkAsCompetition');
    const document = await switched;
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((d) => d.code === 'OT101'), 'the rounds error once it is a competition');
    assert.ok(diagnostics.every((d) => d.source === 'opentrack'));
    await vscode.languages.setTextDocumentLanguage(document, 'json');
  });
});
