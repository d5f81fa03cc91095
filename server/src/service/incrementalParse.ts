import { MAX_DEPTH, NUMBER, parseContainerTolerantly, type ParsedJson, type SyntaxCode, type SyntaxProblem } from './json/parse';
import { ValueRegion, closesAtEnd, regionAt } from './json/valueRegion';
import { duplicateKeyProblems, keyCountWithin } from './json/duplicateKeys';
import { MAX_SYNTAX_PROBLEMS, SyntaxProblems } from './json/syntaxProblems';
import type { JsonPath } from './json/path';
import { valueAt } from './features/paths';
import { shareUnchanged } from './json/sharedValues';
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
 * Problems that leave every token to the value it belongs to (a trailing comma, a comment, a
 * Python literal, single quotes, a BOM). regionAt reads the text with the parser's own scanner,
 * so while every problem before and after the edited value is one of these, its path is the
 * parser's, and the parser reads the value where regionAt found it.
 */
const STRUCTURE_KEEPING: ReadonlySet<SyntaxCode> = new Set(['OT002', 'OT003', 'OT004', 'OT005', 'OT006']);
const NOT_A_VALUE = Symbol('not a value');

type Patch = { parsed: ParsedJson; edited: ValueRegion; edit: ValueEdit };

/**
 * The parse of the next version when every change since `previous` falls inside one value:
 * typing in a performance or a name (a scalar that stays valid), or else the smallest container
 * around the changes (adding a property to a result, pasting results into a list, or a keystroke
 * that leaves the container broken for a moment). The value tree is copied along the value's
 * path only (the rest is shared with `previous`), the syntax problems after it move by the
 * change in length, and the text need not be joined. Anything else (changes in two places, a
 * problem outside the container that moves tokens, a key given twice) gives undefined: parse
 * the text again.
 */
export function reparseEdited(previous: ParsedVersion, changes: readonly TextChange[]): Patch | undefined {
  const first = changes[0];
  if (!first) return undefined;
  const from = first.offset;
  const to = first.offset + first.removed;
  const remembered = previous.edited && !previous.edited.isContainer && holds(previous.edited, first) ? previous.edited : undefined;
  const around = remembered ? undefined : regionAt(previous.text, from, to);
  const region = remembered ?? around?.value;
  if (!region) return undefined;
  if (!region.isContainer) {
    const patched = patchScalar(previous.parsed, region, changes);
    if (patched) return patched;
  }
  const container = region.isContainer ? region : (around ?? regionAt(previous.text, from, to))?.container;
  return container && patchContainer(previous, container, changes);
}

/** A scalar that stays a valid scalar, in a text whose every problem keeps the structure and lies apart from it. */
function patchScalar({ problems, value }: ParsedJson, region: ValueRegion, changes: readonly TextChange[]): Patch | undefined {
  const end = region.start + region.raw.length;
  if (problems.some((p) => !STRUCTURE_KEEPING.has(p.code) || (p.offset <= end && p.offset + p.length >= region.start))) return undefined;
  const before = valueAt(value, region.path);
  if (!Object.is(before, scalarValue(region.raw))) return undefined;
  const raw = applied(region, changes);
  if (raw === undefined) return undefined;
  const edited = scalarValue(raw);
  if (edited === NOT_A_VALUE) return undefined;
  return patch({ value, problems }, region, raw, edited, []);
}

/**
 * A container parsed again from its own text: natively when it is strict JSON, else by the
 * tolerant parser, when its tokens (before and after the changes) end at its closing bracket,
 * matched bracket by bracket. Then the parser reads it from its opening bracket to its closing
 * one in the whole text too, and the problems inside it come from it alone: they are replaced
 * by its new problems, in the place the parser reports them (after those before it, before
 * those after it).
 */
function patchContainer({ parsed: { problems, value } }: ParsedVersion, region: ValueRegion, changes: readonly TextChange[]): Patch | undefined {
  const raw = applied(region, changes);
  if (raw === undefined) return undefined;
  const end = region.start + region.raw.length;
  let inside = false;
  for (const p of problems) {
    // Keys given twice are found by a search of the whole text, and past the limit problems are only counted: parse the text again.
    if (p.code === 'OT008' || p.code === 'OT903') return undefined;
    // At the opening bracket itself, only the enclosing value reports (a missing comma or colon before it).
    if (p.offset > region.start && p.offset < end) inside = true;
    else if (!STRUCTURE_KEEPING.has(p.code) || (p.offset <= region.start && p.offset + p.length > region.start)) return undefined;
  }
  if (inside && !closesAtEnd(region.raw)) return undefined;
  const depth = region.path.length;
  let edited = containerValue(raw, depth);
  let found: SyntaxProblem[] = [];
  if (edited === NOT_A_VALUE) {
    if (!closesAtEnd(raw)) return undefined;
    ({ value: edited, problems: found } = parseContainerTolerantly(raw, depth));
    const duplicates = new SyntaxProblems();
    duplicateKeyProblems(raw, -1, duplicates); // -1 keys: search the tokens whatever the count says
    if (duplicates.list().length > 0) return undefined;
  }
  // What the edit left as it was stays the previous version's objects (items before and after a paste or a deletion).
  edited = shareUnchanged(valueAt(value, region.path), edited);
  return patch({ value, problems }, region, raw, edited, found);
}

/** The region's text with the changes applied, or undefined when one falls outside it (or on a container's brackets). */
function applied(region: ValueRegion, changes: readonly TextChange[]): string | undefined {
  let raw = region.raw;
  for (const change of changes) {
    const at = change.offset - region.start;
    if (at < 0 || at + change.removed > raw.length || (region.isContainer && (at === 0 || at + change.removed === raw.length))) return undefined;
    raw = raw.slice(0, at) + change.text + raw.slice(at + change.removed);
  }
  return raw;
}

/** The next version: `edited` at the region's path, its problems `found` (offsets in `raw`) in place of those inside it. */
function patch({ value, problems }: ParsedJson, region: ValueRegion, raw: string, edited: unknown, found: SyntaxProblem[]): Patch | undefined {
  const start = region.start;
  const end = start + region.raw.length;
  const shift = raw.length - region.raw.length;
  let next = problems;
  if (found.length > 0 || problems.some((p) => p.offset > start && p.offset < end)) {
    const before = problems.filter((p) => p.offset < start);
    const after = problems.filter((p) => p.offset >= end);
    if (before.length + found.length + after.length > MAX_SYNTAX_PROBLEMS) return undefined;
    next = [...before, ...found.map((p) => ({ ...p, offset: p.offset + start })), ...after.map((p) => (shift === 0 ? p : { ...p, offset: p.offset + shift }))];
  } else if (shift !== 0) {
    next = problems.map((p) => (p.offset >= end ? { ...p, offset: p.offset + shift } : p));
  }
  return {
    parsed: { value: replaceAt(value, region.path, 0, edited), problems: next },
    edited: { ...region, raw },
    edit: { start, removed: region.raw.length, inserted: raw.length, isContainer: region.isContainer },
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
