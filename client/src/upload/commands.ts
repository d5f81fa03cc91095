// Registers the upload commands: Upload Competition, Preview Upload, Sign In, Sign Out, Select Server.
import * as vscode from 'vscode';
import { resolveServer, type PreviewResult, type UploadApi, type UploadResult } from '../../../server/src/upload';
import { runSignIn, runSignOut } from './loginCommands';
import { LoginVault } from './loginVault';
import type { ValidationClient } from './preflight';
import { ServerErrors } from './serverErrors';
import { activeScope, readUploadSettings, selectServer } from './serverSettings';
import { runPreviewCommand, runUploadCommand } from './uploadCommand';
import { normalizeUploadSettings } from './uploadSettings';

export type { UploadCommandArgs } from './uploadCommand';

/**
 * For the extension-host tests only, and returned by activate() only when VS Code runs them
 * (ExtensionMode.Test): sets up logins without the prompt.
 * `server` is `test`, `live` or a base URL; `api` (default: the `opentrack.api` setting) picks the
 * base URL of `test`/`live`, since logins are kept per base URL.
 */
export interface UploadTestingApi {
  /** Stores a login in SecretStorage as if a sign-in had succeeded, replacing any login and token of that server. */
  storeCredentials(server: string, username: string, password: string, api?: UploadApi): Promise<void>;
  /** Forgets the login and tokens of that server, like Sign Out. */
  forgetCredentials(server: string, api?: UploadApi): Promise<void>;
}

export function registerUploadCommands(
  context: vscode.ExtensionContext,
  { client, log }: { client: ValidationClient; log: vscode.LogOutputChannel },
): UploadTestingApi | undefined {
  const vault = new LoginVault(context.secrets);
  const serverErrors = new ServerErrors();
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const uploadDeps = { client, log, vault, serverErrors, memory: context.workspaceState, testMode };
  context.subscriptions.push(
    serverErrors,
    vscode.commands.registerCommand('opentrack.upload', (arg?: unknown): Promise<UploadResult | undefined> => runUploadCommand(uploadDeps, arg)),
    vscode.commands.registerCommand('opentrack.previewUpload', (arg?: unknown): Promise<PreviewResult | undefined> => runPreviewCommand(uploadDeps, arg)),
    vscode.commands.registerCommand('opentrack.signIn', () => runSignIn({ vault, log })),
    vscode.commands.registerCommand('opentrack.signOut', () => runSignOut({ vault, log })),
    vscode.commands.registerCommand('opentrack.selectServer', () => selectServer(activeScope())),
  );

  if (!testMode) return undefined;
  const baseOf = (server: string, api: UploadApi | undefined) =>
    resolveServer(normalizeUploadSettings({ server }).server, api ?? readUploadSettings(activeScope()).api).base;
  return {
    async storeCredentials(server, username, password, api) {
      const base = baseOf(server, api);
      await vault.forget(base);
      await vault.storeLogin(base, { username, password });
    },
    async forgetCredentials(server, api) {
      await vault.forget(baseOf(server, api));
    },
  };
}
