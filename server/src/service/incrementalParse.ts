import type { ParsedJson, SyntaxCode } from './json/parse';
import { ScalarToken, scalarAt } from './json/scalarAt';
import type { JsonPath } from './json/path';
import { valueAt } from './features/paths';
import type { TextChange } from './textVersion';

/** The version an edit starts from: its parse, its text, and the scalar the last patch changed. */
export interface ParsedVersion {
  readonly parsed: ParsedJson;
  readonly text: string;
  readonly editedScalar?: ScalarToken;
}

/** How a patch changed the text: the value at `start` went from `removed` to `inserted` characters. */
export interface ScalarEdit {
  start: number;
  removed: number;
  inserted: number;
}

/**
 * Problems after which the scanner's paths still agree with the parsed value (a trailing comma,
 * a comment, a Python literal, single quotes, a BOM). After any other, or a key given twice,
 * the next version is parsed again.
 */
const STRUCTURE_KEEPING: ReadonlySet<SyntaxCode> = new Set(['OT002', 'OT003', 'OT004', 'OT005', 'OT006']);
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const NOT_A_VALUE = Symbol('not a value');

/**
 * The parse of the next version when every change since `previous` stays inside one scalar
 * value and leaves a valid value there: typing in a performance, a name, a height. The value
 * tree is copied along that value's path only (the rest is shared with `previous`) and the
 * syntax problems after it move by the change in length; the text need not be joined. A change
 * to a key, a bracket, a separator or a problem's span gives undefined: parse the text again.
 */
export function reparseEdited(previous: ParsedVersion, changes: readonly TextChange[]): { parsed: ParsedJson; scalar: ScalarToken; edit: ScalarEdit } | undefined {
  const { problems, value } = previous.parsed;
  const first = changes[0];
  if (!first || problems.some((p) => !STRUCTURE_KEEPING.has(p.code))) return undefined;
  const remembered = previous.editedScalar;
  const token = remembered && holds(remembered, first) ? remembered : scalarAt(previous.text, first.offset, first.offset + first.removed);
  if (!token) return undefined;
  const end = token.start + token.raw.length;
  if (problems.some((p) => p.offset <= end && p.offset + p.length >= token.start)) return undefined;
  if (!Object.is(valueAt(value, token.path), scalarValue(token.raw))) return undefined;
  let raw = token.raw;
  for (const change of changes) {
    const at = change.offset - token.start;
    if (at < 0 || at + change.removed > raw.length) return undefined;
    raw = raw.slice(0, at) + change.text + raw.slice(at + change.removed);
  }
  const edited = scalarValue(raw);
  if (edited === NOT_A_VALUE) return undefined;
  const shift = raw.length - token.raw.length;
  return {
    parsed: {
      value: replaceAt(value, token.path, 0, edited),
      problems: shift === 0 ? problems : problems.map((p) => (p.offset >= end ? { ...p, offset: p.offset + shift } : p)),
    },
    scalar: { path: token.path, start: token.start, raw },
    edit: { start: token.start, removed: token.raw.length, inserted: raw.length },
  };
}

function holds(token: ScalarToken, change: TextChange): boolean {
  return change.offset >= token.start && change.offset + change.removed <= token.start + token.raw.length;
}

/** The value of a strict JSON scalar token, as JSON.parse reads it. */
function scalarValue(raw: string): unknown {
  if (raw.charCodeAt(0) === 34) {
    if (raw.length < 2 || raw.charCodeAt(raw.length - 1) !== 34) return NOT_A_VALUE;
    try {
      return JSON.parse(raw) as string;
    } catch {
      return NOT_A_VALUE;
    }
  }
  if (NUMBER.test(raw)) return Number(raw);
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw === 'null') return null;
  return NOT_A_VALUE;
}

/** A copy of `node` with the value at `path` replaced: only the containers on the path are copied. */
function replaceAt(node: unknown, path: JsonPath, depth: number, value: unknown): unknown {
  if (depth === path.length) return value;
  const segment = path[depth]!;
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[segment as number] = replaceAt(node[segment as number], path, depth + 1, value);
    return copy;
  }
  const object = node as Record<string, unknown>;
  const copy = { ...object };
  // As in the parser, "__proto__" is an ordinary key: define it, do not set the prototype.
  Object.defineProperty(copy, segment, { value: replaceAt(object[segment], path, depth + 1, value), writable: true, enumerable: true, configurable: true });
  return copy;
}
