import { Scanner, Tok, decodeString } from './scanner';
import { MAX_DEPTH } from './parse';
import type { JsonPath } from './path';

/** A value of one version of the text: where it starts and how it is written. */
export interface ValueRegion {
  path: JsonPath;
  start: number;
  /** The value as written: a scalar token (strings with their quotes), or a container with its brackets. */
  raw: string;
  isContainer: boolean;
}

/** A member value of the container being scanned. */
interface Member {
  segment: string | number;
  start: number;
  end: number;
  isContainer: boolean;
}

/** The smallest value around a span and, when that is a scalar, the container around it (none at the root). */
export interface RegionAround {
  value: ValueRegion;
  container?: ValueRegion;
}

/**
 * The smallest value that holds the span [from, to] away from its edges: a scalar whose token
 * holds it (its ends included: typing at either end of a number extends it), or a container
 * that holds it strictly inside its brackets. Undefined when only the whole document does. One
 * forward scan: containers that end before the span are skipped with the scanner's character
 * loop; array items are counted as the parser counts them.
 */
export function regionAt(text: string, from: number, to: number): RegionAround | undefined {
  const path: (string | number)[] = [];
  let container: Member | undefined;
  let scanner = new Scanner(text);
  let kind = scanner.next();
  for (;;) {
    const isObject = kind === Tok.OpenBrace;
    const member = isObject || kind === Tok.OpenBracket ? (path.length < MAX_DEPTH ? memberAt(scanner, isObject, from, to) : undefined) : undefined;
    if (!member) return container && { value: region(text, path, container) };
    path.push(member.segment);
    if (!member.isContainer) {
      const around = container && region(text, path.slice(0, -1), container);
      if (member.start <= from && to <= member.end) return { value: region(text, path, member), container: around };
      return around && { value: around };
    }
    container = member;
    scanner = new Scanner(text, member.start);
    kind = scanner.next();
  }
}

function region(text: string, path: JsonPath, { start, end, isContainer }: Member): ValueRegion {
  return { path, start, raw: text.slice(start, end), isContainer };
}

/**
 * In the container whose opening bracket is current: the member value that may hold the span
 * (a scalar that ends at or after its start, or a container strictly around it), or undefined
 * when the span touches a key, a separator or the brackets.
 */
function memberAt(scanner: Scanner, isObject: boolean, from: number, to: number): Member | undefined {
  const text = scanner.text;
  for (let index = 0; ; index++) {
    let kind = scanner.next();
    let segment: string | number = index;
    if (isObject) {
      if (kind !== Tok.String || scanner.end >= from) return undefined;
      segment = decodeString(text, scanner.start, scanner.end);
      if (scanner.next() !== Tok.Colon) return undefined;
      kind = scanner.next();
    }
    const start = scanner.start;
    if (kind === Tok.String || kind === Tok.Word) {
      if (scanner.end >= from) return { segment, start, end: scanner.end, isContainer: false };
    } else if (kind === Tok.OpenBrace || kind === Tok.OpenBracket) {
      scanner.skipValue();
      if (scanner.end > from) return start < from && to < scanner.end ? { segment, start, end: scanner.end, isContainer: true } : undefined;
    } else {
      return undefined;
    }
    if (scanner.next() !== Tok.Comma) return undefined;
  }
}

/**
 * Whether the tokens of a container's text end at its last character, a closing bracket that
 * matches its first, every bracket between matched by its kind. Then the same tokens are read
 * there in the whole text (no string or comment runs past the container), and the parser reads
 * the container from its first bracket to its last, however broken what lies between.
 */
export function closesAtEnd(raw: string): boolean {
  const scanner = new Scanner(raw);
  const closing: Tok[] = [];
  for (let kind = scanner.next(); kind !== Tok.EOF; kind = scanner.next()) {
    if (kind === Tok.OpenBrace || kind === Tok.OpenBracket) closing.push(kind === Tok.OpenBrace ? Tok.CloseBrace : Tok.CloseBracket);
    else if (kind === Tok.CloseBrace || kind === Tok.CloseBracket) {
      if (closing.pop() !== kind) return false;
      if (closing.length === 0) return scanner.end === raw.length;
    } else if (closing.length === 0) return false;
  }
  return false;
}
