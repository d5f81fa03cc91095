import * as l10n from '@vscode/l10n';
import { RuleInfo } from './rule';
import { JsonObject, asArray, asObject, asString } from '../model';
import { Fix } from '../findings';
import { isFieldKind } from '../format/eventCodes';
import { isResultStatus, parseMetres } from '../format/performance';
import { BestMark, reviewAttempts } from './attempts';
import { eachObject, unitsOf, resultsByBib } from './walk';
import { perEventFamily } from './memo';

const NO_RESULT: RuleInfo = { code: 'OT201', name: 'trial-without-result', severity: 'error', summary: 'Every trial belongs to an athlete with a result in the same unit.' };
const NO_TRIALS: RuleInfo = { code: 'OT202', name: 'result-without-trials', severity: 'warning', summary: 'In a unit that records trials, every athlete with a mark has trials.' };
const NOT_BEST: RuleInfo = { code: 'OT203', name: 'performance-not-best-trial', severity: 'error', summary: "A field result's performance is the best valid trial (or highest cleared height)." };
const ATTEMPT_RANGE: RuleInfo = { code: 'OT204', name: 'trial-round-range', severity: 'error', summary: "A trial's `round` (attempt number) lies within the unit's number of attempts." };
const DUPLICATE_ATTEMPT: RuleInfo = { code: 'OT205', name: 'duplicate-trial', severity: 'error', summary: 'An athlete has one trial per attempt number.' };

export const fieldTrialRules = perEventFamily({
  name: 'field-trials',
  rules: [NO_RESULT, NO_TRIALS, NOT_BEST, ATTEMPT_RANGE, DUPLICATE_ATTEMPT],
  checkEvent(event, report) {
    for (const { unit, path } of unitsOf(event)) {
      if (!Array.isArray(unit.trials) || (event.kind !== undefined && !isFieldKind(event.kind))) continue;
      const review = reviewAttempts(event, unit);
      const { vertical, limit, best } = review;
      const results = resultsByBib(unit);
      const reportedBibs = new Set<string>();
      const trialList = asArray(unit.trials);
      for (let i = 0; i < trialList.length; i++) {
        const bib = asString(asObject(trialList[i])?.bib);
        if (bib === undefined || results.has(bib) || reportedBibs.has(bib)) continue;
        reportedBibs.add(bib);
        report({
          code: NO_RESULT.code,
          message: l10n.t('Bib "{0}" has trials but no result in this unit. Add a result for "{0}" or remove the trials.', bib),
          path: [...path, 'trials', i, 'bib'],
          fixes: noResultFixes(unit, path, bib, best.get(bib)),
        });
      }
      for (const [i, rejection] of review.rejections) {
        const roundPath = [...path, 'trials', i, 'round'];
        if (rejection.reason === 'round-range') {
          const round = asObject(trialList[i])!.round as number;
          report({
            code: ATTEMPT_RANGE.code,
            message:
              unit.rounds === undefined
                ? l10n.t('Attempt {0} is outside 1–{1}: this unit allows {1} attempts (its "rounds", or the event\'s "max_field_attempts").', round, limit)
                : l10n.t('Attempt {0} is outside 1–{1}: this unit allows {1} attempts (its "rounds").', round, limit),
            path: roundPath,
          });
        } else if (rejection.reason === 'duplicate-round') {
          const trial = asObject(trialList[i])!;
          report({
            code: DUPLICATE_ATTEMPT.code,
            message: l10n.t('Bib "{0}" already has a trial for attempt {1}. Number attempts 1, 2, 3… once each.', String(trial.bib), String(trial.round)),
            path: roundPath,
          });
        }
      }
      const recordsTrials = unit.trials.length > 0;
      const resultList = asArray(unit.results);
      for (let i = 0; i < resultList.length; i++) {
        const result = asObject(resultList[i]);
        if (!result) continue;
        const bib = asString(result.bib);
        const performance = asString(result.performance);
        if (bib === undefined) continue;
        if (!best.has(bib)) {
          if (recordsTrials && performance !== undefined && parseMetres(performance) !== undefined) {
            report({
              code: NO_TRIALS.code,
              message: l10n.t('Bib "{0}" has a mark ({1}) but no trials in this unit. Add the trials, or check the bib.', bib, performance),
              path: [...path, 'results', i, 'bib'],
            });
          }
          continue;
        }
        // A rejected trial is reported at the trial: the performance is judged once it is fixed.
        const expected = best.get(bib)!;
        if (review.tainted.has(bib) || expected.mark === undefined || performance === undefined || isResultStatus(performance)) continue;
        const actual = parseMetres(performance);
        if (actual !== undefined && actual !== parseMetres(expected.mark)) {
          const performancePath = [...path, 'results', i, 'performance'];
          report({
            code: NOT_BEST.code,
            message: vertical
              ? l10n.t('Performance {0} is not the highest cleared height of bib "{1}" ({2}). Set it to {2}, or correct the trials.', performance, bib, expected.mark)
              : l10n.t('Performance {0} is not the best valid trial of bib "{1}" ({2}). Set it to {2}, or correct the trials.', performance, bib, expected.mark),
            path: performancePath,
            fixes: [{ title: bestTitle(expected.mark, expected.count, vertical), edits: [{ op: 'replace', path: performancePath, value: expected.mark }], kind: 'data' }],
          });
        }
      }
    }
  },
});

/** "Set performance to 6.21 — best of 6 valid trials": the new value and the evidence. */
function bestTitle(mark: string, count: number, vertical: boolean): string {
  if (vertical) return count === 1 ? l10n.t('Set performance to {0} — the only cleared height', mark) : l10n.t('Set performance to {0} — highest of {1} cleared heights', mark, count);
  return count === 1 ? l10n.t('Set performance to {0} — the only valid trial', mark) : l10n.t('Set performance to {0} — best of {1} valid trials', mark, count);
}

function noResultFixes(unit: JsonObject, unitPath: (string | number)[], bib: string, best: BestMark | undefined): Fix[] {
  const results = Array.isArray(unit.results) ? unit.results : undefined;
  const result: Record<string, unknown> = { bib };
  if (best?.mark !== undefined) result.performance = best.mark;
  const add: Fix = {
    title: best?.mark !== undefined ? l10n.t('Add a result for bib "{0}" with performance {1} — from its trials', bib, best.mark) : l10n.t('Add a result for bib "{0}"', bib),
    edits: [results ? { op: 'insert', path: [...unitPath, 'results'], index: results.length, value: result } : { op: 'addProperty', path: unitPath, name: 'results', value: [result] }],
    kind: 'data',
  };
  // Remove from the last index down so that earlier indices stay valid.
  const removals = [];
  for (const [i, trial] of eachObject(unit.trials)) if (trial.bib === bib) removals.unshift({ op: 'remove' as const, path: [...unitPath, 'trials', i] });
  return [add, { title: l10n.t('Remove the trials of bib "{0}"', bib), edits: removals, kind: 'data' }];
}
