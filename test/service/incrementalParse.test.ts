import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { visit } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompetitionDocument, DocumentCache, EditableDocument, documentSymbols, foldingRanges, parseJson, reportSpans, validateDocument } from '../../server/src/service';
import { Random } from '../bench/random';
import { shapeText } from '../bench/shapes';
import { jsonParseInputs } from '../helpers/jsonParseSpy';
import { validCorpus } from '../helpers/mutations';

interface Literal {
  offset: number;
  length: number;
}

/** Scalar values and keys of a text, found by jsonc-parser (not by the code under test). */
function tokens(text: string): { values: Literal[]; keys: Literal[]; opens: Literal[] } {
  const values: Literal[] = [];
  const keys: Literal[] = [];
  const opens: Literal[] = [];
  visit(text, {
    onLiteralValue: (_value, offset, length) => values.push({ offset, length }),
    onObjectProperty: (_name, offset, length) => keys.push({ offset, length }),
    onObjectBegin: (offset, length) => {
      opens.push({ offset, length });
    },
    onArrayBegin: (offset, length) => {
      opens.push({ offset, length });
    },
  });
  return { values, keys, opens };
}

/**
 * Typing in a value most of the time (a digit in a number, a letter in a string, a deletion);
 * sometimes a character that breaks the value or the structure, at a value's edge, on a key, or
 * between tokens.
 */
function randomEdit(random: Random, text: string): { offset: number; removed: number; text: string } {
  const { values, keys, opens } = tokens(text);
  const kind = random.weighted(['typing', 'adding', 'breaking', 'key', 'between'], [12, 3, 2, 1, 1]);
  if (kind === 'adding') {
    // A new first member: a property in an object, an item in a list (a trailing comma when it was empty).
    const open = random.pick(opens);
    const lines = random.chance(0.5) ? '\n' : ' ';
    return { offset: open.offset + 1, removed: 0, text: text[open.offset] === '{' ? ` "added": [${lines}1, {"a": null}${lines}],` : ` {${lines}"added": true${lines}},` };
  }
  if (kind === 'typing') {
    const token = random.pick(values);
    const isString = text.charCodeAt(token.offset) === 34;
    const inner = isString ? { from: token.offset + 1, to: token.offset + token.length - 1 } : { from: token.offset, to: token.offset + token.length };
    const offset = random.int(inner.from, inner.to);
    const removed = offset < inner.to && random.chance(0.4) ? 1 : 0;
    return { offset, removed, text: removed && random.chance(0.3) ? '' : isString ? random.pick(['a', 'Z', ' ', 'é', '1']) : random.pick(['1', '7', '0']) };
  }
  const token = kind === 'key' ? random.pick(keys) : kind === 'breaking' ? random.pick(values) : { offset: random.int(0, text.length), length: 0 };
  const offset = token.offset + random.pick([0, token.length, random.int(0, token.length)]);
  return { offset, removed: 0, text: random.pick(['"', ',', ':', '}', ']', '\\', '.', 'e', '-', ' ', 'x']) };
}

/** Versions share parsed values: freezing them makes any check that changes one fail. */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

function shapes(doc: unknown): { name: string; text: string }[] {
  const pretty = JSON.stringify(doc, null, 2);
  return [
    { name: 'pretty', text: pretty },
    { name: 'minified', text: JSON.stringify(doc) },
    // Problems that keep the structure: a comment, a trailing comma at the end, a Python literal.
    { name: 'with problems', text: `// meet\n${pretty.replace(/\n}$/, ',\n  "extra": True,\n}')}` },
  ];
}

