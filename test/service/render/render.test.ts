import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { buildModel } from '../../../server/src/service/model';
import { isLargeMeet, renderCompetition, renderSection } from '../../../server/src/service/render/preview';
import { renderPage } from '../../../server/src/service/render/page';
import { competitionFiles, expectedResults, readJson, readRows } from '../../helpers/htmlRows';
import { fullExample, readRepoFile } from '../../helpers/repo';

const render = (doc: unknown): string => renderCompetition(buildModel(doc), { lazy: false }).html;
const sample = (name: string): any => JSON.parse(readRepoFile('samples', name));

describe('renderer: every result of the samples and of OpenTrack examples', () => {
  for (const file of competitionFiles()) {
    test(basename(file), () => {
      const doc = readJson(file);
      const rows = readRows(render(doc));
      const expected = expectedResults(doc);
      assert.ok(expected.length > 0);
      for (const result of expected) {
        const row = rows.get(result.path);
        assert.ok(row, `${result.path} is shown`);
        assert.equal((row.cells.get('place') ?? '').replace(/^=/, ''), result.place, `${result.path} place`);
        assert.equal(row.cells.get('mark') ?? '', result.mark, `${result.path} mark`);
        assert.ok((row.cells.get('athlete') ?? '').startsWith(result.name), `${result.path} shows ${result.name}, not ${row.cells.get('athlete')}`);
      }
    });
  }
});

describe('renderer: what each kind of event shows', () => {
  const doc = sample('complete-meet.opentrack.json');
  const html = render(doc);
  const rows = readRows(html);

  test('header: name, dates, venue, country (v1 and 2026 field names)', () => {
    assert.match(html, /<h1[^>]*>Northgate Summer Open 2025<\/h1>/);
    assert.match(html, /2025-06-14 – 2025-06-15/);
    assert.match(html, /Northgate Community Stadium/);
    assert.match(html, />GBR</);
    const v2026 = render({ full_name: 'X', country: 'NOR', date: '2026-05-01' });
    assert.match(v2026, />NOR</);
  });

  test('index: events grouped by day, then kind', () => {
    const index = /<nav class="index">(.*?)<\/nav>/s.exec(html)![1]!;
    const day1 = index.indexOf('Day 1');
    const day2 = index.indexOf('Day 2');
    assert.ok(day1 >= 0 && day2 > day1);
    assert.ok(index.indexOf('100 metres Men') < day2 && index.indexOf('Shot Put Men') > day2, '100 m on day 1, shot put on day 2');
    assert.match(index, /<h4>vertical jump<\/h4><ul><li><a href="#event-3"/);
  });

  test('long jump: attempts 1–3 with marks, fouls and the best mark highlighted', () => {
    const row = rows.get('events/2/units/0/results/0')!; // 204 Chloe Adams: 6.02, 6.11, x
    assert.equal(row.cells.get('attempt'), '6.02');
    assert.match(html, /<td class="attempt best">6\.11<\/td><td class="attempt foul">x<\/td><td class="mark">6\.11<\/td>/);
  });

  test('high jump: heights × attempts grid with the highest cleared height highlighted', () => {
    assert.match(html, /<th class="height">1\.55<\/th>.*<th class="height">1\.78<\/th>/s);
    const row = rows.get('events/3/units/0/results/0')!;
    assert.equal(row.cells.get('height'), '-', 'passed 1.55');
    assert.match(html, /<td class="height best">xxo<\/td><td class="height foul">xxx<\/td><td class="mark">1\.74<\/td>/);
  });

  test('relay: team name, club and runners', () => {
    const row = rows.get('events/5/units/0/results/0')!;
    assert.equal(row.cells.get('athlete'), 'Havenfield Harriers A Daniel Okafor, Tom Ashworth, Marcus Reid, Liam Chen');
    assert.equal(row.cells.get('team'), 'Havenfield Harriers');
  });

  test('combined event: World Athletics points per discipline, running total, ranked', () => {
    const parent = doc.events.findIndex((e: any) => e.event_code === 'HEP');
    const standings = [...rows.values()].filter((row) => row.path.startsWith(`events/${parent}/results/`));
    assert.equal(standings.length, doc.events[parent].results.length);
    const totals = standings.map((row) => Number(row.cells.get('mark')));
    assert.deepEqual(totals, [...totals].sort((a, b) => b - a), 'ranked by total');
    const first = standings[0]!;
    assert.equal(first.cells.get('place'), '1');
    // 100H 14.12 → 961 points; the running total after the 800 m equals the total.
    assert.match(html, /<td class="discipline"><span class="perf">14\.12<\/span><span class="points">961<\/span><span class="running" title="Running total">961<\/span><\/td>/);
    assert.equal(Number(first.cells.get('mark')), doc.events[parent].results[0].points, 'the sample records the same total');
    // Ranked by the computed totals, not by the order of the combined event's results.
    const reversed = structuredClone(doc);
    reversed.events[parent].results.reverse();
    const reranked = [...readRows(render(reversed)).values()].filter((row) => row.path.startsWith(`events/${parent}/results/`));
    assert.deepEqual(reranked.map((row) => row.cells.get('athlete')), standings.map((row) => row.cells.get('athlete')));
  });

  test('competitors and teams with the events they entered', () => {
    const competitor = rows.get('competitors/0')!;
    assert.equal(competitor.cells.get('athlete'), 'Daniel Okafor');
    assert.equal(competitor.cells.get('events'), '100 metres Men, 4x100 metres Relay Men');
    const team = rows.get('teams/0')!;
    assert.equal(team.cells.get('team'), 'Havenfield Harriers');
    assert.match(team.cells.get('events')!, /4x100 metres Relay Men/);
  });
});

