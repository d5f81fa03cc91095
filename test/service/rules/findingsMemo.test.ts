import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompetitionDocument, DocumentCache, EditableDocument, Finding, RULE_FAMILIES, buildModel, formatPath, locatePath, parseJson, validateDocument } from '../../../server/src/service';
import { Json, Prng, leaves, mistake, validCorpus } from '../../helpers/mutations';
import { perEventFamily } from '../../../server/src/service/rules/memo';
import { acrossListsFamily } from '../../../server/src/service/rules/acrossLists';
import { CompetitionModel } from '../../../server/src/service/model';

/** A family that reports one finding per event and records which events it checked. */
function spyFamily(findingsPerEvent = 1) {
  const checked: number[] = [];
  const family = perEventFamily({
    name: 'spy',
    rules: [],
    checkEvent(event, report) {
      checked.push(event.index);
      for (let i = 0; i < findingsPerEvent; i++) report({ code: 'OT101', message: `${String(event.value.event_id)} ${i}`, path: ['events', event.index, 'rounds'] });
    },
  });
  const run = (model: CompetitionModel, report = (_: Finding): void => {}): Finding[] => {
    const found: Finding[] = [];
    family.check({ model, report: (f) => (report(f), found.push(f)) });
    return found;
  };
  return { checked, run };
}

const events = (...ids: string[]) => ids.map((event_id) => ({ event_id, event_code: '100', rounds: '1', units: [] }));

test('after an edit, only the event it touched is checked again; the others report what they reported before', () => {
  const text = JSON.stringify({ events: events('a', 'b', 'c') }, null, 2);
  const editor = new EditableDocument('file:///meet.opentrack.json', 'json', 1, text);
  const cache = new DocumentCache();
  const spy = spyFamily();
  const before = spy.run(cache.get(editor).model);
  assert.deepEqual(spy.checked, [0, 1, 2]);
  const at = text.indexOf('"rounds": "1"', text.indexOf('"b"')) + '"rounds": "'.length;
  editor.update([{ range: { start: editor.positionAt(at), end: editor.positionAt(at + 1) }, text: '2' }], 2);
  const edited = cache.get(editor);
  assert.ok(edited.edited, 'patched, not parsed anew');
  spy.checked.length = 0;
  const after = spy.run(edited.model);
  assert.deepEqual(spy.checked, [1], 'only event "b"');
  assert.deepEqual(after, before);
  assert.equal(after[0], before[0], 'the same finding, not a copy');
});

test('an event that moved is checked again: its findings say where it is now', () => {
  const [a, b] = events('a', 'b');
  const spy = spyFamily();
  spy.run(buildModel({ events: [a, b] }));
  spy.checked.length = 0;
  const found = spy.run(buildModel({ events: [events('new')[0], a, b] }));
  assert.deepEqual(spy.checked, [0, 1, 2]);
  assert.deepEqual(found.map((f) => f.path), [['events', 0, 'rounds'], ['events', 1, 'rounds'], ['events', 2, 'rounds']]);
});

test('an event whose check was cut short by the budget is checked in full the next time', () => {
  const model = buildModel({ events: events('a') });
  const spy = spyFamily(3);
  const spent = Symbol('spent');
  let reported = 0;
  assert.throws(() => spy.run(model, () => {
    if (++reported === 2) throw spent;
  }), (e) => e === spent);
  assert.equal(spy.run(model).length, 3);
  assert.deepEqual(spy.checked, [0, 0], 'checked again, not replayed from the partial list');
});

