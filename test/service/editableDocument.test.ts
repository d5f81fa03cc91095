import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { EditableDocument } from '../../server/src/service';
import { changedSpan } from '../../server/src/service/editableDocument';
import { applyChanges } from '../../server/src/service/textVersion';
import { Random } from '../bench/random';
import { shapeText } from '../bench/shapes';

const TEXTS = ['', 'one line', '{\n  "a": 1\n}\n', '{\r\n  "a": 1,\r\n  "b": [1, 2]\r\n}\r\n', 'a\rb\r\rc', 'mixed\r\n\nend\r', '\n\n'];
const INSERTS = ['', 'x', 'ab', '\n', '\r\n', '\r', 'one\ntwo', 'a\r\nb\rc\n', '"quoted"', 'ü€😀'];

function randomPosition(random: Random, document: TextDocument): { line: number; character: number } {
  // Mostly inside the text, sometimes past a line's end or the last line, or negative.
  return { line: random.int(-1, document.lineCount), character: random.int(-1, 14) };
}

/** What incremental sync means: each change applies to the text the changes before it left. */
function applyToText(text: string, changes: readonly TextDocumentContentChangeEvent[]): string {
  for (const change of changes) {
    if (!('range' in change)) {
      text = change.text;
      continue;
    }
    const document = TextDocument.create('file:///x.json', 'json', 1, text);
    const [a, b] = [document.offsetAt(change.range.start), document.offsetAt(change.range.end)];
    text = text.slice(0, Math.min(a, b)) + change.text + text.slice(Math.max(a, b));
  }
  return text;
}

function randomChange(random: Random, document: TextDocument): TextDocumentContentChangeEvent {
  if (random.chance(0.03)) return { text: random.pick(TEXTS) };
  const change = { range: { start: randomPosition(random, document), end: randomPosition(random, document) }, text: random.pick(INSERTS) };
  // Sometimes the same change comes as the whole text after it (an editor without incremental sync).
  return random.chance(0.15) ? { text: applyToText(document.getText(), [change]) } : change;
}

test('an editable document gives the text, positions and offsets of the text after each change, as TextDocument.create would, without joining its text', () => {
  const random = new Random(7);
  for (const initial of TEXTS) {
    let expected = TextDocument.create('file:///x.json', 'json', 1, initial);
    const actual = new EditableDocument('file:///x.json', 'json', 1, initial);
    const snapshots: { version: number; text: string; snapshot: ReturnType<EditableDocument['snapshot']> }[] = [];
    for (let version = 2; version < 300; version++) {
      const changes = Array.from({ length: random.int(1, 3) }, () => randomChange(random, expected));
      expected = TextDocument.create('file:///x.json', 'json', version, applyToText(expected.getText(), changes));
      actual.update(changes, version);
      const label = `${JSON.stringify(initial)} version ${version}`;
      assert.equal(actual.version, version);
      assert.equal(actual.lineCount, expected.lineCount, label);
      for (let probe = 0; probe < 6; probe++) {
        const position = randomPosition(random, expected);
        assert.equal(actual.offsetAt(position), expected.offsetAt(position), `${label}: offsetAt ${JSON.stringify(position)}`);
        const offset = random.int(-1, expected.getText().length + 1);
        assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset), `${label}: positionAt ${offset}`);
      }
      if (random.chance(0.2)) snapshots.push({ version, text: expected.getText(), snapshot: actual.snapshot() });
      if (random.chance(0.1)) assert.equal(actual.getText(), expected.getText(), label);
    }
    assert.equal(actual.getText(), expected.getText());
    for (const { version, text, snapshot } of snapshots) {
      assert.equal(snapshot.length, text.length, `snapshot of version ${version}: length`);
      assert.equal(snapshot.text, text, `snapshot of version ${version}: later changes do not reach it`);
    }
  }
});

