import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { CompletionItem, InsertTextFormat, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completion, parseJson } from '../../../server/src/service';
import { expandSnippet } from '../../../server/src/service/features/snippetText';
import { MEET, replaceIn, withCursor } from './support';

function complete(marked: string): { items: CompletionItem[]; labels: string[]; text: string; apply(label: string): string } {
  const { document, position, text } = withCursor(marked);
  const items = completion(document, position).items;
  return {
    items,
    labels: items.map((i) => i.label),
    text,
    /** The document after accepting an item, snippet placeholders at their defaults. */
    apply(label: string): string {
      const item = items.find((i) => i.label === label);
      if (!item) throw new Error(`no item ${label} in ${items.map((i) => i.label).join(', ')}`);
      const main = item.textEdit as TextEdit;
      const edits = [{ ...main, newText: item.insertTextFormat === InsertTextFormat.Snippet ? expandSnippet(main.newText) : main.newText }, ...(item.additionalTextEdits ?? [])];
      return TextDocument.applyEdits(document.textDocument, edits);
    },
  };
}

/** Labels in the order the editor shows them (by sortText). */
function sorted(items: CompletionItem[]): string[] {
  return [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
}

function isStrictJson(text: string): boolean {
  return parseJson(text).problems.length === 0;
}

describe('completion: property names', () => {
  it('offers the properties of the object from the schema, without those present', () => {
    const { labels, items } = complete(replaceIn(MEET, '"place": 1,\n              "bib": "1"', '"place": 1,\n              |\n              "bib": "1"'));
    assert.ok(labels.includes('lane') && labels.includes('points') && labels.includes('order'));
    assert.ok(!labels.includes('place') && !labels.includes('bib') && !labels.includes('performance'));
    const lane = items.find((i) => i.label === 'lane')!;
    assert.equal((lane.textEdit as TextEdit).newText, '"lane": ${1:1},');
    assert.equal(lane.insertTextFormat, InsertTextFormat.Snippet);
  });

  it('inserts a skeleton for the type: string, enum, array of strings, default snippet', () => {
    const { items } = complete(replaceIn(MEET, '"competitor_id": "4",', '"competitor_id": "4",\n      |'));
    const text = (label: string): string => (items.find((i) => i.label === label)!.textEdit as TextEdit).newText;
    assert.equal(text('nationality'), '"nationality": "$1",');
    const unit = complete(replaceIn(MEET, '"heat": 2,', '"heat": 2,\n          |'));
    const unitText = (label: string): string => (unit.items.find((i) => i.label === label)!.textEdit as TextEdit).newText;
    assert.equal(unitText('heights'), '"heights": ["$1"],');
    assert.equal(unitText('trials'), '"trials": [$1],');
    assert.equal(unitText('show_athlete_details'), '"show_athlete_details": ${1|true,false|},');
    const event = complete(replaceIn(MEET, '"event_id": "R1",', '"event_id": "R1",\n      |'));
    const eventText = (label: string): string => (event.items.find((i) => i.label === label)!.textEdit as TextEdit).newText;
    assert.equal(eventText('age_groups'), '"age_groups": ["ALL"],');
    const gender = complete(replaceIn(MEET, '"gender": "M",\n      "team_id": "RVR",\n      "events_entered": []', '"team_id": "RVR",\n      "events_entered": [],\n      |'));
    assert.equal((gender.items.find((i) => i.label === 'gender')!.textEdit as TextEdit).newText, '"gender": "${1|M,F,X|}"');
  });

  it('replaces a partial key (quoted or bare) and keeps an existing colon', () => {
    const partial = complete(replaceIn(MEET, '"first_name": "Dan"', '"first_name": "Dan",\n      "nat|"'));
    const nationality = partial.items.find((i) => i.label === 'nationality')!;
    assert.equal(nationality.filterText, '"nationality"');
    assert.ok(isStrictJson(partial.apply('nationality')));
    const withColon = complete(replaceIn(MEET, '"first_name": "Dan"', '"first_name": "Dan",\n      "nat|": "GBR"'));
    assert.equal((withColon.items.find((i) => i.label === 'nationality')!.textEdit as TextEdit).newText, '"nationality"');
    assert.ok(isStrictJson(withColon.apply('nationality')));
    const bare = complete(replaceIn(MEET, '"first_name": "Dan"', '"first_name": "Dan",\n      nat|'));
    assert.equal(bare.items.find((i) => i.label === 'nationality')!.filterText, 'nationality');
    assert.ok(isStrictJson(bare.apply('nationality')));
  });

  it('adds the comma the previous property lacks', () => {
    const result = complete(replaceIn(MEET, '"first_name": "Dan"', '"first_name": "Dan"\n      |'));
    const applied = result.apply('nationality');
    assert.ok(isStrictJson(applied), applied);
  });

  it('offers no attempt number in vertical trials', () => {
    const { labels } = complete(replaceIn(MEET, '"height": "1.85",\n              "result": "x"', '"height": "1.85",\n              "result": "x",\n              |'));
    assert.deepEqual(labels, []);
    const empty = complete(replaceIn(MEET, '"trials": [', '"trials": [\n            {|},'));
    assert.deepEqual(empty.labels.sort(), ['bib', 'height', 'result']);
  });

  it('marks required properties and sorts them first', () => {
    const { items } = complete(replaceIn(MEET, '"relay_teams": [', '"relay_teams": [\n    {|},'));
    assert.deepEqual(sorted(items).slice(0, 2), ['event_id', 'relay_team_id']);
    assert.equal(items.find((i) => i.label === 'event_id')!.labelDetails?.description, 'required');
  });
});

describe('completion: values', () => {
  it('bibs in a result: competitors, entered first, those with a result here last; replaces the whole string', () => {
    const result = complete(replaceIn(MEET, '"bib": "2"', '"bib": "|"'));
    assert.deepEqual(sorted(result.items), ['3', '2', '4', '1']);
    const three = result.items.find((i) => i.label === '3')!;
    assert.equal(three.detail, 'Carl Ude · Riverside AC');
    assert.equal(three.filterText, '"3"');
    assert.deepEqual((three.textEdit as TextEdit).range, { start: { line: 25, character: 21 }, end: { line: 25, character: 23 } });
    assert.match(result.apply('3'), /"bib": "3",\n\s+"performance": "10.70"/);
  });

  it('after a colon with nothing yet, inserts the value quoted (with the comma the next property needs)', () => {
    const result = complete(replaceIn(MEET, '"bib": "2",', '"bib": |'));
    const applied = result.apply('4');
    assert.match(applied, /"bib": "4",\n/);
    assert.ok(isStrictJson(applied));
    const last = complete(replaceIn(MEET, '"bib": "HAV-A",\n              "performance": "41.00"', '"performance": "41.00",\n              "bib": |'));
    assert.ok(isStrictJson(last.apply('HAV-A')));
  });

  it('right after the colon just typed, puts a space before the value', () => {
    const result = complete(replaceIn(MEET, '"bib": "2",', '"bib":|'));
    assert.match(result.apply('4'), /"bib": "4",\n/);
  });

  it("inside units, results, trials and entries: the item's default snippets from the schema", () => {
    const results = complete(replaceIn(MEET, '"results": [', '"results": [|'));
    assert.deepEqual(results.labels, ['track result', 'start-list entry']);
    assert.ok(isStrictJson(results.apply('track result')));
    const units = complete(replaceIn(MEET, '"units": [', '"units": [|'));
    assert.ok(units.labels.includes('vertical jump unit'));
    const runners = complete(replaceIn(MEET, '"runners": [', '"runners": [|'));
    assert.deepEqual(runners.labels, ['1', '2', '3', '4'], 'lists of ids offer the ids only');
  });

  it('on a partial bare word, replaces the word with the quoted value', () => {
    const result = complete(replaceIn(MEET, '"bib": "2"', '"bib": 3|'));
    const three = result.items.find((i) => i.label === '3')!;
    assert.equal(three.filterText, '3');
    assert.match(result.apply('3'), /"bib": "3",/);
  });

  it('bibs in trials: the athletes with a result in this unit', () => {
    const { labels } = complete(replaceIn(MEET, '"bib": "1",\n              "height": "1.85"', '"bib": "|",\n              "height": "1.85"'));
    assert.deepEqual(labels, ['2', '1']);
  });

  it('relay results: the relay teams of the event, then team ids', () => {
    const { items } = complete(replaceIn(MEET, '"bib": "RVR"', '"bib": "|"'));
    assert.deepEqual(sorted(items), ['HAV-A', 'HAV', 'RVR']);
    assert.equal(items.find((i) => i.label === 'HAV-A')!.labelDetails?.description, 'relay team');
  });

  it("relay runners: competitors, the relay team's club first, runners already in last", () => {
    const runners = '"runners": [\n        "1",\n        "2"\n      ]';
    assert.deepEqual(sorted(complete(replaceIn(MEET, runners, '"runners": ["1", "2", "|"]')).items), ['3', '4', '1', '2']);
    const rivals = replaceIn(MEET, '"team_id": "HAV",\n      "name": "Havenfield A"', '"team_id": "RVR",\n      "name": "Riverside A"');
    assert.deepEqual(sorted(complete(replaceIn(rivals, runners, '"runners": ["|"]')).items), ['3', '4', '1', '2']);
    assert.deepEqual(sorted(complete(replaceIn(MEET, runners, '"runners": [|]')).items), ['1', '2', '3', '4']);
  });

  it('combined event results: competitors', () => {
    const { labels } = complete(replaceIn(MEET, '"bib": "3"\n        }', '"bib": "|"\n        }'));
    assert.deepEqual(labels.sort(), ['1', '2', '3', '4']);
  });

  it('event codes grouped by kind', () => {
    const { items } = complete(replaceIn(MEET, '"event_code": "HJ",\n      "name"', '"event_code": "|",\n      "name"'));
    const group = (code: string): string | undefined => items.find((i) => i.label === code)?.labelDetails?.description;
    assert.equal(group('100'), 'Sprints and middle distance');
    assert.equal(group('110H'), 'Hurdles and steeplechase');
    assert.equal(group('4x400'), 'Relays');
    assert.equal(group('HJ'), 'Jumps');
    assert.equal(group('JT'), 'Throws');
    assert.equal(group('DEC'), 'Combined events');
    assert.equal(items.find((i) => i.label === 'PV')!.detail, 'Pole vault');
    const order = sorted(items);
    assert.ok(order.indexOf('800') < order.indexOf('110H') && order.indexOf('110H') < order.indexOf('4x100') && order.indexOf('HJ') < order.indexOf('SP') && order.indexOf('SP') < order.indexOf('DEC'));
  });

  it("an entry's event_code offers the entered event's code first", () => {
    const { items } = complete(replaceIn(MEET, '"event_id": "F1",\n          "event_code": "HJ"', '"event_id": "F1",\n          "event_code": "|"'));
    assert.equal(sorted(items)[0], 'HJ');
    assert.equal(items.filter((i) => i.label === 'HJ').length, 1);
  });

  it('event ids: all events for entries, relay events for relay teams, combined events for parent', () => {
    const entry = '"events_entered": [\n        {\n          "event_id": "1"';
    assert.deepEqual(complete(replaceIn(MEET, entry, entry.replace('"1"', '"|"'))).labels, ['1', 'F1', 'R1', 'D1', 'D2']);
    assert.deepEqual(complete(replaceIn(MEET, '"event_id": "R1",\n      "relay_team_id"', '"event_id": "|",\n      "relay_team_id"')).labels, ['R1']);
    assert.deepEqual(complete(replaceIn(MEET, '"parent": "D1"', '"parent": "|"')).labels, ['D1']);
    const detail = complete(replaceIn(MEET, '"parent": "D1"', '"parent": "|"')).items[0]!.detail;
    assert.equal(detail, 'Decathlon MEN · DEC');
  });

  it('team ids for competitors and relay teams', () => {
    const { items } = complete(replaceIn(MEET, '"team_id": "RVR",\n      "events_entered": []', '"team_id": "|",\n      "events_entered": []'));
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [['HAV', 'Havenfield Harriers'], ['RVR', 'Riverside AC']]);
  });

  it("a relay team's relay_team_id: its club's free ids in the event", () => {
    assert.deepEqual(complete(replaceIn(MEET, '"relay_team_id": "HAV-A"', '"relay_team_id": "|"')).labels, ['HAV-A', 'HAV-B']);
    const second = replaceIn(MEET, '"relay_teams": [', '"relay_teams": [\n    { "event_id": "R1", "team_id": "HAV", "relay_team_id": "|" },');
    assert.deepEqual(complete(second).labels, ['HAV-B', 'HAV-C']);
  });

  it("the unit's heights inside vertical trials", () => {
    assert.deepEqual(complete(replaceIn(MEET, '"height": "1.85"', '"height": "|"')).labels, ['1.80', '1.85', '1.90']);
  });

  it('enums: genders, gender, trial marks, statuses', () => {
    assert.deepEqual(complete(replaceIn(MEET, '"genders": "M"', '"genders": "|"')).labels, ['M', 'F', 'MF']);
    assert.deepEqual(complete(replaceIn(MEET, '"gender": "M"', '"gender": "|"')).labels, ['M', 'F', 'X']);
    assert.deepEqual(complete(replaceIn(MEET, '"result": "x"', '"result": "|"')).labels, ['o', 'x', '-', 'r']);
    const horizontal = JSON.stringify({ events: [{ event_id: 'F2', event_code: 'LJ', units: [{ round: 1, heat: 1, trials: [{ bib: '1', round: 1, result: '' }] }] }] });
    assert.deepEqual(complete(horizontal.replace('"result":""', '"result":"|"')).labels, ['x', '-', 'r']);
    const unit = complete(replaceIn(MEET, '"heat": 2,', '"heat": 2,\n          "results_status": "|",'));
    assert.deepEqual(unit.labels, ['official', 'provisional']);
    assert.ok(complete(replaceIn(MEET, '"performance": "10.70"', '"performance": "|"')).labels.includes('DNF'));
  });

  it('booleans insert raw', () => {
    const result = complete(replaceIn(MEET, '"heat": 2,', '"heat": 2,\n          "show_athlete_details": |,'));
    assert.deepEqual(result.labels, ['true', 'false']);
    assert.match(result.apply('true'), /"show_athlete_details": true,/);
  });

  it('offers nothing for free text, inside comments or after a key without colon', () => {
    assert.deepEqual(complete(replaceIn(MEET, '"first_name": "Dan"', '"first_name": "|"')).labels, []);
    assert.deepEqual(complete(replaceIn(MEET, '"slug"', '// "bib": "|"\n  "slug"')).labels, []);
    assert.deepEqual(complete(replaceIn(MEET, '"bib": "2"', '"bib" |')).labels, []);
  });
});

