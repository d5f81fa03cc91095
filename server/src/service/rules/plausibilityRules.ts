import * as l10n from '@vscode/l10n';
import { RuleInfo } from './rule';
import { asArray, asObject, asString } from '../model';
import { higherIsBetter, performanceValue } from '../format/performance';
import { isImplausible, plausibleBound } from '../format/worldRecords';
import { unitsOf } from './walk';
import { perEventFamily } from './memo';
import { reviewAttempts } from './attempts';

const IMPLAUSIBLE: RuleInfo = { code: 'OT404', name: 'implausible-performance', severity: 'warning', summary: 'A performance is not beyond the world record for its event (with a margin).' };

/**
 * Performances beyond the world record of their discipline (format/worldRecords.ts): a slip
 * of a separator or a digit ("14.25" for 14:25 in a 5000 m, "57.40" for 5.74 in a long jump).
 * Disciplines without a record there are not checked.
 */
export const plausibilityRules = perEventFamily({
  name: 'plausibility',
  rules: [IMPLAUSIBLE],
  checkEvent(event, report) {
    for (const { unit, path } of unitsOf(event)) {
      const kind = event.kind;
      if (kind === undefined || event.code === undefined) continue;
      const bound = plausibleBound(event.code);
      if (!bound) continue;
      const higher = higherIsBetter(kind);
      if (higher && Array.isArray(unit.trials)) {
        // The attempts review rejects such a trial: it counts toward no best mark.
        const trials = unit.trials;
        for (const [i, rejection] of reviewAttempts(event, unit).rejections) {
          if (rejection.reason !== 'implausible') continue;
          const trial = asObject(trials[i])!;
          const key = trial.height !== undefined ? 'height' : 'result';
          const mark = String(trial[key]);
          report({ code: IMPLAUSIBLE.code, message: implausible(mark, event.code, bound.record.toFixed(2), bound.anyImplement, false, true), path: [...path, 'trials', i, key] });
        }
      }
      const results = asArray(unit.results);
      for (let i = 0; i < results.length; i++) {
        const performance = asString(asObject(results[i])?.performance);
        const value = performance === undefined ? undefined : performanceValue(kind, performance);
        if (value === undefined || !isImplausible(event.code, higher, value)) continue;
        const record = higher ? bound.record.toFixed(2) : formatTime(bound.record);
        report({
          code: IMPLAUSIBLE.code,
          message: implausible(performance!, event.code, record, bound.anyImplement, !higher && !performance!.includes(':') && bound.record >= 60),
          path: [...path, 'results', i, 'performance'],
        });
      }
    }
  },
});

function implausible(performance: string, code: string, record: string, anyImplement: boolean, missingColon: boolean, trial = false): string {
  if (trial) {
    return anyImplement
      ? l10n.t('Trial {0} is beyond the best {1} ever thrown with any implement ({2}): it counts toward no best mark. Check the value: a misplaced separator or a wrong digit?', performance, code, record)
      : l10n.t('Trial {0} is beyond the world record for {1} ({2}): it counts toward no best mark. Check the value: a misplaced separator or a wrong digit?', performance, code, record);
  }
  if (anyImplement) {
    return l10n.t('Performance {0} is beyond the best {1} ever thrown with any implement ({2}). Check the value: a misplaced separator or a wrong digit?', performance, code, record);
  }
  if (missingColon) {
    return l10n.t(
      'Performance {0} is beyond the world record for {1} ({2}). Check the value: minutes and seconds are separated by a colon, such as "{3}".',
      performance,
      code,
      record,
      performance.replace('.', ':'),
    );
  }
  return l10n.t('Performance {0} is beyond the world record for {1} ({2}). Check the value: a misplaced separator or a wrong digit?', performance, code, record);
}

/** Seconds as OpenTrack writes times: `9.58`, `3:26.00`, `2:00:35`. */
function formatTime(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const secondsText = Number.isInteger(rest) ? String(rest) : rest.toFixed(2);
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${secondsText.padStart(2, '0')}`;
  if (minutes > 0) return `${minutes}:${secondsText.padStart(Number.isInteger(rest) ? 2 : 5, '0')}`;
  return secondsText;
}
