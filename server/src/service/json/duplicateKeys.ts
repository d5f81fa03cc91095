import * as l10n from '@vscode/l10n';
import type { SyntaxProblem } from './parse';
import { Scanner, Tok, decodeString } from './scanner';

/**
 * Properties given twice in one object. The parsed value cannot show them (the last one
 * wins), so the check compares two cheap counts: colons that follow a closing quote in the
 * text (never fewer than the members written) and the keys of the parsed value. Only when
 * the text has more does a token pass find the duplicates: the normal file pays for a
 * native `indexOf` loop and a walk of the value, never for a second parse.
 */
export function duplicateKeyProblems(text: string, value: unknown): SyntaxProblem[] {
  if (writtenKeyBound(text) <= parsedKeyCount(value)) return [];
  return findDuplicateKeys(text);
}

/** An upper bound on the members written: colons after a quote that is not escaped. */
function writtenKeyBound(text: string): number {
  let count = 0;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let j = colon - 1;
    let ch = text.charCodeAt(j);
    while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = text.charCodeAt(--j);
    if (ch !== 34 && ch !== 39) continue;
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) count++;
  }
  return count;
}

function parsedKeyCount(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) if (typeof node[i] === 'object') stack.push(node[i]);
      continue;
    }
    const object = node as Record<string, unknown>;
    for (const key in object) {
      count++;
      if (typeof object[key] === 'object') stack.push(object[key]);
    }
  }
  return count;
}

interface Frame {
  /** Key name → offset and length of its latest occurrence; undefined for lists. */
  keys: Map<string, [number, number]> | undefined;
  expectKey: boolean;
}

/** One token pass: each earlier occurrence of a repeated key, at that key. */
function findDuplicateKeys(text: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const scanner = new Scanner(text);
  const stack: Frame[] = [];
  for (let kind = scanner.next(); kind !== Tok.EOF; kind = scanner.next()) {
    const frame = stack[stack.length - 1];
    switch (kind) {
      case Tok.OpenBrace:
      case Tok.OpenBracket:
        if (frame) frame.expectKey = false;
        stack.push({ keys: kind === Tok.OpenBrace ? new Map() : undefined, expectKey: kind === Tok.OpenBrace });
        break;
      case Tok.CloseBrace:
      case Tok.CloseBracket:
        stack.pop();
        break;
      case Tok.Comma:
        if (frame?.keys) frame.expectKey = true;
        break;
      case Tok.String:
        if (!frame?.keys || !frame.expectKey) break;
        frame.expectKey = false;
        {
          const name = decodeString(text, scanner.start, scanner.end);
          const earlier = frame.keys.get(name);
          if (earlier) {
            problems.push({
              code: 'OT008',
              message: l10n.t(
                'Property "{0}" is given again later in this object. JSON readers such as Python\'s keep only the last value, so this one is lost: remove one of the two.',
                name,
              ),
              offset: earlier[0],
              length: earlier[1],
            });
          }
          frame.keys.set(name, [scanner.start, scanner.end - scanner.start]);
        }
        break;
      default:
        break;
    }
  }
  return problems;
}
