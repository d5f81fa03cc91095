/**
 * The tolerant parser hands every clean container to JSON.parse and parses by hand only what is
 * broken. That is a speed-up, never a change: on every text, the value (with its key order) and
 * the problems must be exactly those of the hand parse of every token.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_DEPTH, ParsedJson, parseJson, parseTolerantly } from '../../../server/src/service/json/parse';
import { outlineBrackets } from '../../../server/src/service/json/bracketOutline';
import { readRepoFile } from '../../helpers/repo';
import { assertProperty, validCorpus } from '../../helpers/mutations';
import { TOKENS, applyEdits, textEdit } from '../../helpers/textEdits';
import { shapeText } from '../../bench/shapes';
import { jsonParseInputs } from '../../helpers/jsonParseSpy';

function describeText(text: string): string {
  return JSON.stringify(text.length > 300 ? `${text.slice(0, 150)}…${text.slice(-150)}` : text);
}

/** parseJson, and the tolerant parser with and without the outline, all agree with the hand parse. */
function assertSameParse(text: string): void {
  const expected = parseTolerantly(text, undefined, false);
  const ways: Array<[string, () => ParsedJson]> = [
    ['parseJson', () => parseJson(text)],
    ['native containers', () => parseTolerantly(text)],
    ['native containers at the outline\'s ends', () => parseTolerantly(text, outlineBrackets(text, MAX_DEPTH))],
  ];
  for (const [way, parse] of ways) {
    const actual = parse();
    const what = `${way} on ${describeText(text)}`;
    assert.deepStrictEqual(actual.problems, expected.problems, `problems differ: ${what}`);
    assert.deepStrictEqual(actual.value, expected.value, `values differ: ${what}`);
    assert.equal(JSON.stringify(actual.value), JSON.stringify(expected.value), `key order differs: ${what}`);
  }
}

const nest = (open: string, close: string, levels: number, inner = ''): string => open.repeat(levels) + inner + close.repeat(levels);
/** A member whose text makes the document long enough for parseJson to outline it first. */
const PADDING = `"padding": "${'x'.repeat(2100)}"`;

const TRICKY: string[] = [
  '{"a": [1, 2, /* ] } */ 3], "b": {"c": 1}}',
  '{"a": [1, // ]]]\n 2], "b": {"c": [1]}}',
  "{\"a\": ['x]', \"y\"], \"b\": {'k}': 1}, \"c\": [\"it's\"]}",
  '{"a": ["unterminated, "b": [1]}',
  '{"a": ["line\nbreak"], "b": [1]}',
  '{"a": ["tab\there"], "b": [1]}',
  '{"a": ["a\\"]"], "b": {"c": "\\\\"}, "d": [1,]}',
  '{"a": ["\\u00e9\\n", "\\x"], "b": [1]}',
  '\ufeff{"a": [1,], "b": {"c": 2}}',
  '\ufeff{"a": [1], "b": {"c": 2}}',
  '{"a": [1,\ufeff 2], "b": [3]}',
  '{"__proto__": {"x": 1}, "a": [{"__proto__": [1]}, {"__proto__": null}], }',
  '{"a": [{"__proto__": {"polluted": true}}]}',
  '{"a": {"k": 1, "k": [2]}, "a": [1,], "b": {"k": 1, "k": 2}}',
  '{"a": {"k": 1, "k": [2]}, "b": [{"k": 1, "k": 2}]}',
  '{"a": [1, 2], "b": {"c": [1',
  '{"a": [1, 2], "b": {"c": [1]',
  '{"a": [1 2], "b": {"c": 1}}',
  '{"a": [True, None], "b": [False, 1]}',
  '{"a": {"b": 1}} trailing',
  '{"a": {"b": 1}} {"c": [2]}',
  '[{"a": 1}, {"a": 2}]]',
  '{"a": [1, 2}, "b": [3]}',
  '{"a": {"b": 1], "c": {"d": 2}}',
  '{"a": [1e999, -0, 0.5e-3, 01, -], "b": [-0]}',
  '{"a": [], "b": {}, "c": [[]], "d": [{}],}',
  '{"url": ["http://x/*y*/"], "l": [1,]}',
  '{"a": [1, 2, ], "b": ["]"], "c": ["[[[["], "d": [1]}',
  '{"a": ["]]]]"], "b": [[[1]]], "c": ,}',
  '{"a": ["\u2028\u2029"], "b": {"\ud800": 1}}',
  '{"a": {"b": {"c": {"d": [1, {"e": [2, 3,]}]}}}, "f": [4]}',
  '{"a": [{"b": 1}, {"b": 2,}, {"b": 3}], "c": [{"d": 1}]}',
  '{"a" [1], "b": {"c" 1}, "d": [2]}',
  '{a: [1], b: {"c": 1}}',
  '{"a": [1], "b": {"c": 1}, "d": {}, }  // end',
  '[[1, 2], [3, 4], [5, 6,], {"a": [7]}]',
  '[{"a": [1]}, {"b": [2]}',
  '{"a": [1]}]',
  '{"a": [1]}}',
  '{"a": [1],,}',
  '{"a": [[], [[]], [[[]]]], "b": [[],]}',
  '{"a": [{"x": "}"}, {"y": "{"}], "b": [,1]}',
  '{"a": [1]\r\n, "b": [2,\r\n]\r}',
  '', '   ', '{', '[', ']', '}', ',', '"', "'", '[]', '{}', '[,]', '{,}', '1', '"a"', 'True',
];

