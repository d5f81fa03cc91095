import fc from 'fast-check';

/** Fragments hand-edited competition files get wrong. */
export const TOKENS = ['{', '}', '[', ']', ',', ':', '"', "'", 'True', 'None', '//', '/*', '\\', '\ufeff', '\r\n', '🏃', '"bib"', '"3.55"', '-1', '1e999', 'null', ' ',
  // Hostile shapes: prototype names as bare words, strings and keys; deep nesting.
  'constructor', 'toString', '"__proto__"', '"constructor":', '"__proto__": {},', '[[[[[[[[[[[[[[[[', '{"a":{"a":{"a":{"a":'];

/** One random edit of a text: a deletion, an insertion of a token or a few characters, or a duplicated stretch. */
export const textEdit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
);

export type TextEdit = typeof textEdit extends fc.Arbitrary<infer T> ? T : never;

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + e.length);
    else if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else out = out.slice(0, at) + out.slice(at, at + e.length) + out.slice(at);
  }
  return out;
}
