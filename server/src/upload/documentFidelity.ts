// What is uploaded is what the file says. JSON.parse + JSON.stringify silently change some texts: a
// number a double cannot hold (1e999 → null, 9007199254740993 → …992), a key given twice (the last one
// wins), a U+FFFD replacement character (the trace of bytes that were not UTF-8). Each is refused here,
// at its path, before anything is sent.
import type { DocumentPath, FieldError } from './errors';

const BOM = '\uFEFF';

/** The text without a leading byte order mark: validate warns about it (OT006), both then read the same JSON. */
export function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

interface Frame {
  /** The keys seen so far in an object; undefined for an array. */
  keys?: Set<string>;
  /** An object waiting for its next key (after `{` or a comma). */
  expectKey: boolean;
}

/**
 * Every place where the value sent would differ from the file's text; empty when the upload is faithful.
 * `text` is strict JSON (JSON.parse accepted it), so a plain character loop reads its tokens: one pass,
 * no recursion (depth is unbounded here), and no search beyond the current token (minified files are one line).
 */
export function unfaithfulValues(text: string): FieldError[] {
  const problems: FieldError[] = [];
  const frames: Frame[] = [];
  /** The path of the value being read: keys of open objects, indexes of open arrays. */
  const path: (string | number)[] = [];
  const length = text.length;
  let pos = 0;
  while (pos < length) {
    const ch = text.charCodeAt(pos);
    const frame = frames[frames.length - 1];
    if (ch === 0x7b /* { */) {
      frames.push({ keys: new Set(), expectKey: true });
      pos++;
    } else if (ch === 0x5b /* [ */) {
      frames.push({ expectKey: false });
      path.push(0);
      pos++;
    } else if (ch === 0x2c /* , */) {
      if (frame?.keys) {
        path.pop();
        frame.expectKey = true;
      } else if (frame) path[path.length - 1] = (path[path.length - 1] as number) + 1;
      pos++;
    } else if (ch === 0x7d /* } */) {
      if (frame && !frame.expectKey) path.pop();
      frames.pop();
      pos++;
    } else if (ch === 0x5d /* ] */) {
      path.pop();
      frames.pop();
      pos++;
    } else if (ch === 0x22 /* " */) {
      const end = stringEnd(text, pos);
      const raw = text.slice(pos + 1, end);
      const value = raw.includes('\\') ? (JSON.parse(text.slice(pos, end + 1)) as string) : raw;
      if (frame?.keys && frame.expectKey) {
        if (frame.keys.has(value)) {
          problems.push({
            path: [...path, value],
            message: `"${value}" appears more than once in this object; only the last value would be uploaded. Keep one.`,
          });
        }
        frame.keys.add(value);
        frame.expectKey = false;
        path.push(value);
      }
      if (value.includes('\uFFFD')) problems.push(replacementCharacter([...path]));
      pos = end + 1;
    } else if (ch === 0x2d /* - */ || (ch >= 0x30 && ch <= 0x39)) {
      let end = pos + 1;
      while (end < length && isNumberChar(text.charCodeAt(end))) end++;
      const literal = text.slice(pos, end);
      const value = Number(literal);
      if (!sameNumber(literal, value)) problems.push(changedNumber([...path], literal, value));
      pos = end;
    } else {
      // Whitespace, `:`, and the letters of true, false and null.
      pos++;
    }
  }
  return problems;
}

/** The index of the quote closing the string that opens at `start` (escaped quotes skipped). */
function stringEnd(text: string, start: number): number {
  let pos = start + 1;
  for (;;) {
    const ch = text.charCodeAt(pos);
    if (ch === 0x22 || Number.isNaN(ch)) return pos;
    pos += ch === 0x5c /* \ */ ? 2 : 1;
  }
}

function isNumberChar(ch: number): boolean {
  return (ch >= 0x30 && ch <= 0x39) || ch === 0x2e || ch === 0x65 || ch === 0x45 || ch === 0x2b || ch === 0x2d;
}

function changedNumber(path: DocumentPath, literal: string, value: number): FieldError {
  const sent = Number.isFinite(value) ? String(value) : 'null';
  return {
    path,
    message: `The number ${shorten(literal)} cannot be uploaded as written: JSON numbers are doubles, so it would be sent as ${sent}. Write it with fewer digits, or as a string if it is an identifier.`,
  };
}

function replacementCharacter(path: DocumentPath): FieldError {
  return {
    path,
    message: 'This text contains U+FFFD (�), which usually replaces bytes that were not valid UTF-8. Save the file as UTF-8 and check the text.',
  };
}

function shorten(literal: string): string {
  return literal.length > 40 ? `${literal.slice(0, 37)}…` : literal;
}

/** Whether the double `value` is exactly the number the `literal` spells (compared as decimal digits). */
function sameNumber(literal: string, value: number): boolean {
  return Number.isFinite(value) && decimalKey(literal) === decimalKey(String(value));
}

/** A canonical spelling of a decimal number: sign, significant digits without trailing zeros, exponent. */
function decimalKey(spelled: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(spelled);
  if (!match) return spelled;
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let digits = (whole + fraction).replace(/^0+/, '');
  // -0 is sent as 0; zero has no sign and no exponent worth keeping.
  if (digits === '') return '0';
  let power = Number(exponent) - fraction.length;
  const trailing = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - trailing);
  power += trailing;
  return `${sign}${digits}e${power}`;
}
