import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { MarkupContent } from 'vscode-languageserver-types';
import { hover } from '../../../server/src/service';
import { MEET, replaceIn, withCursor } from './support';

/** The hover text at the cursor and the text its range covers. */
function hoverAt(marked: string): { text: string; covered: string } | undefined {
  const { document, position } = withCursor(marked);
  const result = hover(document, position);
  if (!result) return undefined;
  return { text: (result.contents as MarkupContent).value, covered: result.range ? document.textDocument.getText(result.range) : '' };
}

describe('hover', () => {
  it('a result bib shows the athlete: name, team name, events entered', () => {
    const shown = hoverAt(replaceIn(MEET, '"bib": "1"', '"bib": "|1"'));
    assert.equal(shown?.covered, '"1"');
    assert.match(shown!.text, /\*\*1 · Andrew Robinson\*\* \(M\)/);
    assert.match(shown!.text, /Team: Havenfield Harriers \(`HAV`\)/);
    assert.match(shown!.text, /Events entered: 100 metres MEN \(`1`\), High Jump MEN \(`F1`\)/);
  });

  it('trial bibs, relay runners and competitor_id show the athlete too', () => {
    assert.match(hoverAt(replaceIn(MEET, '"bib": "2",\n              "height"', '"bib": "2|",\n              "height"'))!.text, /Ben Stone/);
    assert.match(hoverAt(replaceIn(MEET, '"2"\n      ]', '"|2"\n      ]'))!.text, /Ben Stone/);
    assert.match(hoverAt(replaceIn(MEET, '"competitor_id": "3"', '"competitor_id": "3|"'))!.text, /Carl Ude[\s\S]*Riverside AC/);
  });

  it('an unknown bib says so', () => {
    assert.match(hoverAt(replaceIn(MEET, '"bib": "3"', '"bib": "9|9"'))!.text, /Bib "99" is not a listed competitor/);
  });

  it('an event_id reference shows the event: name, code, discipline, rounds', () => {
    const entry = '"events_entered": [\n        {\n          "event_id": "1"';
    const entered = hoverAt(replaceIn(MEET, entry, entry.replace('"1"', '"|1"')));
    assert.match(entered!.text, /\*\*100 metres MEN\*\* · `100` — 100 metres/);
    assert.match(entered!.text, /rounds 2,1 \(2 heats, then a final\)/);
    const parent = hoverAt(replaceIn(MEET, '"parent": "D1"', '"parent": "D|1"'));
    assert.match(parent!.text, /\*\*Decathlon MEN\*\* · `DEC` — Decathlon/);
    assert.match(parent!.text, /Disciplines: `110H`/);
    const relay = hoverAt(replaceIn(MEET, '"event_id": "R1",\n      "relay_team_id"', '"event_id": "R1|",\n      "relay_team_id"'));
    assert.match(relay!.text, /4x100 metres Relay MEN\*\* · `4x100` — 4 × 100 relay/);
  });

  it('an event code shows its discipline', () => {
    assert.equal(hoverAt(replaceIn(MEET, '"event_code": "HJ",\n      "name"', '"event_code": "H|J",\n      "name"'))!.text, '`HJ` — **High jump** (vertical jump)');
    assert.match(hoverAt(replaceIn(MEET, '"event_code": "DEC"', '"event_code": "DE|C"'))!.text, /Decathlon\*\* \(combined, 10 disciplines\)/);
    assert.match(hoverAt(replaceIn(MEET, '"event_code": "DEC"', '"event_code": "XYZ|"'))!.text, /not an OpenTrack event code/);
  });

  it('a team_id shows the team name; a relay bib shows the relay team or, failing that, the team', () => {
    assert.match(hoverAt(replaceIn(MEET, '"team_id": "HAV"', '"team_id": "|HAV"'))!.text, /\*\*Havenfield Harriers\*\* \(team `HAV`\) · 2 competitors/);
    assert.match(hoverAt(replaceIn(MEET, '"bib": "RVR"', '"bib": "R|VR"'))!.text, /\*\*Riverside AC\*\* \(team `RVR`\)/);
    const relay = hoverAt(replaceIn(MEET, '"bib": "HAV-A"', '"bib": "HAV-A|"'))!.text;
    assert.match(relay, /\*\*Havenfield A\*\* \(relay team `HAV-A` in 4x100 metres Relay MEN\)/);
    assert.match(relay, /Runners: 1 Andrew Robinson, 2 Ben Stone/);
  });

  it('a property key or a plain value shows the schema description', () => {
    const key = hoverAt(replaceIn(MEET, '"slug"', '"sl|ug"'));
    assert.equal(key?.covered, '"slug"');
    assert.match(key!.text, /web-address name/);
    const heights = hoverAt(replaceIn(MEET, '"heights"', '"heig|hts"'));
    assert.equal(heights?.covered, '"heights"');
    assert.match(heights!.text, /Vertical jumps only: the bar heights used/);
    const genders = hoverAt(replaceIn(MEET, '"genders": "M"', '"genders": "M|"'));
    assert.equal(genders?.covered, '"M"');
    assert.match(genders!.text, /Who may enter/);
    assert.match(hoverAt(replaceIn(MEET, '"round": 1', '"round": |1'))!.text, /round/i);
  });

  it('a performance in a child of a combined event shows its World Athletics points', () => {
    const first = hoverAt(replaceIn(MEET, '"performance": "14.00"', '"performance": "14.0|0"'));
    assert.equal(first?.covered, '"14.00"');
    assert.match(first!.text, /^\*\*975 points\*\* \(World Athletics men's 110H table, Decathlon MEN\)$/);
    const second = hoverAt(replaceIn(MEET, '"performance": "14.01"', '"performance": "|14.01"'));
    assert.match(second!.text, /\*\*973 points\*\*[\s\S]*The result records 970 points/);
  });

  it('no points outside combined events, and the gender comes from the competitor when the events have none', () => {
    assert.doesNotMatch(hoverAt(replaceIn(MEET, '"performance": "10.50"', '"performance": "10.5|0"'))!.text, /World Athletics/);
    const noGenders = replaceIn(MEET, '"genders": "M",\n      "rounds": "1",\n      "units": [],', '"rounds": "1",\n      "units": [],');
    assert.match(hoverAt(replaceIn(noGenders, '"performance": "14.00"', '"performance": "14.0|0"'))!.text, /975 points/);
    const unknownGender = replaceIn(replaceIn(noGenders, '"gender": "M",\n      "team_id": "HAV",\n      "events_entered": [\n        {\n          "event_id": "1"', '"team_id": "HAV",\n      "events_entered": [\n        {\n          "event_id": "1"'), '"performance": "14.00"', '"performance": "14.0|0"');
    assert.match(hoverAt(unknownGender)!.text, /need the gender/);
  });

  it("a combined event's own result shows the total of the athlete's points", () => {
    const withPoints = replaceIn(MEET, '{\n          "bib": "1"\n        }', '{\n          "bib": "1",\n          "points": 97|5\n        }');
    assert.match(hoverAt(withPoints)!.text, /\*\*975 points\*\* from 1 discipline[\s\S]*110H 975/);
  });

  it('nothing in comments, between tokens or outside the document', () => {
    assert.equal(hoverAt(replaceIn(MEET, '"slug"', '// a slu|g\n  "slug"')), undefined);
    assert.equal(hoverAt(replaceIn(MEET, '"slug":', '"slug":|')), undefined);
    assert.equal(hoverAt(`${MEET} |`), undefined);
  });
});