describe('completion: skeletons', () => {
  it('between events: the event skeletons, with event ids the document does not use yet', () => {
    const result = complete(replaceIn(MEET, '"events": [', '"events": [|'));
    assert.deepEqual(result.labels, ['ot-running', 'ot-horizontal-jump', 'ot-throw', 'ot-vertical-jump', 'ot-relay', 'ot-combined']);
    const running = result.items[0]!;
    assert.equal(running.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(running.labelDetails?.description, 'Running event');
    assert.match(running.detail ?? '', /^A track event/);
    const applied = result.apply('ot-running');
    assert.ok(isStrictJson(applied), applied);
    const withT10 = complete(replaceIn(MEET.replace('"event_id": "1"', '"event_id": "T10"'), '"events": [', '"events": [|'));
    assert.match((withT10.items[0]!.textEdit as TextEdit).newText, /"event_id": "\$\{1:T11\}"/);
  });

  it('between competitors: a competitor with a free bib and an existing team', () => {
    const result = complete(replaceIn(MEET, '"competitors": [', '"competitors": [|'));
    assert.deepEqual(result.labels, ['ot-competitor']);
    const text = (result.items[0]!.textEdit as TextEdit).newText;
    assert.match(text, /"competitor_id": "\$\{1:5\}"/);
    assert.match(text, /"team_id": "\$\{6:HAV\}"/);
    assert.ok(isStrictJson(result.apply('ot-competitor')));
  });

  it('after the last item: adds the comma before', () => {
    const result = complete(replaceIn(MEET, '"team_name": "Riverside AC"\n    }', '"team_name": "Riverside AC"\n    }\n    |'));
    assert.deepEqual(result.labels, ['ot-team']);
    const applied = result.apply('ot-team');
    assert.ok(isStrictJson(applied), applied);
    assert.match(applied, /"team_id": "BEL"/);
  });

  it('between relay teams: relay teams of an existing relay event', () => {
    const result = complete(replaceIn(MEET, '"relay_teams": [', '"relay_teams": [|'));
    assert.deepEqual(result.labels, ['ot-relay-teams', 'ot-relay-team']);
    const applied = result.apply('ot-relay-team');
    assert.ok(isStrictJson(applied));
    assert.match(applied, /"event_id": "R1",\s+"relay_team_id": "HAV-B",\s+"team_id": "HAV",\s+"name": "Havenfield Harriers B"/);
  });

  it('a bare word typed between items is replaced, filtered by prefix and label', () => {
    const result = complete(replaceIn(MEET, '"events": [', '"events": [ot-thr|'));
    const item = result.items.find((i) => i.label === 'ot-throw')!;
    assert.equal(item.filterText, 'ot-throw Throw');
    assert.ok(isStrictJson(result.apply('ot-throw')));
  });

  it('an empty document: the competition skeleton', () => {
    const result = complete('|');
    assert.deepEqual(result.labels, ['ot-competition']);
    assert.ok(isStrictJson(result.apply('ot-competition')));
  });
});
