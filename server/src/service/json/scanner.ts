/**
 * A tolerant JSON tokenizer over the raw text. It accepts what hand-edited files contain
 * (comments, single-quoted strings, bare words such as `True`) so that the same scanner can
 * locate ranges in broken documents. It allocates nothing per token: callers read
 * `kind`, `start` and `end` after each `next()`.
 */
export const enum Tok {
  OpenBrace,
  CloseBrace,
  OpenBracket,
  CloseBracket,
  Colon,
  Comma,
  String,
  /** Numbers and bare words (`true`, `null`, `True`, `NaN`, garbage). */
  Word,
  EOF,
}

export class Scanner {
  kind: Tok = Tok.EOF;
  start = 0;
  end = 0;
  /** True when the last String token had no closing quote. */
  unterminated = false;

  constructor(
    readonly text: string,
    pos = 0,
    /** Called for each comment skipped as trivia (only the tolerant parser listens). */
    private readonly onComment?: (start: number, end: number) => void,
  ) {
    this.end = pos;
  }

  next(): Tok {
    const text = this.text;
    const length = text.length;
    let pos = this.end;
    // Trivia: whitespace, BOM and comments.
    for (;;) {
      if (pos >= length) {
        this.start = this.end = length;
        return (this.kind = Tok.EOF);
      }
      const ch = text.charCodeAt(pos);
      if (ch === 32 || ch === 10 || ch === 13 || ch === 9 || ch === 0xfeff) {
        pos++;
      } else if (ch === 47 /* / */ && text.charCodeAt(pos + 1) === 47) {
        const eol = text.indexOf('\n', pos);
        const end = eol < 0 ? length : eol;
        this.onComment?.(pos, end);
        pos = end;
      } else if (ch === 47 && text.charCodeAt(pos + 1) === 42 /* * */) {
        const close = text.indexOf('*/', pos + 2);
        const end = close < 0 ? length : close + 2;
        this.onComment?.(pos, end);
        pos = end;
      } else break;
    }
    this.start = pos;
    const ch = text.charCodeAt(pos);
    switch (ch) {
      case 123:
        this.end = pos + 1;
        return (this.kind = Tok.OpenBrace);
      case 125:
        this.end = pos + 1;
        return (this.kind = Tok.CloseBrace);
      case 91:
        this.end = pos + 1;
        return (this.kind = Tok.OpenBracket);
      case 93:
        this.end = pos + 1;
        return (this.kind = Tok.CloseBracket);
      case 58:
        this.end = pos + 1;
        return (this.kind = Tok.Colon);
      case 44:
        this.end = pos + 1;
        return (this.kind = Tok.Comma);
      case 34:
      case 39:
        this.end = scanStringEnd(text, pos, ch);
        this.unterminated = this.end > length || text.charCodeAt(this.end - 1) !== ch || this.end === pos + 1;
        if (this.end > length) this.end = length;
        return (this.kind = Tok.String);
      default: {
        let end = pos + 1;
        while (end < length && !isDelimiter(text.charCodeAt(end))) end++;
        this.end = end;
        return (this.kind = Tok.Word);
      }
    }
  }

  /**
   * Skips the value whose first token is current; leaves the scanner on its last token.
   * A character loop rather than tokens: skipping is most of what locating does.
   */
  skipValue(): void {
    if (this.kind !== Tok.OpenBrace && this.kind !== Tok.OpenBracket) return;
    const text = this.text;
    const length = text.length;
    let depth = 1;
    let pos = this.end;
    while (pos < length) {
      const ch = text.charCodeAt(pos);
      if (ch === 34 || ch === 39) {
        pos = scanStringEnd(text, pos, ch);
        continue;
      }
      if (ch === 47 && (text.charCodeAt(pos + 1) === 47 || text.charCodeAt(pos + 1) === 42)) {
        // Comments may hold brackets: let the tokenizer skip them (and report them).
        this.end = pos;
        this.next();
        pos = this.start;
        continue;
      }
      pos++;
      if (ch === 123 || ch === 91) depth++;
      else if (ch === 125 || ch === 93) {
        if (--depth === 0) {
          this.start = pos - 1;
          this.end = pos;
          this.kind = ch === 125 ? Tok.CloseBrace : Tok.CloseBracket;
          return;
        }
      }
    }
    this.start = this.end = length;
    this.kind = Tok.EOF;
  }

  /** Moves to the closing bracket that ends just before `end` (a container parsed by other means). */
  closeAt(end: number): void {
    this.start = end - 1;
    this.end = end;
    this.kind = this.text.charCodeAt(end - 1) === 125 ? Tok.CloseBrace : Tok.CloseBracket;
  }
}

/**
 * Where the container opening at `open` ends (past its closing bracket) if it may be strict JSON;
 * otherwise minus the offset where the scan gave up: a comment, a single quote, a comma before a
 * closing bracket, a control character in a string, nesting deeper than `maxDepth` levels (the
 * container is one), or the end of the text. A character loop that never reads past the container.
 */
export function strictContainerEnd(text: string, open: number, maxDepth: number): number {
  const length = text.length;
  let depth = 1;
  for (let pos = open + 1; pos < length; pos++) {
    const ch = text.charCodeAt(pos);
    if (ch === 34) {
      // Strict strings: no raw control character (line breaks included) before the closing quote.
      for (pos++; ; pos++) {
        if (pos >= length) return -length;
        const inner = text.charCodeAt(pos);
        if (inner === 34) break;
        if (inner === 92) pos++;
        else if (inner < 32) return -pos;
      }
    } else if (ch === 123 || ch === 91) {
      if (++depth > maxDepth) return -pos;
    } else if (ch === 125 || ch === 93) {
      let before = pos - 1;
      let previous = text.charCodeAt(before);
      while (previous === 32 || previous === 10 || previous === 13 || previous === 9) previous = text.charCodeAt(--before);
      if (previous === 44) return -pos;
      if (--depth === 0) return pos + 1;
    } else if (ch === 47 || ch === 39) return -pos;
  }
  return -length;
}

/**
 * Offset just past the closing quote; at the line break (CR or LF) when unterminated, or one past
 * the end of the text. One character loop: a search for the next quote or line break from each
 * string would rescan the rest of a one-line (minified) text for every string.
 */
function scanStringEnd(text: string, open: number, quote: number): number {
  const length = text.length;
  for (let pos = open + 1; pos < length; pos++) {
    const ch = text.charCodeAt(pos);
    if (ch === quote) return pos + 1;
    if (ch === 10 || ch === 13) return pos;
    // An escape covers the next character, unless that ends the line.
    if (ch === 92 && pos + 1 < length && text.charCodeAt(pos + 1) !== 10 && text.charCodeAt(pos + 1) !== 13) pos++;
  }
  return length + 1;
}

function isDelimiter(ch: number): boolean {
  return (
    ch === 32 || ch === 10 || ch === 13 || ch === 9 || ch === 44 || ch === 58 || ch === 123 ||
    ch === 125 || ch === 91 || ch === 93 || ch === 34 || ch === 39 || ch === 47
  );
}

/** The string value of a String token (double or single quoted), tolerant of bad escapes. */
export function decodeString(text: string, start: number, end: number): string {
  const quote = text.charCodeAt(start);
  const closed = end - start >= 2 && text.charCodeAt(end - 1) === quote;
  const inner = text.slice(start + 1, closed ? end - 1 : end);
  if (inner.indexOf('\\') < 0) return inner;
  try {
    return JSON.parse(`"${quote === 39 ? inner.replace(/\\'/g, "'").replace(/"/g, '\\"') : inner}"`) as string;
  } catch {
    return inner;
  }
}