test('the real rules: findings kept for an event or a competitor follow it when it moves', () => {
  const findingsOf = (value: unknown): (string | Finding['path'])[][] => {
    const found: Finding[] = [];
    const model = buildModel(value);
    for (const family of RULE_FAMILIES) family.check({ model, report: (f) => found.push(f) });
    return found.filter((f) => f.code === 'OT101' || f.code === 'OT703').map((f) => [f.code, f.path]);
  };
  const event = { event_id: 'e1', event_code: '100', name: '100m', rounds: '2;1', units: [] };
  const competitor = { competitor_id: '1', first_name: 'Ann', last_name: 'Lee', favourite_colour: 'red' };
  assert.deepEqual(findingsOf({ events: [event], competitors: [competitor] }), [['OT101', ['events', 0, 'rounds']], ['OT703', ['competitors', 0, 'favourite_colour']]]);
  // The same objects, each now second in its list, as a version that shares them has them.
  const moved = { events: [{ event_id: 'e0', event_code: '200', name: '200m', units: [] }, event], competitors: [{ competitor_id: '0', first_name: 'Bo', last_name: 'Ng' }, competitor] };
  assert.deepEqual(findingsOf(moved), [['OT101', ['events', 1, 'rounds']], ['OT703', ['competitors', 1, 'favourite_colour']]]);
  // Checks across lists: the same competitors and event, the event now second (after an item that is no event).
  const competitors = [competitor];
  const running = { event_id: 'e2', event_code: '100', name: '100m', units: [{ results: [{ bib: '9' }] }] };
  const bibFindings = (value: unknown): unknown[] => {
    const found: Finding[] = [];
    const model = buildModel(value);
    for (const family of RULE_FAMILIES) family.check({ model, report: (f) => found.push(f) });
    return found.filter((f) => f.code === 'OT601').map((f) => f.path);
  };
  assert.deepEqual(bibFindings({ events: [running], competitors }), [['events', 0, 'units', 0, 'results', 0, 'bib']]);
  assert.deepEqual(bibFindings({ events: [5, running], competitors }), [['events', 1, 'units', 0, 'results', 0, 'bib']]);
  // A list renamed (its items shared): the items are checked against their new list's schema.
  const team = { team_id: 'T', team_name: 'Club', first_name: 'Ann' };
  assert.deepEqual(findingsOf({ teams: [team] }), [['OT703', ['teams', 0, 'first_name']]]);
  assert.deepEqual(findingsOf({ competitors: [team] }).filter(([, path]) => path[2] === 'first_name'), []);
});

test('checks across lists kept with their inputs give what a fresh parse gives, value edit after value edit', () => {
  let compared = 0;
  for (const [seed, { name, doc }] of validCorpus().entries()) {
    const random = new Prng(seed + 1);
    let text = JSON.stringify(doc, null, 2);
    const editor = new EditableDocument(`file:///${seed}.opentrack.json`, 'json', 1, text);
    const cache = new DocumentCache();
    validateDocument(cache.get(editor));
    for (let version = 2; version <= 60; version++) {
      const all = leaves(JSON.parse(text) as Json);
      const leaf = random.pick(all);
      const span = locatePath(text, leaf.path)!.value;
      const value = JSON.stringify(mistake(leaf, all, random));
      editor.update([{ range: { start: editor.positionAt(span.offset), end: editor.positionAt(span.offset + span.length) }, text: value }], version);
      text = text.slice(0, span.offset) + value + text.slice(span.offset + span.length);
      const fresh = new CompetitionDocument(TextDocument.create(editor.uri, 'json', version, text), parseJson(text));
      assert.deepEqual(validateDocument(cache.get(editor)), validateDocument(fresh), `${name}, version ${version}: ${formatPath(leaf.path)} = ${value}`);
      compared++;
    }
  }
  assert.ok(compared > 500);
});

test('checks across lists see an edit of what they read that value edits of samples seldom make', () => {
  const meet = {
    events: [
      { event_id: 'DEC', event_code: 'DEC', name: 'Decathlon', results: [{ bib: '1' }] },
      { event_id: 'DEC1', event_code: '100', name: '100m', parent: 'DEC', units: [{ results: [{ bib: '1', performance: '11.02' }] }] },
      { event_id: 'LJ1', event_code: 'LJ', name: 'Long jump', category: 'U20' },
      { event_id: 'LJ2', event_code: 'LJ', name: 'Long jump', category: 'SEN' },
    ],
    competitors: [{ competitor_id: '1', first_name: 'Ann', last_name: 'Lee' }, { competitor_id: '2', first_name: 'Bo', last_name: 'Ng' }],
  };
  // What is edited (the text around it, the value in it), what it becomes, and the finding that follows.
  const edits: [string, string, string, string, string][] = [
    ["the bib of a combined event's own result", '"results":[{"bib":"1"}]', '"1"', '"2"', 'OT610'],
    ['a category', '"category":"SEN"', '"SEN"', '"U20"', 'OT506'],
  ];
  for (const [what, near, value, replacement, code] of edits) {
    let text = JSON.stringify(meet);
    const editor = new EditableDocument('file:///meet.opentrack.json', 'json', 1, text);
    const cache = new DocumentCache();
    assert.ok(!validateDocument(cache.get(editor)).some((d) => d.code === code), `${what}: not before`);
    const from = text.indexOf(near) + near.indexOf(value);
    const to = from + value.length;
    editor.update([{ range: { start: editor.positionAt(from), end: editor.positionAt(to) }, text: replacement }], 2);
    text = text.slice(0, from) + replacement + text.slice(to);
    const fresh = validateDocument(new CompetitionDocument(TextDocument.create(editor.uri, 'json', 2, text), parseJson(text)));
    assert.ok(fresh.some((d) => d.code === code), `${what}: ${code} after`);
    assert.deepEqual(validateDocument(cache.get(editor)), fresh, what);
  }
});

