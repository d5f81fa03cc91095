import * as l10n from '@vscode/l10n';
import { SyntaxProblems, excerpt } from './syntaxProblems';
import { Scanner, Tok, decodeString } from './scanner';

/**
 * Properties given twice in one object. The parsed value cannot show them (the last one
 * wins), so the check compares two cheap counts: colons that follow a closing quote in the
 * text (never fewer than the members written) and the keys of the parsed value (`parsedKeys`,
 * from keyCountWithin). Only when the text has more does a token pass find the duplicates: the
 * normal file pays for a native `indexOf` loop and a walk of the value, never for a second parse.
 */
export function duplicateKeyProblems(text: string, parsedKeys: number, problems: SyntaxProblems): void {
  if (writtenKeyBound(text) > parsedKeys) findDuplicateKeys(text, problems);
}

/**
 * Colons after a quote that is not escaped: an upper bound on the members written in strict JSON,
 * not past a comment or a stray byte order mark between a key and its colon.
 */
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

/**
 * The number of keys in `value` (all its objects), or -1 when it nests more than `levels`
 * containers deep (an empty list is one level): one walk serves the duplicate check and the depth limit.
 */
export function keyCountWithin(value: unknown, levels: number): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  const nodes: object[] = [value];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > levels) return -1;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (item !== null && typeof item === 'object') {
          nodes.push(item);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    const object = node as Record<string, unknown>;
    for (const key in object) {
      count++;
      const child = object[key];
      if (child !== null && typeof child === 'object') {
        nodes.push(child);
        depths.push(depth + 1);
      }
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
function findDuplicateKeys(text: string, problems: SyntaxProblems): void {
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
            problems.add({
              code: 'OT008',
              message: l10n.t(
                'Property "{0}" is given again later in this object. JSON readers such as Python\'s keep only the last value, so this one is lost: remove one of the two.',
                excerpt(name),
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
}
