import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { Location } from 'vscode-languageserver-types';
import { CompetitionDocument, definition, references } from '../../../server/src/service';
import { MEET, replaceIn, withCursor } from './support';

/** Each location as `offset:text`, in document order. */
function located(document: CompetitionDocument, locations: Location[]): string[] {
  return locations
    .map((l) => ({ offset: document.textDocument.offsetAt(l.range.start), text: document.textDocument.getText(l.range) }))
    .sort((a, b) => a.offset - b.offset)
    .map((l) => `${l.offset}:${l.text}`);
}

/** The string tokens `"value"` that follow each match of a pattern such as `"bib": `. */
function expected(text: string, before: RegExp, value: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(before)) {
    const offset = m.index! + m[0].length;
    if (text.startsWith(JSON.stringify(value), offset)) out.push(`${offset}:${JSON.stringify(value)}`);
  }
  return out;
}

function refsAt(marked: string, includeDeclaration = true): { document: CompetitionDocument; found: string[] } {
  const { document, position } = withCursor(marked);
  return { document, found: located(document, references(document, position, includeDeclaration)) };
}

describe('references', () => {
  it('a bib: competitor_id, result bibs, trial bibs, relay runners and combined-event results — not event ids or numbers', () => {
    const { document, found } = refsAt(replaceIn(MEET, '"competitor_id": "1"', '"competitor_id": "|1"'));
    const text = document.text;
    const want = [
      ...expected(text, /"competitor_id": /g, '1'),
      ...expected(text, /"bib": /g, '1'),
      ...expected(text, /"runners": \[\s*/g, '1'),
    ].sort((a, b) => parseInt(a) - parseInt(b));
    assert.equal(want.length, 8);
    assert.deepEqual(found, want);
  });

  it('the same set from any reference, with or without the declaration', () => {
    const fromTrial = refsAt(replaceIn(MEET, '"bib": "1",\n              "height"', '"bib": "1|",\n              "height"'));
    const fromDefinition = refsAt(replaceIn(MEET, '"competitor_id": "1"', '"competitor_id": "1|"'));
    assert.deepEqual(fromTrial.found, fromDefinition.found);
    const withoutDeclaration = refsAt(replaceIn(MEET, '"competitor_id": "1"', '"competitor_id": "1|"'), false);
    assert.equal(withoutDeclaration.found.length, 7);
  });

  it('an event_id: the event, events_entered and relay teams and parent', () => {
    const event1 = refsAt(replaceIn(MEET, '"event_id": "1"', '"event_id": "|1"'));
    assert.deepEqual(event1.found, expected(event1.document.text, /"event_id": /g, '1'));
    assert.equal(event1.found.length, 3);
    const relay = refsAt(replaceIn(MEET, '"event_id": "R1"', '"event_id": "R|1"'));
    assert.equal(relay.found.length, 2);
    assert.match(relay.document.text.slice(parseInt(relay.found[1]!) - 30, parseInt(relay.found[1]!)), /"event_id": $/);
    const parent = refsAt(replaceIn(MEET, '"parent": "D1"', '"parent": "D1|"'));
    assert.deepEqual(parent.found, [...expected(parent.document.text, /"event_id": /g, 'D1'), ...expected(parent.document.text, /"parent": /g, 'D1')]);
  });

  it('a team_id: the team, competitors, relay teams and relay result bibs that fall back to it', () => {
    const rvr = refsAt(replaceIn(MEET, '"team_id": "RVR",\n      "team_name"', '"team_id": "|RVR",\n      "team_name"'));
    const text = rvr.document.text;
    assert.deepEqual(rvr.found, [...expected(text, /"team_id": /g, 'RVR'), ...expected(text, /"bib": /g, 'RVR')].sort((a, b) => parseInt(a) - parseInt(b)));
    assert.equal(rvr.found.length, 4);
    const hav = refsAt(replaceIn(MEET, '"team_id": "HAV"', '"team_id": "H|AV"'));
    assert.equal(hav.found.length, 4, 'a relay bib that names a relay team is not the team');
  });

  it('a relay_team_id: the relay team and the relay results of its event only', () => {
    const { document, found } = refsAt(replaceIn(MEET, '"bib": "HAV-A"', '"bib": "HAV-A|"'));
    assert.deepEqual(found, [...expected(document.text, /"bib": /g, 'HAV-A'), ...expected(document.text, /"relay_team_id": /g, 'HAV-A')]);
  });

  it('nothing for strings that are not ids, numbers, keys and comments', () => {
    assert.deepEqual(refsAt(replaceIn(MEET, '"event_code": "100"', '"event_code": "1|00"')).found, []);
    assert.deepEqual(refsAt(replaceIn(MEET, '"round": 1', '"round": |1')).found, []);
    assert.deepEqual(refsAt(replaceIn(MEET, '"competitor_id": "1"', '"compet|itor_id": "1"')).found, []);
    assert.deepEqual(refsAt(replaceIn(MEET, '"name": "100 metres MEN"', '"name": "1|00 metres MEN"')).found, []);
  });
});

describe('definition', () => {
  function definitionOf(marked: string): string[] {
    const { document, position } = withCursor(marked);
    return located(document, definition(document, position));
  }

  it('goes from a result bib, trial bib, runner and combined result to the competitor', () => {
    const target = definitionOf(replaceIn(MEET, '"competitor_id": "2"', '"competitor_id": "2|"'));
    assert.equal(target.length, 1);
    assert.deepEqual(definitionOf(replaceIn(MEET, '"bib": "2"', '"bib": "|2"')), target);
    assert.deepEqual(definitionOf(replaceIn(MEET, '"bib": "2",\n              "height"', '"bib": "2|",\n              "height"')), target);
    const runner = replaceIn(MEET, '"2"\n      ]', '"|2"\n      ]');
    assert.deepEqual(definitionOf(runner), target);
  });

  it('goes from event references to the event and from team references to the team', () => {
    const { document } = withCursor(replaceIn(MEET, '"parent": "D1"', '"parent": "D|1"'));
    const [event] = definition(document, withCursor(replaceIn(MEET, '"parent": "D1"', '"parent": "D|1"')).position);
    assert.equal(document.textDocument.getText(event!.range), '"D1"');
    assert.match(document.text.slice(document.textDocument.offsetAt(event!.range.start) - 12), /^"event_id": "D1"/);
    const team = definitionOf(replaceIn(MEET, '"bib": "RVR"', '"bib": "RV|R"'));
    assert.deepEqual(team, definitionOf(replaceIn(MEET, '"team_id": "RVR",\n      "team_name"', '"team_id": "RVR|",\n      "team_name"')));
    const relay = definitionOf(replaceIn(MEET, '"bib": "HAV-A"', '"bib": "|HAV-A"'));
    assert.equal(relay.length, 1);
    assert.match(relay[0]!, /:"HAV-A"$/);
  });

  it('finds nothing for an unknown id or a non-id', () => {
    assert.deepEqual(definitionOf(replaceIn(MEET, '"parent": "D1"', '"parent": "X|9"')), []);
    assert.deepEqual(definitionOf(replaceIn(MEET, '"genders": "M"', '"genders": "M|"')), []);
  });

  it('resolves relay teams per event: the same relay_team_id in another event is another team', () => {
    const text = replaceIn(
      MEET,
      '"relay_teams": [',
      '"relay_teams": [\n    { "event_id": "R2", "relay_team_id": "HAV-A", "team_id": "HAV" },',
    );
    const refs = refsAt(replaceIn(text, '"bib": "HAV-A"', '"bib": "H|AV-A"'));
    assert.equal(refs.found.length, 2);
    assert.ok(!refs.found.some((f) => parseInt(f) < refs.document.text.indexOf('"R2"') + 40 && parseInt(f) > refs.document.text.indexOf('"R2"')));
  });
});
