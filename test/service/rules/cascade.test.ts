import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, mutate, textAt } from '../../helpers/service';
import { fullExample } from '../../helpers/repo';

type Doc = Record<string, any>;
const base = fullExample();
const unitOf = (doc: Doc, code: string): Doc => doc.events.find((e: Doc) => e.event_code === code).units[0];

/** Codes and covered text of every diagnostic. */
function found(doc: Doc): string[] {
  const text = JSON.stringify(doc, null, 2);
  return diagnose(text).map((d) => `${String(d.code)} ${textAt(text, d)}`);
}

/** The PV unit with one athlete's best clearance moved to `height`. */
function pvClearanceAt(height: string): Doc {
  return mutate(base, (d) => {
    const pv = unitOf(d, 'PV');
    const bib = pv.results[0].bib;
    const clearances = pv.trials.filter((t: Doc) => t.bib === bib && t.result === 'o');
    clearances[clearances.length - 1].height = height;
  });
}

describe('one cause, one diagnostic: a rejected attempt counts toward nothing', () => {
  test('a clearance at a height not in "heights" is reported there, and the performance is not judged from it', () => {
    assert.deepEqual(found(pvClearanceAt('3.90')), ['OT302 "3.90"']);
  });

  test('negative: once the height is listed, the same clearance does make the performance wrong', () => {
    const listed = mutate(pvClearanceAt('3.90'), (d) => unitOf(d, 'PV').heights.push('3.90'));
    assert.deepEqual(found(listed).map((f) => f.split(' ')[0]), ['OT203']);
  });

  test('an attempt after elimination is reported at the attempt, not at the performance', () => {
    const doc = mutate(base, (d) => {
      const pv = unitOf(d, 'PV');
      const eliminated = pv.results.find((r: Doc) => r.performance === '3.40').bib;
      pv.trials.push({ bib: eliminated, height: '3.70', result: 'o' });
    });
    assert.deepEqual(found(doc), ['OT304 "o"']);
  });

  test('an attempt after retiring counts toward no best mark', () => {
    const doc = mutate(base, (d) => {
      const lj = unitOf(d, 'LJ');
      const bib = lj.results[0].bib;
      const trials = lj.trials.filter((t: Doc) => t.bib === bib);
      trials[0].result = 'r';
      trials[trials.length - 1].result = '9.99';
    });
    assert.ok(!found(doc).some((f) => f.startsWith('OT203')), found(doc).join(' | '));
  });

  test('a trial with a duplicate attempt number is reported once, at its round', () => {
    const doc = mutate(base, (d) => {
      const lj = unitOf(d, 'LJ');
      const bib = lj.results[0].bib;
      lj.trials.push({ bib, round: 1, result: '9.99' });
    });
    assert.deepEqual(found(doc), ['OT205 1']);
  });
});

describe('places: the diagnostic stands at the place that breaks the order', () => {
  const race = (doc: Doc): Doc => doc.events.find((e: Doc) => e.event_code === '100').units[2];

  test('the winner given a worse place is the one reported, not the athletes it overtakes', () => {
    const doc = mutate(base, (d) => {
      const results = race(d).results;
      results.sort((a: Doc, b: Doc) => a.place - b.place);
      results[0].place = 3;
    });
    const text = JSON.stringify(doc, null, 2);
    const [places] = diagnose(text).filter((d) => d.code === 'OT403');
    assert.ok(places, 'a places diagnostic');
    assert.match(places.message, new RegExp(`bib "${race(doc).results[0].bib}"`));
  });

  test('negative: places after a tie split by countback are consistent', () => {
    const doc = mutate(base, (d) => {
      const results = race(d).results;
      results[1].performance = results[0].performance;
    });
    assert.deepEqual(found(doc), []);
  });
});
