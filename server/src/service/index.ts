/**
 * The transport-free OpenTrack language service: pure functions over a parsed document.
 * No `vscode`, no LSP connection. The one door in: the LSP adapter, the CLI and the tests import
 * from here, never from the folders below (a lint rule keeps it so).
 */
export { CompetitionDocument, DocumentCache } from './document';
export { EditableDocument, editableDocuments } from './editableDocument';
export { validateDocument, internalErrorDiagnostic, collectFindings, SOURCE, DEFAULT_MAX_SEMANTIC_SIZE } from './validate';
export type { ValidationSettings } from './validate';
export { globProblem, matchesCompetitionName, matchesGlobs, looksLikeCompetition, mayBeCompetition } from './detect';
export { allRules, ruleInfo, RULE_FAMILIES } from './rules/registry';
export type { SeverityOverrides } from './rules/registry';
export type { DiagnosticData, Fix, FixEdit, Finding, Severity } from './findings';
export { compiledSchema } from './schema/schemaValidator';

// Editing features, one function per LSP request.
export { codeActions } from './features/codeActions';
export { completion } from './features/completion';
export { hover } from './features/hover';
export { definition, references } from './features/navigation';
export { RenameError, prepareRename, rename } from './features/rename';
export { documentSymbols } from './features/symbols';
export { formatting } from './features/formatting';
export { foldingRanges } from './features/folding';
export { selectionRanges } from './features/selectionRanges';

// The competition as pages: the preview (sections, rows tied to JSON paths) and `opentrack render`.
export { asObject, buildModel } from './model';
export { pathAttribute } from './render/html';
export { isLargeMeet, renderCompetition, renderSection } from './render/preview';
export type { RenderedHtml } from './render/preview';
export { renderPage } from './render/page';

// JSON text: the tolerant parser and paths to ranges (also in ../shared/jsonPaths for the client).
export { parseJson } from './json/parse';
export { locatePath, locatePaths, reportSpans } from './json/locate';
export { formatPath } from './json/path';
export type { JsonPath } from './json/path';
