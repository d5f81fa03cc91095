import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_KIND_REQUEST, type DocumentKind } from '../../server/src/lsp/protocol';

const REASONS: Record<NonNullable<DocumentKind['reason']>, () => string> = {
  name: () => vscode.l10n.t('named *.opentrack.json'),
  setting: () => vscode.l10n.t('matched by opentrack.files'),
  content: () => vscode.l10n.t('recognised by its content'),
};

/**
 * The "{} JSON" language status says whether the active JSON file is checked as a competition
 * and why, so a user can tell at a glance why a file gets (or does not get) OpenTrack checks.
 */
export function registerLanguageStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.languages.createLanguageStatusItem('opentrack.status', { language: 'json' });
  item.name = vscode.l10n.t('OpenTrack');
  context.subscriptions.push(item);
  let pending: NodeJS.Timeout | undefined;

  const refresh = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'json' || !client.isRunning()) return;
    const { reason } = await client.sendRequest<DocumentKind>(DOCUMENT_KIND_REQUEST, { uri: document.uri.toString() });
    if (reason) {
      item.text = vscode.l10n.t('OpenTrack competition');
      item.detail = REASONS[reason]();
      item.command = { title: vscode.l10n.t('Upload'), command: 'opentrack.upload' };
    } else {
      item.text = vscode.l10n.t('Not an OpenTrack competition');
      item.detail = vscode.l10n.t('name it *.opentrack.json, or add it to opentrack.files');
      item.command = { title: vscode.l10n.t('Settings'), command: 'workbench.action.openSettings', arguments: ['opentrack.files'] };
    }
  };
  const schedule = (): void => {
    clearTimeout(pending);
    // Content detection can change with an edit; asking once the typing pauses is enough.
    pending = setTimeout(() => void refresh().catch(() => undefined), 500);
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(schedule),
    vscode.workspace.onDidChangeTextDocument((event) => event.document === vscode.window.activeTextEditor?.document && schedule()),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('opentrack.files') && schedule()),
    { dispose: () => clearTimeout(pending) },
  );
  schedule();
}
