import * as l10n from '@vscode/l10n';
import { Scanner, Tok, decodeString, strictContainerEnd } from './scanner';
import { duplicateKeyProblems, keyCountWithin } from './duplicateKeys';
import { BracketOutline, outlineBrackets } from './bracketOutline';
import { SyntaxCode, SyntaxProblem, SyntaxProblems, excerpt } from './syntaxProblems';

export type { SyntaxCode, SyntaxProblem } from './syntaxProblems';

export interface ParsedJson {
  /** The recovered value (undefined when nothing could be read). */
  value: unknown;
  problems: SyntaxProblem[];
}

/** Deeper nesting than this is skipped, not parsed (OT007), valid or not: no input exhausts the stack or builds millions of levels. */
export const MAX_DEPTH = 1000;

/** Below this length no text can nest deeper than MAX_DEPTH (two characters a level): no outline needed. */
const OUTLINE_MIN_LENGTH = 2 * MAX_DEPTH;

/**
 * Parses a document once. Strict JSON (the normal case) goes through the native JSON.parse;
 * only text that fails it pays for the tolerant parser, which recovers a value and reports
 * each problem with its exact span. An outline of the brackets comes first on longer texts: it
 * keeps JSON.parse from building a value nested deeper than MAX_DEPTH (millions of levels take
 * seconds and gigabytes), spares it a text it would reject anyway (a trailing comma, the slip
 * typing leaves most often), and tells the tolerant parser where the root's members end.
 */
export function parseJson(text: string): ParsedJson {
  const outline = text.length < OUTLINE_MIN_LENGTH ? undefined : outlineBrackets(text, MAX_DEPTH);
  if (outline === undefined || (outline.depth <= MAX_DEPTH && outline.balanced && !outline.trailingComma)) {
    const hasBom = text.charCodeAt(0) === 0xfeff;
    let value: unknown;
    try {
      value = JSON.parse(hasBom ? text.slice(1) : text);
    } catch {
      return parseTolerantly(text, outline);
    }
    const keys = keyCountWithin(value, MAX_DEPTH);
    if (keys >= 0) {
      const problems = new SyntaxProblems();
      if (hasBom) problems.add(bomProblem());
      duplicateKeyProblems(text, keys, problems);
      return { value, problems: problems.list() };
    }
  }
  return parseTolerantly(text, outline);
}

/**
 * The tolerant parser alone. It still hands every clean container below the root to JSON.parse;
 * `nativeContainers: false` parses every token by hand (the reference its results are tested against).
 */
export function parseTolerantly(text: string, outline?: BracketOutline, nativeContainers = true): ParsedJson {
  return new TolerantParser(text, outline, nativeContainers).parse();
}

/**
 * The tolerant parse of one container of a document, `depth` levels below its root, from the
 * container's text alone (offsets in `raw`): what parsing the whole document gives for it, when
 * the container's tokens end at its closing bracket, matched bracket by bracket, and JSON.parse
 * did not serve (see incrementalParse). Keys given twice are left to the caller.
 */
export function parseContainerTolerantly(raw: string, depth: number): ParsedJson {
  const outline = raw.length < OUTLINE_MIN_LENGTH ? undefined : outlineBrackets(raw, MAX_DEPTH);
  return new TolerantParser(raw, outline, true).parseContainer(depth);
}

/** Problems after which every key is still a quoted string followed by its colon (see duplicateKeys). */
const COUNT_KEEPING: ReadonlySet<SyntaxCode> = new Set(['OT002', 'OT004', 'OT005', 'OT006', 'OT007']);

function bomProblem(): SyntaxProblem {
  return {
    code: 'OT006',
    message: l10n.t('The file starts with a byte order mark (BOM). Save it as UTF-8 without BOM: OpenTrack expects plain JSON.'),
    offset: 0,
    length: 1,
    replacement: '',
  };
}

