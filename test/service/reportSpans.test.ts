import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { NodeSpans, ReportSpan, locatePaths, reportSpans } from '../../server/src/service/json/locate';
import { JsonPath } from '../../server/src/service/json/path';
import { MEET } from './features/support';
import { VersionSpans } from '../../server/src/service/versionSpans';

/**
 * The report-span policy written directly over locatePaths, one prefix at a time: the oracle
 * the one-scan reportSpans must agree with.
 */
function expected(text: string, path: JsonPath, onKey: boolean): ReportSpan {
  for (let length = path.length; length >= 0; length--) {
    const spans: NodeSpans | undefined = locatePaths(text, [path.slice(0, length)])[0];
    if (!spans) continue;
    const exact = length === path.length;
    if ((onKey || !exact) && spans.key) return { ...spans.key, exact };
    const first = text.charCodeAt(spans.value.offset);
    if (first !== 123 && first !== 91) return { ...spans.value, exact };
    return spans.key ? { ...spans.key, exact } : { offset: spans.value.offset, length: 1, exact };
  }
  return { offset: 0, length: 0, exact: false };
}

/** Every path of a value (containers too), with a missing child under each container. */
function pathsOf(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) {
    value.forEach((item, i) => pathsOf(item, [...path, i], out));
    out.push([...path, value.length, 'x']);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
    out.push([...path, 'missing', 0]);
  }
  return out;
}

describe('reportSpans', () => {
  it('agrees with the policy over locatePaths on random JSON, compact or indented, with or without the early stop', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), fc.boolean(), (value, indent, onKey) => {
        const text = JSON.stringify(value, null, indent ? 2 : undefined);
        const targets = pathsOf(value).map((path) => ({ path, onKey }));
        const want = targets.map((t) => expected(text, t.path, onKey));
        assert.deepEqual(reportSpans(text, targets), want);
        assert.deepEqual(reportSpans(text, targets, true), want);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the policy on a meet, for every path and for a few', () => {
    const targets = pathsOf(JSON.parse(MEET)).map((path) => ({ path }));
    const want = targets.map((t) => expected(MEET, t.path, false));
    assert.deepEqual(reportSpans(MEET, targets, true), want);
    for (const few of [targets.slice(0, 3), targets.slice(-3), [targets[targets.length >> 1]!]]) {
      assert.deepEqual(reportSpans(MEET, few, true), few.map((t) => expected(MEET, t.path, false)));
    }
  });

  it('finds a key written with escapes by its name, and a name with a backslash by its escaped key', () => {
    const text = '{"a\\u0062": 1, "c\\\\d": 2, "e\\"": 3, \'f\': 4, g: 5}';
    const spans = reportSpans(text, [{ path: ['ab'] }, { path: ['c\\d'] }, { path: ['e"'] }, { path: ['f'] }, { path: ['g'] }], true);
    assert.deepEqual(spans.map((s) => text.slice(s.offset, s.offset + s.length)), ['1', '2', '3', '4', '5']);
    assert.ok(spans.every((s) => s.exact));
    // A raw "c\\d" in the text is not the name "c\\\\d" (two backslashes): it decodes to one.
    assert.deepEqual(reportSpans(text, [{ path: ['c\\\\d'] }])[0], { offset: 0, length: 1, exact: false });
  });

  it('many wanted keys in one object (looked up by name, not compared one by one) are all found', () => {
    const value = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
    const text = JSON.stringify(value, null, 1);
    const spans = reportSpans(text, Object.keys(value).map((key) => ({ path: [key] })), true);
    assert.deepEqual(spans.map((s) => Number(text.slice(s.offset, s.offset + s.length))), Object.values(value));
  });

  it('a key given twice: the last one, as the parser keeps; with uniqueKeys the scan stops at the first', () => {
    const text = '{"a": 1, "b": {"c": 2}, "a": 3, "b": {"d": 4}}';
    const at = (s: ReportSpan): string => text.slice(s.offset, s.offset + s.length);
    const targets = [{ path: ['a'] }, { path: ['b', 'c'] }, { path: ['b', 'd'] }];
    assert.deepEqual(reportSpans(text, targets).map(at), ['3', '2', '4']);
    // uniqueKeys promises no repeated key: once every path is reached, the rest of the text is not read.
    assert.deepEqual(reportSpans(text, targets.slice(0, 2), true).map(at), ['1', '2']);
  });

  it('in a version whose edited value is known, the paths in it are located in its text alone, with the spans of the whole text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), fc.boolean(), fc.nat(), (value, indent, onKey, pick) => {
        const text = JSON.stringify(value, null, indent ? 2 : undefined);
        const paths = pathsOf(value);
        const nodes = locatePaths(text, paths);
        const existing = paths.filter((_, i) => nodes[i]);
        const path = existing[pick % existing.length]!;
        const span = locatePaths(text, [path])[0]!.value;
        const edited = { path, start: span.offset, raw: text.slice(span.offset, span.offset + span.length), isContainer: /^[[{]/.test(text.slice(span.offset)) };
        let joins = 0;
        const spans = new VersionSpans(() => (joins++, text), () => true, undefined, edited);
        const targets = paths.map((p) => ({ path: p, onKey }));
        assert.deepEqual(spans.reportSpans(targets), reportSpans(text, targets, true));
        // Inside the edited value, exact and off its own key: the whole text is not read.
        const inside = paths.filter((p, i) => nodes[i] && p.length > path.length && path.every((s, j) => p[j] === s)).map((p) => ({ path: p, onKey }));
        joins = 0;
        assert.deepEqual(new VersionSpans(() => (joins++, text), () => true, undefined, edited).reportSpans(inside), reportSpans(text, inside, true));
        assert.equal(joins, 0);
      }),
      { numRuns: 300 },
    );
  });
});
