// The upload plan is pure: the file and the server's lists in, the requests of an update out.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeChange, planCreate, planUpdate, sameValue, summarizePlan, type ServerSnapshot } from '../../server/src/upload/uploadPlan';

const base = 'https://test-data.opentrack.run/';
const unit = (round: number, heat: number, performance: string) => ({ round, heat, results: [{ bib: '7', performance }] });

function file() {
  return {
    slug: 'meet',
    full_name: 'Meet',
    date: '2026-05-01',
    teams: [{ team_id: 'BEL', team_name: 'Belgium' }],
    competitors: [{ competitor_id: '7', first_name: 'Ann' }],
    events: [{ event_id: 'T01', event_code: '100', age_groups: ['SEN', 'U20'], units: [unit(1, 1, '11.50'), unit(1, 2, '11.80')] }],
  };
}

function server(): ServerSnapshot {
  const url = (list: string, id: number) => `${base}api/${list}/${id}/`;
  return {
    competition: { id: 'c1', url: `${base}api/competitions/c1/`, slug: 'meet', full_name: 'Meet', date: '2026-05-01', year: '2026' },
    teams: [{ id: 1, url: url('teams', 1), competition: 'c1', team_name: 'Belgium', team_id: 'BEL' }],
    competitors: [{ id: 2, url: url('competitors', 2), competition: 'c1', competitor_id: '7', first_name: 'Ann' }],
    events: [
      {
        id: 3,
        url: url('events', 3),
        competition: 'c1',
        event_id: 'T01',
        event_code: '100',
        // The events endpoint answers age groups as one string.
        age_groups: 'SEN,U20',
        units: [
          { ...unit(1, 1, '11.50'), id: 10, url: url('units', 10) },
          { ...unit(1, 2, '11.80'), id: 11, url: url('units', 11) },
        ],
      },
    ],
  };
}

describe('planUpdate', () => {
  test('the file as the server has it (key order and age_groups spelling aside) changes nothing', () => {
    const plan = planUpdate(file(), server(), base);
    assert.deepEqual(plan.changes, []);
    assert.equal(summarizePlan(plan), 'no changes');
    assert.deepEqual(plan.existing, { id: 'c1', webUrl: `${base}api/competitions/c1/` });
  });

  test('one changed result is one PATCH of that unit with its results only', () => {
    const changed = file();
    changed.events[0].units[1].results[0].performance = '11.79';
    const [change, ...others] = planUpdate(changed, server(), base).changes;
    assert.deepEqual(others, []);
    assert.equal(describeChange(change), 'update unit T01 round 1 heat 2 (results)');
    assert.deepEqual(change.request, { method: 'PATCH', url: `${base}api/units/11/`, json: { results: [{ bib: '7', performance: '11.79' }] } });
    assert.deepEqual(change.path, ['events', 0, 'units', 1]);
  });

  test('a new unit sends the event its whole units list; an event without units leaves them alone', () => {
    const added = file();
    added.events[0].units.push(unit(2, 1, '11.40'));
    const [change] = planUpdate(added, server(), base).changes;
    assert.deepEqual(change.fields, ['units']);
    assert.deepEqual(change.request, { method: 'PATCH', url: `${base}api/events/3/`, json: { units: added.events[0].units } });

    const withoutUnits = file();
    delete (withoutUnits.events[0] as { units?: unknown }).units;
    assert.deepEqual(planUpdate(withoutUnits, server(), base).changes, []);
  });

  test('new items are POSTed as one-item lists, changed ones PUT whole with their competition, removed ones deleted events first', () => {
    const edited = file();
    edited.teams = [];
    edited.competitors = [{ competitor_id: '7', first_name: 'Anne' }, { competitor_id: '8', first_name: 'Bo' }];
    edited.events = [];
    const changes = planUpdate(edited, server(), base).changes;
    assert.deepEqual(changes.map(describeChange), [
      'update competitor 7 (first_name)',
      'create competitor 8',
      'delete event T01',
      'delete team BEL',
    ]);
    assert.deepEqual(changes[0].request, { method: 'PUT', url: `${base}api/competitors/2/`, json: { competitor_id: '7', first_name: 'Anne', competition: 'c1' } });
    assert.deepEqual(changes[1].request, { method: 'POST', url: `${base}api/competitors/`, json: [{ competitor_id: '8', first_name: 'Bo', competition: 'c1' }] });
    assert.deepEqual(changes[2].request, { method: 'DELETE', url: `${base}api/events/3/` });
  });

  test('changed competition fields are PATCHed under their 2026 names', () => {
    const edited = { ...file(), full_name: 'Meet 2026', country_id: 'GBR' };
    const [change] = planUpdate(edited, server(), base).changes;
    assert.deepEqual(change.request, { method: 'PATCH', url: `${base}api/competitions/c1/`, json: { full_name: 'Meet 2026', country: 'GBR' } });
  });
});

describe('planCreate', () => {
  test('lists the competition, then teams, competitors and events with their result counts', () => {
    assert.deepEqual(planCreate(file()).changes.map(describeChange), [
      'create competition meet',
      'create team BEL',
      'create competitor 7',
      'create event T01 (2 results)',
    ]);
  });
});

test('sameValue: JSON equality regardless of key order', () => {
  assert.ok(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }));
  assert.ok(!sameValue({ a: 1 }, { a: 1, b: 2 }));
  assert.ok(!sameValue([1], [1, 2]));
  assert.ok(!sameValue('1', 1));
});
