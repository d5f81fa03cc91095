import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentCache, EditableDocument, Finding, RULE_FAMILIES, buildModel } from '../../../server/src/service';
import { perEventFamily } from '../../../server/src/service/rules/memo';
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
  // A list renamed (its items shared): the items are checked against their new list's schema.
  const team = { team_id: 'T', team_name: 'Club', first_name: 'Ann' };
  assert.deepEqual(findingsOf({ teams: [team] }), [['OT703', ['teams', 0, 'first_name']]]);
  assert.deepEqual(findingsOf({ competitors: [team] }).filter(([, path]) => path[2] === 'first_name'), []);
});
