// `opentrack.upload` and `opentrack.previewUpload`: validate, sign in, then (with progress) find the competition
// on OpenTrack, ask once whether to update it, upload, and bring the server's errors into the file.
import * as vscode from 'vscode';
import { previewUpload, upload, type CredentialsProvider, type PreviewResult, type UploadOptions, type UploadResult } from '../../../server/src/upload';
import { competitionName } from './competitionName';
import { promptForLogin } from './loginPrompt';
import { createLoginSession } from './loginSession';
import type { LoginVault } from './loginVault';
import { checkValidation, confirmLiveUpload, type ValidationClient } from './preflight';
import type { ServerErrors } from './serverErrors';
import { readUploadSettings, resolveOrExplain } from './serverSettings';
import { askDeletions, askUpdate, showPlan } from './updateQuestions';
import { reportFailure, reportSuccess } from './uploadReport';

/**
 * The optional argument of `opentrack.upload` (commands run from a menu get the file's Uri instead).
 * Only `uri` is honoured in production: any extension can run a command, so only the extension-host
 * tests (ExtensionMode.Test) may skip the questions.
 */
export interface UploadCommandArgs {
  /** The document to upload (a URI string); by default the active editor's. */
  uri?: string;
  /** Tests only: skip the live-server confirmation. */
  confirmLive?: boolean;
  /** Tests only: upload even when validation finds errors, without asking. */
  force?: boolean;
  /** Tests only: false never prompts; only a stored login is used. */
  interactive?: boolean;
  /** Tests only: the answer to "update the existing competition?" when not interactive. */
  update?: boolean;
}

export interface UploadCommandDeps {
  client: ValidationClient;
  log: vscode.LogOutputChannel;
  vault: LoginVault;
  serverErrors: ServerErrors;
  /** The competition id of each file's last upload, per server (workspace state). */
  memory: vscode.Memento;
  /** True only in the extension-host tests: the test-only arguments are honoured. */
  testMode: boolean;
}

let running = false;

/**
 * Returns the UploadResult whenever the upload was attempted (including a cancelled or failed one), and
 * undefined when it never started: no file, untrusted workspace, not a competition, errors declined,
 * live upload not confirmed, bad server setting, login not given, or another upload still running.
 */
export function runUploadCommand(deps: UploadCommandDeps, arg?: unknown): Promise<UploadResult | undefined> {
  return exclusive(() => uploadDocument(deps, parseArgs(arg, deps.testMode)));
}

/** Lists what an upload would create, update and delete, without changing anything on the server. */
export function runPreviewCommand(deps: UploadCommandDeps, arg?: unknown): Promise<PreviewResult | undefined> {
  return exclusive(() => previewDocument(deps, parseArgs(arg, deps.testMode)));
}

async function exclusive<T>(work: () => Promise<T | undefined>): Promise<T | undefined> {
  if (running) {
    void vscode.window.showInformationMessage(vscode.l10n.t('An OpenTrack upload is already running.'));
    return undefined;
  }
  running = true;
  try {
    return await work();
  } finally {
    running = false;
  }
}

interface Prepared {
  document: vscode.TextDocument;
  name: string;
  host: string;
  options: UploadOptions;
  rememberKey: string;
}

/** Everything before the first request: the file, the settings, validation, the live confirmation, the login. */
async function prepare(deps: UploadCommandDeps, args: UploadCommandArgs, forUpload: boolean): Promise<Prepared | undefined> {
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
  if (forUpload && !(await checkValidation({ client: deps.client, log, interactive, force: args.force === true }, document, fileName))) return undefined;

  // The text validated is the text sent (the core refuses what would not reach OpenTrack as written).
  const documentText = document.getText();
  const name = competitionName(documentText) ?? fileName;
  let confirmedLive = false;
  if (forUpload && server.live) {
    if (args.confirmLive === true) confirmedLive = true;
    else if (interactive) {
      if (!(await confirmLiveUpload(name, server.base))) {
        log.info(`Not uploaded: the upload to the live server ${server.base} was not confirmed.`);
        return undefined;
      }
      confirmedLive = true;
    }
    // Non-interactive and unconfirmed: the core refuses, and the result says so.
  }

  const session = createLoginSession({ vault: deps.vault, base: server.base, prompt: interactive ? promptForLogin : undefined });
  // Sign-in comes before the progress notification, so "Uploading…" never shows while the login box asks.
  const credentials = await loginFirst(session.credentials, await deps.vault.has(server.base));
  if (!credentials) {
    log.info('Not uploaded: no OpenTrack login was given.');
    return undefined;
  }
  const rememberKey = `opentrack.competitionId ${server.base} ${document.uri.toString()}`;
  return {
    document,
    name,
    host: new URL(server.base).host,
    rememberKey,
    options: {
      documentText,
      api: settings.api,
      server: settings.server,
      confirmedLive,
      credentials,
      tokenStore: session.tokenStore,
      timeoutMs: settings.timeoutMs,
      knownCompetitionId: deps.memory.get<string>(rememberKey),
      log: (line) => log.info(line),
    },
  };
}

