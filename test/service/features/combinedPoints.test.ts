import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { combinedEventPoints, toHundredths, usesWorldAthleticsTables } from '../../../server/src/service/features/combinedPoints';
import { generateCompetition } from '../../bench/generate';

describe('World Athletics combined-events points', () => {
  it('matches the athlib test vectors', () => {
    assert.equal(combinedEventPoints('M', '110H', '14.00'), 975);
    assert.equal(combinedEventPoints('M', '110H', '14.01'), 973);
    assert.equal(combinedEventPoints('F', 'HJ', '1.93'), 1145);
    assert.equal(combinedEventPoints('M', 'PV', '6.16'), 1284);
    assert.equal(combinedEventPoints('F', 'JT', '41.68'), 700);
    assert.equal(combinedEventPoints('M', 'HJ', '2.03'), 831, 'decimal-safe: 2.03 m is 203 cm, not 202.99…');
    assert.equal(combinedEventPoints('M', '1000', '150'), 988);
    assert.equal(combinedEventPoints('M', '1000', '2:30.00'), 988);
  });

  it('scores the Mayer decathlon: 9126', () => {
    const series: Array<[string, string, number]> = [
      ['100', '10.55', 963], ['LJ', '7.80', 1010], ['SP', '16.00', 851], ['HJ', '2.05', 850], ['400', '48.42', 889],
      ['110H', '13.75', 1007], ['DT', '50.54', 882], ['PV', '5.45', 1051], ['JT', '71.90', 918], ['1500', '4:36.11', 705],
    ];
    const points = series.map(([code, performance]) => combinedEventPoints('M', code, performance));
    assert.deepEqual(points, series.map(([, , expected]) => expected));
    assert.equal(points.reduce((a, b) => a! + b!, 0), 9126);
  });

  it('scores the Joyner-Kersee heptathlon: 7291', () => {
    const series: Array<[string, string, number]> = [
      ['100H', '12.69', 1172], ['HJ', '1.86', 1054], ['SP', '15.80', 915], ['200', '22.56', 1123],
      ['LJ', '7.27', 1264], ['JT', '45.66', 776], ['800', '2:08.51', 987],
    ];
    const points = series.map(([code, performance]) => combinedEventPoints('F', code, performance));
    assert.deepEqual(points, series.map(([, , expected]) => expected));
    assert.equal(points.reduce((a, b) => a! + b!, 0), 7291);
  });

  it('matches the published worked examples', () => {
    assert.equal(combinedEventPoints('M', '100', '10.51'), 973);
    assert.equal(combinedEventPoints('M', 'DT', '52.55'), 924);
  });

  it('normalises to hundredths: track rounded up, field rounded down', () => {
    assert.equal(toHundredths('10.551', 'track'), 1056);
    assert.equal(toHundredths('10.550', 'track'), 1055);
    assert.equal(toHundredths('4:36.11', 'track'), 27611);
    assert.equal(toHundredths('1:02:03.4', 'track'), 372340);
    assert.equal(toHundredths('2.039', 'jump'), 203);
    assert.equal(toHundredths('7.8', 'jump'), 780);
    assert.equal(combinedEventPoints('M', '100', '10.541'), combinedEventPoints('M', '100', '10.55'));
    assert.equal(combinedEventPoints('M', 'LJ', '7.809'), combinedEventPoints('M', 'LJ', '7.80'));
  });

  it('gives 0 below the table and nothing for statuses, bad text or unknown disciplines', () => {
    assert.equal(combinedEventPoints('M', '100', '18.50'), 0);
    assert.equal(combinedEventPoints('M', 'HJ', '0.70'), 0);
    assert.equal(combinedEventPoints('M', 'SP', '1.20'), 0);
    assert.equal(combinedEventPoints('M', '100', 'DNF'), undefined);
    assert.equal(combinedEventPoints('M', 'HJ', '1:85'), undefined);
    assert.equal(combinedEventPoints('M', '100', '10,55'), undefined);
    assert.equal(combinedEventPoints('M', 'HT', '60.00'), undefined);
    assert.equal(combinedEventPoints('F', '110H', '14.00'), undefined);
  });

  it('reads implement weights and hurdle specs as the discipline', () => {
    assert.equal(combinedEventPoints('F', 'SP4K', '15.80'), 915);
    assert.equal(combinedEventPoints('M', 'JT800', '71.90'), 918);
    assert.equal(combinedEventPoints('M', '110H106cm', '13.75'), 1007);
  });

  it('applies to combined events except the weight pentathlon', () => {
    assert.ok(usesWorldAthleticsTables('DEC'));
    assert.ok(usesWorldAthleticsTables('HEP'));
    assert.ok(usesWorldAthleticsTables('PENI'));
    assert.ok(!usesWorldAthleticsTables('PENWT'));
    assert.ok(!usesWorldAthleticsTables('100'));
    assert.ok(!usesWorldAthleticsTables(undefined));
  });

  it("agrees with the benchmark generator's independent decathlon scoring on every result", () => {
    const meet = generateCompetition({ competitors: 900, seed: 7 }) as { events: Array<{ parent?: string; event_code: string; units: Array<{ results: Array<{ performance?: string; points?: number }> }> }> };
    let checked = 0;
    for (const event of meet.events.filter((e) => e.parent)) {
      for (const result of event.units.flatMap((u) => u.results)) {
        if (result.performance === undefined || result.points === undefined) continue;
        assert.equal(combinedEventPoints('M', event.event_code, result.performance), result.points, `${event.event_code} ${result.performance}`);
        checked++;
      }
    }
    assert.ok(checked >= 40, `only ${checked} results checked`);
  });
});
