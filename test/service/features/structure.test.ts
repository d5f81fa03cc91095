import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { SelectionRange } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { foldingRanges } from '../../../server/src/service/features/folding';
import { selectionRanges } from '../../../server/src/service/features/selectionRanges';
import { offsetOf, sample } from './support';

const documentOf = (text: string): TextDocument => TextDocument.create('file:///meet.opentrack.json', 'opentrack-json', 1, text);

describe('folding ranges', () => {
  it('folds every object and array spanning lines, up to the line before its closing bracket', () => {
    const text = '{\n  "events": [\n    {\n      "a": 1\n    }\n  ],\n  "x": [1, 2]\n}\n';
    assert.deepEqual(foldingRanges(documentOf(text)), [
      { startLine: 0, endLine: 6 },
      { startLine: 1, endLine: 4 },
      { startLine: 2, endLine: 3 },
    ]);
  });

  it('folds "[{" on one line once, and survives broken input', () => {
    assert.deepEqual(foldingRanges(documentOf('[{\n  "a": 1\n}]')), [{ startLine: 0, endLine: 1 }]);
    assert.deepEqual(foldingRanges(documentOf('{\n  "a": [\n    1,\n}')), [{ startLine: 0, endLine: 2 }]);
  });

  it('keeps the outermost ranges beyond the limit', () => {
    const ranges = foldingRanges(documentOf(sample('complete-meet.opentrack.json')), 3);
    assert.equal(ranges.length, 3);
    assert.equal(ranges[0]!.startLine, 0, 'the document itself is kept');
    assert.ok(foldingRanges(documentOf(sample('complete-meet.opentrack.json'))).length > 20);
  });
});

describe('selection ranges', () => {
  function chain(text: string, search: string, shift: number): string[] {
    const document = documentOf(text);
    const [range] = selectionRanges(document, [document.positionAt(offsetOf(text, search) + shift)]);
    const texts: string[] = [];
    for (let r: SelectionRange | undefined = range; r; r = r.parent) texts.push(document.getText(r.range));
    return texts;
  }

  it('grows from the string contents to the value, the member, the object, the list and the document', () => {
    const text = '{\n  "events": [\n    { "event_id": "T1", "name": "100m" }\n  ]\n}';
    assert.deepEqual(chain(text, 'T1', 1), [
      'T1',
      '"T1"',
      '"event_id": "T1"',
      '{ "event_id": "T1", "name": "100m" }',
      '[\n    { "event_id": "T1", "name": "100m" }\n  ]',
      '"events": [\n    { "event_id": "T1", "name": "100m" }\n  ]',
      text,
    ]);
  });

  it('on a key, on a number, and between members', () => {
    const text = '{ "a": { "b": 12, "c": [3, 4] } }';
    assert.deepEqual(chain(text, '"b"', 0), ['"b"', '"b": 12', '{ "b": 12, "c": [3, 4] }', '"a": { "b": 12, "c": [3, 4] }', text]);
    assert.deepEqual(chain(text, '4', 0), ['4', '[3, 4]', '"c": [3, 4]', '{ "b": 12, "c": [3, 4] }', '"a": { "b": 12, "c": [3, 4] }', text]);
  });
});