describe('clean containers go to JSON.parse: the result is the hand parse, exactly', () => {
  test('tricky texts: comments and single quotes holding brackets, unterminated strings, BOM, __proto__, duplicate keys, early end', () => {
    for (const text of TRICKY) {
      assertSameParse(text);
      // Long enough for parseJson's outline: a different route to the same result.
      if (text.startsWith('{"')) assertSameParse(`{${PADDING}, ${text.slice(1)}`);
    }
  });

  test('nesting at the depth limit and around it, clean or broken, lists or objects, at the root or inside a member', () => {
    for (let levels = MAX_DEPTH - 2; levels <= MAX_DEPTH + 1; levels++) {
      for (const [open, close, inner] of [['[', ']', ''], ['[', ']', '1'], ['{"a":', '}', '[]'], ['[{"a":', '}]', '0']] as const) {
        const deep = nest(open, close, open === '[{"a":' ? Math.ceil(levels / 2) : levels, inner);
        // Closing brackets in a string lead the outline (which does not track strings) to count too shallow.
        const misleading = `"s": ["${']'.repeat(8)}"]`;
        for (const text of [deep, `${deep},`, `{"b": ${deep}}`, `{"b": ${deep},}`, `{"b": [${deep}], "c": [1,]}`, `{${PADDING}, "b": ${deep}}`, `{${PADDING}, "b": ${deep},}`,
          `{${misleading}, "b": ${deep}}`, `{${misleading}, "b": ${deep},}`, `{${PADDING}, ${misleading}, "b": ${deep},}`, deep.slice(0, -1)]) {
          assertSameParse(text);
        }
      }
    }
  });

  test('thousands of mutated documents (the fuzz test\'s edits on the fixture, the samples and generated meets, pretty and minified)', () => {
    const seeds = [
      readRepoFile('test', 'fixtures', 'fixes', 'valid.json'),
      readRepoFile('samples', 'broken.opentrack.json'),
      ...validCorpus().flatMap(({ doc }) => [JSON.stringify(doc, null, 2), JSON.stringify(doc)]),
    ];
    assertProperty(
      fc.property(fc.nat(seeds.length - 1), fc.array(textEdit, { minLength: 1, maxLength: 8 }), (seed, edits) => assertSameParse(applyEdits(seeds[seed]!, edits))),
      { numRuns: 1000, seed: 20261202 },
    );
  });

  test('token soup: texts made only of the fragments hand-edited files get wrong', () => {
    const fragment = fc.constantFrom(...TOKENS, '1', '"a"', '"k":', '[]', '{}', '\n', '[1,2]', '{"x":[1]}', "'q'", '/* ] */', '// }\n');
    assertProperty(fc.property(fc.array(fragment, { maxLength: 60 }), (parts) => assertSameParse(parts.join(''))), { numRuns: 3000, seed: 7 });
  });

  test('random JSON values, pretty or not, with one slip at a random place', () => {
    const slip = fc.constantFrom(',', '}', ']', '// c\n', '/* [ */', ':', '"', "'", '{', '[', 'x', 'True', '\ufeff', '');
    assertProperty(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.boolean(), fc.nat(), slip, (value, pretty, at, junk) => {
        const text = JSON.stringify({ value }, null, pretty ? 2 : undefined);
        const cut = at % (text.length + 1);
        assertSameParse(text.slice(0, cut) + junk + text.slice(cut));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});

describe('strings are checked without a JSON.parse each, with the same verdict', () => {
  test('a string token is invalid exactly when JSON.parse rejects it, and its value is JSON.parse\'s when valid', () => {
    const piece = fc.constantFrom('a', 'é', '🏃', ' ', '/', "'", '\\\\', '\\"', '\\n', '\\/', '\\u00e9', '\\u12', '\\x', '\t', '\u0000', '\u001f', '\u007f', '\u2028', '\ud800');
    assertProperty(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        // Every backslash comes with the character it escapes: the token is exactly the quoted text.
        const raw = pieces.join('');
        let expected: unknown;
        try {
          expected = JSON.parse(`"${raw}"`);
        } catch {
          expected = undefined;
        }
        // The trailing comma sends the list to the hand parse, which reads the string token.
        for (const parsed of [parseJson(`["${raw}", 1,]`), parseTolerantly(`["${raw}", 1,]`, undefined, false)]) {
          const invalid = parsed.problems.some((p) => p.code === 'OT001' && p.offset === 1);
          assert.equal(invalid, expected === undefined, `${JSON.stringify(raw)}: ${JSON.stringify(parsed.problems)}`);
          assert.equal((parsed.value as unknown[])[0], expected ?? raw, JSON.stringify(raw));
        }
      }),
      { numRuns: 3000, seed: 3 },
    );
  });
});

describe('what the native path costs', () => {
  test('a trailing comma at the end of a meet: JSON.parse never sees the whole text, and reads each member once', () => {
    for (const shape of ['pretty, syntax error', 'minified, syntax error'] as const) {
      const text = shapeText(shape, 60);
      let parsed: ParsedJson | undefined;
      const lengths = jsonParseInputs(() => (parsed = parseJson(text)));
      assert.ok(!lengths.includes(text.length) && !lengths.includes(text.length - 1), `${shape}: the whole text was parsed`);
      const read = lengths.reduce((sum, length) => sum + length, 0);
      assert.ok(read > 0.95 * text.length && read < text.length, `${shape}: JSON.parse read ${read} of ${text.length} characters`);
      assert.deepEqual(parsed!.problems.map((p) => p.code), ['OT002']);
      assert.deepStrictEqual(parsed!.value, JSON.parse(text.replace(/,(\s*)}\s*$/, '$1}')));
    }
  });

  test('a slip no scan sees (a Python literal at the end): the whole text goes to JSON.parse once, then only its members', () => {
    for (const shape of ['pretty', 'minified'] as const) {
      const text = shapeText(shape, 60).replace(/}\s*$/, ', "late": True}');
      const lengths = jsonParseInputs(() => parseJson(text));
      assert.equal(lengths.filter((length) => length > 0.9 * text.length).length, 1, `${shape}: ${lengths.filter((length) => length > 1000).join(', ')}`);
      assert.ok(lengths.reduce((sum, length) => sum + length, 0) < 2 * text.length);
    }
  });

  test('a broken container deep in a chain of broken containers: JSON.parse reads a bounded multiple of the text', () => {
    // Each level holds a clean list and the next level; the innermost misses a comma (a slip no scan sees).
    const member = `[${Array.from({ length: 50 }, (_, i) => `{"n": ${i}}`).join(', ')}]`;
    for (const levels of [50, 400]) {
      const text = `{"a": ${`{"list": ${member}, "next": `.repeat(levels)}{"x": 1 "y": 2}${'}'.repeat(levels)}}`;
      let parsed: ParsedJson | undefined;
      const read = jsonParseInputs(() => (parsed = parseJson(text))).reduce((sum, length) => sum + length, 0);
      assert.ok(read < 4 * text.length, `${levels} levels: JSON.parse read ${read} characters of a ${text.length}-character text`);
      assert.deepStrictEqual(parsed, parseTolerantly(text, undefined, false));
    }
  });
});

/** `levels` containers, each holding a clean list and the next; the innermost misses a comma (a slip no scan sees). */
function brokenChain(levels: number): string {
  const member = `[${Array.from({ length: 20 }, (_, i) => `{"n": ${i}}`).join(', ')}]`;
  return `${`{"list": ${member}, "next": `.repeat(levels)}{"x": 1 "y": 2}${'}'.repeat(levels)}`;
}

/** CPU milliseconds of the fastest of three parses. */
function parseTime(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    parseJson(text);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/**
 * Where the native path could re-read text (a scan or a failed JSON.parse per broken ancestor, per
 * item). Shapes that only allocate a problem per item are left to the scaling test: there the
 * collector, not the parser, sets the growth.
 */
describe('parsing stays linear on hostile shapes (×8 the text costs at most ×20 the time)', () => {
  const shapes: Record<string, (n: number) => string> = {
    'lists nested n deep, never closed': (n) => '['.repeat(12_000 * n),
    'lists nested n deep, closed, then a trailing comma': (n) => `${'['.repeat(12_000 * n)}${']'.repeat(12_000 * n)},`,
    'a chain of broken containers': (n) => brokenChain(100 * n),
    'a flat list of objects, each missing a comma': (n) => `[${'{"a": 1 "b": 2}, '.repeat(2_000 * n)}0]`,
  };
  for (const [name, make] of Object.entries(shapes)) {
    test(name, (t) => {
      const small = make(1);
      const large = make(8);
      parseJson(large); // warm-up
      let ratio = Infinity;
      let times = '';
      for (let attempt = 0; attempt < 3 && ratio >= 20; attempt++) {
        const [a, b] = [parseTime(small), parseTime(large)];
        ratio = b < 2 ? 1 : b / Math.max(a, 0.1);
        times = `${a.toFixed(1)} → ${b.toFixed(1)} ms`;
      }
      t.diagnostic(times);
      assert.ok(ratio < 20, `${name}: ${times} (×${ratio.toFixed(1)})`);
    });
  }
});
