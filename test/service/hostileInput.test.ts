import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Position } from 'vscode-languageserver-types';
import { diagnose, documentOf } from '../helpers/service';
import { collectFindings } from '../../server/src/service';
import { fullExample } from '../helpers/repo';
import { completion, documentSymbols, hover, RULE_FAMILIES } from '../../server/src/service';
import { contextAtOffset } from '../../server/src/service/json/offset';
import { RuleFamily } from '../../server/src/service/rules/rule';
import { eventCodeInfo } from '../../server/src/service/format/eventCodes';
import { formatPath } from '../../server/src/service';
import { Json, leaves } from '../helpers/mutations';

/** `{"full_name": "x", "events": [[[…]]]}` nested `depth` levels inside `events`. */
function deeplyNested(depth: number): { text: string; deepest: number } {
  const prefix = '{"full_name": "x", "events": [';
  return { text: `${prefix}${'['.repeat(depth)}${']'.repeat(depth)}]}`, deepest: prefix.length + depth };
}

test('deep nesting: hover, completion and the outline at the deep end stay linear and bounded (30,000 levels)', () => {
  const { text, deepest } = deeplyNested(30000);
  const document = documentOf(text);
  const position = document.textDocument.positionAt(deepest);
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  assert.equal(hover(document, position), null);
  assert.deepEqual(completion(document, position).items, []);
  assert.equal(documentSymbols(document).length, 1);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
  assert.ok(process.memoryUsage().heapUsed - heapBefore < 200 * 1024 * 1024, 'no path copied per level');
});

test('deep nesting: the cursor context below the parser depth limit is empty, above it exact', () => {
  const { text, deepest } = deeplyNested(1500);
  const inside = contextAtOffset(text, deepest);
  assert.equal(inside.containerKind, undefined, 'inside what the parser skips: nothing');
  assert.deepEqual(inside.containerPath, []);
  const shallow = contextAtOffset(text, deepest - 1500 + 1);
  assert.deepEqual(shallow.containerPath, ['events', 0]);
  assert.equal(shallow.containerKind, 'array');
});

test('deep nesting: validation reports, never throws (a deep value where a scalar is expected, and the depth limit at its level)', () => {
  const text = `{"full_name": ${'['.repeat(20000)}${']'.repeat(20000)}, "events": []}`;
  const diagnostics = diagnose(text);
  assert.deepEqual(diagnostics.map((d) => d.code), ['OT010', 'OT007']);
  assert.equal(diagnostics[1]!.range.start.character, '{"full_name": '.length + 999, 'at the first list past the limit');
});

test('bare words that are Object.prototype names are syntax errors, not internal failures', () => {
  for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    const text = `{"full_name": "x", "events": [{"event_id": "1", "event_code": ${word}, "name": "a"}]}`;
    const codes = diagnose(text).map((d) => d.code);
    assert.ok(codes.includes('OT001'), `${word}: ${codes.join()}`);
    assert.ok(!codes.includes('OT902'), `${word}: ${codes.join()}`);
  }
});

test('event codes named like Object.prototype members are unknown codes, and hover on them answers', () => {
  for (const code of ['constructor', 'toString', '__proto__', 'valueOf', 'CONSTRUCTOR']) {
    assert.equal(eventCodeInfo(code), undefined, code);
    const text = JSON.stringify({ full_name: 'x', events: [{ event_id: '1', event_code: code, name: 'a' }] });
    assert.deepEqual(diagnose(text).map((d) => d.code), ['OT702'], code);
    const document = documentOf(text);
    const answer = hover(document, document.textDocument.positionAt(text.indexOf(`"${code}"`) + 2));
    assert.match(JSON.stringify(answer?.contents), /not an OpenTrack event code/, code);
  }
});

test('a "__proto__" key in a file with a syntax error is an ordinary key: a missing full_name is still reported', () => {
  const codes = diagnose('{"__proto__": {"full_name": "x"}, "events": [], }').map((d) => d.code);
  assert.ok(codes.includes('OT011'), codes.join());
  assert.ok(codes.includes('OT002'), codes.join());
});

test('a milder finding never hides a schema error on the same value ("year": "abc" and 2023 with a 2024 date)', () => {
  for (const year of ['abc', 2023]) {
    const doc = fullExample();
    doc.date = '2024-05-01';
    doc.year = year;
    const onYear = diagnose(doc).filter((d) => d.code === 'OT010' || d.code === 'OT013' || d.code === 'OT704');
    const errors = onYear.filter((d) => d.severity === 1);
    assert.equal(errors.length, 1, `${JSON.stringify(year)}: ${onYear.map((d) => d.code).join()}`);
  }
  // A finding raised to an error by the user does replace the schema error: one cause, one diagnostic.
  const doc = fullExample();
  doc.date = '2024-05-01';
  doc.year = 2023;
  assert.deepEqual(diagnose(doc, { rules: { OT704: 'error' } }).filter((d) => d.code === 'OT010' || d.code === 'OT704').map((d) => d.code), ['OT704']);
});

