/**
 * Documents far beyond any real meet end in bounded time and memory with a clear diagnostic:
 * a value nested a million levels deep is never built, and a flood of syntax problems is kept up
 * to a documented number, with a note saying how many more there are.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_DEPTH, parseJson } from '../../../server/src/service/json/parse';
import { MAX_SYNTAX_PROBLEMS } from '../../../server/src/service/json/syntaxProblems';
import { DocumentCache, EditableDocument } from '../../../server/src/service';
import { diagnose } from '../../helpers/service';
import { jsonParseInputs } from '../../helpers/jsonParseSpy';

describe('nesting far past the limit', () => {
  test('valid lists a million levels deep: JSON.parse never builds them, one OT007 at the first level past the limit', () => {
    const levels = 1_000_000;
    const prefix = '{"full_name": "x", "events": [], "notes": ';
    const text = `${prefix}${'['.repeat(levels)}${']'.repeat(levels)}}`;
    let problems: ReturnType<typeof parseJson>['problems'] = [];
    const started = performance.now();
    const lengths = jsonParseInputs(() => (problems = parseJson(text).problems));
    const elapsed = performance.now() - started;
    assert.ok(lengths.every((length) => length < 10_000), `JSON.parse was given ${Math.max(...lengths)} characters`);
    assert.deepEqual(problems.map((p) => [p.code, p.offset]), [['OT007', prefix.length + MAX_DEPTH - 1]]);
    assert.ok(elapsed < 5000, `took ${elapsed.toFixed(0)} ms`);
  });
});

describe('nesting pasted into a document', () => {
  test('lists nested past the limit pasted into a list: the patched version reports OT007 as parsing the text again does', () => {
    const text = '{"full_name": "x", "events": [{"event_id": "1", "notes": []}]}';
    const editor = new EditableDocument('file:///paste.opentrack.json', 'json', 1, text);
    const cache = new DocumentCache();
    cache.get(editor);
    const inside = editor.positionAt(text.indexOf('[]}') + 1);
    editor.update([{ range: { start: inside, end: inside }, text: `${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}` }], 2);
    const patched = cache.get(editor).parsed;
    const reparsed = parseJson(editor.getText());
    assert.deepEqual(reparsed.problems.map((p) => p.code), ['OT007']);
    assert.deepStrictEqual(patched, reparsed);
  });
});

describe('a flood of syntax problems', () => {
  const omitted = 20_000;
  const values = MAX_SYNTAX_PROBLEMS + omitted;

  test(`${values.toLocaleString('en-US')} single-quoted values: ${MAX_SYNTAX_PROBLEMS.toLocaleString('en-US')} problems kept, led by a note on the first one left out that counts the rest`, () => {
    const item = "'v'";
    const prefix = '{"full_name": "x", "events": [], "notes": [';
    const text = `${prefix}${Array(values).fill(item).join(',')}]}`;
    const parsed = parseJson(text);
    assert.equal((parsed.value as { notes: string[] }).notes.length, values, 'the value is recovered in full');
    assert.equal(parsed.problems.length, MAX_SYNTAX_PROBLEMS + 1);
    const [note, first, ...rest] = parsed.problems;
    assert.equal(note!.code, 'OT903');
    assert.equal(note!.message, '20,000 more syntax problems from here on are not listed: only the first 100,000 are kept. Fix these first (Fix All takes the safe ones); the others then appear.');
    assert.equal(note!.offset, prefix.length + MAX_SYNTAX_PROBLEMS * (item.length + 1), 'on the first value left out');
    assert.equal(note!.length, item.length);
    assert.deepEqual([first!.code, first!.offset, first!.replacement], ['OT005', prefix.length, '"v"']);
    assert.ok(rest.every((p) => p.code === 'OT005'));
  });

  test('the note is among the diagnostics shown, however few are shown', () => {
    const text = `[${Array(values).fill('True').join(',')}]`;
    const diagnostics = diagnose(text, { maxProblems: 10 });
    const notes = diagnostics.filter((d) => d.code === 'OT903').map((d) => d.message);
    assert.ok(notes.some((m) => m.startsWith('20,000 more syntax problems from here on are not listed')), notes.join(' | '));
  });

  test('duplicate keys in valid JSON are kept up to the same number', () => {
    const text = `{${Array.from({ length: values + 1 }, () => '"k": 1').join(', ')}}`;
    const parsed = parseJson(text);
    assert.equal(parsed.problems.length, MAX_SYNTAX_PROBLEMS + 1);
    assert.equal(parsed.problems[0]!.code, 'OT903');
    assert.match(parsed.problems[0]!.message, /^20,000 more syntax problems/);
    assert.ok(parsed.problems.slice(1).every((p) => p.code === 'OT008'));
  });
});
