import * as vscode from 'vscode';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/nodeFlags';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerUploadCommands, type UploadTestingApi } from './upload/commands';
import { registerLanguageStatus } from './languageStatus';
import { registerPreviewCommands, type PreviewTestingApi } from './preview/previewCommands';

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
    // The server decides which JSON files are competitions (name, $schema or content).
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
    ],
    synchronize: { configurationSection: 'opentrack' },
    initializationOptions: {
      l10nBundle: vscode.l10n.uri?.toString(),
      // VS Code's JSON support serves our schema for these files (contributes.jsonValidation): the
      // server then leaves property names, schema enums and descriptions to it instead of doubling them.
      schemaFileMatch: jsonValidationFileMatch(context),
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
  log.info('OpenTrack language server started');
  return testing && { client, testing, preview };
}

function jsonValidationFileMatch(context: vscode.ExtensionContext): string[] {
  const contributions = (context.extension.packageJSON as { contributes?: { jsonValidation?: Array<{ fileMatch?: string | string[] }> } }).contributes;
  return (contributions?.jsonValidation ?? []).flatMap((entry) => entry.fileMatch ?? []);
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
