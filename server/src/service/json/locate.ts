import { JsonPath } from './path';
import { Scanner, Tok, decodeString } from './scanner';

/** Offsets of one node: its property key (when it is a property value) and its value. */
export interface Span {
  offset: number;
  length: number;
}
export interface NodeSpans {
  key?: Span;
  value: Span;
}

interface TrieNode {
  /** Absent on leaves: most requested paths end in a leaf, and a Map each would cost. */
  children?: Map<string | number, TrieNode>;
  /** Indices into the request list that end at this node. */
  wanted: number[];
  /** The string keys of `children` when few, compared in the text (null: many, looked up by decoded key). */
  names?: string[] | null;
  /** Where reportSpans found the node (its value's start; the key when it is a property value). */
  reached?: Reached;
}

interface Reached {
  key: Span | undefined;
  /** The value's first token. */
  token: Span;
}

/** The trie of `paths`, and the number of its nodes (the root included). */
function buildTrie(paths: readonly JsonPath[]): { root: TrieNode; size: number } {
  const root: TrieNode = { wanted: [] };
  let size = 1;
  paths.forEach((path, index) => {
    let node = root;
    for (const segment of path) {
      const children = (node.children ??= new Map());
      let child = children.get(segment);
      if (!child) {
        children.set(segment, (child = { wanted: [] }));
        size++;
      }
      node = child;
    }
    node.wanted.push(index);
  });
  return { root, size };
}

/**
 * One pass over the text that descends only into the containers that lead to a trie node and
 * skips every other subtree. `enter` sees each trie node the text has at its value's first
 * token, `leave` after its last; the walk unwinds at once when `enter` returns true.
 */
interface Walk {
  readonly scanner: Scanner;
  enter?(node: TrieNode, key: Span | undefined): boolean;
  leave?(node: TrieNode, key: Span | undefined, start: number): void;
}

/** Walks the text from its first token. */
function walkText(text: string, root: TrieNode, visitor: (scanner: Scanner) => Omit<Walk, 'scanner'>): void {
  const scanner = new Scanner(text);
  scanner.next();
  visit({ ...visitor(scanner), scanner }, root, undefined);
}

/**
 * Finds the spans of many paths in one pass over the text, descending only into the
 * containers that lead to a requested path and skipping every other subtree. Linear in the
 * size of the text whatever the number of paths; used only for what is reported.
 * Tolerates the syntax errors the tolerant parser recovers from. Missing paths give undefined;
 * a key given twice gives its last value, as the parser keeps.
 */
export function locatePaths(text: string, paths: readonly JsonPath[]): (NodeSpans | undefined)[] {
  const found: (NodeSpans | undefined)[] = new Array(paths.length);
  if (paths.length === 0) return found;
  walkText(text, buildTrie(paths).root, (scanner) => ({
    leave(node, key, start) {
      if (node.wanted.length === 0) return;
      const spans: NodeSpans = { value: { offset: start, length: scanner.end - start } };
      if (key) spans.key = key;
      for (const index of node.wanted) found[index] = spans;
    },
  }));
  return found;
}

/** Spans of a single path (one scan). */
export function locatePath(text: string, path: JsonPath): NodeSpans | undefined {
  return locatePaths(text, [path])[0];
}

/** Visits the value starting at the current token; leaves the scanner on its last token. True: stop the walk. */
function visit(walk: Walk, node: TrieNode, key: Span | undefined): boolean {
  const scanner = walk.scanner;
  const start = scanner.start;
  if (walk.enter?.(node, key)) return true;
  if (!node.children) {
    scanner.skipValue();
  } else if (scanner.kind === Tok.OpenBrace) {
    if (visitObject(walk, node)) return true;
  } else if (scanner.kind === Tok.OpenBracket) {
    if (visitArray(walk, node)) return true;
  }
  walk.leave?.(node, key, start);
  return false;
}

function visitObject(walk: Walk, node: TrieNode): boolean {
  const scanner = walk.scanner;
  const text = scanner.text;
  for (;;) {
    let kind = scanner.next();
    if (kind === Tok.CloseBrace || kind === Tok.EOF) return false;
    if (kind === Tok.Comma) continue;
    if (kind !== Tok.String && kind !== Tok.Word) {
      // A value where a key belongs: skip it and carry on.
      scanner.skipValue();
      continue;
    }
    const keyStart = scanner.start;
    const keyEnd = scanner.end;
    const child = childNamed(node, text, keyStart, keyEnd, kind === Tok.String);
    kind = scanner.next();
    if (kind === Tok.Colon) kind = scanner.next();
    if (kind === Tok.CloseBrace || kind === Tok.EOF) return false;
    if (kind === Tok.Comma) continue;
    if (!child) scanner.skipValue();
    else if (visit(walk, child, { offset: keyStart, length: keyEnd - keyStart })) return true;
  }
}

