import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, DiagnosticSeverity, TextEdit } from 'vscode-languageserver-types';
import { DiagnosticData } from '../../../server/src/service';
import { isSafeFix } from '../../../server/src/service/findings';
import { codeActions } from '../../../server/src/service/features/codeActions';
import { diagnose, mutate, textAt } from '../../helpers/service';
import { fullExample } from '../../helpers/repo';

type Doc = Record<string, any>;
const base = fullExample();
const event = (doc: Doc, code: string): Doc => doc.events.find((e: Doc) => e.event_code === code);
const only = (text: string, code: string) => diagnose(text).filter((d) => d.code === code);
const fixesOf = (text: string, code: string) => ((only(text, code)[0]?.data as DiagnosticData | undefined)?.fixes ?? []);

function fixAll(text: string): string {
  const document = TextDocument.create('file:///meet.opentrack.json', 'json', 1, text);
  const [action] = codeActions(document, [], ['source.fixAll'], diagnose(text)) as CodeAction[];
  const edits: TextEdit[] = action?.edit?.changes?.['file:///meet.opentrack.json'] ?? [];
  return TextDocument.applyEdits(document, edits);
}

describe('OT008 duplicate keys', () => {
  const text = '{\n  "full_name": "First",\n  "slug": "meet",\n  "full_name": "Second"\n}';

  test('the earlier key of a pair is reported, once, as a warning that says which value is lost', () => {
    const found = only(text, 'OT008');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.range.start.line, 1);
    assert.equal(textAt(text, found[0]!), '"full_name"');
    assert.equal(found[0]!.severity, DiagnosticSeverity.Warning);
    assert.match(found[0]!.message, /keep only the last value, so this one is lost/);
  });

  test('three occurrences give two findings; nested objects and broken JSON are checked too', () => {
    assert.equal(only('{"a": 1, "a": 2, "a": 3}', 'OT008').length, 2);
    const nested = '{"events": [{"event_id": "1", "name": "x", "event_id": "2"}]}';
    assert.equal(textAt(nested, only(nested, 'OT008')[0]!), '"event_id"');
    const broken = '{"slug": "a", "slug": "b",}';
    assert.deepEqual(diagnose(broken).filter((d) => d.code !== 'OT011').map((d) => d.code).sort(), ['OT002', 'OT008']);
  });

  test('a key given twice is seen in a text where another key hides behind a comment, a stray byte order mark or a broken token', () => {
    for (const text of ['{"a": 1, "a": 2, "r": {"z" 5}}', '{"a": 1, "a": 2, "b" /* note */ : 3}', '{"a": 1, "a": 2, "b"\ufeff: 3}', '{"a": 1, "a": 2, b: 3}']) {
      assert.equal(only(text, 'OT008').length, 1, text);
    }
  });

  test('near misses: the same key in sibling objects, key-like text inside strings', () => {
    assert.deepEqual(only('{"events": [{"event_id": "1"}, {"event_id": "2"}], "x": {"event_id": "1"}}', 'OT008'), []);
    assert.deepEqual(only('{"name": "a\\": 1, \\"name\\": 2", "address": " : ", "b": ":"}', 'OT008'), []);
  });
});