/** What nativeContainer returns for a container it leaves to the tolerant parser. */
const NOT_STRICT = Symbol('not strict JSON');

/** A number token as strict JSON writes it. */
export const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const PYTHON_LITERALS = new Map([['True', 'true'], ['False', 'false'], ['None', 'null']]);

/** What a failed JSON.parse costs beyond the characters it read (the exception and its message), in characters. */
const FAILED_PARSE_COST = 2048;

class TolerantParser {
  private readonly problems = new SyntaxProblems();
  private readonly scanner: Scanner;
  /** An early end of file leaves every open container unclosed: report that once. */
  private reportedEarlyEnd = false;
  /**
   * Characters that scans and JSON.parse calls may spend without recovering a value. A container that
   * fails is re-read by its children's attempts, once per broken ancestor: the budget keeps a deep
   * chain of broken containers linear (once spent, the rest is parsed by hand).
   */
  private nativeBudget: number;
  /** The next outline entry not yet passed. */
  private outlineAt = 0;

  constructor(
    private readonly text: string,
    private readonly outline: BracketOutline | undefined,
    nativeContainers: boolean,
  ) {
    this.scanner = new Scanner(text, 0, (start, end) =>
      this.report('OT003', l10n.t('Comments are not allowed in JSON. Remove the comment: OpenTrack rejects it.'), start, end - start, ''),
    );
    this.nativeBudget = nativeContainers ? 2 * text.length + 16 * FAILED_PARSE_COST : 0;
  }

  parse(): ParsedJson {
    if (this.text.charCodeAt(0) === 0xfeff) this.problems.add(bomProblem());
    const s = this.scanner;
    s.next();
    if (s.kind === Tok.EOF) {
      this.report('OT001', l10n.t('The file is empty. A competition is a JSON object: start with `{`.'), 0, 0);
      return { value: undefined, problems: this.problems.list() };
    }
    const value = this.value(0);
    if (s.next() !== Tok.EOF) {
      this.report('OT001', l10n.t('Unexpected content after the end of the document. Remove it.'), s.start, this.text.length - s.start);
    }
    // The count of colons after a quote misses keys behind a comment, a stray byte order mark or
    // a broken token: then every key is compared, lest a key given twice go unseen.
    const countMayMiss = this.problems.list().some((p) => !COUNT_KEEPING.has(p.code)) || this.text.indexOf('\ufeff', 1) >= 0;
    duplicateKeyProblems(this.text, countMayMiss ? -1 : keyCountWithin(value, Infinity), this.problems);
    return { value, problems: this.problems.list() };
  }

  /** The text as one container met `depth` levels down in a document (see parseContainerTolerantly). */
  parseContainer(depth: number): ParsedJson {
    const s = this.scanner;
    s.next();
    // The caller has tried JSON.parse on the container: not again (read by hand, its value is the same).
    const value = depth >= MAX_DEPTH ? this.value(depth) : s.kind === Tok.OpenBrace ? this.object(depth) : this.array(depth);
    return { value, problems: this.problems.list() };
  }

  private report(code: SyntaxCode, message: string, offset: number, length: number, replacement?: string): void {
    this.problems.add(replacement === undefined ? { code, message, offset, length } : { code, message, offset, length, replacement });
  }

  /** Parses the value at the current token; leaves the scanner on its last token. */
  private value(depth: number): unknown {
    const s = this.scanner;
    switch (s.kind) {
      case Tok.OpenBrace:
      case Tok.OpenBracket:
        if (depth >= MAX_DEPTH) {
          this.report('OT007', l10n.t('Nesting deeper than {0} levels is not checked. No competition needs it; flatten the data.', MAX_DEPTH), s.start, 1);
          s.skipValue();
          return null;
        }
        if (depth > 0 && this.nativeBudget > 0) {
          const value = this.nativeContainer(depth);
          if (value !== NOT_STRICT) return value;
        }
        return s.kind === Tok.OpenBrace ? this.object(depth) : this.array(depth);
      case Tok.String:
        return this.string();
      case Tok.Word:
        return this.word();
      default:
        this.report('OT001', l10n.t('Expected a value but found `{0}`.', excerpt(this.text.slice(s.start, s.end))), s.start, Math.max(1, s.end - s.start));
        return null;
    }
  }

