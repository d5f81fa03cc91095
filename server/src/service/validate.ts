import * as l10n from '@vscode/l10n';
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { CompetitionDocument } from './document';
import { DiagnosticData, Finding, FixKind, Severity } from './findings';
import { Span } from './json/locate';
import { validateAgainstSchema } from './schema/schemaValidator';
import { RULE_FAMILIES, SeverityOverrides, ruleInfo } from './rules/registry';

export const SOURCE = 'opentrack';

export interface ValidationSettings {
  /** Severity per rule code, or `off`. */
  rules?: SeverityOverrides;
  /** Above this size (in characters), only syntax and schema are checked. */
  maxSemanticSize?: number;
  /** At most this many diagnostics per document. */
  maxProblems?: number;
  /**
   * Called when a check throws: a rule family (the other rules still report) or, as "validation",
   * the whole pipeline (the document then gets a single OT902 error instead of its findings).
   */
  onRuleError?: (family: string, error: unknown) => void;
}

export const DEFAULT_MAX_SEMANTIC_SIZE = 20 * 1024 * 1024;
const DEFAULT_MAX_PROBLEMS = 1000;

/** Most severe first: a finding may replace a schema error only when it ranks at least as high. */
const SEVERITY_RANK: Record<Severity | 'off', number> = { error: 0, warning: 1, information: 2, hint: 3, off: 4 };

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Every finding for one document version: syntax, schema, then the semantic rules (what Fix All works on). */
export function collectFindings(document: CompetitionDocument, settings: ValidationSettings = {}): Finding[] {
  return boundedFindings(document, settings, Infinity).findings;
}

interface BoundedFindings {
  findings: Finding[];
  /** Checking stopped early: there are more problems than the findings. */
  truncated: boolean;
}

/**
 * The findings, with schema and semantic findings collected up to `budget` each: a document full
 * of problems costs what the problems that can be shown cost, not what all of them would.
 */
function boundedFindings(document: CompetitionDocument, settings: ValidationSettings, budget: number): BoundedFindings {
  // Syntax problems too: a file with millions of slips builds findings (and fix titles) only for those that can be shown.
  const problems = document.parsed.problems;
  const findings: Finding[] = (problems.length > budget ? problems.slice(0, budget) : problems).map((p) => ({
    code: p.code,
    message: p.message,
    path: [],
    span: { offset: p.offset, length: p.length },
    ...(p.replacement !== undefined && {
      fixes: [{ title: p.replacement === '' ? l10n.t('Remove it') : l10n.t('Change to {0}', p.replacement), edits: [{ op: 'replaceSpan' as const, text: p.replacement }], kind: syntaxFixKind(p.code), preferred: true }],
    }),
  }));
  const value = document.parsed.value;
  if (value === undefined) return { findings, truncated: problems.length > budget };
  const schema = validateAgainstSchema(value, budget);
  let truncated = schema.unchecked > 0 || problems.length > budget;
  const semantic: Finding[] = [];
  const maxSize = settings.maxSemanticSize ?? DEFAULT_MAX_SEMANTIC_SIZE;
  if (document.textLength > maxSize) {
    findings.push({
      code: 'OT901',
      message: l10n.t(
        'This file is {0} MB: too large to check fully. Syntax and schema are checked; semantic checks run on files up to {1} MB (setting "opentrack.maxSemanticFileSizeMB").',
        (document.textLength / 1048576).toFixed(1),
        (maxSize / 1048576).toFixed(0),
      ),
      path: [],
      span: { offset: 0, length: 0 },
    });
  } else {
    const report = (finding: Finding): void => {
      if (semantic.length < budget) return void semantic.push(finding);
      truncated = true;
      // Nothing more can be shown: the checks stop here, past findings cost nothing.
      throw BUDGET_SPENT;
    };
    const context = { model: document.model, report };
    let failed = false;
    for (const family of RULE_FAMILIES) {
      try {
        family.check(context);
      } catch (error) {
        if (error === BUDGET_SPENT) break;
        settings.onRuleError?.(family.name, error);
        if (!failed) {
          failed = true;
          findings.push({
            code: 'OT902',
            message: l10n.t('Internal error in the "{0}" checks of {1}; other checks still ran. See the OpenTrack output for details.', family.name, fileName(document.textDocument.uri)),
            path: [],
            span: { offset: 0, length: 0 },
          });
        }
      }
    }
  }
  // One cause, one diagnostic: a semantic rule that explains a value supersedes the generic schema
  // error on it, but only when it is at least as severe (a warning never hides an error).
  const overrides = settings.rules ?? {};
  const explainedAt = new Map<string, number>();
  if (schema.findings.length > 0) {
    for (const f of semantic) {
      const key = JSON.stringify(f.path);
      explainedAt.set(key, Math.min(explainedAt.get(key) ?? SEVERITY_RANK.off, SEVERITY_RANK[severityOf(f, overrides)]));
    }
  }
  for (const f of schema.findings) {
    const explained = explainedAt.get(JSON.stringify(f.path));
    if (f.code === 'OT011' || explained === undefined || explained > SEVERITY_RANK[severityOf(f, overrides)]) findings.push(f);
  }
  // One push per finding: spreading a huge list into push() overflows the stack.
  for (const f of semantic) findings.push(f);
  return { findings, truncated };
}

