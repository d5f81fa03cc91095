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

export interface Fix {
  /** What the fix does, shown in the light-bulb menu. */
  title: string;
  edits: FixEdit[];
  /** The obvious repair (marked preferred). */
  preferred?: boolean;
  /** Safe to apply together with other safe fixes (source.fixAll). */
  safe?: boolean;
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
