import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OPENTRACK_LANGUAGE_ID, type CompetitionReason } from '../../server/src/shared/protocol';
import { competitionReason } from './languageSwitch';

const REASONS: Record<CompetitionReason, () => string> = {
  name: () => vscode.l10n.t('named *.opentrack.json'),
  setting: () => vscode.l10n.t('matched by opentrack.files'),
  content: () => vscode.l10n.t('recognised by its content'),
  language: () => vscode.l10n.t('its language is OpenTrack JSON'),
};

/**
 * The language status of competition and JSON files: whether the file is checked as a competition
 * and why; on a plain JSON file that looks like one, the offer to check it as one (switching its
 * language, so that only this extension handles it).
 */
export function registerLanguageStatus(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.languages.createLanguageStatusItem('opentrack.status', [{ language: OPENTRACK_LANGUAGE_ID }, { language: 'json' }]);
  item.name = vscode.l10n.t('OpenTrack');
  context.subscriptions.push(item);
  let pending: NodeJS.Timeout | undefined;

  const refresh = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !client.isRunning()) return;
    const isCompetition = document.languageId === OPENTRACK_LANGUAGE_ID;
    if (!isCompetition && document.languageId !== 'json') return;
    const reason = await competitionReason(client, document, !isCompetition);
    if (isCompetition) {
      item.text = vscode.l10n.t('OpenTrack competition');
      item.detail = reason && REASONS[reason]();
      item.command = { title: vscode.l10n.t('Upload'), command: 'opentrack.upload' };
    } else if (reason) {
      item.text = vscode.l10n.t('Looks like an OpenTrack competition');
      item.detail = REASONS[reason]();
      item.command = { title: vscode.l10n.t('Check as OpenTrack competition'), command: 'opentrack.checkAsCompetition', arguments: [document.uri] };
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
