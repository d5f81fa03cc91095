import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_KIND_REQUEST, OPENTRACK_LANGUAGE_ID, type DocumentKind, type DocumentKindParams } from '../../server/src/shared/protocol';

/** Why a plain JSON document would be a competition (the server decides: name, setting or content). */
export async function competitionReason(client: LanguageClient, document: vscode.TextDocument, withContent: boolean): Promise<DocumentKind['reason']> {
  const params: DocumentKindParams = { uri: document.uri.toString(), ...(withContent && { text: document.getText() }) };
  return (await client.sendRequest<DocumentKind>(DOCUMENT_KIND_REQUEST, params)).reason;
}

/**
 * Competition files have a language of their own, so that VS Code's JSON support leaves them to
 * this extension. `*.opentrack.json` gets it from the manifest; a JSON file matched by
 * `opentrack.files` is switched when it opens (once: switching it back to JSON sticks for the
 * session); any other JSON file by "OpenTrack: Check as OpenTrack Competition".
 */
export function registerLanguageSwitch(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.LogOutputChannel): void {
  const switched = new Set<string>();

  const switchIfConfigured = async (document: vscode.TextDocument): Promise<void> => {
    if (document.languageId !== 'json' || document.uri.scheme !== 'file' || switched.has(document.uri.toString()) || !client.isRunning()) return;
    if ((await competitionReason(client, document, false)) !== 'setting') return;
    switched.add(document.uri.toString());
    await vscode.languages.setTextDocumentLanguage(document, OPENTRACK_LANGUAGE_ID);
  };
  const reportFailure = (error: unknown): void => log.error(`Could not switch the language: ${String(error)}`);

  context.subscriptions.push(
    vscode.commands.registerCommand('opentrack.checkAsCompetition', async (uri?: vscode.Uri) => {
      const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (document && document.languageId !== OPENTRACK_LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(document, OPENTRACK_LANGUAGE_ID);
    }),
    vscode.workspace.onDidOpenTextDocument((document) => void switchIfConfigured(document).catch(reportFailure)),
  );
  for (const document of vscode.workspace.textDocuments) void switchIfConfigured(document).catch(reportFailure);
}
