import * as l10n from '@vscode/l10n';
import { CodeAction, CodeActionKind, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticData, Fix, isPreferredFix, isSafeFix } from '../findings';
import { SOURCE } from '../validate';
import { allRules } from '../rules/registry';
import { toTextEdits } from './textEdits';

/**
 * Fix providers keyed on diagnostic code. Every rule describes its repairs as typed edits in
 * the diagnostic's `data`, so one provider serves all codes; a code missing here offers nothing.
 */
const FIX_PROVIDERS = new Map<string, (diagnostic: Diagnostic) => Fix[]>(
  allRules().map((rule) => [rule.code, (diagnostic) => (diagnostic.data as DiagnosticData | undefined)?.fixes ?? []]),
);

function fixesOf(diagnostic: Diagnostic): Fix[] {
  if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') return [];
  return FIX_PROVIDERS.get(diagnostic.code)?.(diagnostic) ?? [];
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`) || k === '');
}

/**
 * Quick fixes for the given diagnostics, and `source.fixAll.opentrack` applying every safe fix
 * of the document (allDiagnostics) whose edits do not overlap.
 */
export function codeActions(
  document: TextDocument,
  diagnostics: readonly Diagnostic[],
  only: readonly string[] | undefined,
  allDiagnostics: readonly Diagnostic[] = diagnostics,
): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of diagnostics) {
      for (const fix of fixesOf(diagnostic)) {
        const edits = toTextEdits(document, fix.edits, diagnostic.range);
        if (edits.length === 0) continue;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: isPreferredFix(fix),
          edit: workspaceEdit(document, edits),
        });
      }
    }
  }
  const fixAllKind = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
  if (only && (wants(only, fixAllKind) || only.includes(CodeActionKind.SourceFixAll))) {
    const accepted: TextEdit[] = [];
    const fixed: Diagnostic[] = [];
    for (const diagnostic of allDiagnostics) {
      const fix = fixesOf(diagnostic).find(isSafeFix);
      if (!fix) continue;
      const edits = toTextEdits(document, fix.edits, diagnostic.range);
      if (edits.length === 0 || edits.some((e) => accepted.some((a) => overlaps(document, a, e)))) continue;
      accepted.push(...edits);
      fixed.push(diagnostic);
    }
    if (accepted.length > 0) {
      actions.push({ title: l10n.t('Fix all safe OpenTrack problems ({0})', fixed.length), kind: fixAllKind, diagnostics: fixed, edit: workspaceEdit(document, accepted) });
    }
  }
  return actions;
}

function workspaceEdit(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [document.uri]: edits } };
}

function overlaps(document: TextDocument, a: TextEdit, b: TextEdit): boolean {
  const [aStart, aEnd] = [document.offsetAt(a.range.start), document.offsetAt(a.range.end)];
  const [bStart, bEnd] = [document.offsetAt(b.range.start), document.offsetAt(b.range.end)];
  return aStart <= bEnd && bStart <= aEnd;
}