describe('renderer: ties, statuses, start lists', () => {
  const event = (results: unknown[], extra: object = {}) => ({
    competitors: [{ competitor_id: '1', first_name: 'A' }, { competitor_id: '2', first_name: 'B' }, { competitor_id: '3', first_name: 'C' }, { competitor_id: '4', first_name: 'D' }],
    events: [{ event_id: 'T1', event_code: '100', units: [{ round: 1, heat: 1, results, ...extra }] }],
  });

  test('ties share a place shown as "=2"; statuses come after the placed athletes, DNS last', () => {
    const rows = [...readRows(render(event([
      { bib: '4', performance: 'DNS' },
      { bib: '3', performance: 'DNF' },
      { bib: '2', place: 2, performance: '10.50' },
      { bib: '1', place: 2, performance: '10.50' },
    ]))).values()].filter((row) => row.path.startsWith('events/'));
    assert.deepEqual(rows.map((row) => [row.cells.get('place'), row.cells.get('bib'), row.cells.get('mark')]), [
      ['=2', '2', '10.50'],
      ['=2', '1', '10.50'],
      ['', '3', 'DNF'],
      ['', '4', 'DNS'],
    ]);
    assert.match(render(event([{ bib: '3', performance: 'DQ' }])), /<td class="mark status">DQ<\/td>/);
  });

  test('a unit without places or marks is a start list with lanes', () => {
    const html = render(event([{ bib: '1', lane: 3 }, { bib: '2', lane: 4 }]));
    assert.match(html, /<table class="results start-list"><caption>Start list<\/caption>/);
    assert.doesNotMatch(html, /<th class="mark">/);
    assert.match(html, /<td class="lane">3<\/td>/);
  });

  test('wind is shown where present', () => {
    assert.match(render(event([{ bib: '1', place: 1, performance: '10.1', wind: '+1.2' }])), /<td class="wind">\+1\.2<\/td>/);
  });
});

