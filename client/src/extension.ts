import * as vscode from 'vscode';
import { SERVER_NODE_FLAGS } from '../../server/src/shared/nodeFlags';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerUploadCommands, type UploadTestingApi } from './upload/commands';
import { registerLanguageStatus } from './languageStatus';
import { registerPreviewCommands, type PreviewTestingApi } from './preview/previewCommands';
import { registerLanguageSwitch } from './languageSwitch';
import { OPENTRACK_LANGUAGE_ID } from '../../server/src/shared/protocol';

let client: LanguageClient | undefined;

/** Starts the language server (over IPC) and registers the commands; everything else lives in the server. */
export async function activate(context: vscode.ExtensionContext): Promise<OpenTrackApi | undefined> {
  const log = vscode.window.createOutputChannel('OpenTrack', { log: true });
  context.subscriptions.push(log);
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Competition files only: plain JSON stays with VS Code's JSON support until switched.
    documentSelector: [
      { scheme: 'file', language: OPENTRACK_LANGUAGE_ID },
      { scheme: 'untitled', language: OPENTRACK_LANGUAGE_ID },
    ],
    synchronize: { configurationSection: 'opentrack' },
    initializationOptions: {
      l10nBundle: vscode.l10n.uri?.toString(),
    },
    outputChannel: log,
    traceOutputChannel: log,
  };
  client = new LanguageClient('opentrack', vscode.l10n.t('OpenTrack Language Server'), serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('opentrack.restartServer', async () => {
      log.info('Restarting the language server');
      await client?.restart();
    }),
    vscode.commands.registerCommand('opentrack.showOutput', () => log.show(true)),
  );
  const testing = registerUploadCommands(context, { client, log });
  const preview = registerPreviewCommands(context, client, log);

  await client.start();
  registerLanguageStatus(context, client);
  registerLanguageSwitch(context, client, log);
  log.info('OpenTrack language server started');
  return testing && { client, testing, preview };
}

/** Returned from activate: nothing in production; the extension-host tests (ExtensionMode.Test) get their hooks. */
export interface OpenTrackApi {
  client: LanguageClient;
  /** Test hooks for the upload commands (e.g. `testing.storeCredentials`). */
  testing: UploadTestingApi;
  /** Test hooks for the preview (the open panels); not a public API. */
  preview: PreviewTestingApi;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
