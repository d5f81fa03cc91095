import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { collectFindings, ruleInfo } from '../../server/src/service';
import { eventCodeInfo } from '../../server/src/service/format/eventCodes';
import { documentOf } from '../helpers/service';
import { Json, assertProperty, Leaf, Path, Prng, leaves, mistake, validCorpus, valueAt, withValue } from '../helpers/mutations';

/**
 * One cause, one diagnostic: after one mistake in a valid meet, every error or warning lies on
 * or inside the mutated value, or on the one other place that must change with it. The test
 * names that place for each kind of value; everything else is a stray diagnostic.
 */
const corpus = validCorpus().map(({ name, doc }) => ({ name, doc, leaves: leaves(doc).filter((l) => l.kind !== 'other') }));

const startsWith = (path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean => prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);

/** The unit a path lies in (events, i, units, j), if any. */
function unitOf(path: Path): Path | undefined {
  return path[0] === 'events' && path[2] === 'units' && path.length >= 4 ? path.slice(0, 4) : undefined;
}

/** The one other place that must change with the mutated value: a predicate over diagnostic paths. */
function partner(doc: Json, leaf: Leaf, value: Json): (path: Path) => boolean {
  const unit = unitOf(leaf.path);
  const inUnit = (path: Path, list: string, key?: string): boolean =>
    unit !== undefined && startsWith(path, [...unit, list]) && path.length >= unit.length + 2 && (key === undefined || path[unit.length + 2] === key);
  const bibOf = (path: Path): Json | undefined => valueAt(doc, [...path.slice(0, unit ? unit.length + 2 : 0), 'bib']);
  const sameBib = (path: Path): boolean => bibOf(path) === valueAt(doc, [...leaf.path.slice(0, -1), 'bib']);
  switch (leaf.kind) {
    // A trial decides its athlete's performance, and (vertical) the rest of the athlete's sequence.
    case 'trial-mark':
    case 'vertical-result':
    case 'height':
      return (path) => (inUnit(path, 'results', undefined) && sameBib(path) && path[path.length - 1] === 'performance') || (inUnit(path, 'trials') && sameBib(path));
    // A listed height and the trials at it change together; so does the order of the list.
    case 'heights-entry':
      return (path) => inUnit(path, 'trials') || (unit !== undefined && startsWith(path, [...unit, 'heights']));
    // Performances and places of a unit change together.
    case 'performance':
    case 'place':
      return (path) => inUnit(path, 'results') && path[path.length - 1] === 'place';
    // An identifier and the places that refer to it, by its old or its new value.
    case 'bib':
    case 'code':
    case 'event-id': {
      const values = new Set([leaf.value, value]);
      const record = leaf.path.slice(0, -1);
      const refers = (path: Path): boolean => values.has(valueAt(doc, path) as string);
      // A relay team's event and the results that name the team.
      const team = leaf.path[0] === 'relay_teams' ? valueAt(doc, [...record, 'relay_team_id']) : undefined;
      return (path) =>
        refers(path) || startsWith(path, record) || (team !== undefined && valueAt(doc, path) === team) || refers([...path.slice(0, -1), 'bib']) || (path[0] === 'events' && refers([...path.slice(0, 2), 'event_code']));
    }
    // Another result of the heat in the lane now taken twice.
    case 'lane':
      return (path) => inUnit(path, 'results') && valueAt(doc, [...path.slice(0, unit!.length + 2), 'lane']) === value;
    // The meeting's dates and the days of its events and units; a competition date that makes one
    // athlete's age impossible may as well be right (OT705 moves to the date when it makes several).
    case 'date':
    case 'day':
      return (path) => path.length === 1 || /(^|_)day$/.test(String(path[path.length - 1])) || (leaf.path.length === 1 && path[path.length - 1] === 'date_of_birth');
    // A competitor's gender and the entries and results that put them in an event; an event's genders and its entrants.
    case 'gender': {
      const competitor = leaf.path[0] === 'competitors' ? valueAt(doc, [...leaf.path.slice(0, -1), 'competitor_id']) : undefined;
      // A lone entrant refused by an event's genders: their entry or their gender may as well be the mistake.
      const eventId = valueAt(doc, [...leaf.path.slice(0, -1), 'event_id']);
      const entered = (path: Path): boolean => path[0] === 'competitors' && path[2] === 'gender' && JSON.stringify(valueAt(doc, path.slice(0, 2))).includes(`"event_id":${JSON.stringify(eventId)}`);
      return (path) =>
        competitor === undefined
          ? startsWith(path, leaf.path.slice(0, 2)) || (path[path.length - 1] === 'event_id' && valueAt(doc, path) === eventId) || entered(path)
          : path[0] === 'competitors' ? path[1] === leaf.path[1] : valueAt(doc, [...path.slice(0, -1), 'bib']) === competitor || valueAt(doc, path) === competitor;
    }
    case 'other':
      return () => false;
  }
}

test('one mistake, diagnostics only at the mistake or the place that must change with it', () => {
  let reported = 0;
  assertProperty(
    fc.property(fc.nat(), fc.nat(), fc.integer(), (docIndex, leafIndex, mutationSeed) => {
      const { name, doc, leaves: docLeaves } = corpus[docIndex % corpus.length]!;
      const leaf = docLeaves[leafIndex % docLeaves.length]!;
      const value = mistake(leaf, docLeaves, new Prng(mutationSeed));
      // An event code of another kind of discipline changes what every result means: not one mistake but a different meet.
      if (leaf.kind === 'code' && eventCodeInfo(String(value)) && eventCodeInfo(String(value))?.kind !== eventCodeInfo(String(leaf.value))?.kind) return;
      const mutated = withValue(doc, leaf.path, value);
      const findings = collectFindings(documentOf(JSON.stringify(mutated, null, 2)));
      const allowed = partner(mutated, leaf, value);
      const stray = findings.filter((f) => {
        const severity = f.severity ?? ruleInfo(f.code)?.severity ?? 'error';
        return (severity === 'error' || severity === 'warning') && !startsWith(f.path, leaf.path) && !allowed([...f.path]);
      });
      if (findings.length > 0) reported++;
      assert.deepEqual(
        stray.map((f) => `${f.code} at ${JSON.stringify(f.path)}: ${f.message}`),
        [],
        `${name}: ${JSON.stringify(leaf.path)} ${JSON.stringify(leaf.value)} → ${JSON.stringify(value)}`,
      );
    }),
    { numRuns: 1500, seed: 20261202 },
  );
  assert.ok(reported > 800, `only ${reported} mutations were reported`);
});
