// `opentrack.signIn` and `opentrack.signOut`, for the server the upload settings point at.
import * as vscode from 'vscode';
import { createLoginSession } from './loginSession';
import type { LoginVault } from './loginVault';
import { promptForLogin } from './loginPrompt';
import { notify } from './preflight';
import { activeScope, readUploadSettings, resolveOrExplain } from './serverSettings';
import { signIn } from '../../../server/src/upload';

export interface LoginCommandDeps {
  vault: LoginVault;
  log: vscode.LogOutputChannel;
}

/** Asks for a login, checks it with OpenTrack and keeps it only if accepted. Returns whether it was accepted. */
export async function runSignIn({ vault, log }: LoginCommandDeps): Promise<boolean> {
  if (!vscode.workspace.isTrusted) {
    // The server URL may come from this workspace's settings: do not send a password there.
    void vscode.window.showWarningMessage(vscode.l10n.t('Signing in to OpenTrack is disabled in untrusted workspaces.'));
    return false;
  }
  const settings = readUploadSettings(activeScope());
  const server = resolveOrExplain(settings);
  if (!server) return false;
  const session = createLoginSession({ vault, base: server.base, prompt: promptForLogin, fresh: true });
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Signing in to {0}', server.base), cancellable: true },
    async (_progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        return await signIn({
          api: settings.api,
          server: settings.server,
          credentials: session.credentials,
          tokenStore: session.tokenStore,
          signal: controller.signal,
          timeoutMs: settings.timeoutMs,
          log: (line) => log.info(line),
        });
      } finally {
        subscription.dispose();
      }
    },
  );
  if (result.ok) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Signed in to {0} as {1}.', server.base, session.acceptedUsername ?? vscode.l10n.t('your account')),
    );
    return true;
  }
  if (result.kind !== 'cancelled') notify('error', vscode.l10n.t('Sign-in to {0} failed: {1}', server.base, result.message), log);
  return false;
}

/** Forgets the password and tokens of the current server. */
export async function runSignOut({ vault, log }: LoginCommandDeps): Promise<void> {
  const server = resolveOrExplain(readUploadSettings(activeScope()));
  if (!server) return;
  const had = await vault.has(server.base);
  await vault.forget(server.base);
  log.info(`Signed out of ${server.base}`);
  void vscode.window.showInformationMessage(
    had
      ? vscode.l10n.t('Signed out of {0}: its password and token were removed from VS Code.', server.base)
      : vscode.l10n.t('No OpenTrack login was stored for {0}.', server.base),
  );
}
