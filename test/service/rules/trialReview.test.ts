import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, mutate, textAt } from '../../helpers/service';
import { fullExample } from '../../helpers/repo';

type Doc = Record<string, any>;
const unit = (doc: Doc, code: string): Doc => doc.events.find((e: Doc) => e.event_code === code).units[0];
const found = (doc: Doc): string[] => {
  const text = JSON.stringify(doc, null, 2);
  return diagnose(text).map((d) => `${String(d.code)} ${textAt(text, d)}`);
};

describe('a trial that cannot count is reported once, at the trial, and feeds no other rule', () => {
  test('OT404: a long jump trial beyond the world record, not OT203 on the correct performance', () => {
    assert.deepEqual(found(mutate(fullExample(), (d) => (unit(d, 'LJ').trials[2].result = '15.60'))), ['OT404 "15.60"']);
  });

  test('a vertical trial whose result the schema rejects counts as no failure (no OT304) and hides no clearance (no OT208)', () => {
    const doc = mutate(fullExample(), (d) => {
      const trials = unit(d, 'PV').trials;
      trials[0].result = 'x';
      trials[2].result = '3.25';
      trials[4].result = 'x';
      trials.splice(10, 1);
    });
    assert.deepEqual(found(doc), ['OT012 "3.25"']);
  });

  test('a height written as a number is the one diagnostic: its trials still match it (no OT302)', () => {
    const doc = mutate(fullExample(), (d) => (unit(d, 'PV').heights[1] = 3.25));
    assert.deepEqual(found(doc).map((f) => f.split(' ')[0]), ['OT010']);
  });
});
