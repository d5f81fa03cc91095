import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { OpenTrackApi } from '../../client/src/extension';
import type { PreviewPanel, ToWebview } from '../../client/src/preview/previewPanel';
import { extensionId, replaceInDocument, revert } from './support';

const waitLimitMs = 20_000;

/**
 * A copy of the repository's fullest sample in a temporary folder (the suite runs from out/vscode in
 * the repository, under code-server and test-electron alike): whatever happens, the sample never changes.
 */
function sampleCopy(): vscode.Uri {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentrack-preview-'));
  const file = path.join(dir, 'complete-meet.opentrack.json');
  fs.copyFileSync(path.join(__dirname, '..', '..', 'samples', 'complete-meet.opentrack.json'), file);
  return vscode.Uri.file(file);
}

/** Resolves with the next message the preview posts that satisfies accept. */
function nextPost<T extends ToWebview>(preview: PreviewPanel, accept: (message: ToWebview) => message is T, expectation: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscription = preview.onDidPost((message) => {
      if (!accept(message)) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve(message);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the preview posted no ${expectation} within ${waitLimitMs} ms`));
    }, waitLimitMs);
  });
}

const isPage = (message: ToWebview): message is Extract<ToWebview, { type: 'page' }> => message.type === 'page';

suite('Preview', () => {
  let document: vscode.TextDocument;
  let preview: PreviewPanel;
  let firstPage: string;

  suiteSetup(async () => {
    const api = await vscode.extensions.getExtension<OpenTrackApi>(extensionId)!.activate();
    document = await vscode.workspace.openTextDocument(sampleCopy());
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const opened = vscode.commands.executeCommand<PreviewPanel>('opentrack.openPreviewToSide');
    // The panel exists once the command returns; its first page comes from the server.
    preview = (await opened) ?? api.preview.previews.get(document.uri.toString())!;
    assert.ok(preview, 'the command opened a preview');
    firstPage = preview.html ?? (await nextPost(preview, isPage, 'first page')).html;
  });

  suiteTeardown(async () => {
    preview?.dispose();
    if (document?.isDirty) await revert(document);
  });

  test('opens beside the editor and shows a table of every kind of event', async () => {
    // The workbench reports the panel's tab once it has shown it: wait for that, not for a time.
    const columns = await new Promise<{ preview: number; editor: number }>((resolve, reject) => {
      const find = (): { preview: number; editor: number } | undefined => {
        const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => ({ input: tab.input as { viewType?: string; uri?: vscode.Uri } | undefined, column: group.viewColumn })));
        const preview = tabs.find(({ input }) => input?.viewType?.includes('opentrack.preview'));
        const editor = tabs.find(({ input }) => input?.uri?.toString() === document.uri.toString());
        return preview && editor ? { preview: preview.column, editor: editor.column } : undefined;
      };
      const check = (): void => {
        const found = find();
        if (!found) return;
        subscription.dispose();
        clearTimeout(timer);
        resolve(found);
      };
      const subscription = vscode.window.tabGroups.onDidChangeTabs(check);
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`no preview tab beside the editor within ${waitLimitMs} ms`));
      }, waitLimitMs);
      check();
    });
    assert.strictEqual(columns.preview, columns.editor + 1, 'the preview is beside the editor');
    for (const table of ['<table class="results">', '<table class="results attempts">', '<table class="results heights">', '<table class="results combined">', '<div class="runners">']) {
      assert.ok(firstPage.includes(table), `the page has ${table}`);
    }
    assert.match(firstPage, /<td class="mark">2:09\.84<\/td>/);
  });

  // From the moment the extension host sees the edit (the workbench's own round trip to apply it is not the preview's).
  test('an edited performance shows within a second', async () => {
    let started = Date.now();
    const changed = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document) started = Date.now();
    });
    const updated = nextPost(preview, (message): message is Extract<ToWebview, { type: 'page' }> => isPage(message) && message.html.includes('2:01.23'), 'page with the edit');
    await replaceInDocument(document, '"performance": "2:09.84"', '"performance": "2:01.23"');
    await updated;
    changed.dispose();
    const elapsed = Date.now() - started;
    console.log(`      preview updated ${elapsed} ms after the edit`);
    assert.ok(elapsed < 1000, `updated after ${elapsed} ms`);
  });

  test('a row with a problem is marked with its message', async () => {
    const marked = nextPost(
      preview,
      (message): message is Extract<ToWebview, { type: 'problems' }> => message.type === 'problems' && message.marks.some((mark) => mark.path === 'events/1/units/0/results/1'),
      'problem mark on the 800 m result',
    );
    await replaceInDocument(document, '"bib": "202"', '"bib": "999"');
    const problems = await marked;
    const mark = problems.marks.find((candidate) => candidate.path === 'events/1/units/0/results/1')!;
    assert.match(mark.message, /999/);
  });

  test('clicking a row moves the editor cursor to that result', async () => {
    await preview.reveal('events/2/units/0/results/1');
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), document.uri.toString());
    const offset = editor.document.offsetAt(editor.selection.active);
    const text = editor.document.getText();
    assert.strictEqual(text[offset], '{');
    const result = JSON.parse(text.slice(offset, text.indexOf('}', offset) + 1));
    assert.deepStrictEqual(result, { place: 2, bib: '205', order: 4, performance: '5.93' });
  });
});