test('a check across lists runs again only when what it reads changes: not for a performance, for a bib', () => {
  let runs = 0;
  const family = acrossListsFamily({ name: 'spy', rules: [], check: ({ report }) => void (runs++, report({ code: 'OT601', message: 'x', path: ['competitors'] })) });
  let text = JSON.stringify({ events: [{ event_id: 'E', event_code: '100', units: [{ results: [{ bib: '1', performance: '11.02' }] }] }], competitors: [{ competitor_id: '1' }] });
  const editor = new EditableDocument('file:///meet.opentrack.json', 'json', 1, text);
  const cache = new DocumentCache();
  const check = (): number => {
    let reported = 0;
    family.check({ model: cache.get(editor).model, report: () => reported++ });
    return reported;
  };
  const type = (version: number, near: string, replacement: string): void => {
    const at = text.indexOf(near);
    editor.update([{ range: { start: editor.positionAt(at), end: editor.positionAt(at + near.length) }, text: replacement }], version);
    text = text.slice(0, at) + replacement + text.slice(at + near.length);
  };
  assert.equal(check(), 1);
  type(2, '11.02', '11.03');
  assert.ok(cache.get(editor).edited, 'patched');
  assert.equal(check(), 1, 'its findings reported again');
  assert.equal(runs, 1, 'not run for a performance');
  type(3, '"bib":"1"', '"bib":"2"');
  assert.equal(check(), 1);
  assert.equal(runs, 2, 'run again for a bib');
});

test('a list an edit did not touch is not indexed again: the next version\'s model shares its index', () => {
  const competitors = [{ competitor_id: '1' }, { competitor_id: '2' }];
  const first = buildModel({ competitors, events: [] });
  const next = buildModel({ competitors, events: [{ event_id: 'E' }] });
  assert.equal(next.competitorsById, first.competitorsById);
  assert.deepEqual([...next.competitorsById.keys()], ['1', '2']);
  const edited = buildModel({ competitors: [...competitors, { competitor_id: '3' }], events: [] });
  assert.deepEqual([...edited.competitorsById.keys()], ['1', '2', '3'], 'a new list is indexed anew');
  assert.equal(buildModel({ teams: competitors }).teamsById.size, 0, 'by its own id key: the same list as teams has no team_id');
});

test('an event without findings that moved is not checked again: nothing it reported says where it was', () => {
  const checked: string[] = [];
  const family = perEventFamily({
    name: 'spy',
    rules: [],
    checkEvent(event, report) {
      checked.push(String(event.value.event_id));
      if (event.value.event_id === 'bad') report({ code: 'OT101', message: 'x', path: ['events', event.index, 'rounds'] });
    },
  });
  const [clean, bad] = events('clean', 'bad');
  const run = (model: CompetitionModel): Finding[] => {
    const found: Finding[] = [];
    family.check({ model, report: (f) => found.push(f) });
    return found;
  };
  run(buildModel({ events: [clean, bad] }));
  checked.length = 0;
  assert.deepEqual(run(buildModel({ events: [events('new')[0], clean, bad] })).map((f) => f.path), [['events', 2, 'rounds']]);
  assert.deepEqual(checked, ['new', 'bad']);
});