/** Up to this many wanted names are compared in the text; more go through a Map lookup of the decoded key. */
const COMPARED_NAMES = 8;

/**
 * The child named by the key token at start..end. Most keys of a visited object are not wanted:
 * they are compared in place with the few wanted names, not decoded into a string each.
 */
function childNamed(node: TrieNode, text: string, start: number, end: number, quoted: boolean): TrieNode | undefined {
  const children = node.children!;
  if (node.names === undefined) node.names = children.size <= COMPARED_NAMES ? [...children.keys()].filter((k) => typeof k === 'string') : null;
  if (node.names === null) return children.get(quoted ? decodeString(text, start, end) : text.slice(start, end));
  // The key's characters between its quotes (an unterminated key ends at the line break), or the bare word.
  const innerStart = quoted ? start + 1 : start;
  const innerEnd = quoted && end - start >= 2 && text.charCodeAt(end - 1) === text.charCodeAt(start) ? end - 1 : end;
  // A key with an escape is decoded: it may spell a wanted name another way.
  if (quoted) {
    for (let i = innerStart; i < innerEnd; i++) if (text.charCodeAt(i) === 92) return children.get(decodeString(text, start, end));
  }
  for (const name of node.names) {
    if (name.length === innerEnd - innerStart && text.startsWith(name, innerStart)) return children.get(name);
  }
  return undefined;
}

function visitArray(walk: Walk, node: TrieNode): boolean {
  const scanner = walk.scanner;
  // Elements are counted as values, as the tolerant parser does (a missing comma still separates).
  let index = 0;
  for (;;) {
    const kind = scanner.next();
    if (kind === Tok.CloseBracket || kind === Tok.EOF) return false;
    if (kind === Tok.Comma || kind === Tok.CloseBrace || kind === Tok.Colon) continue;
    const child = node.children!.get(index++);
    if (!child) scanner.skipValue();
    else if (visit(walk, child, undefined)) return true;
  }
}

/** Where to report on a path: on its key when asked, or when it is a container (never its whole extent). */
export interface ReportSpan extends Span {
  /** False when the path is not in the text and the span is that of its closest existing ancestor. */
  exact: boolean;
}

/**
 * Report spans for many paths in ONE scan: every prefix of every path is located together, so a
 * path missing from the text falls back to its closest existing ancestor. The policy: a scalar's
 * value; a container's key, else its opening bracket; `onKey` (or a fallback) prefers the key.
 * With no root value at all, the start of the file, zero width.
 * `uniqueKeys`: the text is known to give no key twice in an object (strict JSON without OT008),
 * so the first occurrence of a path is the one, and the scan stops once every path is reached
 * (diagnostics near the start of a large file do not pay for the rest of it).
 */
export function reportSpans(text: string, targets: ReadonlyArray<{ path: JsonPath; onKey?: boolean }>, uniqueKeys = false): ReportSpan[] {
  return locateReports(text, targets, uniqueKeys, false) as ReportSpan[];
}

/**
 * reportSpans in the text of one value (`raw`, paths from it): the same spans as in the whole
 * text, at offsets in `raw`, except where the whole text's answer may lie outside it (the
 * value's own key, or its key as the fallback of a path it lacks): undefined there.
 */
export function reportSpansInValue(raw: string, targets: ReadonlyArray<{ path: JsonPath; onKey?: boolean }>, uniqueKeys: boolean): (ReportSpan | undefined)[] {
  return locateReports(raw, targets, uniqueKeys, true);
}

function locateReports(text: string, targets: ReadonlyArray<{ path: JsonPath; onKey?: boolean }>, uniqueKeys: boolean, inValue: boolean): (ReportSpan | undefined)[] {
  const { root, size } = buildTrie(targets.map((t) => t.path));
  let pending = size;
  walkText(text, root, (scanner) => ({
    enter(node, key) {
      // A later occurrence of a key replaces an earlier one, as in the parsed value.
      node.reached = { key, token: { offset: scanner.start, length: scanner.end - scanner.start } };
      return --pending === 0 && uniqueKeys;
    },
  }));
  return targets.map(({ path, onKey }) => {
    let node = root;
    let depth = 0;
    for (; depth < path.length; depth++) {
      const child = node.children!.get(path[depth]!)!;
      if (!child.reached) break;
      node = child;
    }
    const reached = node.reached;
    if (!reached) return inValue ? undefined : { offset: 0, length: 0, exact: false };
    const exact = depth === path.length;
    if ((onKey || !exact) && reached.key) return { ...reached.key, exact };
    const first = text.charCodeAt(reached.token.offset);
    const container = first === 123 || first === 91;
    // At the value itself, the whole text would prefer its key (the key is outside `raw`).
    if (inValue && depth === 0 && (onKey || !exact || container)) return undefined;
    if (!container) return { ...reached.token, exact };
    return reached.key ? { ...reached.key, exact } : { offset: reached.token.offset, length: 1, exact };
  });
}