  /**
   * The container at the current token parsed by JSON.parse, when it is strict JSON that nests no
   * deeper than the parser would go; otherwise NOT_STRICT, with the scanner where it was. The root
   * is never tried: the whole text already failed (or was known to fail) JSON.parse.
   */
  private nativeContainer(depth: number): unknown {
    const open = this.scanner.start;
    let end = this.outlinedEnd(open);
    let scanned = 0;
    if (end === undefined) {
      end = strictContainerEnd(this.text, open, MAX_DEPTH - depth);
      scanned = Math.abs(end) - open;
    }
    let value: unknown = NOT_STRICT;
    if (end > 0) {
      try {
        value = JSON.parse(this.text.slice(open, end));
        if (keyCountWithin(value, MAX_DEPTH - depth) < 0) value = NOT_STRICT;
      } catch {
        scanned += FAILED_PARSE_COST;
      }
      if (value !== NOT_STRICT) {
        this.scanner.closeAt(end);
        return value;
      }
      scanned += end - open;
    }
    this.nativeBudget -= scanned;
    return NOT_STRICT;
  }

  /** The end the outline recorded for a container opening at `open`: the parser meets them in text order. */
  private outlinedEnd(open: number): number | undefined {
    const outline = this.outline;
    if (outline === undefined) return undefined;
    const starts = outline.starts;
    while (this.outlineAt < starts.length && starts[this.outlineAt]! < open) this.outlineAt++;
    return starts[this.outlineAt] === open ? outline.ends[this.outlineAt] : undefined;
  }

  /**
   * The loop objects and lists share: separators, missing and trailing commas, early end.
   * `member` parses one member from its first token and says what it consumed last.
   */
  private sequence(isObject: boolean, member: (kind: Tok) => 'value' | 'comma' | 'end'): void {
    const s = this.scanner;
    const open = s.start;
    const close = isObject ? Tok.CloseBrace : Tok.CloseBracket;
    let lastComma = -1;
    let needComma = false;
    for (;;) {
      const kind = s.next();
      if (kind === close) break;
      if (kind === Tok.EOF) {
        this.earlyEnd(isObject ? l10n.t('Missing `}` to close this object: the file ends first.') : l10n.t('Missing `]` to close this list: the file ends first.'), open);
        break;
      }
      if (kind === Tok.Comma) {
        if (!needComma) this.report('OT001', l10n.t('Unexpected comma. Remove it.'), s.start, 1, '');
        lastComma = needComma ? s.start : -1;
        needComma = false;
        continue;
      }
      if (kind === Tok.CloseBrace || kind === Tok.CloseBracket) {
        this.report('OT001', l10n.t('Expected `{0}` but found `{1}`.', isObject ? '}' : ']', String(this.text[s.start])), s.start, 1);
        break;
      }
      if (kind === Tok.Colon && !isObject) {
        this.report('OT001', l10n.t('Unexpected `:` in a list.'), s.start, 1);
        continue;
      }
      if (needComma) {
        this.report('OT001', isObject ? l10n.t('Missing comma between properties.') : l10n.t('Missing comma between list items.'), s.start, Math.max(1, s.end - s.start));
      }
      lastComma = -1;
      const consumed = member(kind);
      if (consumed === 'end') break;
      needComma = consumed === 'value';
    }
    if (lastComma >= 0) this.trailingComma(lastComma);
  }

