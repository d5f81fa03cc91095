import * as l10n from '@vscode/l10n';
import { CodeAction, CodeActionKind, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticData, Fix, isPreferredFix, isSafeFix } from '../findings';
import { SOURCE } from '../validate';
import { allRules } from '../rules/registry';
import { TextEditBuilder } from './textEdits';

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

/** The fix Fix All applies for a diagnostic: its first safe one. The one place that decides what Fix All may do. */
function safeFixOf(diagnostic: Diagnostic): Fix | undefined {
  return fixesOf(diagnostic).find(isSafeFix);
}

/**
 * Quick fixes for the given diagnostics, and `source.fixAll.opentrack` applying every safe fix
 * of the document (allDiagnostics: pass them all, not only those shown) whose edits do not overlap.
 */
export function codeActions(
  document: TextDocument,
  diagnostics: readonly Diagnostic[],
  only: readonly string[] | undefined,
  allDiagnostics: readonly Diagnostic[] = diagnostics,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const builder = new TextEditBuilder(document);
  if (wants(only, CodeActionKind.QuickFix)) {
    const offered = diagnostics.map((diagnostic) => ({ diagnostic, fixes: fixesOf(diagnostic) }));
    builder.prepare(offered.flatMap(({ fixes }) => fixes.flatMap((fix) => fix.edits)));
    for (const { diagnostic, fixes } of offered) {
      for (const fix of fixes) {
        const edits = builder.edits(fix.edits, diagnostic.range);
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
    const action = fixAll(document, builder, allDiagnostics, fixAllKind);
    if (action) actions.push(action);
  }
  return actions;
}

/**
 * Every safe fix whose edits touch no edit of a fix taken before it, in document order. Paths
 * are located in one scan and overlaps found by binary search: linear in the fixes and the text.
 */
function fixAll(document: TextDocument, builder: TextEditBuilder, diagnostics: readonly Diagnostic[], kind: string): CodeAction | undefined {
  const candidates = diagnostics.flatMap((diagnostic) => {
    const fix = safeFixOf(diagnostic);
    return fix ? [{ diagnostic, fix }] : [];
  });
  builder.prepare(candidates.flatMap(({ fix }) => fix.edits));
  const accepted = new Intervals();
  const edits: TextEdit[] = [];
  const fixed: Diagnostic[] = [];
  for (const { diagnostic, fix } of candidates) {
    const fixEdits = builder.edits(fix.edits, diagnostic.range);
    const spans = fixEdits.map((e): [number, number] => [document.offsetAt(e.range.start), document.offsetAt(e.range.end)]);
    if (fixEdits.length === 0 || spans.some(([start, end]) => accepted.touches(start, end))) continue;
    for (const [start, end] of spans) accepted.add(start, end);
    edits.push(...fixEdits);
    fixed.push(diagnostic);
  }
  if (edits.length === 0) return undefined;
  return { title: l10n.t('Fix all safe OpenTrack problems ({0})', fixed.length), kind, diagnostics: fixed, edit: workspaceEdit(document, edits) };
}

/** Closed offset intervals, sorted by start, overlapping nowhere (adjacent replacements may meet); appending in document order is O(1). */
class Intervals {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /**
   * Whether [start, end] conflicts with an interval: overlaps it, or touches it where either is an
   * insertion (two insertions at one offset, or one at a replacement's edge, would be ambiguous).
   * Two replacements side by side (a value's and the trailing comma after it) do not conflict.
   */
  touches(start: number, end: number): boolean {
    for (let i = this.firstEndingAtOrAfter(start); i < this.starts.length && this.starts[i]! <= end; i++) {
      const [s, e] = [this.starts[i]!, this.ends[i]!];
      if ((s < end && start < e) || s === e || start === end) return true;
    }
    return false;
  }

  /** Adds an interval that touches() accepted: starts are then distinct and the ends in the same order. */
  add(start: number, end: number): void {
    let i = this.firstEndingAtOrAfter(start);
    while (i < this.starts.length && this.starts[i]! < start) i++; // past a replacement that ends where this one starts
    this.starts.splice(i, 0, start);
    this.ends.splice(i, 0, end);
  }

  private firstEndingAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.ends.length;
    if (high > 0 && this.ends[high - 1]! < offset) return high;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ends[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function workspaceEdit(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [document.uri]: edits } };
}
