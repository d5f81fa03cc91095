import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { locatePaths } from '../../../server/src/service';
import { contextAtOffset } from '../../../server/src/service/json/offset';
import { MEET, sample } from './support';

/** Paths of every scalar and every property of a JSON value. */
function leafPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((item, i) => leafPaths(item, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) leafPaths(item, [...path, key], out);
  else out.push(path);
  return out;
}

/**
 * The invariant features rely on: at any offset inside a scalar, the context names the path
 * locatePaths finds for it; inside a key, the key's name and its object's path.
 */
function assertAgreesWithLocate(text: string): number {
  const paths = leafPaths(JSON.parse(text));
  const spans = locatePaths(text, paths);
  let checked = 0;
  paths.forEach((path, i) => {
    const { key, value } = spans[i]!;
    for (const offset of [value.offset, value.offset + (value.length >> 1), value.offset + value.length]) {
      const context = contextAtOffset(text, offset);
      assert.deepEqual(context.value?.path, path, `value at ${offset} of ${JSON.stringify(path)}`);
      assert.deepEqual(context.value?.span, value);
      checked++;
    }
    if (key && path.length > 0) {
      const context = contextAtOffset(text, key.offset + 1);
      assert.equal(context.key?.name, path[path.length - 1]);
      assert.deepEqual(context.containerPath, path.slice(0, -1));
    }
  });
  return checked;
}