test('the changes since a remembered version turn that version\'s text into the current one, a text sent whole included', () => {
  const random = new Random(11);
  let expected = TextDocument.create('file:///x.json', 'json', 1, TEXTS[3]!);
  const actual = new EditableDocument('file:///x.json', 'json', 1, TEXTS[3]!);
  const texts = new Map([[1, TEXTS[3]!]]);
  for (let version = 2; version < 60; version++) {
    const changes = Array.from({ length: random.int(1, 2) }, () => ({ range: { start: randomPosition(random, expected), end: randomPosition(random, expected) }, text: random.pick(INSERTS) }));
    expected = TextDocument.create('file:///x.json', 'json', version, applyToText(expected.getText(), changes));
    actual.update(changes, version);
    texts.set(version, expected.getText());
  }
  for (const from of [1, 20, 58, 59]) {
    const changes = actual.changesSince(from);
    assert.ok(changes, `changes since ${from}`);
    assert.equal(applyChanges(texts.get(from)!, changes), expected.getText(), `changes since ${from}`);
  }
  assert.equal(actual.changesSince(1000), undefined, 'a version never seen');
  // A text sent whole is remembered as the one change it makes.
  const resent = `${expected.getText().slice(0, 5)}typed${expected.getText().slice(5)}`;
  actual.update([{ text: resent }], 60);
  assert.deepEqual(actual.changesSince(59), [{ offset: 5, removed: 0, text: 'typed' }]);
  assert.equal(applyChanges(texts.get(20)!, actual.changesSince(20)!), resent);
  actual.update([{ text: resent }], 61);
  assert.deepEqual(actual.changesSince(60), [], 'the same text sent again changes nothing');
  assert.deepEqual(actual.changesSince(61), []);
});

/** The change two texts differ by, one character at a time. */
function naiveChangedSpan(before: string, after: string): ReturnType<typeof changedSpan> {
  if (before === after) return undefined;
  let start = 0;
  while (start < Math.min(before.length, after.length) && before[start] === after[start]) start++;
  let kept = 0;
  while (kept < Math.min(before.length, after.length) - start && before[before.length - 1 - kept] === after[after.length - 1 - kept]) kept++;
  return { offset: start, removed: before.length - kept - start, text: after.slice(start, after.length - kept) };
}

test('the change a whole text makes keeps the common start and end, without letting them overlap', () => {
  assert.equal(changedSpan('same', 'same'), undefined);
  assert.deepEqual(changedSpan('aa', 'aaa'), { offset: 2, removed: 0, text: 'a' });
  assert.deepEqual(changedSpan('aaa', 'aa'), { offset: 2, removed: 1, text: '' });
  assert.deepEqual(changedSpan('abc', 'xyz'), { offset: 0, removed: 3, text: 'xyz' });
  assert.deepEqual(changedSpan('', 'new'), { offset: 0, removed: 0, text: 'new' });
  assert.deepEqual(changedSpan('a\r\nb', 'a\nb'), { offset: 1, removed: 1, text: '' });
  // Texts longer than the chunks compared at once, changed near and across chunk edges.
  const random = new Random(5);
  const long = Array.from({ length: 6_000 }, (_, i) => String(i % 977)).join(',');
  for (let i = 0; i < 300; i++) {
    const before = random.chance(0.5) ? long : `${long}${long}`;
    const at = random.pick([0, 1, 4_095, 4_096, 4_097, 8_192, random.int(0, before.length), before.length - 1]);
    const removed = random.int(0, 3);
    const after = before.slice(0, at) + random.pick(['', 'X', '12', ',', '9,9']) + before.slice(at + removed);
    const change = changedSpan(before, after);
    assert.deepEqual(change, naiveChangedSpan(before, after), `case ${i}`);
    if (change) assert.equal(applyChanges(before, [change]), after, `case ${i}`);
  }
});

test('texts sent whole keep only what changed alive, not every earlier version', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const text = shapeText('pretty', 400);
  const at = text.length >> 1;
  const document = new EditableDocument('file:///x.json', 'json', 1, text);
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let version = 2; version < 60; version++) document.update([{ text: `${text.slice(0, at)}"${String.fromCharCode(65 + (version % 26)).repeat(200)}"${text.slice(at)}` }], version);
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  // Each version's change is a slice of its text: kept as such, it would keep 58 texts alive.
  assert.ok(grown < 8 * text.length, `the heap grew by ${(grown / 2 ** 20).toFixed(1)} MiB for ${(text.length / 2 ** 20).toFixed(1)} MiB of text`);
});

test('a burst of 1,000 keystrokes on a 2.5 MB meet costs far less than a copy of the text per keystroke', () => {
  const text = shapeText('pretty', 2150);
  const line = text.slice(0, text.length / 2).split('\n').length;
  const measure = (work: () => void): number => {
    const start = performance.now();
    work();
    return performance.now() - start;
  };
  // What the library document pays per keystroke: a new string of the whole text.
  let copy = text;
  const copyTime = measure(() => {
    for (let i = 0; i < 20; i++) (copy = copy.slice(0, 100 + i) + 'x' + copy.slice(101 + i)).charCodeAt(0);
  }) / 20;
  const document = new EditableDocument('file:///burst.json', 'json', 1, text);
  const burstTime = measure(() => {
    for (let version = 2; version < 1002; version++) document.update([{ range: { start: { line, character: 4 }, end: { line, character: 5 } }, text: version % 2 ? 'x' : 'y' }], version);
    document.getText();
  });
  assert.ok(burstTime < 100 * copyTime, `1,000 keystrokes took ${burstTime.toFixed(0)} ms, ${(burstTime / copyTime).toFixed(0)}× one copy of the text (${copyTime.toFixed(1)} ms)`);
});

