import { Scanner, Tok, decodeString } from './scanner';
import { Span } from './locate';

/** One member of an object or array: the span from its key (or value) start to its value end. */
export interface Member {
  name?: string;
  start: number;
  end: number;
  value: Span;
}

/** The direct members of the object or array whose opening bracket is at `offset`. */
export function membersAt(text: string, offset: number): { members: Member[]; close: number } {
  const scanner = new Scanner(text, offset);
  const isObject = scanner.next() === Tok.OpenBrace;
  const members: Member[] = [];
  let key: { name: string; start: number } | undefined;
  for (;;) {
    const kind = scanner.next();
    if (kind === Tok.EOF || kind === Tok.CloseBrace || kind === Tok.CloseBracket) return { members, close: scanner.start };
    if (kind === Tok.Comma || kind === Tok.Colon) continue;
    if (isObject && !key) {
      key = { name: kind === Tok.String ? decodeString(text, scanner.start, scanner.end) : text.slice(scanner.start, scanner.end), start: scanner.start };
      continue;
    }
    const start = scanner.start;
    scanner.skipValue();
    const value = { offset: start, length: scanner.end - start };
    members.push(key ? { name: key.name, start: key.start, end: scanner.end, value } : { start, end: scanner.end, value });
    key = undefined;
  }
}
