import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PREVIEW_REQUEST, type PreviewParams, type PreviewResult } from '../../../server/src/shared/protocol';
import { previewShell } from './previewHtml';
import { RowIndex } from './rowIndex';

/** Edits are rendered once typing pauses this long. */
const DEBOUNCE_MS = 200;

/** Messages from the webview's script. */
type FromWebview = { type: 'ready' } | { type: 'reveal'; path: string } | { type: 'loadSection'; section: string };

/** What the panel posts to the webview (also what the tests observe). */
export type ToWebview =
  | { type: 'page'; html: string; lazy: boolean }
  | { type: 'section'; section: string; html: string }
  | { type: 'notice'; text: string | undefined }
  | { type: 'problems'; marks: Array<{ path: string; severity: 'error' | 'warning' | 'info'; message: string }> }
  | { type: 'cursor'; path: string | undefined };

/** One preview panel beside one competition document: renders on the server, keeps the webview in step. */
export class PreviewPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly rows = new RowIndex();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The last page, replayed when the webview (re)loads. */
  private lastPage: ToWebview | undefined;
  private ready = false;
  private readonly posted = new vscode.EventEmitter<ToWebview>();
  /** Fires with every message posted to the webview (for tests and logs). */
  readonly onDidPost = this.posted.event;

  constructor(
    readonly uri: vscode.Uri,
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
    mediaRoot: vscode.Uri,
    column: vscode.ViewColumn,
  ) {
    const title = vscode.l10n.t('Preview {0}', uri.path.split('/').pop() ?? '');
    this.panel = vscode.window.createWebviewPanel('opentrack.preview', title, { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [mediaRoot],
    });
    this.panel.iconPath = vscode.Uri.joinPath(mediaRoot, '..', 'images', 'icon.png');
    this.panel.webview.html = previewShell(this.panel.webview, mediaRoot);
    this.disposables.push(
      this.posted,
      this.panel.webview.onDidReceiveMessage((message: FromWebview) => void this.receive(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === this.uri.toString() && event.contentChanges.length > 0) this.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((changed) => changed.toString() === this.uri.toString())) this.postProblems();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document.uri.toString() === this.uri.toString()) this.postCursor(event.textEditor);
      }),
    );
    // Render while the webview loads; the page is posted once its script says it is ready.
    this.refresh();
  }

  /** The HTML of the last page rendered (for the extension-host tests). */
  get html(): string | undefined {
    return this.lastPage?.type === 'page' ? this.lastPage.html : undefined;
  }

  /** Renders again now (the command on an open preview, a change of the document). */
  refresh(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    void this.render();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), DEBOUNCE_MS);
  }

  private async request(params: PreviewParams): Promise<PreviewResult | undefined> {
    try {
      return await this.client.sendRequest<PreviewResult>(PREVIEW_REQUEST, params);
    } catch (error) {
      this.log.error(`Preview of ${this.uri.toString()} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private async render(): Promise<void> {
    const result = await this.request({ uri: this.uri.toString() });
    if (!result || result.kind === 'closed' || result.kind === 'section') return;
    if (result.kind === 'broken') {
      this.post({ type: 'notice', text: result.message });
      return;
    }
    this.rows.reset(result.rows);
    this.lastPage = { type: 'page', html: result.html, lazy: result.lazy };
    this.post({ type: 'notice', text: undefined });
    this.post(this.lastPage);
    this.postProblems();
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === this.uri.toString());
    if (editor) this.postCursor(editor);
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.lastPage) {
          this.post(this.lastPage);
          this.postProblems();
        }
        return;
      case 'loadSection': {
        const result = await this.request({ uri: this.uri.toString(), section: message.section });
        if (result?.kind !== 'section') return;
        this.rows.add(result.rows);
        this.post({ type: 'section', section: result.section, html: result.html });
        this.postProblems();
        return;
      }
      case 'reveal':
        await this.reveal(message.path);
        return;
    }
  }

  /** Moves the editor's cursor to the start of a row's JSON, opening the editor beside the preview if needed. */
  async reveal(path: string): Promise<void> {
    const span = this.rows.span(path);
    if (!span) return;
    const document = await vscode.workspace.openTextDocument(this.uri);
    const visible = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === this.uri.toString());
    const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    const start = document.positionAt(span.start);
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, document.positionAt(span.end)), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private postProblems(): void {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === this.uri.toString());
    if (!document) return;
    const byPath = new Map<string, { severity: 'error' | 'warning' | 'info'; messages: string[] }>();
    for (const diagnostic of vscode.languages.getDiagnostics(this.uri)) {
      const path = this.rows.at(document.offsetAt(diagnostic.range.start));
      if (path === undefined) continue;
      const severity = diagnostic.severity === vscode.DiagnosticSeverity.Error ? 'error' : diagnostic.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info';
      const mark = byPath.get(path) ?? { severity, messages: [] };
      if (severity === 'error' || (severity === 'warning' && mark.severity === 'info')) mark.severity = severity;
      mark.messages.push(diagnostic.code !== undefined ? `${diagnostic.message} (${typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code})` : diagnostic.message);
      byPath.set(path, mark);
    }
    this.post({ type: 'problems', marks: [...byPath].map(([path, mark]) => ({ path, severity: mark.severity, message: mark.messages.join('\n') })) });
  }

  private postCursor(editor: vscode.TextEditor): void {
    this.post({ type: 'cursor', path: this.rows.at(editor.document.offsetAt(editor.selection.active)) });
  }

  private post(message: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(message);
    this.posted.fire(message);
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.disposables.forEach((disposable) => disposable.dispose());
    this.panel.dispose();
  }
}