/**
 * Many non-overlapping changes in one notification: each before the one it follows (as VS Code
 * sends a replace-all: every range is in the text before all of them), or in ascending order
 * (each range in the text the changes before it left).
 */
function manyChanges(random: Random, text: string, count: number, descending: boolean): TextDocumentContentChangeEvent[] {
  const offsets = Array.from({ length: count * 2 }, () => random.int(0, text.length)).sort((a, b) => a - b);
  const spans = Array.from({ length: count }, (_, i) => ({ start: offsets[2 * i]!, end: offsets[2 * i + 1]!, text: random.pick(INSERTS) }));
  if (descending) {
    const document = TextDocument.create('file:///x.json', 'json', 1, text);
    return spans.reverse().map((span) => ({ range: { start: document.positionAt(span.start), end: document.positionAt(span.end) }, text: span.text }));
  }
  let shift = 0;
  return spans.map((span) => {
    const document = TextDocument.create('file:///x.json', 'json', 1, text);
    const change = { range: { start: document.positionAt(span.start + shift), end: document.positionAt(span.end + shift) }, text: span.text };
    text = text.slice(0, span.start + shift) + span.text + text.slice(span.end + shift);
    shift += span.text.length - (span.end - span.start);
    return change;
  });
}

test('a replace-all (many changes in one notification, in either order) gives the text and positions of applying them one by one', () => {
  const random = new Random(5);
  for (const initial of [TEXTS[2]!.repeat(40), TEXTS[3]!.repeat(40), TEXTS[4]!.repeat(60)]) {
    let expected = TextDocument.create('file:///x.json', 'json', 1, initial);
    const actual = new EditableDocument('file:///x.json', 'json', 1, initial);
    for (let version = 2; version < 40; version++) {
      const descending = random.chance(0.7);
      const changes = manyChanges(random, expected.getText(), random.int(60, 120), descending);
      expected = TextDocument.create('file:///x.json', 'json', version, applyToText(expected.getText(), changes));
      actual.update(changes, version);
      const label = `${JSON.stringify(initial.slice(0, 12))}… version ${version} (${descending ? 'descending' : 'ascending'})`;
      assert.equal(actual.lineCount, expected.lineCount, label);
      for (let probe = 0; probe < 10; probe++) {
        const offset = random.int(0, expected.getText().length);
        assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset), `${label}: positionAt ${offset}`);
      }
      assert.equal(actual.getText(), expected.getText(), label);
    }
  }
});

test('a replace-all of 20,000 changes on a 2.5 MB meet costs a few copies of the text, not one per change', () => {
  const text = shapeText('pretty', 2150);
  let copy = text;
  const start = performance.now();
  for (let i = 0; i < 20; i++) (copy = copy.slice(0, 100 + i) + 'x' + copy.slice(101 + i)).charCodeAt(0);
  const copyTime = (performance.now() - start) / 20;
  const document = new EditableDocument('file:///replace.json', 'json', 1, text);
  const at: number[] = [];
  for (let found = text.indexOf('"bib"'); found >= 0 && at.length < 20_000; found = text.indexOf('"bib"', found + 1)) at.push(found);
  assert.ok(at.length > 5_000, `${at.length} occurrences`);
  const changes = at.reverse().map((offset) => ({ range: { start: document.positionAt(offset + 1), end: document.positionAt(offset + 4) }, text: 'BIB' }));
  const replaceStart = performance.now();
  document.update(changes, 2);
  const replaced = document.getText();
  const replaceTime = performance.now() - replaceStart;
  assert.equal(replaced, text.replaceAll('"bib"', '"BIB"').slice(0, replaced.length));
  assert.ok(replaceTime < 30 * copyTime, `${at.length} changes took ${replaceTime.toFixed(0)} ms, ${(replaceTime / copyTime).toFixed(0)}× one copy of the text (${copyTime.toFixed(1)} ms)`);
});

