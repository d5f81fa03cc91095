// What is uploaded is what the file says. JSON.parse + JSON.stringify silently change some texts: a
// number a double cannot hold (1e999 → null, 9007199254740993 → …992), a key given twice (the last one
// wins), a U+FFFD replacement character (the trace of bytes that were not UTF-8). Each is refused here,
// at its path, before anything is sent.
import { decodeString, Scanner, Tok } from '../service/json/scanner';
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
 * `text` is strict JSON (already parsed); one pass over its tokens, no recursion (depth is unbounded here).
 */
export function unfaithfulValues(text: string): FieldError[] {
  const problems: FieldError[] = [];
  const frames: Frame[] = [];
  /** The path of the value being read: keys of open objects, indexes of open arrays. */
  const path: (string | number)[] = [];
  const scanner = new Scanner(text);
  for (let token = scanner.next(); token !== Tok.EOF; token = scanner.next()) {
    const frame = frames[frames.length - 1];
    switch (token) {
      case Tok.OpenBrace:
        frames.push({ keys: new Set(), expectKey: true });
        break;
      case Tok.OpenBracket:
        frames.push({ expectKey: false });
        path.push(0);
        break;
      case Tok.Comma:
        if (frame?.keys) {
          path.pop();
          frame.expectKey = true;
        } else if (frame) path[path.length - 1] = (path[path.length - 1] as number) + 1;
        break;
      case Tok.CloseBrace:
        if (frame && !frame.expectKey) path.pop();
        frames.pop();
        break;
      case Tok.CloseBracket:
        path.pop();
        frames.pop();
        break;
      case Tok.String: {
        const value = decodeString(text, scanner.start, scanner.end);
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
        break;
      }
      case Tok.Word: {
        const literal = text.slice(scanner.start, scanner.end);
        if (/^-?\d/.test(literal) && !sameNumber(literal, Number(literal))) problems.push(changedNumber([...path], literal, Number(literal)));
        break;
      }
    }
  }
  return problems;
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
