// What the user is told when an upload ends.
import * as vscode from 'vscode';
import { describeChange, type CreatedResources, type UploadApi, type UploadFailure, type UploadSuccess } from '../../../server/src/upload';
import { notify } from './preflight';

export function reportSuccess(result: UploadSuccess, name: string, host: string, log: vscode.LogOutputChannel): void {
  const parts: string[] = [];
  if (result.outcome === 'created') {
    parts.push(vscode.l10n.t('Uploaded "{0}" to {1}.', name, host));
    const items = createdItems(result.created);
    if (items) parts.push(vscode.l10n.t('Created the competition with {0}.', items));
  } else if (result.outcome === 'updated') {
    parts.push(
      result.changes.length === 1
        ? vscode.l10n.t('Updated "{0}" on {1}: {2}.', name, host, describeChange(result.changes[0]))
        : vscode.l10n.t('Updated "{0}" on {1}: {2} changes (see the output).', name, host, result.changes.length),
    );
  } else {
    parts.push(vscode.l10n.t('"{0}" on {1} is already up to date; nothing was sent.', name, host));
  }
  if (result.warnings.length > 0) {
    parts.push(
      result.warnings.length === 1
        ? vscode.l10n.t('Warning: {0}', result.warnings[0])
        : vscode.l10n.t('{0} warnings; see the output.', result.warnings.length),
    );
  }
  const open = vscode.l10n.t('Open in Browser');
  notify(result.warnings.length > 0 ? 'warning' : 'information', parts.join(' '), log, {
    // A localhost page (the stand-in) is reachable from the browser only through the port forwarding.
    [open]: () => void vscode.env.asExternalUri(vscode.Uri.parse(result.created.competition.webUrl)).then((uri) => vscode.env.openExternal(uri)),
  });
}

export function reportFailure(result: UploadFailure, host: string, markedInFile: number, log: vscode.LogOutputChannel, api: UploadApi): void {
  const nothingCreated = !result.created.competition;
  if (result.kind === 'cancelled' && nothingCreated) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Upload cancelled; nothing was created on OpenTrack.'));
    return;
  }
  // The core's message is plain words with the HTTP status in it; make sure the status shows either way.
  const withStatus =
    result.status !== undefined && !result.message.includes(`HTTP ${result.status}`)
      ? `${result.message} (HTTP ${result.status})`
      : result.message;
  const parts = [
    result.kind === 'cancelled'
      ? vscode.l10n.t('Upload to {0} cancelled: {1}', host, withStatus)
      : vscode.l10n.t('Upload to {0} failed: {1}', host, withStatus),
  ];
  const extra: Record<string, () => void> = {};
  if (markedInFile > 0) {
    parts.push(
      markedInFile === 1
        ? vscode.l10n.t('The problem is marked in the file.')
        : vscode.l10n.t('The {0} problems are marked in the file.', markedInFile),
    );
    extra[vscode.l10n.t('Show Problems')] = () => void vscode.commands.executeCommand('workbench.actions.view.problems');
  }
  if (result.kind === 'credentials') {
    extra[vscode.l10n.t('Sign In')] = () => void vscode.commands.executeCommand('opentrack.signIn');
  }
  if (result.kind === 'exists' && api === 'v1') {
    extra[vscode.l10n.t('Use the REST API')] = () =>
      void vscode.workspace.getConfiguration('opentrack').update('api', 'rest', vscode.ConfigurationTarget.Global).then(() =>
        vscode.window.showInformationMessage(vscode.l10n.t('Uploads now use the REST API; upload again to update the competition.')),
      );
  }
  if (result.kind === 'refused') {
    extra[vscode.l10n.t('Select Server')] = () => void vscode.commands.executeCommand('opentrack.selectServer');
  }
  notify('error', parts.join(' '), log, extra);
}

/** "2 teams, 3 competitors and 5 events"; empty when the competition came alone. */
function createdItems(created: CreatedResources): string {
  const counts = [
    count(created.teams.length, () => vscode.l10n.t('1 team'), (n) => vscode.l10n.t('{0} teams', n)),
    count(created.competitors.length, () => vscode.l10n.t('1 competitor'), (n) => vscode.l10n.t('{0} competitors', n)),
    count(created.events.length, () => vscode.l10n.t('1 event'), (n) => vscode.l10n.t('{0} events', n)),
  ].filter((text): text is string => text !== undefined);
  if (counts.length <= 1) return counts[0] ?? '';
  return vscode.l10n.t('{0} and {1}', counts.slice(0, -1).join(', '), counts[counts.length - 1]);
}

function count(n: number, one: () => string, many: (n: number) => string): string | undefined {
  return n === 0 ? undefined : n === 1 ? one() : many(n);
}
