// The login prompt: the user name (an email address on OpenTrack), then the password in a masked box.
import * as vscode from 'vscode';
import type { LoginPrompt } from './loginSession';

export const promptForLogin: LoginPrompt = async ({ base, username, retry }) => {
  // The title names the server: the password is sent there.
  const title = vscode.l10n.t('Sign in to OpenTrack at {0}', base);
  const name = await vscode.window.showInputBox({
    title,
    prompt: retry
      ? vscode.l10n.t('OpenTrack did not accept that email address or password. Enter them again.')
      : vscode.l10n.t('The email address of your OpenTrack account'),
    placeHolder: vscode.l10n.t('name@example.org'),
    value: username,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Enter the email address of your OpenTrack account.') : undefined),
  });
  if (name === undefined) return undefined;
  const password = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The OpenTrack password of {0} (kept in VS Code\'s secret storage once OpenTrack accepts it)', name.trim()),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value === '' ? vscode.l10n.t('Enter the password.') : undefined),
  });
  if (password === undefined) return undefined;
  return { username: name.trim(), password };
};
