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
import { MAX_DEPTH } from '../../server/src/service/json/parse';
import { validCorpus } from '../helpers/mutations';

interface Literal {
  offset: number;
  length: number;
}

interface Edit {
  offset: number;
  removed: number;
  text: string;
}

/** Scalar values, keys, brackets and commas of a text, found by jsonc-parser (not by the code under test). */
function tokens(text: string): { values: Literal[]; keys: Literal[]; opens: Literal[]; closes: Literal[]; commas: Literal[] } {
  const values: Literal[] = [];
  const keys: Literal[] = [];
  const opens: Literal[] = [];
  const closes: Literal[] = [];
  const commas: Literal[] = [];
  // jsonc-parser reports a container that the text leaves open as ending at the end of the text.
  const at = (list: Literal[]) => (offset: number, length: number) => {
    if (offset < text.length) list.push({ offset, length });
  };
  visit(text, {
    onLiteralValue: (_value, offset, length) => values.push({ offset, length }),
    onObjectProperty: (_name, offset, length) => keys.push({ offset, length }),
    onObjectBegin: at(opens),
    onArrayBegin: at(opens),
    onObjectEnd: at(closes),
    onArrayEnd: at(closes),
    onSeparator: (character, offset, length) => {
      if (character === ',') commas.push({ offset, length });
    },
  });
  return { values, keys, opens, closes, commas };
}

const insert = (offset: number, text: string): Edit => ({ offset, removed: 0, text });

/**
 * Typing in a value most of the time (a digit in a number, a letter in a string, a deletion);
 * sometimes a character that breaks the value or the structure, at a value's edge, on a key, or
 * between tokens; sometimes structural typing that leaves the text broken for a few versions and
 * then mends it (the edits after the first are returned as `then`).
 */
function randomEdit(random: Random, text: string): { edit: Edit; then: Edit[] } {
  const { values, keys, opens, closes, commas } = tokens(text);
  // A comment typed before the rest of a one-line text hides every token from jsonc-parser.
  if ([values, keys, opens, closes].some((list) => list.length === 0)) return { edit: insert(random.int(0, text.length), ' '), then: [] };
  const kind = random.weighted(['typing', 'adding', 'breaking', 'key', 'between', 'mending'], [12, 3, 2, 1, 1, 2]);
  if (kind === 'mending') {
    const [edit, ...then] = brokenThenMended(random, text, opens, closes, commas);
    return { edit: edit!, then };
  }
  if (kind === 'adding') {
    // A new first member: a property in an object, an item in a list (a trailing comma when it was empty).
    const open = random.pick(opens);
    const lines = random.chance(0.5) ? '\n' : ' ';
    return { edit: insert(open.offset + 1, text[open.offset] === '{' ? ` "added": [${lines}1, {"a": null}${lines}],` : ` {${lines}"added": true${lines}},`), then: [] };
  }
  if (kind === 'typing') {
    const token = random.pick(values);
    const isString = text.charCodeAt(token.offset) === 34;
    const inner = isString ? { from: token.offset + 1, to: token.offset + token.length - 1 } : { from: token.offset, to: token.offset + token.length };
    // A colon first in a string counts as a key to the duplicate check's estimate.
    const offset = isString && random.chance(0.1) ? inner.from : random.int(inner.from, inner.to);
    const removed = offset < inner.to && random.chance(0.4) ? 1 : 0;
    return { edit: { offset, removed, text: removed && random.chance(0.3) ? '' : isString ? random.pick(['a', 'Z', ' ', 'é', '1', ':']) : random.pick(['1', '7', '0']) }, then: [] };
  }
  const token = kind === 'key' ? random.pick(keys) : kind === 'breaking' ? random.pick(values) : { offset: random.int(0, text.length), length: 0 };
  let offset = token.offset + random.pick([0, token.length, random.int(0, token.length)]);
  // No editor puts the cursor between CR and LF.
  if (text[offset - 1] === '\r' && text[offset] === '\n') offset--;
  return { edit: insert(offset, random.pick(['"', ',', ':', '}', ']', '\\', '.', 'e', '-', ' ', 'x', "'", '/'])), then: [] };
}

