import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RowIndex } from '../../client/src/preview/rowIndex';

test('row index: the innermost row around an offset, across nested and added rows', () => {
  const index = new RowIndex();
  // An event (10–100) with two results (20–30, 40–50), then a competitor (120–140).
  index.reset([
    ['events/0/units/0/results/1', 40, 50],
    ['events/0', 10, 100],
    ['events/0/units/0/results/0', 20, 30],
    ['competitors/0', 120, 140],
  ]);
  assert.equal(index.at(5), undefined);
  assert.equal(index.at(10), 'events/0');
  assert.equal(index.at(25), 'events/0/units/0/results/0');
  assert.equal(index.at(35), 'events/0', 'between two results: the event');
  assert.equal(index.at(49), 'events/0/units/0/results/1');
  assert.equal(index.at(50), 'events/0', 'the end is exclusive');
  assert.equal(index.at(110), undefined);
  assert.equal(index.at(130), 'competitors/0');
  index.add([['events/0/units/0/results/2', 60, 70]]);
  assert.equal(index.at(65), 'events/0/units/0/results/2');
  assert.deepEqual(index.span('events/0/units/0/results/2'), { start: 60, end: 70 });
  index.reset([]);
  assert.equal(index.at(25), undefined);
});