test('a version made by typing in a value is patched from the previous parse and gives the diagnostics, outline and folding that parsing it again gives', () => {
  const random = new Random(3);
  let patched = 0;
  let patchedContainers = 0;
  let reparsed = 0;
  for (const { name, doc } of validCorpus()) {
    for (const shape of shapes(doc)) {
      const editor = new EditableDocument('file:///meet.opentrack.json', 'json', 1, shape.text);
      const cache = new DocumentCache();
      cache.get(editor);
      let text = shape.text;
      for (let version = 2; version <= 40; version++) {
        const edit = randomEdit(random, text);
        const start = editor.positionAt(edit.offset);
        const end = editor.positionAt(edit.offset + edit.removed);
        const after = text.slice(0, edit.offset) + edit.text + text.slice(edit.offset + edit.removed);
        // Sometimes as the whole text after the edit (an editor without incremental sync).
        editor.update([random.chance(0.2) ? { text: after } : { range: { start, end }, text: edit.text }], version);
        text = after;
        // Half the time the editor sends more keystrokes before the next check.
        if (random.chance(0.5)) continue;
        const document = cache.get(editor);
        deepFreeze(document.parsed.value);
        const label = `${name} (${shape.name}), version ${version}`;
        const fresh = new CompetitionDocument(TextDocument.create(editor.uri, 'json', version, text), parseJson(text));
        assert.deepEqual(document.parsed, fresh.parsed, `${label}: parse`);
        assert.deepEqual(validateDocument(document), validateDocument(fresh), `${label}: diagnostics`);
        assert.deepEqual(documentSymbols(document), documentSymbols(fresh), `${label}: outline`);
        assert.deepEqual(document.layoutResult('folding', () => foldingRanges(document.textDocument)), foldingRanges(fresh.textDocument), `${label}: folding`);
        if (document.edited?.isContainer) patchedContainers++;
        if (document.edited) patched++;
        else reparsed++;
        assert.equal(document.text, text, label);
        if (fresh.parsed.problems.some((p) => p.code === 'OT001')) {
          editor.update([{ text: (text = shape.text) }], ++version);
        }
      }
      assert.equal(cache.get(editor).text, text);
    }
  }
  // Both paths ran often enough for the comparison to mean something.
  assert.ok(patched >= 150, `${patched} versions patched`);
  assert.ok(patchedContainers >= 30, `${patchedContainers} versions patched in a container`);
  assert.ok(reparsed >= 40, `${reparsed} versions parsed again`);
});

test('typing in a value changes only that value, shares the rest, and moves the problems after it; adding a property parses only its object', () => {
  const text = '{\n  "full_name": "Meet",\n  "events": [{"event_id": "1", "max_field_attempts": 6}],\n  "extra": True\n}';
  const editor = new EditableDocument('file:///meet.opentrack.json', 'json', 1, text);
  const cache = new DocumentCache();
  const before = cache.get(editor);
  const name = text.indexOf('Meet');
  editor.update([{ range: { start: editor.positionAt(name + 4), end: editor.positionAt(name + 4) }, text: ' 2026' }], 2);
  const after = cache.get(editor);
  assert.deepEqual(after.edited?.path, ['full_name']);
  const value = after.parsed.value as { full_name: string; events: unknown[] };
  assert.equal(value.full_name, 'Meet 2026');
  assert.equal((before.parsed.value as { full_name: string }).full_name, 'Meet', 'the previous version keeps its value');
  assert.equal(value.events, (before.parsed.value as { events: unknown[] }).events, 'untouched lists are shared, not copied');
  assert.deepEqual(after.parsed.problems.map((p) => [p.code, p.offset]), before.parsed.problems.map((p) => [p.code, p.offset + 5]));
  // A key of the document itself: the whole text is parsed again.
  const key = text.indexOf('extra') + 5;
  editor.update([{ range: { start: editor.positionAt(key + 5), end: editor.positionAt(key + 5) }, text: 's' }], 3);
  const renamed = cache.get(editor);
  assert.equal(renamed.edited, undefined);
  assert.ok(Object.hasOwn(renamed.parsed.value as object, 'extras'));
  // In strict JSON, a property added to an event: that event is parsed again, not the document.
  const strict = new EditableDocument('file:///strict.opentrack.json', 'json', 1, text.replace('True', 'true'));
  const day = { path: ['events', 0, 'day'] };
  assert.equal(cache.get(strict).reportSpans([day])[0]!.exact, false, 'no "day" yet: reported at the event');
  const event = text.indexOf('{"event_id"');
  strict.update([{ range: { start: strict.positionAt(event + 1), end: strict.positionAt(event + 1) }, text: '"day": 2, ' }], 2);
  const added = cache.get(strict);
  assert.deepEqual([added.edited?.path, added.edited?.isContainer], [['events', 0], true]);
  assert.deepEqual((added.parsed.value as { events: unknown[] }).events[0], { day: 2, event_id: '1', max_field_attempts: 6 });
  assert.deepEqual(added.reportSpans([day]), reportSpans(strict.getText(), [day]), 'the added "day" is located, not the event kept from before');
});

