import { JsonPath } from './json/path';
import { Span } from './json/locate';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * One edit of a quick fix, in document terms. Fixes travel in a diagnostic's `data` and are
 * turned into text edits by the code-action feature, so rules never deal with text.
 */
export type FixEdit =
  /** Replace the value at `path` with `value` (serialised as JSON). */
  | { op: 'replace'; path: JsonPath; value: unknown }
  /** Rename the key of the property at `path` to `name`. */
  | { op: 'renameKey'; path: JsonPath; name: string }
  /** Insert `value` into the array at `path` before position `index` (the length appends). */
  | { op: 'insert'; path: JsonPath; index: number; value: unknown }
  /** Add property `name` with `value` to the object at `path` (replaces it when present). */
  | { op: 'addProperty'; path: JsonPath; name: string; value: unknown }
  /** Remove the array element or property at `path`. */
  | { op: 'remove'; path: JsonPath }
  /** Replace the diagnostic's own span with `text` (syntax repairs). */
  | { op: 'replaceSpan'; text: string };

/**
 * What a fix changes. The safety policy is decided here, from the kind, and nowhere else:
 * a fix is safe (Fix All, `source.fixAll.opentrack`, fix on save, preferred) only when it
 * cannot change the meaning of data that may be correct.
 */
export type FixKind =
  /** JSON syntax repair: trailing comma, comment, Python literal, single quotes. */
  | 'syntax'
  /** The byte order mark. */
  | 'encoding'
  /** List or decimal separators written another way ("2;1" → "2,1", "6,21" → "6.21"). */
  | 'separator'
  /** Letter case of a code or id that names the same thing ("lj" → "LJ"). */
  | 'case'
  /** The same scalar in the JSON type the format requires ("1" → 1). */
  | 'type'
  /**
   * Sets or changes data: a performance, height, place, points, trial, entry, reference,
   * a value added to `heights`, or any guess. Never safe: a quick fix the user picks, its
   * title naming the new value and the evidence.
   */
  | 'data';

const SAFE_KINDS: ReadonlySet<FixKind> = new Set<FixKind>(['syntax', 'encoding', 'separator', 'case', 'type']);

export interface Fix {
  /** What the fix does, shown in the light-bulb menu; for `data` fixes, the new value and the evidence. */
  title: string;
  edits: FixEdit[];
  kind: FixKind;
  /** The obvious repair among a diagnostic's fixes (only a safe fix is ever marked preferred). */
  preferred?: boolean;
}

/** Safe to apply without review, together with other safe fixes (source.fixAll, fix on save). */
export function isSafeFix(fix: Fix): boolean {
  return SAFE_KINDS.has(fix.kind);
}

/** Marked preferred in the light bulb (and so applied by "Auto Fix"): safe fixes only. */
export function isPreferredFix(fix: Fix): boolean {
  return fix.preferred === true && isSafeFix(fix);
}

/** The typed `data` of every diagnostic this service emits. */
export interface DiagnosticData {
  fixes?: Fix[];
}

/** A problem found by a check, placed by JSON path (or by offsets for syntax problems). */
export interface Finding {
  code: string;
  message: string;
  /** Where: the value at this path (or its key, with `target: 'key'`). */
  path: JsonPath;
  target?: 'key' | 'value';
  /** Exact offsets, when known without locating (syntax problems). */
  span?: Span;
  fixes?: Fix[];
  /** Overrides the rule's default severity for this finding. */
  severity?: Severity;
}
