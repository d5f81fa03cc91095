/**
 * The transport-free OpenTrack language service: pure functions over a parsed document.
 * No `vscode`, no LSP connection; the server, the CLI and the tests all call this.
 */
export { CompetitionDocument, DocumentCache } from './document';
export { validateDocument, internalErrorDiagnostic, collectFindings, SOURCE, DEFAULT_MAX_SEMANTIC_SIZE } from './validate';
export type { ValidationSettings } from './validate';
export { matchesCompetitionName, looksLikeCompetition, mayBeCompetition } from './detect';
export { allRules, ruleInfo } from './rules/registry';
export type { DiagnosticData, Fix, FixEdit, Finding, Severity } from './findings';
