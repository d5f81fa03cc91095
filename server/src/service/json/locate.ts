import { JsonPath, pathKey } from './path';
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
}

function buildTrie(paths: readonly JsonPath[]): TrieNode {
  const root: TrieNode = { wanted: [] };
  paths.forEach((path, index) => {
    let node = root;
    for (const segment of path) {
      const children = (node.children ??= new Map());
      let child = children.get(segment);
      if (!child) children.set(segment, (child = { wanted: [] }));
      node = child;
    }
    node.wanted.push(index);
  });
  return root;
}

/**
 * Finds the spans of many paths in one pass over the text, descending only into the
 * containers that lead to a requested path and skipping every other subtree. Linear in the
 * size of the text whatever the number of paths; used only for what is reported.
 * Tolerates the syntax errors the tolerant parser recovers from. Missing paths give undefined.
 */
export function locatePaths(text: string, paths: readonly JsonPath[]): (NodeSpans | undefined)[] {
  const found: (NodeSpans | undefined)[] = new Array(paths.length);
  if (paths.length === 0) return found;
  const scanner = new Scanner(text);
  scanner.next();
  visit(scanner, buildTrie(paths), undefined, found);
  return found;
}

/** Spans of a single path (one scan). */
export function locatePath(text: string, path: JsonPath): NodeSpans | undefined {
  return locatePaths(text, [path])[0];
}

/** Visits the value starting at the current token; leaves the scanner on its last token. */
function visit(scanner: Scanner, node: TrieNode, key: Span | undefined, found: (NodeSpans | undefined)[]): void {
  const start = scanner.start;
  if (!node.children) {
    scanner.skipValue();
  } else if (scanner.kind === Tok.OpenBrace) {
    visitObject(scanner, node, found);
  } else if (scanner.kind === Tok.OpenBracket) {
    visitArray(scanner, node, found);
  }
  if (node.wanted.length > 0) {
    const spans: NodeSpans = { value: { offset: start, length: scanner.end - start } };
    if (key) spans.key = key;
    for (const index of node.wanted) found[index] = spans;
  }
}

function visitObject(scanner: Scanner, node: TrieNode, found: (NodeSpans | undefined)[]): void {
  const text = scanner.text;
  for (;;) {
    let kind = scanner.next();
    if (kind === Tok.CloseBrace || kind === Tok.EOF) return;
    if (kind === Tok.Comma) continue;
    if (kind !== Tok.String && kind !== Tok.Word) {
      // A value where a key belongs: skip it and carry on.
      scanner.skipValue();
      continue;
    }
    const keySpan: Span = { offset: scanner.start, length: scanner.end - scanner.start };
    const name = kind === Tok.String ? decodeString(text, scanner.start, scanner.end) : text.slice(scanner.start, scanner.end);
    kind = scanner.next();
    if (kind === Tok.Colon) kind = scanner.next();
    if (kind === Tok.CloseBrace || kind === Tok.EOF) return;
    if (kind === Tok.Comma) continue;
    const child = node.children!.get(name);
    if (child) visit(scanner, child, keySpan, found);
    else scanner.skipValue();
  }
}

function visitArray(scanner: Scanner, node: TrieNode, found: (NodeSpans | undefined)[]): void {
  // Elements are counted as values, as the tolerant parser does (a missing comma still separates).
  let index = 0;
  for (;;) {
    const kind = scanner.next();
    if (kind === Tok.CloseBracket || kind === Tok.EOF) return;
    if (kind === Tok.Comma || kind === Tok.CloseBrace || kind === Tok.Colon) continue;
    const child = node.children!.get(index++);
    if (child) visit(scanner, child, undefined, found);
    else scanner.skipValue();
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
 */
export function reportSpans(text: string, targets: ReadonlyArray<{ path: JsonPath; onKey?: boolean }>): ReportSpan[] {
  const prefixes = new Map<string, JsonPath>();
  for (const { path } of targets) {
    for (let length = 0; length <= path.length; length++) {
      const prefix = path.slice(0, length);
      prefixes.set(pathKey(prefix), prefix);
    }
  }
  const wanted = [...prefixes.keys()];
  const located = locatePaths(text, [...prefixes.values()]);
  const found = new Map<string, NodeSpans>();
  wanted.forEach((key, i) => located[i] && found.set(key, located[i]!));
  return targets.map(({ path, onKey }) => {
    for (let length = path.length; length >= 0; length--) {
      const spans = found.get(pathKey(path.slice(0, length)));
      if (!spans) continue;
      const exact = length === path.length;
      if ((onKey || !exact) && spans.key) return { ...spans.key, exact };
      const first = text.charCodeAt(spans.value.offset);
      if (first !== 123 && first !== 91) return { ...spans.value, exact };
      return spans.key ? { ...spans.key, exact } : { offset: spans.value.offset, length: 1, exact };
    }
    return { offset: 0, length: 0, exact: false };
  });
}