test('a text sent whole that differs from the last in one value is patched like a keystroke; the same text sent again keeps the parse', () => {
  const text = shapeText('pretty', 40);
  const editor = new EditableDocument('file:///meet.opentrack.json', 'json', 1, text);
  const cache = new DocumentCache();
  const before = cache.get(editor);
  const at = text.indexOf('"performance": "') + '"performance": "'.length;
  const typed = `${text.slice(0, at)}${text[at] === '1' ? '2' : '1'}${text.slice(at + 1)}`;
  editor.update([{ text: typed }], 2);
  let after: CompetitionDocument | undefined;
  const parsed = jsonParseInputs(() => (after = cache.get(editor)));
  assert.ok(after?.edited && !after.edited.isContainer, 'patched in the value');
  assert.ok(parsed.every((length) => length < 100), `JSON.parse was given ${parsed.join(', ')} characters`);
  assert.deepEqual(after.parsed, parseJson(typed));
  editor.update([{ text: typed }], 3);
  assert.equal(cache.get(editor).parsed, after.parsed, 'the same parse, not a new one');
  assert.notEqual(before.parsed, after.parsed);
});

test('a patched version keeps alive the version it was patched from, not every version before it', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const text = shapeText('pretty', 20);
  const editor = new EditableDocument('file:///meet.opentrack.json', 'json', 1, text);
  const cache = new DocumentCache();
  const at = text.indexOf('"performance": "') + '"performance": "'.length;
  const versions: WeakRef<CompetitionDocument>[] = [];
  for (let version = 1; version <= 12; version++) {
    if (version > 1) editor.update([{ text: `${text.slice(0, at)}${version}${text.slice(at)}` }], version);
    const document = cache.get(editor);
    assert.ok(version === 1 || document.edited, `version ${version} is patched`);
    validateDocument(document);
    versions.push(new WeakRef(document));
  }
  // WeakRefs hold their targets until the job that made them ends.
  await new Promise(setImmediate);
  gc();
  const alive = versions.map((ref, i) => (ref.deref() ? i + 1 : 0)).filter(Boolean);
  assert.deepEqual(alive, [11, 12], 'versions still alive');
});

test('a check that reads the event sees an edit of the event, not a review kept from the version before', () => {
  // The long jump's units give no "rounds" of their own: the event's max_field_attempts decides.
  const doc = validCorpus().find((c) => c.name.endsWith('horizontal-jumps.opentrack.json'))!.doc as { events: { max_field_attempts?: number; units: { rounds?: number }[] }[] };
  const event = doc.events.find((e) => e.max_field_attempts === 6)!;
  event.units.forEach((unit) => delete unit.rounds);
  const text = JSON.stringify(doc, null, 2);
  const at = text.indexOf('"max_field_attempts": 6') + '"max_field_attempts": '.length;
  const editor = new EditableDocument('file:///meet.opentrack.json', 'json', 1, text);
  const cache = new DocumentCache();
  const before = validateDocument(cache.get(editor));
  editor.update([{ range: { start: editor.positionAt(at), end: editor.positionAt(at + 1) }, text: '3' }], 2);
  const edited = cache.get(editor);
  assert.deepEqual(edited.edited?.path.slice(-1), ['max_field_attempts'], 'patched');
  const fresh = new CompetitionDocument(TextDocument.create(editor.uri, 'json', 2, editor.getText()), parseJson(editor.getText()));
  const expected = validateDocument(fresh);
  assert.ok(expected.length > before.length, 'three attempts allowed: the later ones are reported');
  assert.deepEqual(validateDocument(edited), expected);
});
