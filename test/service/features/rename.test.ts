import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { prepareRename, rename, RenameError } from '../../../server/src/service';
import { MEET, URI, replaceIn, withCursor } from './support';

/** The meet after renaming the id at the cursor, as a parsed value. */
function renamed(marked: string, newName: string): unknown {
  const { document, position } = withCursor(marked);
  const edit = rename(document, position, newName);
  return JSON.parse(TextDocument.applyEdits(document.textDocument, edit.changes?.[URI] ?? []));
}

/** The meet with the given values set: what a rename must produce, and nothing more. */
function meetWith(changes: Array<[path: (string | number)[], value: string]>): unknown {
  const meet = JSON.parse(MEET) as Record<string, unknown>;
  for (const [path, value] of changes) {
    let node = meet as Record<string | number, unknown>;
    for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
    node[path[path.length - 1]!] = value;
  }
  return meet;
}

describe('rename', () => {
  it('renames a bib everywhere it is used and nowhere else (not event "1", not place/round/heat 1)', () => {
    const want = meetWith([
      [['competitors', 0, 'competitor_id'], '101'],
      [['events', 0, 'units', 0, 'results', 0, 'bib'], '101'],
      [['events', 1, 'units', 0, 'results', 1, 'bib'], '101'],
      [['events', 1, 'units', 0, 'trials', 0, 'bib'], '101'],
      [['events', 1, 'units', 0, 'trials', 2, 'bib'], '101'],
      [['events', 3, 'results', 0, 'bib'], '101'],
      [['events', 4, 'units', 0, 'results', 0, 'bib'], '101'],
      [['relay_teams', 0, 'runners', 0], '101'],
    ]);
    assert.deepEqual(renamed(replaceIn(MEET, '"competitor_id": "1"', '"competitor_id": "|1"'), '101'), want);
    assert.deepEqual(renamed(replaceIn(MEET, '"bib": "1",\n              "height"', '"bib": "1|",\n              "height"'), '101'), want, 'from a trial bib');
  });

  it('renames an event_id in the event, the entries, the relay teams and parent', () => {
    assert.deepEqual(
      renamed(replaceIn(MEET, '"event_id": "1"', '"event_id": "1|"'), 'T01'),
      meetWith([
        [['events', 0, 'event_id'], 'T01'],
        [['competitors', 0, 'events_entered', 0, 'event_id'], 'T01'],
        [['competitors', 2, 'events_entered', 0, 'event_id'], 'T01'],
      ]),
    );
    assert.deepEqual(
      renamed(replaceIn(MEET, '"parent": "D1"', '"parent": "|D1"'), 'DEC1'),
      meetWith([
        [['events', 3, 'event_id'], 'DEC1'],
        [['events', 4, 'parent'], 'DEC1'],
      ]),
    );
    assert.deepEqual(
      renamed(replaceIn(MEET, '"event_id": "R1"', '"event_id": "R|1"'), 'R01'),
      meetWith([
        [['events', 2, 'event_id'], 'R01'],
        [['relay_teams', 0, 'event_id'], 'R01'],
      ]),
    );
  });

  it('renames a team_id with the relay results that use it as bib', () => {
    assert.deepEqual(
      renamed(replaceIn(MEET, '"bib": "RVR"', '"bib": "RVR|"'), 'RIV'),
      meetWith([
        [['teams', 1, 'team_id'], 'RIV'],
        [['competitors', 2, 'team_id'], 'RIV'],
        [['competitors', 3, 'team_id'], 'RIV'],
        [['events', 2, 'units', 0, 'results', 1, 'bib'], 'RIV'],
      ]),
    );
  });

  it('renames a relay_team_id in its relay team and its results', () => {
    assert.deepEqual(
      renamed(replaceIn(MEET, '"relay_team_id": "HAV-A"', '"relay_team_id": "HAV-|A"'), 'HAV-1'),
      meetWith([
        [['relay_teams', 0, 'relay_team_id'], 'HAV-1'],
        [['events', 2, 'units', 0, 'results', 0, 'bib'], 'HAV-1'],
      ]),
    );
  });

  it('escapes the new name as JSON', () => {
    const result = renamed(replaceIn(MEET, '"competitor_id": "4"', '"competitor_id": "|4"'), 'A"4\\');
    assert.deepEqual(result, meetWith([[['competitors', 3, 'competitor_id'], 'A"4\\']]));
  });

  it('changes nothing when the name is the same', () => {
    const { document, position } = withCursor(replaceIn(MEET, '"competitor_id": "4"', '"competitor_id": "|4"'));
    assert.deepEqual(rename(document, position, '4'), { changes: {} });
  });

  it('refuses a name another id of the same kind has, and an empty name', () => {
    const cases: Array<[string, string, string, RegExp]> = [
      ['"competitor_id": "1"', '"competitor_id": "|1"', '2', /bib \(competitor_id\) "2" already exists/],
      ['"event_id": "F1"', '"event_id": "F|1"', '1', /event_id "1" already exists/],
      ['"team_id": "HAV"', '"team_id": "H|AV"', 'RVR', /team_id "RVR" already exists/],
      ['"competitor_id": "1"', '"competitor_id": "|1"', ' ', /cannot be empty/],
    ];
    for (const [search, marked, newName, message] of cases) {
      const { document, position } = withCursor(replaceIn(MEET, search, marked));
      assert.throws(() => rename(document, position, newName), (error: unknown) => error instanceof RenameError && message.test(error.message));
    }
  });

  it('allows an id of another kind: bib "1" may become "F1", an event id', () => {
    assert.doesNotThrow(() => {
      const { document, position } = withCursor(replaceIn(MEET, '"competitor_id": "4"', '"competitor_id": "|4"'));
      rename(document, position, 'F1');
    });
  });

  it('refuses a relay_team_id that the same event already has, not one of another event', () => {
    const twoTeams = replaceIn(MEET, '"relay_teams": [', '"relay_teams": [\n    { "event_id": "R1", "relay_team_id": "RVR-A", "team_id": "RVR" },\n    { "event_id": "R9", "relay_team_id": "X-A", "team_id": "RVR" },');
    const { document, position } = withCursor(replaceIn(twoTeams, '"relay_team_id": "HAV-A"', '"relay_team_id": "|HAV-A"'));
    assert.throws(() => rename(document, position, 'RVR-A'), /relay_team_id "RVR-A" already exists in event "R1"/);
    assert.doesNotThrow(() => rename(document, position, 'X-A'));
  });
});

describe('prepareRename', () => {
  it('returns the range of the string contents and the current id', () => {
    const { document, position } = withCursor(replaceIn(MEET, '"bib": "HAV-A"', '"bib": "HA|V-A"'));
    const prepared = prepareRename(document, position);
    assert.equal(prepared.placeholder, 'HAV-A');
    assert.equal(document.textDocument.getText(prepared.range), 'HAV-A');
  });

  it('refuses positions that are not ids', () => {
    const positions = [
      replaceIn(MEET, '"event_code": "100"', '"event_code": "1|00"'),
      replaceIn(MEET, '"round": 1', '"round": 1|'),
      replaceIn(MEET, '"competitor_id": "1"', '"competitor|_id": "1"'),
      replaceIn(MEET, '"first_name": "Andrew"', '"first_name": "And|rew"'),
      replaceIn(MEET, '"bib": "1"', '"bib": |"1"').replace('"bib": |"1"', '"bib": | "1"'),
    ];
    for (const marked of positions) {
      const { document, position } = withCursor(marked);
      assert.throws(() => prepareRename(document, position), RenameError);
    }
  });
});