/** Keystrokes that break the structure of one container for a few versions, then mend it. */
function brokenThenMended(random: Random, text: string, opens: Literal[], closes: Literal[], commas: Literal[]): Edit[] {
  const kind = random.pick(['property', 'item', 'comma', 'bracket']);
  if (kind === 'comma' || kind === 'bracket') {
    // A separator (often a trailing one: a problem gone, then back) or a closing bracket deleted, then typed again.
    const trailing = commas.filter((comma) => /^\s*[}\]]/.test(text.slice(comma.offset + 1, comma.offset + 100)));
    const { offset } = random.pick(kind === 'bracket' || commas.length === 0 ? closes : trailing.length > 0 && random.chance(0.5) ? trailing : commas);
    return [{ offset, removed: 1, text: '' }, insert(offset, text[offset]!)];
  }
  const objects = opens.filter((o) => text[o.offset] === (kind === 'property' ? '{' : '['));
  const at = random.pick(objects.length > 0 ? objects : opens).offset + 1;
  // As typed in VS Code, which closes the quote or brace it opens, then types over the closing quote.
  return kind === 'property'
    ? [insert(at, '""'), insert(at + 1, 'z'), insert(at + 2, 'z'), insert(at + 4, ':'), insert(at + 5, ' '), insert(at + 6, '1'), insert(at + 7, '2'), insert(at + 8, ','), insert(at + 9, ' ')]
    : [insert(at, '{}'), insert(at + 1, '""'), insert(at + 2, 'a'), insert(at + 4, ':'), insert(at + 5, '1'), insert(at + 7, ',')];
}

/** Versions share parsed values: freezing them makes any check that changes one fail. */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/** Replaces some of the matches of `pattern` (global), chosen by `random`. */
function replaceSome(random: Random, text: string, pattern: RegExp, replacement: string, chance: number): string {
  return text.replace(pattern, (match, ...groups: unknown[]) => (random.chance(chance) ? replacement.replace(/\$(\d)/g, (_, i: string) => String(groups[Number(i) - 1])) : match));
}