/** The context at the `|` of a marked text. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  return contextAtOffset(marked.slice(0, offset) + marked.slice(offset + 1), offset);
}

describe('contextAtOffset', () => {
  it('finds a key under the cursor, its colon and the other keys of the object', () => {
    const context = at('{"a": 1, "bi|b": "101", "c": {"d": 2}, "e": [1]}');
    assert.equal(context.key?.name, 'bib');
    assert.equal(context.key?.hasColon, true);
    assert.deepEqual(context.key?.span, { offset: 9, length: 5 });
    assert.deepEqual(context.containerPath, []);
    assert.equal(context.containerKind, 'object');
    assert.deepEqual(context.siblingKeys, ['a', 'c', 'e']);
    assert.equal(context.value, undefined);
  });

  it('finds a string value with its path, raw text and decoded text', () => {
    const context = at('{"events": [{"units": [{"results": [{"bib": "1|01"}]}]}]}');
    assert.deepEqual(context.value?.path, ['events', 0, 'units', 0, 'results', 0, 'bib']);
    assert.equal(context.value?.raw, '"101"');
    assert.equal(context.value?.text, '101');
    assert.equal(context.value?.isString, true);
    assert.equal(context.propertyName, 'bib');
    assert.deepEqual(context.containerPath, ['events', 0, 'units', 0, 'results', 0]);
    assert.deepEqual(context.siblingKeys, ['bib']);
  });

  it('treats both edges of a token as on it', () => {
    assert.equal(at('{"bib": |"101"}').value?.text, '101');
    assert.equal(at('{"bib": "101"|}').value?.text, '101');
    assert.equal(at('{"round": 12|}').value?.raw, '12');
    assert.equal(at('{"round": 12|}').value?.isString, false);
  });

  it('reports the value slot after a colon with nothing yet, and whether a comma must follow', () => {
    const empty = at('{"bib": |}');
    assert.equal(empty.slot, 'value');
    assert.equal(empty.propertyName, 'bib');
    assert.equal(empty.commaAfter, false);
    const beforeNext = at('{\n  "bib": |\n  "place": 1\n}');
    assert.equal(beforeNext.slot, 'value');
    assert.equal(beforeNext.propertyName, 'bib');
    assert.equal(beforeNext.commaAfter, true);
    assert.deepEqual(beforeNext.siblingKeys, ['bib', 'place']);
  });

  it('reports a key slot between properties, with a missing comma before', () => {
    const afterComma = at('{"a": 1, | "b": 2}');
    assert.equal(afterComma.slot, 'key');
    assert.equal(afterComma.commaBefore, undefined);
    assert.equal(afterComma.commaAfter, true);
    assert.deepEqual(afterComma.siblingKeys, ['a', 'b']);
    const noComma = at('{"a": 1\n|\n}');
    assert.equal(noComma.slot, 'key');
    assert.equal(noComma.commaBefore, 7);
    assert.equal(noComma.commaAfter, false);
  });

  it('handles empty objects and arrays', () => {
    const object = at('{"teams": [{|}]}');
    assert.equal(object.slot, 'key');
    assert.deepEqual(object.containerPath, ['teams', 0]);
    assert.deepEqual(object.siblingKeys, []);
    const array = at('{"teams": [|]}');
    assert.equal(array.slot, 'value');
    assert.equal(array.containerKind, 'array');
    assert.deepEqual(array.containerPath, ['teams']);
    assert.equal(array.index, 0);
    assert.equal(array.commaAfter, false);
  });

  it('counts array elements between items and in nested arrays', () => {
    const between = at('{"events": [{"a": 1}, |, {"b": 2}]}');
    assert.equal(between.slot, 'value');
    assert.equal(between.index, 1);
    assert.deepEqual(between.containerPath, ['events']);
    const before = at('{"events": [{"a": 1}, | {"b": 2}]}');
    assert.equal(before.index, 1);
    assert.equal(before.commaAfter, true);
    const afterLast = at('{"events": [{"a": 1} |]}');
    assert.equal(afterLast.index, 1);
    assert.equal(afterLast.commaBefore, 20);
    const nested = at('[[1, 2], [3, [4, |5]]]');
    assert.deepEqual(nested.value?.path, [1, 1, 1]);
    assert.equal(nested.index, 1);
    assert.deepEqual(nested.containerPath, [1, 1]);
  });

  it('sees through trailing commas, comments and missing commas as the tolerant parser does', () => {
    const trailing = at('{"a": [1, 2,], "b": {"c": 1,}, "d": "x|"}');
    assert.deepEqual(trailing.value?.path, ['d']);
    assert.deepEqual(trailing.siblingKeys, ['a', 'b', 'd']);
    const commented = at('{\n  // the bib\n  "bib": /* here */ "1|01"\n}');
    assert.deepEqual(commented.value?.path, ['bib']);
    const missingComma = at('{"runners": ["1" "2" "|3"]}');
    assert.deepEqual(missingComma.value?.path, ['runners', 2]);
  });

  it('knows when the cursor is inside a comment', () => {
    assert.equal(at('{\n  // a co|mment\n  "a": 1\n}').inComment, true);
    assert.equal(at('{ /* blo|ck */ "a": 1 }').inComment, true);
    assert.equal(at('{ /* block */ | "a": 1 }').inComment, false);
    assert.equal(at('{ "a": 1 // end\n|}').inComment, false);
    assert.equal(at('{ "a": "// not a comment|" }').inComment, false);
  });

  it('handles unterminated strings and bare words being typed', () => {
    const open = at('{"events": [{"event_code": "10|\n}]}');
    assert.deepEqual(open.value?.path, ['events', 0, 'event_code']);
    assert.equal(open.value?.raw, '"10');
    const bareKey = at('{"a": 1, na|}');
    assert.equal(bareKey.key?.name, 'na');
    assert.equal(bareKey.key?.hasColon, false);
    assert.equal(bareKey.value, undefined);
    const bareValue = at('{"bib": 10|}');
    assert.equal(bareValue.value?.isString, false);
    assert.deepEqual(bareValue.value?.path, ['bib']);
    const openKey = at('{"a": 1,\n "bi|\n}');
    assert.equal(openKey.key?.name, 'bi');
  });

  it('measures offsets in UTF-16 units, with CRLF line ends and non-ASCII text', () => {
    const text = '{\r\n  "name": "Zoë Ĳssel 🏃",\r\n  "bib": "7|"\r\n}';
    const context = at(text);
    assert.deepEqual(context.value?.path, ['bib']);
    const plain = text.replace('|', '');
    assert.equal(plain.slice(context.value!.span.offset, context.value!.span.offset + context.value!.span.length), '"7"');
    const inName = at('{"name": "Zoë 🏃|x"}');
    assert.equal(inName.value?.text, 'Zoë 🏃x');
  });

  it('decodes escaped keys and values', () => {
    const context = at('{"a\\"b": "c\\u00e9|"}');
    assert.equal(context.value?.text, 'cé');
    assert.equal(context.propertyName, 'a"b');
  });

  it('gives the top level: an empty document is a value slot, text after the document is nothing', () => {
    const empty = at('  |  ');
    assert.equal(empty.slot, 'value');
    assert.equal(empty.containerKind, undefined);
    const after = at('{"a": 1} |');
    assert.equal(after.slot, undefined);
    assert.equal(after.containerKind, undefined);
    const word = at('ot-comp|');
    assert.deepEqual(word.value?.path, []);
  });

  it('after a key without a colon offers no slot', () => {
    const context = at('{"bib" |}');
    assert.equal(context.slot, undefined);
    assert.equal(context.key, undefined);
  });

  it('after a closed container the cursor is back in the parent', () => {
    const context = at('{"events": [{"a": 1}], |}');
    assert.equal(context.slot, 'key');
    assert.deepEqual(context.containerPath, []);
    assert.deepEqual(context.siblingKeys, ['events']);
  });

  it('a value without its colon still belongs to its key', () => {
    const context = at('{"bib" "1|01"}');
    assert.deepEqual(context.value?.path, ['bib']);
  });

  it('stops collecting keys at the end of the containing object', () => {
    const context = at('{"outer": {"in|": 1, "x": {"deep": 1}, "y": 2}, "z": 3}');
    assert.deepEqual(context.siblingKeys, ['x', 'y']);
    assert.deepEqual(context.containerPath, ['outer']);
  });

  it('agrees with locatePaths on every value and key of the samples', () => {
    assert.ok(assertAgreesWithLocate(MEET) > 100);
    assert.ok(assertAgreesWithLocate(sample('complete-meet.opentrack.json')) > 1000);
  });

  it('agrees with locatePaths on random JSON, compact or indented', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, indent) => {
        assertAgreesWithLocate(JSON.stringify(value, null, indent ? 2 : undefined));
      }),
      { numRuns: 150 },
    );
  });

  it('in broken text, never fails and reads what precedes the damage as in the intact text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.integer({ min: 0, max: 1000 }), fc.constantFrom(',', '}', ']', '// c\n', ':', '"', '{', 'x'), (value, at, junk) => {
        const valid = JSON.stringify(value, null, 1);
        const cut = at % (valid.length + 1);
        const text = valid.slice(0, cut) + junk + valid.slice(cut);
        for (let offset = 0; offset <= text.length; offset++) {
          const context = contextAtOffset(text, offset);
          const token = context.value ?? context.key;
          if (token) assert.ok(token.span.offset <= offset && offset <= token.span.offset + token.span.length);
          if (context.value) assert.deepEqual(context.value.path.slice(0, context.containerPath.length), context.containerPath);
          const intact = contextAtOffset(valid, offset);
          const intactToken = intact.value ?? intact.key;
          if (offset < cut && intactToken && intactToken.span.offset + intactToken.span.length < cut) {
            assert.deepEqual(context.value?.path, intact.value?.path);
            assert.equal(context.key?.name, intact.key?.name);
            assert.deepEqual(context.containerPath, intact.containerPath);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