/** Thrown by a rule's report once the budget is spent, to end the checks (not an error). */
const BUDGET_SPENT = Symbol('budget spent');

/** A parser's repair guesses the intent when the JSON is invalid (OT001); the others are pure syntax. */
function syntaxFixKind(code: string): FixKind {
  return code === 'OT001' ? 'data' : code === 'OT006' ? 'encoding' : 'syntax';
}

/** The severity a finding is shown with: the user's override, the finding's own, its rule's. */
function severityOf(finding: Finding, overrides: SeverityOverrides): Severity | 'off' {
  return (Object.hasOwn(overrides, finding.code) ? overrides[finding.code] : undefined) ?? finding.severity ?? ruleInfo(finding.code)?.severity ?? 'error';
}

/** The file name of a document, for messages that must say which file they are about. */
function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) || path;
  } catch {
    return name || path;
  }
}

/**
 * LSP diagnostics for one document version, with ranges on the offending key or value. Fails
 * closed: if checking throws, the result is one OT902 error naming the file, never an empty list
 * that would make a broken file look clean.
 */
export function validateDocument(document: CompetitionDocument, settings: ValidationSettings = {}): Diagnostic[] {
  try {
    return diagnosticsOf(document, settings);
  } catch (error) {
    settings.onRuleError?.('validation', error);
    return [internalErrorDiagnostic(document.textDocument.uri, error)];
  }
}

/** The single OT902 error of a file that could not be checked: visible, naming the file and the reason. */
export function internalErrorDiagnostic(uri: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    range: Range.create(0, 0, 0, 0),
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'OT902',
    message: l10n.t(
      'Internal error: {0} could not be checked ({1}). Its problems are not shown: do not rely on it or upload it until this is fixed. See the OpenTrack output for details.',
      fileName(uri),
      reason.slice(0, 200),
    ),
  };
}

function diagnosticsOf(document: CompetitionDocument, settings: ValidationSettings): Diagnostic[] {
  const overrides = settings.rules ?? {};
  const maxProblems = settings.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const kept: { finding: Finding; severity: Severity }[] = [];
  // Twice what is shown: room for the findings that are off or replaced.
  const { findings, truncated } = boundedFindings(document, settings, 2 * maxProblems);
  for (const finding of findings) {
    const severity = severityOf(finding, overrides);
    if (severity !== 'off') kept.push({ finding, severity });
  }
  const shown = kept.slice(0, maxProblems);
  const spans = spansFor(document, shown.map((k) => k.finding));
  const order = shown.map((_, i) => i).sort((a, b) => spans[a]!.offset - spans[b]!.offset);
  const textDocument = document.textDocument;
  const diagnostics = order.map((i): Diagnostic => {
    const { finding, severity } = shown[i]!;
    const span = spans[i]!;
    const range = Range.create(textDocument.positionAt(span.offset), textDocument.positionAt(span.offset + span.length));
    const diagnostic: Diagnostic = { range, severity: SEVERITIES[severity], source: SOURCE, code: finding.code, message: finding.message };
    if (finding.fixes?.length) diagnostic.data = { fixes: finding.fixes } satisfies DiagnosticData;
    return diagnostic;
  });
  if (kept.length > maxProblems || truncated) {
    diagnostics.push({
      range: Range.create(0, 0, 0, 0),
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      code: 'OT903',
      message: truncated
        ? l10n.t('Too many problems: checking stopped after {0}. Fix the ones above first.', kept.length)
        : l10n.t('{0} more problems are not shown. Fix the ones above first.', kept.length - maxProblems),
    });
  }
  return diagnostics;
}

/**
 * Offsets of every finding: syntax problems carry theirs, the rest are located in one scan (or
 * moved from the previous version's).
 */
function spansFor(document: CompetitionDocument, findings: readonly Finding[]): Span[] {
  const unplaced = findings.filter((f) => !f.span);
  const located = unplaced.length === 0 ? [] : document.reportSpans(unplaced.map((f) => ({ path: f.path, onKey: f.target === 'key' })));
  let next = 0;
  return findings.map((f) => f.span ?? located[next++]!);
}
