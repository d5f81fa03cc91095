// The server's validation errors, shown in the uploaded document under their own source until the next
// edit of that document or the next upload.
import * as vscode from 'vscode';
import type { FieldError } from '../../../server/src/upload';
import { locateFieldErrors } from './errorRanges';

export const SERVER_ERRORS_COLLECTION = 'opentrack-upload';
export const SERVER_ERRORS_SOURCE = 'OpenTrack server';

export class ServerErrors implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(SERVER_ERRORS_COLLECTION);
  private readonly subscription = vscode.workspace.onDidChangeTextDocument((event) => {
    // Events without content changes (dirty flag, save) leave the errors in place.
    if (event.contentChanges.length > 0 && this.collection.has(event.document.uri)) this.collection.delete(event.document.uri);
  });

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  /**
   * Places the errors in the document as it is now: paths survive edits made while the upload ran,
   * offsets would not. Returns how many diagnostics were published.
   */
  publish(document: vscode.TextDocument, fieldErrors: readonly FieldError[]): number {
    const diagnostics = locateFieldErrors(document.getText(), fieldErrors).map(({ offset, length, message }) => {
      const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
      const diagnostic = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = SERVER_ERRORS_SOURCE;
      return diagnostic;
    });
    this.collection.set(document.uri, diagnostics);
    return diagnostics.length;
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
