import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnose, documentOf } from '../helpers/service';
import { readRepoFile } from '../helpers/repo';
import { codeActions, completion, documentSymbols, hover, RULE_FAMILIES, validateDocument } from '../../server/src/service';
import { RuleFamily } from '../../server/src/service/rules/rule';
import { TextEdit, applyEdits, textEdit } from '../helpers/textEdits';

const seed = readRepoFile('test', 'fixtures', 'fixes', 'valid.json');

/** Every diagnostic is in range and fixable, no check failed internally (OT902), and the cursor features answer. */
function checkMutant(edits: TextEdit[]): void {
  const text = applyEdits(seed, edits);
  const document = documentOf(text);
  const started = performance.now();
  const diagnostics = validateDocument(document);
  const internal = diagnostics.find((d) => d.code === 'OT902');
  assert.equal(internal, undefined, internal?.message);
  const end = document.textDocument.positionAt(text.length);
  for (const d of diagnostics) {
    const start = document.textDocument.offsetAt(d.range.start);
    const stop = document.textDocument.offsetAt(d.range.end);
    assert.ok(start <= stop && stop <= text.length, `range outside: ${JSON.stringify(d.range)} of ${JSON.stringify(end)}`);
    assert.ok(stop - start < text.length || text.length < 3, 'never the whole file');
  }
  // Fixes must be computable for whatever was reported.
  codeActions(TextDocument.create(document.textDocument.uri, 'json', 1, text), diagnostics, undefined, diagnostics);
  // The cursor features answer wherever an edit landed.
  const at = document.textDocument.positionAt((edits[0]?.at ?? 0) % (text.length + 1));
  hover(document, at);
  completion(document, at);
  documentSymbols(document);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 5000, `one document took ${elapsed.toFixed(0)} ms`);
}

test('thousands of mutated documents: no internal error, always finishes, every range inside the document', () => {
  const heapBefore = process.memoryUsage().heapUsed;
  fc.assert(fc.property(fc.array(textEdit, { minLength: 1, maxLength: 8 }), checkMutant), { numRuns: 3000, seed: 20261128 });
  assert.ok(process.memoryUsage().heapUsed - heapBefore < 300 * 1024 * 1024, 'memory stays bounded');
});

test('the fuzz test fails when a rule throws (it would not pass a broken check)', () => {
  const families = RULE_FAMILIES as RuleFamily[];
  families.push({ name: 'throwing', rules: [], check: () => { throw new Error('boom'); } });
  try {
    const result = fc.check(fc.property(fc.array(textEdit, { minLength: 1, maxLength: 2 }), checkMutant), { numRuns: 50, seed: 1 });
    assert.equal(result.failed, true);
    assert.match(String(result.errorInstance), /OT902|throwing/);
  } finally {
    families.pop();
  }
});

test('random JSON values as documents never fail internally', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
      const codes = diagnose(JSON.stringify({ full_name: 'x', events: [value], competitors: [value], teams: value })).map((d) => d.code);
      assert.ok(!codes.includes('OT902'));
    }),
    { numRuns: 1000, seed: 7 },
  );
});
