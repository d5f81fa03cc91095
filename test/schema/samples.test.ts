// Tests of the sample competitions in samples/: they are strict JSON with 2-space indentation and
// internally consistent (cross-references, places, best marks, heights, combined-event points).
// broken.opentrack.json is the demo file: it must contain exactly its documented mistakes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/repo';
import { compileStrict } from './schemaAjv';

const ROOT = repoRoot();
const SAMPLES_DIR = path.join(ROOT, 'samples');
const BROKEN = 'broken.opentrack.json';

// ---------------------------------------------------------------------------
// Minimal document types (only what the checks read)
// ---------------------------------------------------------------------------
interface Result { bib?: unknown; place?: unknown; performance?: unknown; points?: unknown; lane?: unknown }
interface Trial { bib?: unknown; round?: unknown; height?: unknown; result?: unknown }
interface Unit { round?: unknown; heat?: unknown; rounds?: unknown; heights?: unknown[]; results?: Result[]; trials?: Trial[] }
interface Event {
  event_id: string; event_code: string; category?: string; rounds?: unknown; parent?: string | null;
  max_field_attempts?: number; lanes?: number; units?: Unit[]; results?: Result[]; genders?: string;
}
interface Competitor { competitor_id: string; gender?: string; team_id?: string; events_entered?: { event_id: string; event_code?: string }[] }
interface RelayTeam { event_id: string; relay_team_id: string; team_id?: string; runners?: string[] }
interface Competition {
  date?: string; finish_date?: string; events?: Event[]; competitors?: Competitor[];
  teams?: { team_id: string }[]; relay_teams?: RelayTeam[];
}
interface Problem { path: string; message: string }

// ---------------------------------------------------------------------------
// Event kinds and performances
// ---------------------------------------------------------------------------
const COMBINED = /^(DEC|HEP|PEN|PENI|PENWT|BI|TRI|QUAD|HEX|OCT|ENN|HEN|DOD|ICO)$/;
const VERTICAL = /^(HJ|PV)$/;
const HORIZONTAL = /^(LJ|TJ|SP|DT|HT|JT|WT)([0-9.]+K?)?$/;
const RELAY = /^[0-9]+x[0-9]+H?$/;
const TRACK = /^([0-9]+(H|SC|W)?|MILE)$/;
const STATUS = /^(DNS|DNF|DQ|NM|NH)$/;
const TIME = /^(?:(?:[0-9]+:)?[0-5]?[0-9]:)?[0-9]{1,2}\.[0-9]{2}$/;
const MARK = /^[0-9]+\.[0-9]{2}$/;

type Kind = 'combined' | 'vertical' | 'horizontal' | 'track';
function kindOf(code: string): Kind | undefined {
  if (COMBINED.test(code)) return 'combined';
  if (VERTICAL.test(code)) return 'vertical';
  if (HORIZONTAL.test(code)) return 'horizontal';
  if (RELAY.test(code) || TRACK.test(code)) return 'track';
  return undefined;
}
const seconds = (t: string): number => t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
/** Lower is better for every kind once converted (times as-is, marks and points negated). */
function score(kind: Kind, perf: string): number {
  return kind === 'track' ? seconds(perf) : -Number(perf);
}

// World Athletics combined-events tables: [A, B, C, measure] with t = seconds, cm = centimetres, m = metres.
type Coeff = [number, number, number, 't' | 'cm' | 'm'];
const WA: Record<string, Record<string, Coeff>> = {
  M: {
    '100': [25.4347, 18, 1.81, 't'], LJ: [0.14354, 220, 1.4, 'cm'], SP: [51.39, 1.5, 1.05, 'm'], HJ: [0.8465, 75, 1.42, 'cm'],
    '400': [1.53775, 82, 1.81, 't'], '110H': [5.74352, 28.5, 1.92, 't'], DT: [12.91, 4, 1.1, 'm'], PV: [0.2797, 100, 1.35, 'cm'],
    JT: [10.14, 7, 1.08, 'm'], '1500': [0.03768, 480, 1.85, 't'],
  },
  F: {
    '100H': [9.23076, 26.7, 1.835, 't'], HJ: [1.84523, 75, 1.348, 'cm'], SP: [56.0211, 1.5, 1.05, 'm'], '200': [4.99087, 42.5, 1.81, 't'],
    LJ: [0.188807, 210, 1.41, 'cm'], JT: [15.9803, 3.8, 1.04, 'm'], '800': [0.11193, 254, 1.88, 't'],
  },
};
function waPoints(gender: string, code: string, perf: string): number | undefined {
  const c = WA[gender]?.[code];
  if (!c) return undefined;
  const [a, b, exp, measure] = c;
  const x = measure === 't' ? b - seconds(perf) : measure === 'cm' ? Math.round(Number(perf) * 100) - b : Number(perf) - b;
  return x <= 0 ? 0 : Math.floor(a * Math.pow(x, exp));
}

