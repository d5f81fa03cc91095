import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTime } from '../../server/src/service/format/performance';

test('times: seconds, m:ss and h:mm:ss with up to three decimals', () => {
  const cases: Array<[string, number | undefined]> = [
    ['10.37', 10.37], ['9.8', 9.8], ['7', 7], ['1:30.59', 90.59], ['2:38.92', 158.92], ['14:25.10', 865.1],
    ['2:02:57.3', 7377.3], ['2:02:57', 7377], ['73:15', 4395], ['10.375', 10.375],
    ['10,37', undefined], ['', undefined], ['1:60.00', undefined], ['1:60:00', undefined], ['100.1', undefined],
    ['1:2:3:4', undefined], ['10.', undefined], ['.5', undefined], ['10.3755', undefined], ['1::2', undefined],
    [':30', undefined], ['1:30.5x', undefined], ['DNF', undefined], ['10.37 ', undefined], ['123:00', undefined],
  ];
  for (const [text, seconds] of cases) {
    const parsed = parseTime(text);
    if (seconds === undefined) assert.equal(parsed, undefined, text);
    else assert.ok(parsed !== undefined && Math.abs(parsed - seconds) < 1e-9, `${text} → ${parsed}`);
  }
});
