import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewPanel } from './previewPanel';

/** For the extension-host tests: the open previews by document URI. */
export interface PreviewTestingApi {
  previews: ReadonlyMap<string, PreviewPanel>;
}

/** `OpenTrack: Open Preview to the Side`: one preview per document, shown beside its editor. */
export function registerPreviewCommands(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.LogOutputChannel): PreviewTestingApi {
  const previews = new Map<string, PreviewPanel>();
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'client', 'media');
  context.subscriptions.push(
    vscode.commands.registerCommand('opentrack.openPreviewToSide', async (resource?: vscode.Uri) => {
      const uri = resource instanceof vscode.Uri ? resource : vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a competition file to preview it.'));
        return undefined;
      }
      // Opening the document hands it to the language server, which renders it.
      await vscode.workspace.openTextDocument(uri);
      const key = uri.toString();
      const open = previews.get(key);
      if (open) {
        open.panel.reveal(undefined, true);
        open.refresh();
        return open;
      }
      const preview = new PreviewPanel(uri, client, log, mediaRoot, vscode.ViewColumn.Beside);
      previews.set(key, preview);
      preview.panel.onDidDispose(() => {
        previews.delete(key);
        preview.dispose();
      });
      return preview;
    }),
    { dispose: () => previews.forEach((preview) => preview.dispose()) },
  );
  return { previews };
}
