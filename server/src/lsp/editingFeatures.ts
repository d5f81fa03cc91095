import { CancellationToken, CodeActionKind, Connection, Diagnostic, ResponseError, ServerCapabilities } from 'vscode-languageserver';
import { CompetitionDocument } from '../service';
import { codeActions } from '../service/features/codeActions';

/** What the editing features need from the server: the competition document and a safe runner. */
export interface FeatureHost {
  document(uri: string): Promise<CompetitionDocument | undefined>;
  /** Current diagnostics of a document (for fix-all), computed with its settings. */
  diagnostics(uri: string): Promise<Diagnostic[]>;
  runSafe<T>(name: string, token: CancellationToken | undefined, fallback: T, work: () => T): T | ResponseError<void>;
}

export const editingCapabilities: ServerCapabilities = {
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.opentrack`], resolveProvider: false },
};

/** Thin LSP handlers over the service's editing features. */
export function registerEditingFeatures(connection: Connection, host: FeatureHost): void {
  connection.onCodeAction(async (params, token) => {
    const document = await host.document(params.textDocument.uri);
    if (!document) return [];
    const only = params.context.only;
    const all = only?.some((kind) => kind.startsWith(CodeActionKind.SourceFixAll)) ? await host.diagnostics(params.textDocument.uri) : params.context.diagnostics;
    return host.runSafe('codeAction', token, [], () => codeActions(document.textDocument, params.context.diagnostics, only, all));
  });
}