/** The document as typed by hand: strict, or with each slip the parser reads past (each a problem it reports). */
function shapes(random: Random, doc: unknown): { name: string; text: string }[] {
  const pretty = JSON.stringify(doc, null, 2);
  const minified = JSON.stringify(doc);
  // Comments that hold brackets and quotes, and one between a key and its colon (which keeps the
  // key out of the duplicate check's count: every key is compared).
  let commented = replaceSome(random, pretty, /,\n/g, ', // a note [with {brackets}] and "quotes"\n', 0.1);
  commented = replaceSome(random, commented, /: /g, ': /* an [aside] */ ', 0.05);
  commented = commented.replace(/^\{/, '{\n  "note" /* why */: 1,');
  const slips = (text: string): string => {
    let slipped = replaceSome(random, text, /: "([^"'\\\n,]*)"/g, ": '$1'", 0.1);
    slipped = replaceSome(random, slipped, /"([a-z_]+)":/g, "'$1':", 0.05);
    slipped = replaceSome(random, slipped, /: true\b/g, ': True', 0.3);
    slipped = replaceSome(random, slipped, /: null\b/g, ': None', 0.3);
    return replaceSome(random, slipped, /([^[{,\s])(\s*)([}\]])/g, '$1,$2$3', 0.1);
  };
  return [
    { name: 'pretty', text: pretty },
    { name: 'minified', text: minified },
    { name: 'comments', text: commented },
    { name: 'single quotes, Python literals, trailing commas', text: slips(pretty) },
    { name: 'the same minified', text: slips(minified) },
    { name: 'BOM, CRLF and a trailing comma at the end', text: `\ufeff${pretty.replace(/\n}$/, ',\n}').replace(/\n/g, '\r\n')}` },
  ];
}

/** Counts of what the edit sequences exercised. */
interface Exercised {
  patched: number;
  patchedContainers: number;
  /** Containers patched in a text that has syntax problems outside them. */
  patchedContainersWithProblems: number;
  reparsed: number;
  /** Versions checked while the structure was broken (an OT001). */
  broken: number;
  /** Of those, versions patched: a container parsed again by the tolerant parser. */
  patchedBroken: number;
}

/**
 * Random edit sequences on every shape of every document of the corpus: each version the
 * service patched is compared with the same text parsed anew (parse, diagnostics, outline, folding).
 */
function compareEditSequences(seed: number, versions: number): Exercised {
  const random = new Random(seed);
  const counts: Exercised = { patched: 0, patchedContainers: 0, patchedContainersWithProblems: 0, reparsed: 0, broken: 0, patchedBroken: 0 };
  for (const { name, doc } of validCorpus()) {
    for (const shape of shapes(random, doc)) {
      const problems = parseJson(shape.text).problems.map((p) => p.code);
      assert.ok(!problems.includes('OT001') && !problems.includes('OT008'), `${name} (${shape.name}): the shape itself is broken: ${problems.join(', ')}`);
      const editor = new EditableDocument('file:///meet.opentrack.json', 'json', 1, shape.text);
      const cache = new DocumentCache();
      cache.get(editor);
      let text = shape.text;
      let pending: Edit[] = [];
      for (let version = 2; version <= versions; version++) {
        let edit = pending.shift();
        if (!edit) ({ edit, then: pending } = randomEdit(random, text));
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
        const label = `seed ${seed}, ${name} (${shape.name}), version ${version}`;
        const fresh = new CompetitionDocument(TextDocument.create(editor.uri, 'json', version, text), parseJson(text));
        assert.deepEqual(document.parsed, fresh.parsed, `${label}: parse`);
        assert.deepEqual(validateDocument(document), validateDocument(fresh), `${label}: diagnostics`);
        assert.deepEqual(documentSymbols(document), documentSymbols(fresh), `${label}: outline`);
        assert.deepEqual(document.layoutResult('folding', () => foldingRanges(document.textDocument)), foldingRanges(fresh.textDocument), `${label}: folding`);
        if (document.edited?.isContainer) {
          counts.patchedContainers++;
          if (fresh.parsed.problems.length > 0) counts.patchedContainersWithProblems++;
        }
        if (document.edited) counts.patched++;
        else counts.reparsed++;
        assert.equal(document.text, text, label);
        const broken = fresh.parsed.problems.some((p) => p.code === 'OT001');
        if (broken) counts.broken++;
        if (broken && document.edited) counts.patchedBroken++;
        // A break that no pending keystroke mends: start again from the shape.
        if (broken && pending.length === 0) {
          editor.update([{ text: (text = shape.text) }], ++version);
        }
      }
      assert.equal(cache.get(editor).text, text);
    }
  }
  return counts;
}

test('a version made by typing in a value or a container is patched from the previous parse and gives the diagnostics, outline and folding that parsing it again gives, whatever slips the text has', () => {
  const counts = compareEditSequences(3, 40);
  // Every path ran often enough for the comparison to mean something.
  assert.ok(counts.patched >= 450, `${counts.patched} versions patched`);
  assert.ok(counts.patchedContainers >= 250, `${counts.patchedContainers} versions patched in a container`);
  assert.ok(counts.patchedContainersWithProblems >= 200, `${counts.patchedContainersWithProblems} containers patched in a text with problems`);
  assert.ok(counts.reparsed >= 500, `${counts.reparsed} versions parsed again`);
  assert.ok(counts.broken >= 400, `${counts.broken} versions checked with the structure broken`);
  assert.ok(counts.patchedBroken >= 140, `${counts.patchedBroken} of them patched`);
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
  // A property added to an event, the Python literal after it left as it is: that event is parsed again, not the document.
  const event = text.indexOf('{"event_id"');
  const edited = new EditableDocument('file:///edited.opentrack.json', 'json', 1, text);
  const day = { path: ['events', 0, 'day'] };
  const unchanged = cache.get(edited);
  assert.equal(unchanged.reportSpans([day])[0]!.exact, false, 'no "day" yet: reported at the event');
  edited.update([{ range: { start: edited.positionAt(event + 1), end: edited.positionAt(event + 1) }, text: '"day": 2, ' }], 2);
  const added = cache.get(edited);
  assert.deepEqual([added.edited?.path, added.edited?.isContainer], [['events', 0], true]);
  assert.deepEqual((added.parsed.value as { events: unknown[] }).events[0], { day: 2, event_id: '1', max_field_attempts: 6 });
  assert.deepEqual(added.parsed.problems.map((p) => [p.code, p.offset]), unchanged.parsed.problems.map((p) => [p.code, p.offset + 10]));
  assert.deepEqual(added.reportSpans([day]), reportSpans(edited.getText(), [day]), 'the added "day" is located, not the event kept from before');
});

test('typing a property into an object, with a slip elsewhere in the text, parses only that object at each keystroke, broken or not, and gives what parsing the text again gives', () => {
  const text = '{\n  "full_name": \'Meet\',\n  "competitors": [\n    { "bib": "1", "last_name": "A"},\n    { "bib": "2", "last_name": "B"}\n  ],\n}';
  const editor = new EditableDocument('file:///meet.opentrack.json', 'json', 1, text);
  const cache = new DocumentCache();
  cache.get(editor);
  const at = text.indexOf('{ "bib": "2"') + 1;
  // As typed in VS Code, which closes the quote it opens; then the comma deleted and typed again.
  const keystrokes: [number, number, string][] = [[at, 0, '""'], [at + 1, 0, 'z'], [at + 3, 0, ':'], [at + 4, 0, ' '], [at + 5, 0, '1'], [at + 6, 0, ','], [at + 6, 1, ''], [at + 6, 0, ',']];
  let current = text;
  keystrokes.forEach(([offset, removed, typed], i) => {
    editor.update([{ range: { start: editor.positionAt(offset), end: editor.positionAt(offset + removed) }, text: typed }], i + 2);
    current = current.slice(0, offset) + typed + current.slice(offset + removed);
    const document = cache.get(editor);
    assert.deepEqual([document.edited?.path, document.edited?.isContainer], [['competitors', 1], true], `keystroke ${i + 1}: ${current}`);
    assert.deepEqual(document.parsed, parseJson(current), `keystroke ${i + 1}: ${current}`);
  });
  assert.deepEqual((cache.get(editor).parsed.value as { competitors: unknown[] }).competitors[1], { z: 1, bib: '2', last_name: 'B' });
});

test('a container is parsed again on its own when the problems it had are its own, the parser reads it to its closing bracket, and no key in it is given twice', () => {
  const missingComma = '{"list": [1 {"a": 1}]}';
  const nested = '{"x": {"a": {"b": 1}}, "y": 2}';
  const twice = '{"x": {"a": 1, "b": 2 "c": 3}}';
  const cases = [
    // The missing comma before the object is the list's problem (reported at the object's bracket): the list is parsed again.
    { text: missingComma, at: missingComma.indexOf(' 1}') + 2, removed: 0, typed: '2', path: ['list'] },
    // `]` as the value of "b": "x" looks closed by its brace when brackets are counted, but the parser reads on past it.
    { text: nested, at: nested.indexOf('1}'), removed: 2, typed: ']', path: undefined },
    // A key given twice in a broken object: the whole text is searched (a count says so) and parsed again.
    { text: twice, at: twice.indexOf('"a"'), removed: 0, typed: '"a": 0, ', path: undefined },
  ];
  for (const { text, at, removed, typed, path } of cases) {
    const editor = new EditableDocument('file:///meet.opentrack.json', 'json', 1, text);
    const cache = new DocumentCache();
    cache.get(editor);
    editor.update([{ range: { start: editor.positionAt(at), end: editor.positionAt(at + removed) }, text: typed }], 2);
    const document = cache.get(editor);
    assert.deepEqual(document.edited?.path, path, text);
    assert.deepEqual(document.parsed, parseJson(editor.getText()), text);
  }
});

test('lists nested past the limit, one with a trailing comma, pasted into a list of a text with a slip elsewhere: only that list is parsed again, with OT007 where parsing the text again reports it', () => {
  const text = '{"full_name": \'x\', "events": [{"event_id": "1", "notes": []}]}';
  const editor = new EditableDocument('file:///paste.opentrack.json', 'json', 1, text);
  const cache = new DocumentCache();
  cache.get(editor);
  const inside = editor.positionAt(text.indexOf('[]}') + 1);
  editor.update([{ range: { start: inside, end: inside }, text: `${'['.repeat(MAX_DEPTH)}1,${']'.repeat(MAX_DEPTH)}, [2,]` }], 2);
  const patched = cache.get(editor);
  const reparsed = parseJson(editor.getText());
  assert.deepEqual(reparsed.problems.map((p) => p.code), ['OT005', 'OT007', 'OT002']);
  assert.deepEqual(patched.edited?.path, ['events', 0, 'notes']);
  assert.deepEqual(patched.parsed, reparsed);
});

test('a key given twice behind a comment or a key without its colon is found, and stays found while typing elsewhere', () => {
  const commented = '{\n  "full_name" /* the meet */: "Meet",\n  "full_name": "Meet 2",\n  "events": []\n}';
  const colonless = '{"full_name": "Meet", "full_name": "Meet 2", "events": [{"day" 1}]}';
  const cases = [
    { text: commented, at: commented.indexOf('Meet 2'), typed: ':', problems: ['OT003', 'OT008'] },
    { text: commented, at: commented.indexOf('[]') + 1, typed: '{"a":1}', problems: ['OT003', 'OT008'] },
    { text: colonless, at: colonless.indexOf(' 1}'), typed: ':', problems: ['OT008'] },
  ];
  for (const { text, at, typed, problems } of cases) {
    assert.ok(parseJson(text).problems.some((p) => p.code === 'OT008'), `${text}: the key given twice is found`);
    const editor = new EditableDocument('file:///meet.opentrack.json', 'json', 1, text);
    const cache = new DocumentCache();
    cache.get(editor);
    editor.update([{ range: { start: editor.positionAt(at), end: editor.positionAt(at) }, text: typed }], 2);
    const after = cache.get(editor);
    assert.deepEqual(after.parsed.problems.map((p) => p.code), problems, typed);
    assert.deepEqual(after.parsed, parseJson(editor.getText()), typed);
  }
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

test('items pasted into or deleted from a list: the items before and after them stay the objects they were; an item whose keys changed order is new', () => {
  const items = ['{"competitor_id":"1","gender":"F"}', '{"competitor_id":"2","gender":"M"}', '{"competitor_id":"3","gender":"F"}'];
  const text = `{"competitors":[${items.join(',')}]}`;
  const editor = new EditableDocument('file:///meet.opentrack.json', 'json', 1, text);
  const cache = new DocumentCache();
  const listOf = (): Record<string, unknown>[] => (cache.get(editor).parsed.value as { competitors: Record<string, unknown>[] }).competitors;
  const [first, second, third] = listOf();
  // The second competitor deleted, comma included.
  const at = text.indexOf(items[1]!);
  editor.update([{ range: { start: editor.positionAt(at), end: editor.positionAt(at + items[1]!.length + 1) }, text: '' }], 2);
  assert.deepEqual(cache.get(editor).edited?.path, ['competitors'], 'the list is parsed again');
  const deleted = listOf();
  assert.equal(deleted[0], first);
  assert.equal(deleted[1], third);
  // Pasted back: the others stay.
  editor.update([{ range: { start: editor.positionAt(at), end: editor.positionAt(at) }, text: `${items[1]!},` }], 3);
  const pasted = listOf();
  assert.equal(pasted[0], first);
  assert.equal(pasted[2], third);
  assert.deepEqual(pasted[1], second);
  // The last one written again with its keys in the other order: a new object, as the text says.
  const last = editor.getText().indexOf(items[2]!);
  editor.update([{ range: { start: editor.positionAt(last), end: editor.positionAt(last + items[2]!.length) }, text: '{"gender":"F","competitor_id":"3"}' }], 4);
  const reordered = listOf();
  assert.equal(reordered[0], first);
  assert.deepEqual(Object.keys(reordered[2]!), ['gender', 'competitor_id']);
});

test('a version parsed anew (changes in two places) keeps the previous objects of what the changes left as it was', () => {
  const meet = {
    full_name: 'Meet',
    events: [
      { event_id: 'A', units: [{ heat: 1, results: [{ bib: '1', performance: '10.50' }] }, { heat: 2, results: [{ bib: '2', performance: '10.60' }] }] },
      { event_id: 'B', units: [] },
    ],
    competitors: [{ competitor_id: '1' }, { competitor_id: '2' }],
  };
  // A "__proto__" key is an ordinary property, as JSON.parse reads it.
  const text = `${JSON.stringify(meet).slice(0, -1)},"__proto__":{"kept":true}}`;
  const editor = new EditableDocument('file:///meet.opentrack.json', 'json', 1, text);
  const cache = new DocumentCache();
  type Value = { full_name: string; events: { units: { results: unknown[] }[] }[]; competitors: unknown[] };
  const before = cache.get(editor).parsed.value as Value;
  // Two places: the meet's name and a time in the first unit.
  const name = text.indexOf('Meet');
  const time = text.indexOf('10.50');
  editor.update([
    { range: { start: editor.positionAt(time), end: editor.positionAt(time + 5) }, text: '10.40' },
    { range: { start: editor.positionAt(name), end: editor.positionAt(name + 4) }, text: 'Gala' },
  ], 2);
  const document = cache.get(editor);
  assert.equal(document.edited, undefined, 'parsed anew');
  const after = document.parsed.value as Value;
  assert.equal(after.full_name, 'Gala');
  assert.equal(after.competitors, before.competitors, 'an untouched list');
  assert.equal(after.events[1], before.events[1], 'an untouched event');
  assert.notEqual(after.events[0], before.events[0]);
  assert.equal(after.events[0]!.units[1], before.events[0]!.units[1], 'the untouched unit of the edited event');
  assert.deepEqual(after.events[0]!.units[0]!.results, [{ bib: '1', performance: '10.40' }]);
  assert.equal(Object.getPrototypeOf(after), Object.prototype);
  assert.deepEqual(Object.getOwnPropertyDescriptor(after, '__proto__')?.value, { kept: true });
  assert.deepEqual(after, parseJson(editor.getText()).value);
});
