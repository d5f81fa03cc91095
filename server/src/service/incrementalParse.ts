import { MAX_DEPTH, NUMBER, type ParsedJson, type SyntaxCode } from './json/parse';
import { ValueRegion, regionAt } from './json/valueRegion';
import { duplicateKeyProblems, keyCountWithin } from './json/duplicateKeys';
import { SyntaxProblems } from './json/syntaxProblems';
import type { JsonPath } from './json/path';
import { valueAt } from './features/paths';
import type { TextChange } from './textVersion';

/** The version an edit starts from: its parse, its text, and the value the last patch changed. */
export interface ParsedVersion {
  readonly parsed: ParsedJson;
  readonly text: string;
  readonly edited?: ValueRegion;
}

/** How a patch changed the text: the value at `start` went from `removed` to `inserted` characters. */
export interface ValueEdit {
  start: number;
  removed: number;
  inserted: number;
  /** A container keeps its opening bracket; what is inside it may have moved or changed. */
  isContainer: boolean;
}

/**
 * Problems after which the scanner's paths still agree with the parsed value (a trailing comma,
 * a comment, a Python literal, single quotes, a BOM): a scalar may still be patched. A
 * container is patched only in strict JSON.
 */
const STRUCTURE_KEEPING: ReadonlySet<SyntaxCode> = new Set(['OT002', 'OT003', 'OT004', 'OT005', 'OT006']);
const NOT_A_VALUE = Symbol('not a value');

/**
 * The parse of the next version when every change since `previous` falls inside one value
 * that stays valid JSON: typing in a performance or a name (a scalar), adding a property to a
 * result or pasting results into a list (the smallest container around the changes, parsed
 * natively). The value tree is copied along the value's path only (the rest is shared with
 * `previous`), the syntax problems after it move by the change in length, and the text need
 * not be joined. Anything else (changes in two places, a value left broken, a key given twice)
 * gives undefined: parse the text again.
 */
export function reparseEdited(previous: ParsedVersion, changes: readonly TextChange[]): { parsed: ParsedJson; edited: ValueRegion; edit: ValueEdit } | undefined {
  const { problems, value } = previous.parsed;
  const first = changes[0];
  if (!first || problems.some((p) => !STRUCTURE_KEEPING.has(p.code))) return undefined;
  const remembered = previous.edited;
  const region = remembered && !remembered.isContainer && holds(remembered, first) ? remembered : regionAt(previous.text, first.offset, first.offset + first.removed);
  if (!region || (region.isContainer && problems.length > 0)) return undefined;
  const end = region.start + region.raw.length;
  if (problems.some((p) => p.offset <= end && p.offset + p.length >= region.start)) return undefined;
  if (!region.isContainer && !Object.is(valueAt(value, region.path), scalarValue(region.raw))) return undefined;
  let raw = region.raw;
  for (const change of changes) {
    const at = change.offset - region.start;
    if (at < 0 || at + change.removed > raw.length || (region.isContainer && (at === 0 || at + change.removed === raw.length))) return undefined;
    raw = raw.slice(0, at) + change.text + raw.slice(at + change.removed);
  }
  const edited = region.isContainer ? containerValue(raw, region.path.length) : scalarValue(raw);
  if (edited === NOT_A_VALUE) return undefined;
  const shift = raw.length - region.raw.length;
  return {
    parsed: {
      value: replaceAt(value, region.path, 0, edited),
      problems: shift === 0 ? problems : problems.map((p) => (p.offset >= end ? { ...p, offset: p.offset + shift } : p)),
    },
    edited: { ...region, raw },
    edit: { start: region.start, removed: region.raw.length, inserted: raw.length, isContainer: region.isContainer },
  };
}

function holds(region: ValueRegion, change: TextChange): boolean {
  return change.offset >= region.start && change.offset + change.removed <= region.start + region.raw.length;
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

/**
 * A container's value when its text is strict JSON, nests no deeper than the parser goes from
 * `depth` and gives no key twice (else the whole text is parsed and reports it).
 */
function containerValue(raw: string, depth: number): unknown {
  try {
    const value: unknown = JSON.parse(raw);
    const keys = keyCountWithin(value, MAX_DEPTH - depth);
    if (keys < 0) return NOT_A_VALUE;
    const duplicates = new SyntaxProblems();
    duplicateKeyProblems(raw, keys, duplicates);
    return duplicates.list().length === 0 ? value : NOT_A_VALUE;
  } catch {
    return NOT_A_VALUE;
  }
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
