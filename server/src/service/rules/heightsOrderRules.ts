import * as l10n from '@vscode/l10n';
import { RuleInfo } from './rule';
import { asArray } from '../model';
import { parseMetres } from '../format/performance';
import { unitsOf } from './walk';
import { perEventFamily } from './memo';

const ORDER: RuleInfo = { code: 'OT305', name: 'heights-order', severity: 'warning', summary: '`heights` ascend strictly; a jump-off only adds heights at the end.' };

/** WA: in a jump-off the bar moves by 2 cm (high jump) or 5 cm (pole vault). */
const JUMP_OFF_STEP = 0.05 + 1e-9;

/**
 * `heights` ascend strictly. After the last height of the competition, a jump-off for first
 * place starts at a height already used (the one everyone tied failed) and then moves the bar
 * up or down by at most 5 cm: such a tail is accepted, anything else is reported at the first
 * height that is not above the one before it.
 */
export const heightsOrderRules = perEventFamily({
  name: 'heights-order',
  rules: [ORDER],
  checkEvent(event, report) {
    for (const { unit, path } of unitsOf(event)) {
      const heights = asArray(unit.heights);
      if (heights.length < 2) continue;
      const metres: number[] = [];
      for (const height of heights) {
        const value = typeof height === 'string' ? parseMetres(height) : undefined;
        if (value === undefined) break; // malformed heights: the schema reports them
        metres.push(value);
      }
      if (metres.length !== heights.length) continue;
      let tail = 1;
      while (tail < metres.length && metres[tail]! > metres[tail - 1]!) tail++;
      if (tail === metres.length || isJumpOff(metres, tail)) continue;
      // The outlier is the height whose removal restores the order: the one before the descent
      // when the rest ascends without it (4.20, 4.80, 4.60, 4.75), else the descending one.
      const at = tail >= 1 && ascends(metres.filter((_, i) => i !== tail - 1)) && !ascends(metres.filter((_, i) => i !== tail)) ? tail - 1 : tail;
      const sorted = [...new Set(metres)].length === metres.length ? [...(heights as string[])].sort((a, b) => parseMetres(a)! - parseMetres(b)!) : undefined;
      report({
        code: ORDER.code,
        message:
          at === tail
            ? l10n.t(
                'Height {0} comes after {1}: "heights" lists the competition\'s heights in ascending order (a jump-off may only add heights at the end). Put it in order, or correct it.',
                String(heights[tail]),
                String(heights[tail - 1]),
              )
            : l10n.t(
                'Height {0} comes before {1}: "heights" lists the competition\'s heights in ascending order (a jump-off may only add heights at the end). Put it in order, or correct it.',
                String(heights[at]),
                String(heights[tail]),
              ),
        path: [...path, 'heights', at],
        ...(sorted && { fixes: [{ title: l10n.t('Sort "heights" — {0}', sorted.join(', ')), edits: [{ op: 'replace', path: [...path, 'heights'], value: sorted }], kind: 'data' }] }),
      });
    }
  },
});

function ascends(metres: number[]): boolean {
  return metres.every((value, i) => i === 0 || value > metres[i - 1]!);
}

/** The heights from `tail` on start at an earlier height, or just below the last one, and move in jump-off steps. */
function isJumpOff(metres: number[], tail: number): boolean {
  if (!metres.slice(0, tail).includes(metres[tail]!) && metres[tail - 1]! - metres[tail]! > JUMP_OFF_STEP) return false;
  for (let i = tail + 1; i < metres.length; i++) if (Math.abs(metres[i]! - metres[i - 1]!) > JUMP_OFF_STEP) return false;
  return true;
}