// ---------------------------------------------------------------------------
// The consistency checker
// ---------------------------------------------------------------------------
function consistencyProblems(doc: Competition): Problem[] {
  const problems: Problem[] = [];
  const report = (p: string, message: string) => problems.push({ path: p, message });
  const events = doc.events ?? [];
  const competitors = doc.competitors ?? [];
  const eventById = new Map(events.map((e) => [e.event_id, e]));
  const competitorIds = new Set(competitors.map((c) => c.competitor_id));
  const teamIds = new Set((doc.teams ?? []).map((t) => t.team_id));

  if (doc.date && doc.finish_date && doc.finish_date < doc.date) report('/finish_date', 'finish_date is before date');

  // competitors, entries, teams
  const seenCompetitors = new Set<string>();
  competitors.forEach((c, i) => {
    if (seenCompetitors.has(c.competitor_id)) report(`/competitors/${i}/competitor_id`, 'duplicate competitor_id');
    seenCompetitors.add(c.competitor_id);
    if (c.team_id !== undefined && !teamIds.has(c.team_id)) report(`/competitors/${i}/team_id`, 'team not in teams');
    (c.events_entered ?? []).forEach((entry, j) => {
      const ev = eventById.get(entry.event_id);
      if (!ev) report(`/competitors/${i}/events_entered/${j}/event_id`, 'no such event');
      else if (entry.event_code !== undefined && entry.event_code !== ev.event_code) {
        report(`/competitors/${i}/events_entered/${j}/event_code`, `event ${ev.event_id} is ${ev.event_code}`);
      }
    });
  });

  // events
  const seenEvents = new Set<string>();
  const codeCategory = new Set<string>();
  events.forEach((ev, i) => {
    const at = `/events/${i}`;
    if (seenEvents.has(ev.event_id)) report(`${at}/event_id`, 'duplicate event_id');
    seenEvents.add(ev.event_id);
    const cc = `${ev.event_code}|${ev.category ?? ''}`;
    if (codeCategory.has(cc)) report(`${at}/category`, 'event_code + category not unique');
    codeCategory.add(cc);
    const kind = kindOf(ev.event_code);
    if (!kind) report(`${at}/event_code`, 'unknown event code');

    // combined events
    if (ev.parent) {
      const parent = eventById.get(ev.parent);
      if (!parent || !COMBINED.test(parent.event_code)) report(`${at}/parent`, 'parent is not a combined event');
    }
    if (kind === 'combined') {
      if ((ev.units ?? []).length !== 0) report(`${at}/units`, 'combined parent should have no units');
      const children = events.filter((e) => e.parent === ev.event_id);
      if (children.length === 0) report(at, 'combined event without children');
      (ev.results ?? []).forEach((r, k) => {
        if (!competitorIds.has(String(r.bib))) report(`${at}/results/${k}/bib`, 'not a competitor');
        if (typeof r.points === 'number') {
          const total = children.reduce((sum, child) => {
            const res = (child.units ?? []).flatMap((u) => u.results ?? []).find((x) => x.bib === r.bib);
            return sum + (typeof res?.points === 'number' ? res.points : 0);
          }, 0);
          if (total !== r.points) report(`${at}/results/${k}/points`, `children add up to ${total}`);
        }
      });
      checkPlaces(ev.results ?? [], (r) => (typeof r.points === 'number' ? -r.points : undefined), `${at}/results`, report);
      return;
    }

    // rounds ↔ units
    const heats = typeof ev.rounds === 'string' && /^[1-9][0-9]*(,[1-9][0-9]*)*$/.test(ev.rounds) ? ev.rounds.split(',').map(Number) : undefined;
    const seenUnits = new Set<string>();
    (ev.units ?? []).forEach((u, k) => {
      const uat = `${at}/units/${k}`;
      if (heats && typeof u.round === 'number' && typeof u.heat === 'number') {
        if (u.round < 1 || u.round > heats.length) report(`${uat}/round`, `event has ${heats.length} round(s)`);
        else if (u.heat < 1 || u.heat > heats[u.round - 1]) report(`${uat}/heat`, `round ${u.round} has ${heats[u.round - 1]} heat(s)`);
        if (seenUnits.has(`${u.round}/${u.heat}`)) report(uat, 'duplicate round/heat');
        seenUnits.add(`${u.round}/${u.heat}`);
      }
      if (kind) checkUnit(doc, ev, kind, u, uat, report);
    });
  });

  // relay teams
  const relayIds = new Set<string>();
  (doc.relay_teams ?? []).forEach((rt, i) => {
    const ev = eventById.get(rt.event_id);
    if (!ev || !RELAY.test(ev.event_code)) report(`/relay_teams/${i}/event_id`, 'not a relay event');
    if (relayIds.has(`${rt.event_id}|${rt.relay_team_id}`)) report(`/relay_teams/${i}/relay_team_id`, 'duplicate relay team');
    relayIds.add(`${rt.event_id}|${rt.relay_team_id}`);
    if (rt.team_id !== undefined && !teamIds.has(rt.team_id)) report(`/relay_teams/${i}/team_id`, 'team not in teams');
    (rt.runners ?? []).forEach((bib, j) => {
      if (!competitorIds.has(bib)) report(`/relay_teams/${i}/runners/${j}`, 'runner is not a competitor');
    });
  });
  return problems;
}