  private object(depth: number): Record<string, unknown> {
    const s = this.scanner;
    const result: Record<string, unknown> = {};
    this.sequence(true, (kind) => {
      if (kind !== Tok.String) {
        this.report('OT001', l10n.t('Property names must be strings in double quotes.'), s.start, Math.max(1, s.end - s.start),
          kind === Tok.Word ? JSON.stringify(this.text.slice(s.start, s.end)) : undefined);
        if (kind !== Tok.Word) {
          s.skipValue();
          return 'value';
        }
      }
      const name = kind === Tok.String ? this.string() : this.text.slice(s.start, s.end);
      const keyEnd = s.end;
      if (s.next() === Tok.Colon) s.next();
      else this.report('OT001', l10n.t('Missing `:` after the property name "{0}".', excerpt(name)), keyEnd, 0);
      if (s.kind === Tok.CloseBrace || s.kind === Tok.Comma || s.kind === Tok.EOF) {
        this.report('OT001', l10n.t('Missing a value for "{0}".', excerpt(name)), s.start, 1);
        return s.kind === Tok.Comma ? 'comma' : 'end';
      }
      const value = this.value(depth + 1);
      // As in JSON.parse, "__proto__" is an ordinary key, not the object's prototype.
      if (name === '__proto__') Object.defineProperty(result, name, { value, writable: true, enumerable: true, configurable: true });
      else result[name] = value;
      return 'value';
    });
    return result;
  }

  private array(depth: number): unknown[] {
    const result: unknown[] = [];
    this.sequence(false, () => {
      result.push(this.value(depth + 1));
      return 'value';
    });
    return result;
  }

  private earlyEnd(message: string, open: number): void {
    if (this.reportedEarlyEnd) return;
    this.reportedEarlyEnd = true;
    this.report('OT001', message, open, 1);
  }

  private trailingComma(offset: number): void {
    this.report('OT002', l10n.t('Trailing comma. Remove it: OpenTrack expects strict JSON.'), offset, 1, '');
  }

  private string(): string {
    const s = this.scanner;
    const { start, end } = s;
    if (s.unterminated) {
      this.report('OT001', l10n.t('Unterminated string: add the closing `"`.'), start, end - start);
      return decodeString(this.text, start, end);
    }
    if (this.text.charCodeAt(start) === 39) {
      const value = decodeString(this.text, start, end);
      this.report('OT005', l10n.t('Strings must use double quotes, not single quotes.'), start, end - start, JSON.stringify(value));
      return value;
    }
    // Without a backslash or a control character a string is valid and is its inner text: no JSON.parse.
    if (isPlainString(this.text, start + 1, end - 1)) return this.text.slice(start + 1, end - 1);
    try {
      return JSON.parse(this.text.slice(start, end)) as string;
    } catch {
      this.report('OT001', l10n.t('Invalid string: escape control characters (tab, newline) and use valid `\\` escapes.'), start, end - start);
      return decodeString(this.text, start, end);
    }
  }

  private word(): unknown {
    const s = this.scanner;
    const raw = this.text.slice(s.start, s.end);
    if (NUMBER.test(raw)) return Number(raw);
    if (raw === 'true') return true;
    if (raw === 'false') return false;
    if (raw === 'null') return null;
    const literal = PYTHON_LITERALS.get(raw);
    if (literal !== undefined) {
      this.report('OT004', l10n.t('`{0}` is Python, not JSON. Use `{1}`.', raw, literal), s.start, raw.length, literal);
      return JSON.parse(literal);
    }
    if (/^[-+]?[0-9.]/.test(raw) && Number.isFinite(Number(raw))) {
      this.report('OT001', l10n.t('`{0}` is not a valid JSON number.', raw), s.start, raw.length, String(Number(raw)));
      return Number(raw);
    }
    this.report('OT001', l10n.t('Unexpected `{0}`. Text values must be strings in double quotes.', excerpt(raw)), s.start, raw.length, JSON.stringify(raw));
    return raw;
  }
}

function isPlainString(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch < 32 || ch === 92) return false;
  }
  return true;
}
