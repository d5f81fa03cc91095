import { CancellationToken, CodeActionKind, Connection, Diagnostic, LSPErrorCodes, ResponseError, ServerCapabilities } from 'vscode-languageserver';
import { CompetitionDocument, RenameError, codeActions, completion, definition, documentSymbols, foldingRanges, formatting, hover, prepareRename, references, rename, selectionRanges } from '../service';

/** What the editing features need from the server: the competition document and a safe runner. */
export interface FeatureHost {
  document(uri: string): Promise<CompetitionDocument | undefined>;
  /** Every diagnostic of a document, not only those shown (for Fix All), computed with its settings. */
  allDiagnostics(uri: string): Promise<Diagnostic[]>;
  runSafe<T>(name: string, token: CancellationToken | undefined, fallback: T, work: () => T): T | ResponseError<void>;
}

const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.opentrack`;

export const editingCapabilities: ServerCapabilities = {
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
  completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: { label: 'OpenTrack' },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  foldingRangeProvider: true,
  selectionRangeProvider: true,
};

/** Whether a request for `only` these kinds wants Fix All (`source`, `source.fixAll` or ours), which needs every diagnostic. */
function wantsFixAll(only: readonly string[] | undefined): boolean {
  return !!only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`));
}

/** A refused rename reaches the user as the error message of the request. */
function refusable<T>(work: () => T): () => T | ResponseError<void> {
  return () => {
    try {
      return work();
    } catch (error) {
      if (error instanceof RenameError) return new ResponseError(LSPErrorCodes.RequestFailed, error.message);
      throw error;
    }
  };
}

/** Thin LSP handlers over the service's editing features. */
export function registerEditingFeatures(connection: Connection, host: FeatureHost): void {
  connection.onCodeAction(async (params, token) => {
    const document = await host.document(params.textDocument.uri);
    if (!document) return [];
    const only = params.context.only;
    // The Source Action menu asks for `source`: its Fix All must see the whole document too.
    const all = wantsFixAll(only) ? await host.allDiagnostics(params.textDocument.uri) : params.context.diagnostics;
    return host.runSafe('codeAction', token, [], () => codeActions(document.textDocument, params.context.diagnostics, only, all));
  });

  connection.onCompletion(async (params, token) => {
    const document = await host.document(params.textDocument.uri);
    return document ? host.runSafe('completion', token, null, () => completion(document, params.position)) : null;
  });

  connection.onHover(async (params, token) => {
    const document = await host.document(params.textDocument.uri);
    return document ? host.runSafe('hover', token, null, () => hover(document, params.position)) : null;
  });

  connection.onDefinition(async (params, token) => {
    const document = await host.document(params.textDocument.uri);
    return document ? host.runSafe('definition', token, [], () => definition(document, params.position)) : [];
  });

  connection.onReferences(async (params, token) => {
    const document = await host.document(params.textDocument.uri);
    return document ? host.runSafe('references', token, [], () => references(document, params.position, params.context.includeDeclaration)) : [];
  });

  connection.onPrepareRename(async (params, token) => {
    const document = await host.document(params.textDocument.uri);
    return document ? host.runSafe('prepareRename', token, null, refusable(() => prepareRename(document, params.position))) : null;
  });

  connection.onRenameRequest(async (params, token) => {
    const document = await host.document(params.textDocument.uri);
    return document ? host.runSafe('rename', token, null, refusable(() => rename(document, params.position, params.newName))) : null;
  });

  connection.onDocumentSymbol(async (params, token) => {
    const document = await host.document(params.textDocument.uri);
    return document ? host.runSafe('documentSymbol', token, [], () => documentSymbols(document)) : [];
  });

  connection.onDocumentFormatting(async (params, token) => {
    const document = await host.document(params.textDocument.uri);
    return document ? host.runSafe('formatting', token, [], () => formatting(document.textDocument, params.options)) : [];
  });

  connection.onDocumentRangeFormatting(async (params, token) => {
    const document = await host.document(params.textDocument.uri);
    return document ? host.runSafe('rangeFormatting', token, [], () => formatting(document.textDocument, params.options, params.range)) : [];
  });

  connection.onFoldingRanges(async (params, token) => {
    const document = await host.document(params.textDocument.uri);
    return document ? host.runSafe('foldingRanges', token, [], () => document.layoutResult('folding', () => foldingRanges(document.textDocument))) : [];
  });

  connection.onSelectionRanges(async (params, token) => {
    const document = await host.document(params.textDocument.uri);
    return document ? host.runSafe('selectionRanges', token, [], () => selectionRanges(document.textDocument, params.positions)) : [];
  });
}