test('when validation itself throws, the file gets one visible OT902 error naming it, never an empty list', () => {
  const families = RULE_FAMILIES as RuleFamily[];
  // A rule that reports something no later stage can place: the pipeline after the rules throws.
  const poisoned: RuleFamily = {
    name: 'poisoned',
    rules: [],
    check: (context) => context.report({ code: 'OT101', message: 'x', path: null as never }),
  };
  families.unshift(poisoned);
  const logged: string[] = [];
  try {
    const diagnostics = diagnose(fullExample(), { onRuleError: (family) => logged.push(family) });
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'OT902');
    assert.equal(diagnostics[0]!.severity, 1);
    assert.match(diagnostics[0]!.message, /meet\.opentrack\.json/);
    assert.deepEqual(logged, ['validation']);
  } finally {
    families.shift();
  }
});

test('more findings than a spread push() can take (150,000): all kept for Fix All, the diagnostics stop at a budget, no stack overflow', () => {
  const families = RULE_FAMILIES as RuleFamily[];
  const flood: RuleFamily = { name: 'flood', rules: [], check: (context) => { for (let i = 0; i < 150000; i++) context.report({ code: 'OT101', message: 'x', path: ['full_name'] }); } };
  families.unshift(flood);
  try {
    assert.equal(collectFindings(documentOf(JSON.stringify(fullExample()))).filter((f) => f.message === 'x').length, 150000);
    const diagnostics = diagnose(fullExample(), { maxProblems: 10 });
    assert.equal(diagnostics.at(-1)!.code, 'OT903');
    assert.match(diagnostics.at(-1)!.message, /^Too many problems: checking stopped after 20\./);
  } finally {
    families.shift();
  }
});

test('a position past the end of a deeply nested broken document answers', () => {
  const text = `{"events": [${'{"a": ['.repeat(5000)}`;
  const document = documentOf(text);
  const end = document.textDocument.positionAt(text.length);
  assert.ok(Array.isArray(completion(document, end).items));
  assert.equal(hover(document, end), null);
  assert.match(JSON.stringify(hover(document, Position.create(0, 3))?.contents), /events of the competition/);
});

test('dense invalid items: thousands of wrong values are reported without an internal error, in bounded time', () => {
  const doc = fullExample();
  doc.competitors = Array.from({ length: 3000 }, (_, i) => ({ competitor_id: i, first_name: 7, last_name: [], team_id: {}, constructor: 'x' }));
  const started = performance.now();
  const diagnostics = diagnose(doc);
  const elapsed = performance.now() - started;
  assert.ok(!diagnostics.some((d) => d.code === 'OT902'));
  assert.equal(diagnostics.at(-1)!.code, 'OT903', 'capped with a note');
  assert.ok(elapsed < 20000, `took ${elapsed.toFixed(0)} ms`);
});

test('a huge unquoted word or key is quoted in its message by its first characters only, its range still covers all of it', () => {
  const word = 'x'.repeat(5_000_000);
  for (const text of [`{"full_name": ${word}}`, `{${word}}`, word]) {
    const diagnostics = diagnose(text);
    const longest = Math.max(...diagnostics.map((d) => d.message.length));
    assert.ok(longest < 300, `a message of ${longest} characters`);
    assert.ok(diagnostics.some((d) => d.message.includes('xxx…')), `the word is named by an excerpt: ${diagnostics.map((d) => d.message.slice(0, 80)).join(' | ')}`);
    assert.ok(diagnostics.some((d) => d.range.end.character - d.range.start.character === word.length), 'a diagnostic covers the whole word');
  }
});

test('any text value of a meet set to an Object.prototype name (genders "constructor", a bib "__proto__") is an ordinary value, never an internal failure', () => {
  const meet = fullExample();
  const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
  const textLeaves = leaves(meet as Json).filter((leaf) => typeof leaf.value === 'string');
  assert.ok(textLeaves.length > 100);
  for (const leaf of textLeaves) {
    for (const name of names) {
      const copy = structuredClone(meet) as Record<string, unknown>;
      let node = copy as Record<string | number, unknown>;
      for (const segment of leaf.path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
      node[leaf.path[leaf.path.length - 1]!] = name;
      const failures = diagnose(copy, { onRuleError: (family, error) => assert.fail(`${formatPath(leaf.path)} = "${name}": ${family}: ${String(error)}`) }).filter((d) => d.code === 'OT902');
      assert.deepEqual(failures, [], `${formatPath(leaf.path)} = "${name}"`);
    }
  }
});