/** With nothing stored for the server, the login is asked now; the core gets it on its first request. */
async function loginFirst(credentials: CredentialsProvider, stored: boolean): Promise<CredentialsProvider | undefined> {
  if (stored) return credentials;
  const first = await credentials.getCredentials();
  if (!first) return undefined;
  let handed = false;
  return {
    getCredentials: () => (handed ? credentials.getCredentials() : ((handed = true), Promise.resolve(first))),
    onRejected: credentials.onRejected?.bind(credentials),
  };
}

async function uploadDocument(deps: UploadCommandDeps, args: UploadCommandArgs): Promise<UploadResult | undefined> {
  const prepared = await prepare(deps, args, true);
  if (!prepared) return undefined;
  const { document, name, host, options } = prepared;
  const interactive = args.interactive !== false;
  deps.serverErrors.clear(document.uri);
  deps.log.info(`Upload of ${document.uri.toString()} to ${host} (${options.api} API) started`);
  const result = await withProgress(vscode.l10n.t('Uploading "{0}" to {1}', name, host), (signal, onProgress) =>
    upload({
      ...options,
      signal,
      onProgress,
      decideUpdate: (plan) => (interactive ? askUpdate(name, plan) : Promise.resolve(args.update === true ? 'update' : 'cancel')),
      confirmDeletions: (deletions) => (interactive ? askDeletions(deletions) : Promise.resolve(false)),
    }),
  );

  if (result.ok) {
    await deps.memory.update(prepared.rememberKey, result.created.competition.id);
    reportSuccess(result, name, host, deps.log);
  } else {
    // Only complaints about a place in the file are marked there; the others are in the notification.
    const placed = result.fieldErrors.filter((fieldError) => fieldError.path.length > 0);
    const marked = placed.length > 0 ? deps.serverErrors.publish(document, placed) : 0;
    reportFailure(result, host, marked, deps.log, options.api);
  }
  return result;
}

async function previewDocument(deps: UploadCommandDeps, args: UploadCommandArgs): Promise<PreviewResult | undefined> {
  const prepared = await prepare(deps, args, false);
  if (!prepared) return undefined;
  const { name, host, options } = prepared;
  const result = await withProgress(vscode.l10n.t('Comparing "{0}" with {1}', name, host), (signal, onProgress) => previewUpload({ ...options, signal, onProgress }));
  if (result.ok) await showPlan(name, host, result, args.interactive !== false);
  else reportFailure(result, host, 0, deps.log, options.api);
  return result;
}

function withProgress<T>(title: string, work: (signal: AbortSignal, onProgress: (message: string, increment: number) => void) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      return await work(controller.signal, (message, increment) => progress.report({ message, increment }));
    } finally {
      subscription.dispose();
    }
  });
}

function parseArgs(arg: unknown, testMode: boolean): UploadCommandArgs {
  // editor/title passes the editor's resource.
  if (arg instanceof vscode.Uri) return { uri: arg.toString() };
  if (typeof arg !== 'object' || arg === null) return {};
  const { uri, confirmLive, force, interactive, update } = arg as Record<string, unknown>;
  const parsed: UploadCommandArgs = { uri: typeof uri === 'string' ? uri : uri instanceof vscode.Uri ? uri.toString() : undefined };
  if (!testMode) return parsed;
  return { ...parsed, confirmLive: confirmLive === true, force: force === true, interactive: interactive !== false, update: update === true };
}

async function targetDocument(uri: string | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri === undefined) return vscode.window.activeTextEditor?.document;
  const parsed = vscode.Uri.parse(uri);
  // An open document (with its unsaved edits) first; otherwise open it, which also syncs it to the language server.
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === parsed.toString()) ?? vscode.workspace.openTextDocument(parsed);
}
