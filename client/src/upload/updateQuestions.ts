// The questions of a re-upload (update the competition already on OpenTrack? delete what the file no longer
// has?) and the preview of a plan. They show the same summary as `opentrack upload --dry-run`.
import * as vscode from 'vscode';
import { describeChange, summarizePlan, type PlannedChange, type PreviewResult, type UploadPlan } from '../../../server/src/upload';

/** A modal's detail stays readable: the first changes, then how many more. */
const SHOWN_CHANGES = 15;

function changeLines(changes: PlannedChange[]): string {
  const lines = changes.slice(0, SHOWN_CHANGES).map(describeChange);
  if (changes.length > SHOWN_CHANGES) lines.push(vscode.l10n.t('… and {0} more (OpenTrack: Preview Upload lists them all)', changes.length - SHOWN_CHANGES));
  return lines.join('\n');
}

/** Asked once per upload when the competition already exists. */
export async function askUpdate(name: string, plan: UploadPlan & { existing: { webUrl: string } }): Promise<'update' | 'cancel'> {
  const updateItem = vscode.l10n.t('Update');
  const detail = [
    vscode.l10n.t('{0} is already on OpenTrack ({1}). Updating it would {2}.', name, plan.existing.webUrl, summarizePlan(plan)),
    changeLines(plan.changes),
    vscode.l10n.t('A second competition is not created: OpenTrack needs a unique slug, and two copies would split the results.'),
  ]
    .filter(Boolean)
    .join('\n\n');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Update "{0}" on OpenTrack?', name), { modal: true, detail }, updateItem);
  return choice === updateItem ? 'update' : 'cancel';
}

/** Deleting is never implied: the user confirms the exact list. */
export async function askDeletions(deletions: PlannedChange[]): Promise<boolean> {
  const deleteItem = vscode.l10n.t('Delete');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Delete {0} items from OpenTrack that the file no longer has?', deletions.length),
    { modal: true, detail: `${changeLines(deletions)}\n\n${vscode.l10n.t('Choose Cancel to keep them; the rest of the update goes ahead.')}` },
    deleteItem,
  );
  return choice === deleteItem;
}

/** The preview: the plan as a read-only Markdown document beside the file. */
export async function showPlan(name: string, host: string, preview: PreviewResult & { ok: true }, interactive: boolean): Promise<void> {
  const { plan } = preview;
  const heading = !plan.existing
    ? vscode.l10n.t('Uploading "{0}" to {1} would create the competition: {2}.', name, host, summarizePlan(plan))
    : !preview.updatable
      ? vscode.l10n.t('"{0}" is already on {1} ({2}); the v1 API cannot update it. Set opentrack.api to "rest" to update it.', name, host, plan.existing.webUrl)
      : vscode.l10n.t('Uploading "{0}" to {1} would update {2}: {3}.', name, host, plan.existing.webUrl, summarizePlan(plan));
  const content = [`# ${vscode.l10n.t('OpenTrack upload preview')}`, '', heading, '', ...plan.changes.map((change) => `- ${describeChange(change)}`), '', vscode.l10n.t('Nothing was sent to OpenTrack.'), ''].join('\n');
  if (!interactive) return;
  const document = await vscode.workspace.openTextDocument({ content, language: 'markdown' });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}
