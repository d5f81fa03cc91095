import { Scanner, Tok, decodeString } from './scanner';
import { Span } from './locate';
import { MAX_DEPTH } from './parse';

/** A key or scalar value token under the cursor. */
export interface TokenAtOffset {
  span: Span;
  /** The raw text of the token (with quotes for strings). */
  raw: string;
  /** Decoded string contents for strings, the raw text for numbers and bare words. */
  text: string;
  isString: boolean;
}

/** What lies at a cursor offset, for completion, hover and navigation. */
export interface OffsetContext {
  /** Path of the innermost object or array that contains the offset ([] with no kind at top level). */
  containerPath: (string | number)[];
  containerKind: 'object' | 'array' | undefined;
  /** Offset of the container's opening bracket (0 at top level). */
  containerStart: number;
  /** The offset is on a property key (a string, or a bare word where a key belongs). */
  key?: TokenAtOffset & { name: string; hasColon: boolean };
  /** The offset is on a scalar value (string, number or word); path is that value's path. */
  value?: TokenAtOffset & { path: (string | number)[] };
  /**
   * The offset is between tokens: `key` where a new property name would go, `value` where a
   * value would go (after a colon, in an array, or an empty document).
   */
  slot?: 'key' | 'value';
  /** Objects: the property whose value the offset is on, or whose value slot (after the colon) it is in. */
  propertyName?: string;
  /** Arrays: index of the element at the offset, or the index an element inserted there gets. */
  index?: number;
  /** Objects: the names of the other keys of the containing object (not the key under the cursor). */
  siblingKeys: string[];
  /** Where a comma is missing before the offset (after the previous member) for an insertion to stay valid. */
  commaBefore?: number;
  /** Something that is not a separator follows: an insertion or a completed key/value needs a comma after it. */
  commaAfter: boolean;
  /** The offset is inside a comment: editing features offer nothing there. */
  inComment: boolean;
}

/** Where an object or array frame is in its grammar. */
type State =
  | 'key' // object: a key may come (start, or after a comma)
  | 'colon' // object: after a key
  | 'value' // object: after the colon; array: an element may come
  | 'next'; // after a member: a comma or the closing bracket should come

interface Frame {
  kind: 'object' | 'array';
  /** The enclosing frame and this container's segment in it: paths are built once, at the end (deep text stays linear). */
  parent: Frame | undefined;
  segment: string | number;
  depth: number;
  start: number;
  keys: string[];
  pendingKey: string | undefined;
  state: State;
  /** Arrays: the number of elements so far (the tolerant parser counts values, not commas). */
  index: number;
}

/**
 * The context of the cursor, found in one forward scan: tokens before the offset maintain a
 * stack of containers; after the offset the scan continues only to the end of the containing
 * object, to know its other keys. No tree is built. Tolerates what the tolerant parser
 * recovers from (comments, trailing or missing commas, unterminated strings, bare words) and
 * counts array elements the way it does, so paths agree with `parsed.value` and `locatePaths`.
 * Containers deeper than the parser's depth limit are not parsed: inside them, the context is empty.
 */
export function contextAtOffset(text: string, offset: number): OffsetContext {
  const scanner = new Scanner(text);
  const stack: Frame[] = [];
  let previousEnd = 0;
  for (;;) {
    const kind = scanner.next();
    const frame = stack[stack.length - 1];
    const isScalar = kind === Tok.String || kind === Tok.Word;
    if (kind === Tok.EOF || scanner.start > offset || (!isScalar && scanner.start === offset)) {
      return gapContext(text, scanner, frame, previousEnd, offset);
    }
    if (isScalar && offset <= scanner.end) return tokenContext(text, scanner, frame);
    switch (kind) {
      case Tok.OpenBrace:
      case Tok.OpenBracket:
        stack.push(openFrame(kind, scanner.start, frame));
        if (stack.length > MAX_DEPTH) {
          // The parser skips it: so do the features (and the scan stays linear however deep the text).
          stack.pop();
          scanner.skipValue();
          if (offset < scanner.end) return baseContext(undefined);
        }
        break;
      case Tok.CloseBrace:
      case Tok.CloseBracket:
        stack.pop();
        break;
      default:
        if (frame) advance(frame, kind, text, scanner, true);
    }
    previousEnd = scanner.end;
  }
}

function openFrame(kind: Tok, start: number, parent: Frame | undefined): Frame {
  let segment: string | number = '';
  if (parent) {
    // A container where a key belongs is skipped by the parser: give it a path nothing matches.
    segment = parent.kind === 'array' ? parent.index : parent.state === 'value' || parent.state === 'colon' ? (parent.pendingKey ?? '') : '';
    advance(parent, kind, '', undefined, false);
  }
  const depth = parent ? parent.depth + 1 : 1;
  return { kind: kind === Tok.OpenBrace ? 'object' : 'array', parent, segment, depth, start, keys: [], pendingKey: undefined, state: kind === Tok.OpenBrace ? 'key' : 'value', index: 0 };
}

/** The path of a frame's container, from the root. */
function pathOf(frame: Frame): (string | number)[] {
  const path: (string | number)[] = new Array(frame.depth - 1);
  for (let at: Frame = frame; at.parent; at = at.parent) path[at.depth - 2] = at.segment;
  return path;
}