describe('rules with more than one place to report', () => {
  test('OT609: when no entrant of an event is admitted, the event\'s "genders" is reported once', () => {
    const text = JSON.stringify(mutate(base, (d) => (event(d, '100').genders = 'F')), null, 2);
    const found = only(text, 'OT609');
    assert.deepEqual(found.map((d) => textAt(text, d)), ['"F"']);
    assert.match(found[0]!.message, /^"genders" is "F" but none of the 3 entrants of this event is admitted by it \(their genders: M\)/);
  });

  test('OT404: places are not checked against an impossible time: one warning, at the time', () => {
    const text = JSON.stringify(mutate(base, (d) => (event(d, '100').units[0].results[1].performance = '1.48')), null, 2);
    assert.deepEqual(diagnose(text).filter((d) => d.severity! <= DiagnosticSeverity.Warning).map((d) => `${String(d.code)} ${textAt(text, d)}`), ['OT404 "1.48"']);
  });

  test('OT705: a competition date that makes several ages impossible is reported once, at the date; one wrong birth date at itself', () => {
    const text = JSON.stringify(mutate(base, (d) => (d.date = '1970-08-10')), null, 2);
    const found = only(text, 'OT705');
    assert.deepEqual(found.map((d) => textAt(text, d)), ['"1970-08-10"']);
    assert.match(found[0]!.message, /^Competition date 1970-08-10 gives 3 athletes an impossible age/);
    const one = JSON.stringify(mutate(base, (d) => (d.competitors[3].date_of_birth = '2019-02-25')), null, 2);
    assert.deepEqual(only(one, 'OT705').map((d) => textAt(one, d)), ['"2019-02-25"']);
  });

  test('OT602/OT604: a relay team moved to a non-relay event, or an event id given twice, is reported there, not at every result or entry', () => {
    const moved = JSON.stringify(
      mutate(base, (d) => {
        // A relay team id that is no team id, so that only the relay team can make the result's bib valid.
        d.relay_teams[0].relay_team_id = 'THH-A';
        for (const unit of event(d, '4x200').units) for (const result of unit.results) if (result.bib === 'THH') result.bib = 'THH-A';
        d.relay_teams[0].event_id = '003';
      }),
      null,
      2,
    );
    assert.deepEqual(only(moved, 'OT602'), []);
    assert.ok(diagnose(moved).some((d) => textAt(moved, d) === '"003"'), 'reported at the team\'s event_id');
    // The long jump takes the javelin's id, ahead of it: entries to F3 now find the long jump first.
    const twice = JSON.stringify(mutate(base, (d) => (event(d, 'LJ').event_id = 'F3')), null, 2);
    assert.deepEqual(only(twice, 'OT604'), []);
    assert.ok(diagnose(twice).some((d) => textAt(twice, d) === '"F3"'), 'reported at the duplicated id');
  });

  test('OT604: entries under one wrong code in two events, or two wrong codes in one event, each get their own message and fix', () => {
    // Messages are made once per event and code: neither may stand for the pair.
    const text = JSON.stringify(
      mutate(base, (d) => {
        d.competitors[0].events_entered[1].event_code = 'lj'; // H3, the long jump: letter case only
        d.competitors[0].events_entered[2].event_code = 'lj'; // F3, the javelin
        d.competitors[1].events_entered[1].event_code = 'JT'; // H3 again
        d.competitors[2].events_entered[1].event_code = 'lj'; // F3 again
      }),
      null,
      2,
    );
    const found = only(text, 'OT604').map((d) => [textAt(text, d), d.message, (d.data as DiagnosticData).fixes!.map((f) => [f.title, f.kind])]);
    const message = (code: string, id: string, eventCode: string, name: string): string => `Entry code "${code}" does not match event "${id}", which is "${eventCode}" (${name}). Use "${eventCode}".`;
    assert.deepEqual(found, [
      ['"lj"', message('lj', 'H3', 'LJ', 'LJ M'), [['Change to "LJ"', 'case']]],
      ['"lj"', message('lj', 'F3', 'JT', 'Javelin'), [['Change to "JT" — the code of event "F3"', 'data']]],
      ['"JT"', message('JT', 'H3', 'LJ', 'LJ M'), [['Change to "LJ" — the code of event "H3"', 'data']]],
      ['"lj"', message('lj', 'F3', 'JT', 'Javelin'), [['Change to "JT" — the code of event "F3"', 'data']]],
    ]);
  });

  test('OT305: a swapped height is reported, a duplicated height inside the list too', () => {
    const text = JSON.stringify(mutate(base, (d) => (event(d, 'PV').units[0].heights = ['3.10', '3.25', '3.25', '3.55', '3.70'])), null, 2);
    assert.equal(only(text, 'OT305').length, 1);
  });

  test('OT404: a sprint-like time in a distance race says where the colon goes', () => {
    const doc = mutate(base, (d) => {
      event(d, '100').event_code = '5000';
      for (const unit of event(d, '5000').units) for (const result of unit.results) result.performance = `14:${result.performance}`;
      event(d, '5000').units[0].results[0].performance = '14.25';
    });
    const found = only(JSON.stringify(doc, null, 2), 'OT404');
    assert.deepEqual(found.map((d) => d.message), [
      'Performance 14.25 is beyond the world record for 5000 (12:35.36). Check the value: minutes and seconds are separated by a colon, such as "14:25".',
    ]);
  });

  test('OT703: a recognised athletics field is information that does not claim what OpenTrack does; a typo stays a warning', () => {
    const text = JSON.stringify(mutate(base, (d) => { event(d, '100').units[0].wind = '+1.2'; d.competitors[0].frist_name = 'A'; }), null, 2);
    const found = only(text, 'OT703');
    assert.deepEqual(found.map((d) => [textAt(text, d), d.severity]), [['"frist_name"', DiagnosticSeverity.Warning], ['"wind"', DiagnosticSeverity.Information]]);
    for (const d of found) assert.match(d.message, /not part of OpenTrack's documented format/);
  });
});

describe('fix safety of the new rules', () => {
  test('OT706: Fix All uppercases an event id together with every reference to it', () => {
    const doc = mutate(base, (d) => {
      event(d, 'LJ').event_id = 'h3';
      event(d, 'LJ').units[0].event_id = 'h3';
      for (const c of d.competitors) for (const e of c.events_entered) if (e.event_id === 'H3') e.event_id = 'h3';
    });
    const text = JSON.stringify(doc, null, 2);
    assert.equal(only(text, 'OT706').length, 1);
    const fixed = fixAll(text);
    assert.deepEqual(JSON.parse(fixed), base);
  });

  test('OT706: references in capitals to an event id in lowercase are not reported as dangling: one cause, one diagnostic', () => {
    for (const code of ['LJ', 'TRI', 'PV']) {
      const text = JSON.stringify(mutate(base, (d) => (event(d, code).event_id = event(d, code).event_id.toLowerCase())), null, 2);
      const found = diagnose(text);
      assert.deepEqual(found.map((d) => d.code), ['OT706'], code);
      assert.deepEqual(JSON.parse(fixAll(text)), base);
    }
  });

  test('OT706: no safe fix when the id in capitals is taken', () => {
    const text = JSON.stringify(mutate(base, (d) => d.events.push({ event_id: 'h3', event_code: 'TJ', name: 'TJ' })), null, 2);
    assert.deepEqual(fixesOf(text, 'OT706'), []);
  });

  test('fixes that change a performance, a place, a height list or an entry are never safe', () => {
    const cases: Array<[string, (d: Doc) => void]> = [
      ['OT207', (d) => (event(d, 'JT').units[0].results[0].performance = 'NM')],
      ['OT208', (d) => { event(d, 'LJ').units[0].trials[3].result = 'x'; event(d, 'LJ').units[0].trials[4].result = 'x'; }],
      ['OT305', (d) => (event(d, 'PV').units[0].heights = ['3.10', '3.40', '3.25', '3.55', '3.70'])],
      ['OT405', (d) => (event(d, '100').units[0].results[0].performance = 'DNF')],
      ['OT406', (d) => { event(d, 'JT').units[0].trials[0].result = '47.04'; Object.assign(event(d, 'JT').units[0].results[0], { performance: '47.04', place: 1 }); event(d, 'JT').units[0].results[2].place = 2; }],
      ['OT610', (d) => event(d, '100').units[2].results.push({ bib: '4', performance: '10.90', place: 4 })],
      ['OT611', (d) => (event(d, '4x200').units[0].distance = 400)],
    ];
    for (const [code, change] of cases) {
      const fixes = fixesOf(JSON.stringify(mutate(base, change), null, 2), code);
      assert.ok(fixes.length > 0, `${code} offers a fix`);
      assert.deepEqual(fixes.filter(isSafeFix), [], `${code} fixes are not safe`);
    }
  });

  test('OT406: the fix renumbers every place after the tie', () => {
    const doc = mutate(base, (d) => {
      const unit = event(d, '100').units[2];
      unit.results.push({ bib: '4', performance: '10.60', place: 3 });
      Object.assign(unit.results[2], { performance: '10.37', place: 2 });
      d.competitors[3].events_entered.push({ event_code: 'TRI', event_id: 'M01' });
    });
    const text = JSON.stringify(doc, null, 2);
    const [fix] = fixesOf(text, 'OT406');
    assert.deepEqual(fix!.edits, [{ op: 'replace', path: ['events', 1, 'units', 2, 'results', 3, 'place'], value: 4 }]);
  });
});
