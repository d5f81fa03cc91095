import {
  Connection,
  DiagnosticServerCancellationData,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
  Diagnostic,
  DiagnosticSeverity,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompetitionDocument, DocumentCache, compiledSchema, editableDocuments, internalErrorDiagnostic, looksLikeCompetition, matchesCompetitionName, matchesGlobs, mayBeCompetition, parseJson, validateDocument } from '../service';
import { ServerSettings, SettingsStore, validationSettings } from './settings';
import { runSafe } from './runSafe';
import { DOCUMENT_KIND_REQUEST, OPENTRACK_LANGUAGE_ID, VALIDATE_REQUEST, type CompetitionReason, type DocumentKind, type DocumentKindParams, type ValidateResult } from '../shared/protocol';
import { editingCapabilities, registerEditingFeatures } from './editingFeatures';
import { bundleLocation, loadTranslations } from './l10n';
import { registerPreview } from './preview';
import { PushScheduler, SETTLE_TURNS, nextTurn } from './validationScheduling';
import { DiagnosticReports } from './diagnosticReports';

/** Adapts the language service to LSP: documents, scheduling, settings; no logic of its own. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(editableDocuments);
  const cache = new DocumentCache();
  const log = (message: string): void => connection.console.error(message);
  const settings = new SettingsStore(connection, (message) => {
    log(message);
    void connection.window.showWarningMessage(message);
  });
  let pullDiagnostics = false;
  const pushes = new PushScheduler();

  /**
   * Why the document is a competition, or undefined: other JSON files get nothing from this server.
   * A document in the `opentrack-json` language always is one (the editor, or its user, said so);
   * editors without that language send `json`, and the name, the setting or the content decide.
   * `text` is for documents the client does not sync (a plain JSON file it asks about).
   */
  async function competitionReason(uri: string, text: () => string | undefined, parsed: () => unknown, languageId?: string): Promise<CompetitionReason | undefined> {
    const { files } = await settings.get(uri);
    if (matchesCompetitionName(uri, [])) return 'name';
    if (matchesGlobs(uri, files)) return 'setting';
    // The text pre-check spares parsing JSON that is no competition; our language's documents are
    // parsed anyway, and joining a large edited text only for it would cost more than it saves.
    const plausible = languageId === OPENTRACK_LANGUAGE_ID || mayBeCompetition(text() ?? '');
    if (plausible && looksLikeCompetition(parsed())) return 'content';
    return languageId === OPENTRACK_LANGUAGE_ID ? 'language' : undefined;
  }

  function syncedReason(textDocument: TextDocument): Promise<CompetitionReason | undefined> {
    return competitionReason(textDocument.uri, () => textDocument.getText(), () => cache.get(textDocument).parsed.value, textDocument.languageId);
  }

  /** The parsed document (one parse per version, shared by every feature) when it is a competition. */
  async function competition(textDocument: TextDocument): Promise<CompetitionDocument | undefined> {
    return (await syncedReason(textDocument)) ? cache.get(textDocument) : undefined;
  }

  /** Diagnostics per document version and settings: repeated pulls and Fix All reuse them. */
  const validated = new WeakMap<CompetitionDocument, { settings: ServerSettings; shown?: Diagnostic[]; all?: Diagnostic[] }>();
  const reports = new DiagnosticReports();

  /** The diagnostics of the current version; `all`: every problem, not only the number shown (for Fix All). */
  async function diagnose(textDocument: TextDocument, all = false): Promise<Diagnostic[] | undefined> {
    const document = await competition(textDocument);
    if (!document) return undefined;
    const current = await settings.get(textDocument.uri);
    let entry = validated.get(document);
    if (entry?.settings !== current) validated.set(document, (entry = { settings: current }));
    const slot = all ? 'all' : 'shown';
    const cached = entry[slot];
    if (cached) return cached;
    const options = validationSettings(current);
    if (all) options.maxProblems = Infinity;
    options.onRuleError = (family, error) => log(`Rule family "${family}" failed on ${textDocument.uri}: ${error instanceof Error ? error.stack : String(error)}`);
    const diagnostics = validateDocument(document, options);
    return (entry[slot] = all ? diagnostics : reports.settle(textDocument.uri, diagnostics));
  }

  function schedulePush(textDocument: TextDocument): void {
    if (pullDiagnostics) return;
    pushes.schedule(textDocument.uri, async () => {
      const version = textDocument.version;
      try {
        const diagnostics = await diagnose(textDocument);
        // Drop results for a version that is no longer current: never publish stale diagnostics.
        if (documents.get(textDocument.uri)?.version === version) void connection.sendDiagnostics({ uri: textDocument.uri, version, diagnostics: diagnostics ?? [] });
      } catch (error) {
        log(`Validation failed for ${textDocument.uri}: ${error instanceof Error ? error.stack : String(error)}`);
        if (documents.get(textDocument.uri)?.version === version) {
          void connection.sendDiagnostics({ uri: textDocument.uri, version, diagnostics: [internalErrorDiagnostic(textDocument.uri, error)] });
        }
      }
    });
  }

  connection.onInitialize(async (params): Promise<InitializeResult> => {
    // First of all: every message made from here on is in the editor's display language.
    await loadTranslations(bundleLocation(params.initializationOptions), log);
    const capabilities = params.capabilities;
    pullDiagnostics = !!capabilities.textDocument?.diagnostic;
    settings.supportsConfiguration = !!capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...(pullDiagnostics && { diagnosticProvider: { identifier: 'opentrack', interFileDependencies: false, workspaceDiagnostics: false } }),
        ...editingCapabilities,
      },
      serverInfo: { name: 'OpenTrack Language Server' },
    };
  });

  // Compile the schema while the editor is still opening files, not on the first validation.
  connection.onInitialized(() => setImmediate(() => compiledSchema()));

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else documents.all().forEach(schedulePush);
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const uri = params.textDocument.uri;
    const version = documents.get(uri)?.version;
    for (let turn = 0; turn < SETTLE_TURNS && !token.isCancellationRequested; turn++) await nextTurn();
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    const textDocument = documents.get(uri);
    if (!textDocument) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (textDocument.version !== version) {
      // An edit came in meanwhile: no work for the superseded version; the client asks again.
      const data: DiagnosticServerCancellationData = { retriggerRequest: true };
      return new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer version', data);
    }
    try {
      return await reports.report(uri, params.previousResultId, async () => (await diagnose(textDocument)) ?? []);
    } catch (error) {
      log(`Validation failed for ${textDocument.uri}: ${error instanceof Error ? error.stack : String(error)}`);
      // Fail closed: a file that could not be checked must not look clean.
      return { kind: DocumentDiagnosticReportKind.Full, items: [internalErrorDiagnostic(textDocument.uri, error)] };
    }
  });

  connection.onRequest(DOCUMENT_KIND_REQUEST, async (params: DocumentKindParams): Promise<DocumentKind> => {
    const textDocument = documents.get(params.uri);
    if (textDocument) return { reason: await syncedReason(textDocument) };
    // A document the client keeps to itself: parsed here once for this answer, never cached.
    return { reason: await competitionReason(params.uri, () => params.text, () => parseJson(params.text ?? '').value) };
  });

  connection.onRequest(VALIDATE_REQUEST, async (params: { uri: string }): Promise<ValidateResult> => {
    const textDocument = documents.get(params.uri);
    const diagnostics = textDocument ? await diagnose(textDocument) : undefined;
    const count = (severity: DiagnosticSeverity): number => (diagnostics ?? []).filter((d) => d.severity === severity).length;
    return { isCompetition: diagnostics !== undefined, errors: count(DiagnosticSeverity.Error), warnings: count(DiagnosticSeverity.Warning), diagnostics: diagnostics ?? [] };
  });

  documents.onDidChangeContent((event) => schedulePush(event.document));
  documents.onDidClose((event) => {
    pushes.forget(event.document.uri);
    cache.delete(event.document.uri);
    reports.forget(event.document.uri);
    settings.clear(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  registerEditingFeatures(connection, {
    document: async (uri) => {
      const textDocument = documents.get(uri);
      return textDocument ? competition(textDocument) : undefined;
    },
    allDiagnostics: async (uri) => {
      const textDocument = documents.get(uri);
      return (textDocument && (await diagnose(textDocument, true))) ?? [];
    },
    runSafe: (name, token, fallback, work) => runSafe(log, name, token, fallback, work),
  });

  registerPreview(connection, documents, cache);
  documents.listen(connection);
  connection.listen();
}
