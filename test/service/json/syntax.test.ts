import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, textAt } from '../../helpers/service';
import { parseJson } from '../../../server/src/service';

const meet = (body: string): string => `{\n  "full_name": "Syntax Meet",\n  "events": [],\n${body}\n}`;

describe('syntax errors have precise ranges and validation continues', () => {
  const cases: Array<[string, string, string, string]> = [
    ['trailing comma in an object', meet('  "slug": "a",'), 'OT002', ','],
    ['trailing comma in a list', meet('  "age_groups": ["ALL",]'), 'OT002', ','],
    ['line comment', meet('  // organiser notes\n  "slug": "a"'), 'OT003', '// organiser notes'],
    ['block comment', meet('  /* x */ "slug": "a"'), 'OT003', '/* x */'],
    ['Python True', meet('  "flag": True'), 'OT004', 'True'],
    ['Python None', meet('  "slug": None'), 'OT004', 'None'],
    ['single quotes', meet("  'slug': 'a'"), 'OT005', "'slug'"],
    ['missing comma', meet('  "slug": "a"\n  "short_name": "b"'), 'OT001', '"short_name"'],
    ['unterminated string', meet('  "slug": "abc'), 'OT001', '"abc'],
  ];
  for (const [name, text, code, at] of cases) {
    test(name, () => {
      const found = diagnose(text).filter((d) => d.code === code);
      assert.ok(found.length >= 1, `no ${code}`);
      assert.equal(textAt(text, found[0]!), at);
    });
  }

  test('schema and semantic checks still run on the recovered value', () => {
    const text = meet('  "slug": "Bad Slug",\n  "flag": False,');
    const codes = diagnose(text).map((d) => d.code);
    assert.ok(codes.includes('OT004'));
    assert.ok(codes.includes('OT002'));
    assert.ok(codes.includes('OT013'), 'slug pattern still checked');
  });

  test('the recovered value has the Python literals converted', () => {
    assert.deepEqual(parseJson('{"a": True, "b": None, "c": [1,],}').value, { a: true, b: null, c: [1] });
  });

  test('strict JSON does not pay for the tolerant parser and reports nothing', () => {
    const text = '{"a": [1, 2, {"b": "c"}]}';
    // The tolerant parser calls JSON.parse per string token; the fast path once, on the whole text.
    const parsedTexts: string[] = [];
    const nativeParse = JSON.parse;
    JSON.parse = (source: string, reviver?: Parameters<typeof JSON.parse>[1]) => (parsedTexts.push(source), nativeParse(source, reviver));
    try {
      assert.deepEqual(parseJson(text).problems, []);
    } finally {
      JSON.parse = nativeParse;
    }
    assert.deepEqual(parsedTexts, [text]);
  });

  test('empty file', () => {
    const found = diagnose('');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.code, 'OT001');
  });
});

describe('odd input', () => {
  test('a byte order mark is a warning with a fix, the rest is checked', () => {
    const diagnostics = diagnose('\ufeff{"full_name": "x", "events": [], "slug": "BAD"}');
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['OT006', 'OT013']);
  });

  test('CRLF line endings and non-ASCII names keep UTF-16 ranges right', () => {
    const text = '{\r\n  "full_name": "Mötley Crüe 🏃 Open",\r\n  "events": [],\r\n  "slug": "Ünïcode 🏃"\r\n}';
    const slug = diagnose(text).find((d) => d.code === 'OT013')!;
    assert.equal(textAt(text, slug), '"Ünïcode 🏃"');
    assert.deepEqual(slug.range.start, { line: 3, character: 10 });
  });

  test('10,000 levels of nesting are handled, valid or broken: the depth limit is the same either way', () => {
    const deep = '['.repeat(10000) + ']'.repeat(10000);
    assert.deepEqual(diagnose(`{"full_name": "x", "events": [], "notes": ${deep}}`).map((d) => d.code), ['OT703', 'OT007']);
    const broken = diagnose(`{"full_name": "x", "events": [], "notes": ${'['.repeat(10000)}1,]`);
    assert.ok(broken.some((d) => d.code === 'OT007'));
    assert.ok(broken.length < 10, 'one cause, one diagnostic: no flood');
  });
});
