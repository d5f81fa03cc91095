import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose, mutate, textAt } from '../../helpers/service';
import { fullExample } from '../../helpers/repo';

type Doc = Record<string, any>;
const pv = (doc: Doc): Doc => doc.events.find((e: Doc) => e.event_code === 'PV').units[0];
const found = (doc: Doc): string[] => {
  const text = JSON.stringify(doc, null, 2);
  return diagnose(text).map((d) => `${String(d.code)} ${textAt(text, d)}`);
};

/** Bibs 1 and 3 both clear 3.40 and fail three times at 3.55, then jump off: 3.55 again, the bar lowered to 3.50. */
const jumpOff = mutate(fullExample(), (d) => {
  const unit = pv(d);
  unit.trials[11].result = 'x';
  unit.trials.splice(12, 3, { bib: '1', height: '3.55', result: 'x' }, { bib: '3', height: '3.55', result: 'x' }, { bib: '1', height: '3.50', result: 'o' }, { bib: '3', height: '3.50', result: 'x' });
  unit.heights = ['3.10', '3.25', '3.40', '3.55', '3.50'];
  unit.results = [
    { bib: '1', performance: '3.40', place: 1 },
    { bib: '3', performance: '3.40', place: 2 },
  ];
});

describe('jump-off for first place (OT304, OT305)', () => {
  test('athletes tied at the top continue after their third failure, the bar lowered: no finding', () => {
    assert.deepEqual(found(jumpOff), []);
  });

  test('the jump-off re-lists the failed height before lowering the bar: no finding', () => {
    assert.deepEqual(found(mutate(jumpOff, (d) => (pv(d).heights = ['3.10', '3.25', '3.40', '3.55', '3.55', '3.50']))), []);
  });

  test('an athlete not tied at the top who attempts after elimination is still reported', () => {
    const doc = mutate(jumpOff, (d) => {
      pv(d).trials[4].result = 'x';
      pv(d).trials.splice(5, 0, { bib: '1', height: '3.40', result: 'x' }, { bib: '1', height: '3.40', result: 'x' });
    });
    assert.ok(found(doc).some((f) => f.startsWith('OT304')), found(doc).join('\n'));
  });

  test('a lone athlete who attempts after elimination is still reported', () => {
    const doc = mutate(jumpOff, (d) => (pv(d).trials = pv(d).trials.filter((_: Doc, i: number) => i !== 13 && i !== 15)));
    assert.ok(found(doc).some((f) => f.startsWith('OT304')), found(doc).join('\n'));
  });

  test('OT305 at the outlier: 3.10, 3.80, 3.40, 3.55, 3.70 is reported at 3.80', () => {
    const doc = mutate(fullExample(), (d) => (pv(d).heights = ['3.10', '3.80', '3.40', '3.55', '3.70']));
    assert.ok(found(doc).includes('OT305 "3.80"'), found(doc).join('\n'));
  });
});