describe('renderer: hostile data', () => {
  test('markup in names, ids and values is shown, never interpreted', () => {
    const doc = fullExample();
    doc.full_name = '<script>alert(1)</script>';
    doc.competitors[0].first_name = '<img src=x onerror=alert(1)>';
    doc.competitors[0].last_name = '"><b>';
    doc.events[1].name = '</summary><script>x</script>';
    doc.events[1].units[0].results[0].performance = '<i>9.99</i>';
    doc.events[1].units[0].results[0].bib = '" onclick="alert(1)';
    const page = renderPage(buildModel(doc));
    assert.doesNotMatch(page, /<script|<img|<b>|<i>|onclick="/i);
    assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(page, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  test('the static page is self-contained: no scripts, no external resources, a CSP that forbids them', () => {
    const page = renderPage(buildModel(sample('complete-meet.opentrack.json')));
    assert.doesNotMatch(page, /<script|<link|src=|url\(|@import|https?:\/\//i);
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  });

  test('wrong types, missing parts and absurd sizes render without throwing', () => {
    const shapes: unknown[] = [
      null, 42, 'text', [], {}, { events: 'x' }, { events: [null, 1, 'a', [], {}] },
      { events: [{ event_code: 'LJ', units: [{ rounds: 1e9, trials: [{ bib: '1', round: 1e9, result: {} }], results: [{ bib: 1, place: 'first', performance: 7 }] }] }] },
      { events: [{ event_code: 'HJ', units: [{ heights: Array.from({ length: 5000 }, (_, i) => String(i)), trials: [{ bib: '1', height: null, result: 5 }], results: [{ bib: '1' }] }] }] },
      { events: [{ event_id: 'C', event_code: 'DEC', results: [{ bib: '1' }, 'x'] }, { event_id: 'D', parent: 'C', event_code: '100', units: [{ results: [{ bib: '1', performance: '99:99:99' }] }] }] },
      { events: [{ event_id: 'C', event_code: 'DEC', parent: 'C' }], relay_teams: [{ relay_team_id: 'A', runners: 'x' }, null], teams: [{ team_id: {} }], competitors: [{ competitor_id: '1', events_entered: [null, { event_id: 5 }] }] },
    ];
    for (const shape of shapes) {
      const page = renderPage(buildModel(shape));
      assert.match(page, /<\/html>\n$/);
    }
    const heights = render(shapes[8]);
    assert.ok((heights.match(/<th class="height">/g) ?? []).length <= 80, 'columns are bounded');
    const attempts = render(shapes[7]);
    assert.ok((attempts.match(/<th class="attempt">/g) ?? []).length <= 12, 'attempt columns are bounded');
  });
});

describe('renderer: large meets render sections on demand', () => {
  test('a large meet renders shells; each section renders alone with its rows', () => {
    const doc = sample('complete-meet.opentrack.json');
    const results = doc.events[0].units[0].results;
    for (let i = 0; i < 3100; i++) results.push({ bib: String(1000 + i), place: 10 + i, performance: '12.00' });
    const model = buildModel(doc);
    assert.equal(isLargeMeet(model), true);
    assert.equal(isLargeMeet(buildModel(sample('complete-meet.opentrack.json'))), false);
    const page = renderCompetition(model, { lazy: true });
    assert.match(page.html, /<div class="body" data-lazy="event:0"><\/div>/);
    assert.ok(!page.rows.some((path) => path[2] === 'units'), 'no unit rows before the section is opened');
    const section = renderSection(model, 'event:0')!;
    const expected = doc.events[0].units.reduce((n: number, unit: any) => n + unit.results.length, 0);
    assert.equal(readRows(section.html).size, expected, 'every result of the three units of the 100 m');
    assert.ok(section.rows.some((path) => path.join('/') === 'events/0/units/0/results/3000'));
    assert.ok(renderSection(model, 'competitors')!.html.includes('Daniel Okafor'));
    assert.equal(renderSection(model, 'event:999'), undefined);
  });
});