/** Standard competition ranking: place = 1 + number of results with a strictly better score. */
function checkPlaces(results: Result[], key: (r: Result) => number | undefined, at: string, report: (p: string, m: string) => void): void {
  const scored = results.map((r, k) => ({ r, k, s: key(r) }));
  for (const { r, k, s } of scored) {
    if (r.place === undefined) {
      if (s !== undefined) report(`${at}/${k}/place`, 'missing place');
      continue;
    }
    if (s === undefined) {
      report(`${at}/${k}/place`, 'place without a performance');
      continue;
    }
    const expected = 1 + scored.filter((o) => o.s !== undefined && o.s < s).length;
    if (r.place !== expected) report(`${at}/${k}/place`, `expected place ${expected}`);
  }
}

function checkUnit(doc: Competition, ev: Event, kind: Kind, u: Unit, at: string, report: (p: string, m: string) => void): void {
  const results = u.results ?? [];
  const relay = RELAY.test(ev.event_code);
  const relayIds = new Set((doc.relay_teams ?? []).filter((t) => t.event_id === ev.event_id).map((t) => t.relay_team_id));
  const competitorIds = new Set((doc.competitors ?? []).map((c) => c.competitor_id));
  const parent = ev.parent ? (doc.events ?? []).find((e) => e.event_id === ev.parent) : undefined;
  const genderOf = (bib: string) => (doc.competitors ?? []).find((c) => c.competitor_id === bib)?.gender;

  const bibs = new Set<string>();
  results.forEach((r, k) => {
    const bib = String(r.bib);
    if (bibs.has(bib)) report(`${at}/results/${k}/bib`, 'duplicate bib in unit');
    bibs.add(bib);
    if (relay ? !relayIds.has(bib) : !competitorIds.has(bib)) report(`${at}/results/${k}/bib`, relay ? 'not a relay_team_id' : 'not a competitor');
    const perf = typeof r.performance === 'string' ? r.performance : undefined;
    if (perf !== undefined && !STATUS.test(perf) && !(kind === 'track' ? TIME : MARK).test(perf)) report(`${at}/results/${k}/performance`, 'bad format');
    if (typeof r.lane === 'number' && ev.lanes !== undefined && r.lane > ev.lanes) report(`${at}/results/${k}/lane`, 'lane beyond event lanes');
    if (parent && typeof r.points === 'number' && perf && !STATUS.test(perf)) {
      const expected = waPoints(genderOf(bib) ?? '', ev.event_code, perf);
      if (expected !== undefined && expected !== r.points) report(`${at}/results/${k}/points`, `WA tables give ${expected}`);
    }
  });
  checkPlaces(results, (r) => (typeof r.performance === 'string' && !STATUS.test(r.performance) ? score(kind, r.performance) : undefined), `${at}/results`, report);

  const trials = u.trials ?? [];
  if (kind === 'horizontal') {
    if (typeof u.rounds === 'number' && ev.max_field_attempts !== undefined && u.rounds !== ev.max_field_attempts) report(`${at}/rounds`, 'differs from max_field_attempts');
    const seen = new Set<string>();
    trials.forEach((t, k) => {
      if (!bibs.has(String(t.bib))) report(`${at}/trials/${k}/bib`, 'bib has no result in this unit');
      if (typeof t.round === 'number' && typeof u.rounds === 'number' && t.round > u.rounds) report(`${at}/trials/${k}/round`, 'beyond the attempts');
      if (seen.has(`${t.bib}/${t.round}`)) report(`${at}/trials/${k}`, 'duplicate attempt');
      seen.add(`${t.bib}/${t.round}`);
      if (typeof t.result === 'string' && !/^(x|-|r)$/.test(t.result) && !MARK.test(t.result)) report(`${at}/trials/${k}/result`, 'mark not 2 dp');
    });
    results.forEach((r, k) => {
      const marks = trials.filter((t) => t.bib === r.bib && typeof t.result === 'string' && MARK.test(t.result)).map((t) => Number(t.result));
      if (marks.length && r.performance !== Math.max(...marks).toFixed(2)) report(`${at}/results/${k}/performance`, `best trial is ${Math.max(...marks).toFixed(2)}`);
    });
  }
  if (kind === 'vertical') {
    const heights = (u.heights ?? []).map(String);
    trials.forEach((t, k) => {
      if (!bibs.has(String(t.bib))) report(`${at}/trials/${k}/bib`, 'bib has no result in this unit');
      if (!heights.includes(String(t.height))) report(`${at}/trials/${k}/height`, 'height not in heights');
    });
    results.forEach((r, k) => {
      const mine = trials.filter((t) => t.bib === r.bib);
      for (const h of heights) {
        const at_h = mine.filter((t) => t.height === h).map((t) => t.result);
        if (at_h.filter((x) => x === 'x' || x === 'o').length > 3) report(`${at}/results/${k}`, `more than 3 attempts at ${h}`);
        const o = at_h.indexOf('o');
        if (o >= 0 && o !== at_h.length - 1) report(`${at}/results/${k}`, `attempts after clearing ${h}`);
      }
      const cleared = mine.filter((t) => t.result === 'o').map((t) => String(t.height));
      const best = cleared.sort((a, b) => Number(b) - Number(a))[0];
      if (best !== undefined && r.performance !== best) report(`${at}/results/${k}/performance`, `highest clearance is ${best}`);
    });
  }
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------
const sampleFiles = fs.readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.opentrack.json')).sort();
const read = (name: string): { text: string; doc: Competition } => {
  const text = fs.readFileSync(path.join(SAMPLES_DIR, name), 'utf8');
  return { text, doc: JSON.parse(text) as Competition };
};

describe('samples: format', () => {
  test('the expected samples exist', () => {
    for (const name of ['running', 'horizontal-jumps', 'throws', 'vertical-jumps', 'relay', 'combined-event', 'complete-meet', 'broken']) {
      assert.ok(sampleFiles.includes(`${name}.opentrack.json`), `samples/${name}.opentrack.json is missing`);
    }
  });

  for (const name of sampleFiles) {
    test(`strict JSON, 2-space indentation: ${name}`, () => {
      const { text, doc } = read(name);
      assert.equal(text, JSON.stringify(doc, null, 2) + '\n');
    });
  }

  test('one sample uses the 2026 field names, the others the v1 names', () => {
    const newer = sampleFiles.filter((f) => 'country' in read(f).doc);
    assert.deepEqual(newer, ['throws.opentrack.json']);
    const { doc } = read('throws.opentrack.json');
    for (const key of ['country', 'organiser', 'wa_rankings_category', 'year']) assert.ok(key in doc, key);
    for (const key of ['country_id', 'organiser_id', 'wa_rankings_category_id']) assert.ok(!(key in doc), key);
  });
});

describe('samples: internally consistent', () => {
  for (const name of sampleFiles.filter((f) => f !== BROKEN)) {
    test(name, () => {
      assert.deepEqual(consistencyProblems(read(name).doc), []);
    });
  }

  test('the checker itself notices planted mistakes', () => {
    const { doc } = read('complete-meet.opentrack.json');
    const events = doc.events ?? [];
    const ljIndex = events.findIndex((e) => e.event_code === 'LJ' && !e.parent);
    (events[ljIndex].units ?? [])[0].results![0].place = 2;
    const paths = consistencyProblems(doc).map((p) => p.path);
    assert.ok(paths.includes(`/events/${ljIndex}/units/0/results/0/place`), paths.join('\n'));
  });
});

describe('samples: broken.opentrack.json has exactly its documented mistakes', () => {
  const { doc } = read(BROKEN);

  test('schema-level mistakes', () => {
    const validate = compileStrict();
    assert.equal(validate(doc), false);
    const found = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`).sort();
    assert.deepEqual(found, ['/events/0/rounds pattern', '/events/1/units/0/round type', '/slug pattern']);
  });

  test('semantic mistakes', () => {
    const found = consistencyProblems(doc).map((p) => p.path).sort();
    assert.deepEqual(found, [
      '/competitors/10/events_entered/0/event_code', // LJ entry written as TJ
      '/events/2/units/0/results/1/performance', // 6.12 but the best trial is 6.21
      '/events/2/units/0/trials/9/bib', // bib 118 jumped but has no result
      '/events/3/units/0/trials/11/height', // 3.05 is not one of the heights
      '/finish_date', // before date
      '/relay_teams/1/runners/3', // 199 is not a competitor
    ]);
  });
});
