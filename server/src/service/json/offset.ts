import { Scanner, Tok, decodeString } from './scanner';
import { Span } from './locate';

/** What lies at a cursor offset, for completion, hover and navigation. */
export interface OffsetContext {
  /** Path of the innermost object or array that contains the offset. */
  containerPath: (string | number)[];
  containerKind: 'object' | 'array' | undefined;
  /** Span of the container (from its opening bracket). */
  containerStart: number;
  /** When the offset is on a property key: its name and span. */
  key?: { name: string; span: Span };
  /** When the offset is on a scalar value (string, number, word): its path, span and raw text. */
  value?: { path: (string | number)[]; span: Span; raw: string };
  /** When inside an object: the property whose value position the offset is in (after its colon). */
  propertyName?: string;
  /** Names of the keys already present in the containing object. */
  siblingKeys: string[];
  /** Array index at the offset, when the container is an array. */
  index?: number;
}

interface Frame {
  kind: 'object' | 'array';
  path: (string | number)[];
  start: number;
  keys: string[];
  /** Object: name of the key whose value comes next; array: the next index. */
  pendingKey?: string;
  afterColon: boolean;
  index: number;
}

/**
 * Scans from the start to the offset (and to the end of the containing object, for its keys),
 * tracking the path. One linear scan, no tree.
 */
export function contextAtOffset(text: string, offset: number): OffsetContext {
  const scanner = new Scanner(text);
  const stack: Frame[] = [];
  let result: OffsetContext | undefined;
  const top = (): Frame | undefined => stack[stack.length - 1];

  for (;;) {
    const kind = scanner.next();
    if (kind === Tok.EOF) break;
    const frame = top();
    // Once past the offset we only finish collecting the keys of the containing object.
    if (result) {
      if (stack.length === 0 || frame === undefined) break;
      if (kind === Tok.OpenBrace || kind === Tok.OpenBracket) {
        scanner.skipValue();
        if (frame.kind === 'object') frame.afterColon = false;
        continue;
      }
      if (kind === Tok.CloseBrace || kind === Tok.CloseBracket) break;
      if (frame.kind === 'object' && kind === Tok.String && !frame.afterColon) {
        result.siblingKeys.push(decodeString(text, scanner.start, scanner.end));
      } else if (kind === Tok.Colon) frame.afterColon = true;
      else if (kind === Tok.Comma) frame.afterColon = false;
      else if (frame.kind === 'object') frame.afterColon = false;
      continue;
    }
    if (scanner.start >= offset && !(kind === Tok.String || kind === Tok.Word) ||
        scanner.start > offset) {
      result = contextFromFrame(frame);
      if (kind === Tok.CloseBrace || kind === Tok.CloseBracket) break;
      if (frame?.kind === 'object' && kind === Tok.String && !frame.afterColon) {
        result.siblingKeys.push(decodeString(text, scanner.start, scanner.end));
      }
      if (kind === Tok.OpenBrace || kind === Tok.OpenBracket) scanner.skipValue();
      if (kind === Tok.Colon && frame) frame.afterColon = true;
      continue;
    }
    switch (kind) {
      case Tok.OpenBrace:
      case Tok.OpenBracket: {
        const path = frame ? [...frame.path, childSegment(frame)] : [];
        if (frame?.kind === 'array') frame.index++;
        if (frame?.kind === 'object') frame.afterColon = false;
        stack.push({ kind: kind === Tok.OpenBrace ? 'object' : 'array', path, start: scanner.start, keys: [], afterColon: false, index: 0 });
        break;
      }
      case Tok.CloseBrace:
      case Tok.CloseBracket:
        if (scanner.start < offset || stack.length > 1) stack.pop();
        break;
      case Tok.Colon:
        if (frame) frame.afterColon = true;
        break;
      case Tok.Comma:
        if (frame) frame.afterColon = false;
        break;
      case Tok.String:
      case Tok.Word: {
        const span = { offset: scanner.start, length: scanner.end - scanner.start };
        const covers = offset >= scanner.start && offset <= scanner.end;
        if (frame?.kind === 'object' && !frame.afterColon) {
          const name = kind === Tok.String ? decodeString(text, scanner.start, scanner.end) : text.slice(scanner.start, scanner.end);
          frame.keys.push(name);
          frame.pendingKey = name;
          if (covers) {
            result = contextFromFrame(frame);
            result.key = { name, span };
          }
        } else {
          const path = frame ? [...frame.path, childSegment(frame)] : [];
          if (covers) {
            result = contextFromFrame(frame);
            result.value = { path, span, raw: text.slice(scanner.start, scanner.end) };
            if (frame?.kind === 'object') result.propertyName = frame.pendingKey;
          }
          if (frame?.kind === 'array') frame.index++;
          if (frame?.kind === 'object') frame.afterColon = false;
        }
        break;
      }
    }
  }
  return result ?? contextFromFrame(top());

  function contextFromFrame(frame: Frame | undefined): OffsetContext {
    const context: OffsetContext = {
      containerPath: frame ? frame.path : [],
      containerKind: frame?.kind,
      containerStart: frame ? frame.start : 0,
      siblingKeys: frame ? [...frame.keys] : [],
    };
    if (frame?.kind === 'object' && frame.afterColon) context.propertyName = frame.pendingKey;
    if (frame?.kind === 'array') context.index = frame.index;
    return context;
  }
}

function childSegment(frame: Frame): string | number {
  return frame.kind === 'array' ? frame.index : (frame.pendingKey ?? '');
}