/** Moves a frame past one token (a container counts as one value). */
function advance(frame: Frame, kind: Tok, text: string, scanner: Scanner | undefined, recordKey: boolean): void {
  if (kind === Tok.Comma) {
    frame.state = frame.kind === 'object' ? 'key' : 'value';
    return;
  }
  if (kind === Tok.Colon) {
    if (frame.kind === 'object' && frame.state === 'colon') frame.state = 'value';
    return;
  }
  if (frame.kind === 'array') {
    frame.index++;
    frame.state = 'next';
  } else if ((frame.state === 'key' || frame.state === 'next') && (kind === Tok.String || kind === Tok.Word) && scanner) {
    const name = keyName(text, scanner, kind);
    if (recordKey) frame.keys.push(name);
    frame.pendingKey = name;
    frame.state = 'colon';
  } else {
    frame.state = 'next';
  }
}

function keyName(text: string, scanner: Scanner, kind: Tok): string {
  return kind === Tok.String ? decodeString(text, scanner.start, scanner.end) : text.slice(scanner.start, scanner.end);
}

function startsMember(kind: Tok): boolean {
  return kind === Tok.String || kind === Tok.Word || kind === Tok.OpenBrace || kind === Tok.OpenBracket;
}

function baseContext(frame: Frame | undefined): OffsetContext {
  return {
    containerPath: frame ? pathOf(frame) : [],
    containerKind: frame?.kind,
    containerStart: frame ? frame.start : 0,
    siblingKeys: frame ? frame.keys : [],
    commaAfter: false,
    inComment: false,
  };
}

/** The offset lies between the previous token and the current one (or the end of the text). */
function gapContext(text: string, scanner: Scanner, frame: Frame | undefined, previousEnd: number, offset: number): OffsetContext {
  const context = baseContext(frame);
  context.inComment = isInComment(text, previousEnd, offset);
  context.commaAfter = startsMember(scanner.kind);
  if (!frame) {
    if (previousEnd === 0) context.slot = 'value';
    return context;
  }
  if (frame.state === 'next') context.commaBefore = previousEnd;
  if (frame.kind === 'array') {
    context.slot = 'value';
    context.index = frame.index;
  } else if (frame.state === 'value') {
    context.slot = 'value';
    if (frame.pendingKey !== undefined) context.propertyName = frame.pendingKey;
    // The value goes at the cursor: what follows is the next property, not this one's value.
    frame.state = 'next';
  } else if (frame.state !== 'colon') {
    context.slot = 'key';
  }
  if (frame.kind === 'object') collectKeys(text, scanner, frame);
  return context;
}

/** The offset is on (or at either edge of) a string, number or word token. */
function tokenContext(text: string, scanner: Scanner, frame: Frame | undefined): OffsetContext {
  const context = baseContext(frame);
  const kind = scanner.kind;
  const token: TokenAtOffset = {
    span: { offset: scanner.start, length: scanner.end - scanner.start },
    raw: text.slice(scanner.start, scanner.end),
    text: keyName(text, scanner, kind),
    isString: kind === Tok.String,
  };
  const isKey = frame?.kind === 'object' && (frame.state === 'key' || frame.state === 'next');
  if (!frame) {
    context.value = { ...token, path: [] };
  } else if (frame.kind === 'array') {
    context.value = { ...token, path: [...context.containerPath, frame.index] };
    context.index = frame.index;
  } else if (!isKey && frame.pendingKey !== undefined) {
    context.value = { ...token, path: [...context.containerPath, frame.pendingKey] };
    context.propertyName = frame.pendingKey;
  }
  if (frame) advance(frame, kind, text, scanner, !isKey);
  const following = scanner.next();
  if (isKey) {
    context.key = { ...token, name: token.text, hasColon: following === Tok.Colon };
    context.commaAfter = following === Tok.Colon ? false : startsMember(following);
  } else {
    context.commaAfter = startsMember(following);
  }
  if (frame?.kind === 'object') collectKeys(text, scanner, frame);
  return context;
}

/** Continues over the rest of an object (the scanner is on an unprocessed token) to record its keys. */
function collectKeys(text: string, scanner: Scanner, frame: Frame): void {
  let kind = scanner.kind;
  for (;;) {
    if (kind === Tok.EOF || kind === Tok.CloseBrace || kind === Tok.CloseBracket) return;
    if (kind === Tok.OpenBrace || kind === Tok.OpenBracket) {
      scanner.skipValue();
      advance(frame, kind, text, undefined, false);
    } else {
      advance(frame, kind, text, scanner, true);
    }
    kind = scanner.next();
  }
}

/** True when the offset is inside a comment of the trivia that starts at `from`. */
function isInComment(text: string, from: number, offset: number): boolean {
  let pos = from;
  while (pos < offset) {
    const ch = text.charCodeAt(pos);
    if (ch === 47 && text.charCodeAt(pos + 1) === 47) {
      const eol = text.indexOf('\n', pos);
      const end = eol < 0 ? text.length : eol;
      if (offset <= end) return true;
      pos = end;
    } else if (ch === 47 && text.charCodeAt(pos + 1) === 42) {
      const close = text.indexOf('*/', pos + 2);
      const end = close < 0 ? text.length : close + 2;
      if (offset < end || close < 0) return true;
      pos = end;
    } else pos++;
  }
  return false;
}
