import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnose, documentOf } from '../helpers/service';
import { readRepoFile } from '../helpers/repo';
import { codeActions } from '../../server/src/service/features/codeActions';
import { validateDocument } from '../../server/src/service';

const seed = readRepoFile('test', 'fixtures', 'fixes', 'valid.json');

/** Fragments hand-edited competition files get wrong. */
const TOKENS = ['{', '}', '[', ']', ',', ':', '"', "'", 'True', 'None', '//', '/*', '\\', '\ufeff', '\r\n', '🏃', '"bib"', '"3.55"', '-1', '1e999', 'null', ' '];

const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
);

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    if (e.kind === 'delete') out = out.slice(0, at) + out.slice(at + e.length);
    else if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else out = out.slice(0, at) + out.slice(at, at + e.length) + out.slice(at);
  }
  return out;
}

test('thousands of mutated documents: never throws, always finishes, every range inside the document', () => {
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
      const text = apply(seed, edits);
      const document = documentOf(text);
      const diagnostics = validateDocument(document);
      const end = document.textDocument.positionAt(text.length);
      for (const d of diagnostics) {
        const start = document.textDocument.offsetAt(d.range.start);
        const stop = document.textDocument.offsetAt(d.range.end);
        assert.ok(start <= stop && stop <= text.length, `range outside: ${JSON.stringify(d.range)} of ${JSON.stringify(end)}`);
        assert.ok(stop - start < text.length || text.length < 3, 'never the whole file');
      }
      // Fixes must be computable for whatever was reported.
      codeActions(TextDocument.create(document.textDocument.uri, 'json', 1, text), diagnostics, undefined, diagnostics);
    }),
    { numRuns: 3000, seed: 20261128 },
  );
});

test('random JSON values as documents never throw', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
      diagnose(JSON.stringify({ full_name: 'x', events: [value], competitors: [value], teams: value }));
    }),
    { numRuns: 1000, seed: 7 },
  );
});
