import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatting } from '../../../server/src/service/features/formatting';
import { sample } from './support';

const SPACES_2 = { tabSize: 2, insertSpaces: true };

function format(text: string, options = SPACES_2, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const document = TextDocument.create('file:///meet.opentrack.json', 'opentrack-json', 1, text);
  return TextDocument.applyEdits(document, formatting(document, options, range));
}

describe('formatting', () => {
  it('leaves every sample as it is: no edit on a formatted file', () => {
    for (const name of ['complete-meet.opentrack.json', 'vertical-jumps.opentrack.json', 'relay.opentrack.json']) {
      const text = sample(name);
      const document = TextDocument.create('file:///s.opentrack.json', 'opentrack-json', 1, text);
      assert.deepEqual(formatting(document, SPACES_2), [], name);
    }
  });

  it('lays out a minified competition with the editor indentation, keeping key order and values', () => {
    const meet = JSON.parse(sample('complete-meet.opentrack.json')) as unknown;
    const minified = JSON.stringify(meet);
    const formatted = format(minified, { tabSize: 4, insertSpaces: true });
    assert.equal(formatted, JSON.stringify(meet, null, 4));
    assert.equal(format(minified, { tabSize: 4, insertSpaces: false }), JSON.stringify(meet, null, '\t'));
  });

  it('keeps the file\'s CRLF line endings', () => {
    const formatted = format('{"a":1,\r\n"b":[1,2]}\r\n');
    assert.equal(formatted, '{\r\n  "a": 1,\r\n  "b": [\r\n    1,\r\n    2\r\n  ]\r\n}\r\n');
  });

  it('formats a selection only', () => {
    const text = '{\n"a":   1,\n"b":{"c":2}\n}';
    const formatted = format(text, SPACES_2, { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } });
    assert.match(formatted, /^\{\n"a": {3}1,\n/, 'the line before the selection is untouched');
    assert.match(formatted, /"b": \{\n\s+"c": 2\n\s*\}/);
  });

  it('a huge reformatting comes back as one edit', () => {
    const meet = JSON.parse(sample('complete-meet.opentrack.json')) as { competitors: unknown[] };
    const big = { ...meet, competitors: Array.from({ length: 2000 }, (_, i) => ({ competitor_id: String(i), first_name: 'A', last_name: 'B', bib: String(i) })) };
    const document = TextDocument.create('file:///big.opentrack.json', 'opentrack-json', 1, JSON.stringify(big));
    const edits = formatting(document, SPACES_2);
    assert.equal(edits.length, 1);
    assert.equal(TextDocument.applyEdits(document, edits), JSON.stringify(big, null, 2));
  });
});
