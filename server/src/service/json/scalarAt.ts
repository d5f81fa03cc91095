import { Scanner, Tok, decodeString } from './scanner';
import { MAX_DEPTH } from './parse';
import type { JsonPath } from './path';

/** A scalar value (string, number or word) in one version of the text. */
export interface ScalarToken {
  path: JsonPath;
  start: number;
  /** The token as written (strings with their quotes). */
  raw: string;
}

/**
 * The scalar value whose token holds the span [from, to] (its ends included: typing at either
 * end of a number extends it), or undefined when the span touches a key, a bracket or a
 * separator, or spans two tokens. One forward scan: containers that end before the span are
 * skipped with the scanner's character loop; array items are counted as the parser counts them.
 */
export function scalarAt(text: string, from: number, to: number): ScalarToken | undefined {
  const path: (string | number)[] = [];
  let scanner = new Scanner(text);
  let kind = scanner.next();
  for (;;) {
    if (kind === Tok.String || kind === Tok.Word) {
      return scanner.start <= from && to <= scanner.end ? { path, start: scanner.start, raw: text.slice(scanner.start, scanner.end) } : undefined;
    }
    if ((kind !== Tok.OpenBrace && kind !== Tok.OpenBracket) || path.length >= MAX_DEPTH) return undefined;
    const inside = memberAt(scanner, kind === Tok.OpenBrace, from, to);
    if (!inside) return undefined;
    path.push(inside.segment);
    scanner = new Scanner(text, inside.start);
    kind = scanner.next();
  }
}

/** In the container whose opening bracket is current: the member value that may hold the span. */
function memberAt(scanner: Scanner, isObject: boolean, from: number, to: number): { segment: string | number; start: number } | undefined {
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
      if (scanner.end >= from) return { segment, start };
    } else if (kind === Tok.OpenBrace || kind === Tok.OpenBracket) {
      scanner.skipValue();
      if (scanner.end > from) return start < from && to < scanner.end ? { segment, start } : undefined;
    } else {
      return undefined;
    }
    if (scanner.next() !== Tok.Comma) return undefined;
  }
}
