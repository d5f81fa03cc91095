import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextSnapshot } from '../../server/src/service/textSnapshot';

const TEXTS = ['', 'one line', '{\n  "a": 1\n}\n', '{\r\n  "a": 1\r\n}\r\n', 'a\rb\r\rc', 'mixed\r\n\nend\r', '\n\n'];

test('a snapshot gives the positions, offsets, line counts and ranges of TextDocument.create, for every line ending', () => {
  for (const text of TEXTS) {
    const expected = TextDocument.create('file:///x.json', 'json', 3, text);
    const actual = new TextSnapshot('file:///x.json', 'json', 3, text);
    assert.equal(actual.lineCount, expected.lineCount, JSON.stringify(text));
    for (let offset = -1; offset <= text.length + 1; offset++) {
      assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset), `${JSON.stringify(text)} at ${offset}`);
    }
    for (let line = -1; line <= expected.lineCount + 1; line++) {
      for (let character = -1; character <= 12; character++) {
        assert.equal(actual.offsetAt({ line, character }), expected.offsetAt({ line, character }), `${JSON.stringify(text)} at ${line}:${character}`);
      }
    }
    const range = { start: expected.positionAt(1), end: expected.positionAt(text.length - 1) };
    assert.equal(actual.getText(range), expected.getText(range));
    assert.equal(actual.getText(), text);
  }
});
