// Reading the upload settings, and the "Select Server" picker that writes `opentrack.server`.
import * as vscode from 'vscode';
import { resolveServer, type ServerChoice } from '../../../server/src/upload';
import { normalizeUploadSettings, type UploadSettings } from './uploadSettings';

/** Settings for the document being uploaded (`opentrack.server` and `opentrack.api` may differ per folder). */
export function readUploadSettings(scope: vscode.Uri | undefined): UploadSettings {
  const config = vscode.workspace.getConfiguration('opentrack', scope);
  return normalizeUploadSettings({
    server: config.get('server'),
    api: config.get('api'),
    uploadTimeoutSeconds: config.get('uploadTimeoutSeconds'),
  });
}

/** The folder of the active editor's file, which decides a folder-level `opentrack.server`. */
export function activeScope(): vscode.Uri | undefined {
  return vscode.window.activeTextEditor?.document.uri;
}

/** The base URL, or undefined after telling the user why the setting is unusable. */
export function resolveOrExplain(settings: UploadSettings): { base: string; live: boolean } | undefined {
  try {
    return resolveServer(settings.server, settings.api);
  } catch (error) {
    const open = vscode.l10n.t('Open Settings');
    void vscode.window
      .showErrorMessage(vscode.l10n.t('The OpenTrack server setting cannot be used: {0}', (error as Error).message), open)
      .then((choice) => {
        if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'opentrack.server');
      });
    return undefined;
  }
}

interface ServerItem extends vscode.QuickPickItem {
  choice: ServerChoice | 'other';
}

/** Lets the user pick test, live or another URL; writes it where the current value comes from. */
export async function selectServer(scope: vscode.Uri | undefined): Promise<ServerChoice | undefined> {
  const current = readUploadSettings(scope);
  const base = (choice: ServerChoice) => resolveServer(choice, current.api).base;
  const mark = (choice: ServerChoice) => (choice === current.server ? '$(check) ' : '');
  const custom = current.server !== 'test' && current.server !== 'live';
  const items: ServerItem[] = [
    { choice: 'test', label: `${mark('test')}${vscode.l10n.t('Test server')}`, description: base('test'), detail: vscode.l10n.t('For trying uploads; nothing appears on the public site.') },
    { choice: 'live', label: `${mark('live')}${vscode.l10n.t('Live server')}`, description: base('live'), detail: vscode.l10n.t('The real OpenTrack; every upload asks for confirmation.') },
    {
      choice: 'other',
      label: `${custom ? '$(check) ' : ''}${vscode.l10n.t('Other server…')}`,
      description: custom ? current.server : undefined,
      detail: vscode.l10n.t('The base URL of another OpenTrack server (https, or http on this computer).'),
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('OpenTrack Server (uploads use the {0} API)', current.api),
    placeHolder: vscode.l10n.t('Where uploads go'),
  });
  if (!picked) return undefined;
  let choice: ServerChoice | undefined = picked.choice;
  if (choice === 'other') {
    choice = await vscode.window.showInputBox({
      title: vscode.l10n.t('OpenTrack Server URL'),
      prompt: vscode.l10n.t('Base URL of the OpenTrack server, for example https://test-data.opentrack.run/'),
      value: custom ? current.server : 'https://',
      ignoreFocusOut: true,
      validateInput: (value) => {
        try {
          resolveServer(value.trim(), current.api);
          return undefined;
        } catch (error) {
          return (error as Error).message;
        }
      },
    });
    if (choice === undefined) return undefined;
    choice = choice.trim();
  }
  await vscode.workspace.getConfiguration('opentrack', scope).update('server', choice, targetOf(scope));
  void vscode.window.showInformationMessage(vscode.l10n.t('OpenTrack uploads now go to {0}.', base(choice)));
  return choice;
}

/** The most specific level that already sets `opentrack.server`, so that the new value takes effect. */
function targetOf(scope: vscode.Uri | undefined): vscode.ConfigurationTarget {
  const inspected = vscode.workspace.getConfiguration('opentrack', scope).inspect<string>('server');
  if (inspected?.workspaceFolderValue !== undefined) return vscode.ConfigurationTarget.WorkspaceFolder;
  if (inspected?.workspaceValue !== undefined) return vscode.ConfigurationTarget.Workspace;
  return vscode.ConfigurationTarget.Global;
}
