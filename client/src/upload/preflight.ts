// Before an upload: the language server's verdict on the file, and the explicit go-ahead for the live server.
import * as vscode from 'vscode';
import { VALIDATE_REQUEST, type ValidateResult } from '../../../server/src/shared/protocol';

/** The part of the LanguageClient used here. */
export interface ValidationClient {
  sendRequest<R>(method: string, param: unknown): Promise<R>;
}

export interface PreflightContext {
  client: ValidationClient;
  log: vscode.LogOutputChannel;
  /** False: never wait for the user (tests); a file with errors is then uploaded only with `force`. */
  interactive: boolean;
  /** Upload despite validation errors, without asking. */
  force: boolean;
}

/** True when the upload may go on. Every "no" has already been explained to the user. */
export async function checkValidation(context: PreflightContext, document: vscode.TextDocument, name: string): Promise<boolean> {
  const { client, log } = context;
  let validation: ValidateResult;
  try {
    validation = await client.sendRequest<ValidateResult>(VALIDATE_REQUEST, { uri: document.uri.toString() });
  } catch (error) {
    log.error(`Validation before upload failed: ${error instanceof Error ? error.message : String(error)}`);
    notify('error', vscode.l10n.t('The OpenTrack language server could not check {0}, so it was not uploaded.', name), log);
    return false;
  }
  log.info(`Validation of ${document.uri.toString()} before upload: competition ${validation.isCompetition}, ${validation.errors} errors, ${validation.warnings} warnings`);

  if (!validation.isCompetition) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} is not recognised as an OpenTrack competition, so it was not uploaded. Name it *.opentrack.json or add it to the opentrack.files setting.',
        name,
      ),
    );
    return false;
  }

  // One notice, one decision: errors ask (their count includes the warnings); warnings alone are told once.
  if (validation.errors > 0 && !context.force) {
    const problem =
      validation.errors === 1
        ? vscode.l10n.t('{0} has 1 error; OpenTrack is likely to reject it.', name)
        : vscode.l10n.t('{0} has {1} errors; OpenTrack is likely to reject it.', name, validation.errors);
    const warnings = validation.warnings === 0 ? '' : ` ${validation.warnings === 1 ? vscode.l10n.t('It also has 1 warning.') : vscode.l10n.t('It also has {0} warnings.', validation.warnings)}`;
    if (!context.interactive) {
      log.info('Not uploaded: the file has errors (pass force: true to upload anyway).');
      return false;
    }
    const showProblems = vscode.l10n.t('Show Problems');
    const uploadAnyway = vscode.l10n.t('Upload Anyway');
    const choice = await vscode.window.showWarningMessage(problem + warnings, showProblems, uploadAnyway);
    if (choice === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
    if (choice !== uploadAnyway) {
      log.info('Not uploaded: the file has errors.');
      return false;
    }
    log.info('Uploading despite the errors, as asked.');
  } else if (validation.warnings > 0 && context.interactive) {
    void vscode.window.showInformationMessage(
      validation.warnings === 1
        ? vscode.l10n.t('{0} has 1 warning; uploading anyway.', name)
        : vscode.l10n.t('{0} has {1} warnings; uploading anyway.', name, validation.warnings),
    );
  }
  return true;
}

/** The modal confirmation for OpenTrack's production server. */
export async function confirmLiveUpload(name: string, base: string): Promise<boolean> {
  const upload = vscode.l10n.t('Upload to Live Server');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Upload "{0}" to the live OpenTrack server?', name),
    {
      modal: true,
      detail: vscode.l10n.t('Server: {0}\nThis creates a real competition on OpenTrack. Use the test server to try an upload first.', base),
    },
    upload,
  );
  return choice === upload;
}

export type Severity = 'error' | 'warning' | 'information';

/**
 * Shows a message with extra buttons and "Show Output"; does not wait for the user, so a command can
 * return its result while the notification stays up.
 */
export function notify(severity: Severity, message: string, log: vscode.LogOutputChannel, extra: Record<string, () => void> = {}): void {
  const showOutput = vscode.l10n.t('Show Output');
  const items = [...Object.keys(extra), showOutput];
  const shown =
    severity === 'error'
      ? vscode.window.showErrorMessage(message, ...items)
      : severity === 'warning'
        ? vscode.window.showWarningMessage(message, ...items)
        : vscode.window.showInformationMessage(message, ...items);
  void shown.then((choice) => {
    if (choice === showOutput) log.show(true);
    else if (choice !== undefined) extra[choice]?.();
  });
}
