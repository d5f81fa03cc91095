// Shared helpers for the extension-host suite: fixture files, our diagnostics, event-driven waits, reverting edits.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const extensionId = 'opentrack-tools.opentrack-competition-tools';
// Waits end on events; the limit only bounds a hang and stays under mocha's 60 s per test (a loaded machine is slow).
export const waitLimitMs = 45_000;

function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs test/vscode/workspace (or a copy) open as the workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a fixture once the language server is running: providers asked before that answer nothing. */
export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(document);
  // activate() settles after the language client has started (the same promise while activation runs).
  await vscode.extensions.getExtension(extensionId)?.activate();
  return document;
}

/** Diagnostics published by our language server; the built-in JSON server reports on the same files. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'opentrack');
}

function summarize(diagnostics: vscode.Diagnostic[]): string {
  const code = (d: vscode.Diagnostic): unknown => (typeof d.code === 'object' ? d.code.value : d.code);
  return JSON.stringify(diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${code(d) ?? ''} ${d.message}`));
}

/** Resolves with our diagnostics for `uri` as soon as `accept` holds: now, or on a later diagnostics change. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  expectation: string,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const diagnostics = ourDiagnostics(uri);
      if (!accept(diagnostics)) return;
      finish();
      resolve(diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`no ${expectation} for ${uri.path} within ${waitLimitMs} ms; ours now: ${summarize(ourDiagnostics(uri))}`));
    }, waitLimitMs);
    const finish = (): void => {
      subscription.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

export const someDiagnostics = (diagnostics: vscode.Diagnostic[]): boolean => diagnostics.length > 0;
export const noDiagnostics = (diagnostics: vscode.Diagnostic[]): boolean => diagnostics.length === 0;

function offsetOf(document: vscode.TextDocument, search: string, occurrence: number): number {
  const text = document.getText();
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(search, offset + 1);
    assert.ok(offset >= 0, `${search} #${occurrence} not found in ${document.uri.path}`);
  }
  return offset;
}

/** Cursor just before the closing quote of the value in the `occurrence`-th (0-based) `"key": "value"` text. */
export function positionInValue(document: vscode.TextDocument, pair: string, occurrence = 0): vscode.Position {
  return document.positionAt(offsetOf(document, pair, occurrence) + pair.lastIndexOf('"'));
}

/** Replaces the `occurrence`-th `search` in the open document, in memory only (nothing is saved). */
export async function replaceInDocument(document: vscode.TextDocument, search: string, replacement: string, occurrence = 0): Promise<void> {
  const offset = offsetOf(document, search, occurrence);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length)), replacement);
  assert.ok(await vscode.workspace.applyEdit(edit), 'edit was not applied');
}

/** Throws away in-memory edits so the fixture on disk (the repo's, under test-electron) never changes. */
export async function revert(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.strictEqual(document.isDirty, false, `${document.uri.path} is still dirty after revert`);
}
