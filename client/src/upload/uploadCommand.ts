// `opentrack.upload`: validate, confirm, log in, upload with progress, and bring the server's errors into the file.
import * as vscode from 'vscode';
import { upload, type UploadResult } from '../../../server/src/upload';
import { competitionName } from './competitionName';
import { promptForLogin } from './loginPrompt';
import { createLoginSession } from './loginSession';
import type { LoginVault } from './loginVault';
import { checkValidation, confirmLiveUpload, type ValidationClient } from './preflight';
import type { ServerErrors } from './serverErrors';
import { readUploadSettings, resolveOrExplain } from './serverSettings';
import { reportFailure, reportSuccess } from './uploadReport';

/**
 * The optional argument of `opentrack.upload` (commands run from a menu get the file's Uri instead).
 * With stored credentials and `interactive: false` the command never waits for the user, so
 * extension-host tests can run it and assert on the result it returns.
 */
export interface UploadCommandArgs {
  /** The document to upload (a URI string); by default the active editor's. */
  uri?: string;
  /** Skip the live-server confirmation. Honoured only when the extension runs in development or tests. */
  confirmLive?: boolean;
  /** Upload even when validation finds errors, without asking. */
  force?: boolean;
  /** false: never prompt; only a stored login is used and a file with errors is not uploaded (without `force`). */
  interactive?: boolean;
}

export interface UploadCommandDeps {
  client: ValidationClient;
  log: vscode.LogOutputChannel;
  vault: LoginVault;
  serverErrors: ServerErrors;
  /** Whether `confirmLive` may skip the modal (not in production, where any caller could pass it). */
  allowUnattendedLive: boolean;
}

let running = false;

/**
 * Returns the UploadResult whenever the upload was attempted (including a cancelled or failed one), and
 * undefined when it never started: no file, untrusted workspace, not a competition, errors declined,
 * live upload not confirmed, bad server setting, or another upload still running.
 */
export async function runUploadCommand(deps: UploadCommandDeps, arg?: unknown): Promise<UploadResult | undefined> {
  if (running) {
    void vscode.window.showInformationMessage(vscode.l10n.t('An OpenTrack upload is already running.'));
    return undefined;
  }
  running = true;
  try {
    return await uploadDocument(deps, parseArgs(arg));
  } finally {
    running = false;
  }
}

async function uploadDocument(deps: UploadCommandDeps, args: UploadCommandArgs): Promise<UploadResult | undefined> {
  const { log } = deps;
  const interactive = args.interactive !== false;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Uploading to OpenTrack is disabled in untrusted workspaces.'));
    return undefined;
  }
  let document: vscode.TextDocument | undefined;
  try {
    document = await targetDocument(args.uri);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open {0}: {1}', args.uri ?? '', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an OpenTrack competition file to upload it.'));
    return undefined;
  }
  const settings = readUploadSettings(document.uri);
  const server = resolveOrExplain(settings);
  if (!server) return undefined;
  const fileName = document.uri.path.split('/').pop() || document.uri.toString();
  if (!(await checkValidation({ client: deps.client, log, interactive, force: args.force === true }, document, fileName))) return undefined;

  const documentText = document.getText();
  const name = competitionName(documentText) ?? fileName;
  let confirmedLive = false;
  if (server.live) {
    if (args.confirmLive === true && deps.allowUnattendedLive) confirmedLive = true;
    else if (interactive) {
      if (!(await confirmLiveUpload(name, server.base))) {
        log.info(`Not uploaded: the upload to the live server ${server.base} was not confirmed.`);
        return undefined;
      }
      confirmedLive = true;
    }
    // Non-interactive and unconfirmed: the core refuses, and the result says so.
  }

  deps.serverErrors.clear(document.uri);
  const host = new URL(server.base).host;
  const session = createLoginSession({ vault: deps.vault, base: server.base, prompt: interactive ? promptForLogin : undefined });
  log.info(`Upload of ${document.uri.toString()} to ${server.base} (${settings.api} API) started`);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Uploading "{0}" to {1}', name, host), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await upload({
          documentText,
          api: settings.api,
          server: settings.server,
          confirmedLive,
          credentials: session.credentials,
          tokenStore: session.tokenStore,
          signal: controller.signal,
          timeoutMs: settings.timeoutMs,
          onProgress: (message, increment) => progress.report({ message, increment }),
          log: (line) => log.info(line),
        });
      } finally {
        subscription.dispose();
      }
    },
  );

  if (result.ok) {
    reportSuccess(result, name, host, log);
  } else {
    const marked = result.fieldErrors.length > 0 ? deps.serverErrors.publish(document, result.fieldErrors) : 0;
    reportFailure(result, host, marked, log);
  }
  return result;
}

function parseArgs(arg: unknown): UploadCommandArgs {
  // editor/title passes the editor's resource.
  if (arg instanceof vscode.Uri) return { uri: arg.toString() };
  if (typeof arg !== 'object' || arg === null) return {};
  const { uri, confirmLive, force, interactive } = arg as Record<string, unknown>;
  return {
    uri: typeof uri === 'string' ? uri : uri instanceof vscode.Uri ? uri.toString() : undefined,
    confirmLive: confirmLive === true,
    force: force === true,
    interactive: interactive !== false,
  };
}

async function targetDocument(uri: string | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri === undefined) return vscode.window.activeTextEditor?.document;
  const parsed = vscode.Uri.parse(uri);
  // An open document (with its unsaved edits) first; otherwise open it, which also syncs it to the language server.
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === parsed.toString()) ?? vscode.workspace.openTextDocument(parsed);
}
