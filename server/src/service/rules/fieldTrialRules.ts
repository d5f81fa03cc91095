import * as l10n from '@vscode/l10n';
import { RuleFamily, RuleInfo } from './rule';
import { EventEntry, JsonObject, asArray, asObject, asString } from '../model';
import { Fix } from '../findings';
import { isFieldKind } from '../format/eventCodes';
import { isResultStatus, parseMetres } from '../format/performance';
import { eachObject, eachUnit, isPositiveInteger, resultsByBib } from './walk';

const NO_RESULT: RuleInfo = { code: 'OT201', name: 'trial-without-result', severity: 'error', summary: 'Every trial belongs to an athlete with a result in the same unit.' };
const NO_TRIALS: RuleInfo = { code: 'OT202', name: 'result-without-trials', severity: 'warning', summary: 'In a unit that records trials, every athlete with a mark has trials.' };
const NOT_BEST: RuleInfo = { code: 'OT203', name: 'performance-not-best-trial', severity: 'error', summary: "A field result's performance is the best valid trial (or highest cleared height)." };
const ATTEMPT_RANGE: RuleInfo = { code: 'OT204', name: 'trial-round-range', severity: 'error', summary: "A trial's `round` (attempt number) lies within the unit's number of attempts." };
const DUPLICATE_ATTEMPT: RuleInfo = { code: 'OT205', name: 'duplicate-trial', severity: 'error', summary: 'An athlete has one trial per attempt number.' };

/** OpenTrack's default number of field attempts. */
const DEFAULT_ATTEMPTS = 6;

/** The best performance each athlete's trials give: best mark (horizontal/throws) or highest clearance (vertical). */
function bestFromTrials(unit: JsonObject, vertical: boolean): Map<string, string | undefined> {
  const best = new Map<string, string | undefined>();
  const bestMetres = new Map<string, number>();
  const trialList = asArray(unit.trials);
  for (let n = 0; n < trialList.length; n++) {
    const trial = asObject(trialList[n]);
    if (!trial) continue;
    const bib = asString(trial.bib);
    if (bib === undefined) continue;
    const mark = vertical ? (trial.result === 'o' ? asString(trial.height) : undefined) : asString(trial.result);
    const metres = mark === undefined ? undefined : parseMetres(mark);
    if (metres !== undefined && !(metres <= (bestMetres.get(bib) ?? -1))) {
      best.set(bib, mark);
      bestMetres.set(bib, metres);
    } else if (!best.has(bib)) best.set(bib, undefined);
  }
  return best;
}

function attemptLimit(event: EventEntry, unit: JsonObject): number {
  if (isPositiveInteger(unit.rounds)) return unit.rounds;
  if (isPositiveInteger(event.value.max_field_attempts)) return event.value.max_field_attempts;
  return DEFAULT_ATTEMPTS;
}

export const fieldTrialRules: RuleFamily = {
  name: 'field-trials',
  rules: [NO_RESULT, NO_TRIALS, NOT_BEST, ATTEMPT_RANGE, DUPLICATE_ATTEMPT],
  check({ model, report }) {
    for (const { event, unit, path } of eachUnit(model.events)) {
      if (!Array.isArray(unit.trials) || (event.kind !== undefined && !isFieldKind(event.kind))) continue;
      const vertical = event.kind === 'vertical' || unit.trials.some((t) => asObject(t)?.height !== undefined);
      const results = resultsByBib(unit);
      const limit = attemptLimit(event, unit);
      const reportedBibs = new Set<string>();
      // Attempt numbers seen per bib, as bits (attempts are few): no string key per trial.
      const attempts = new Map<string, number>();
      const trialList = asArray(unit.trials);
      for (let i = 0; i < trialList.length; i++) {
        const trial = asObject(trialList[i]);
        if (!trial) continue;
        const bib = asString(trial.bib);
        if (bib === undefined) continue;
        if (!results.has(bib) && !reportedBibs.has(bib)) {
          reportedBibs.add(bib);
          report({
            code: NO_RESULT.code,
            message: l10n.t('Bib "{0}" has trials but no result in this unit. Add a result for "{0}" or remove the trials.', bib),
            path: [...path, 'trials', i, 'bib'],
            fixes: noResultFixes(unit, path, bib, vertical),
          });
        }
        if (vertical) continue;
        const round = trial.round;
        if (typeof round === 'number' && Number.isInteger(round) && (round < 1 || round > limit)) {
          report({
            code: ATTEMPT_RANGE.code,
            message:
              unit.rounds === undefined
                ? l10n.t('Attempt {0} is outside 1–{1}: this unit allows {1} attempts (its "rounds", or the event\'s "max_field_attempts").', round, limit)
                : l10n.t('Attempt {0} is outside 1–{1}: this unit allows {1} attempts (its "rounds").', round, limit),
            path: [...path, 'trials', i, 'round'],
          });
        } else if (isPositiveInteger(round)) {
          const seen = attempts.get(bib) ?? 0;
          const bit = round <= 30 ? 1 << round : 0;
          if (seen & bit) {
            report({
              code: DUPLICATE_ATTEMPT.code,
              message: l10n.t('Bib "{0}" already has a trial for attempt {1}. Number attempts 1, 2, 3… once each.', bib, round),
              path: [...path, 'trials', i, 'round'],
            });
          } else attempts.set(bib, seen | bit);
        }
      }
      const best = bestFromTrials(unit, vertical);
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
        const expected = best.get(bib);
        if (expected === undefined || performance === undefined || isResultStatus(performance)) continue;
        const actual = parseMetres(performance);
        if (actual !== undefined && actual !== parseMetres(expected)) {
          const performancePath = [...path, 'results', i, 'performance'];
          report({
            code: NOT_BEST.code,
            message: vertical
              ? l10n.t('Performance {0} is not the highest cleared height of bib "{1}" ({2}). Set it to {2}, or correct the trials.', performance, bib, expected)
              : l10n.t('Performance {0} is not the best valid trial of bib "{1}" ({2}). Set it to {2}, or correct the trials.', performance, bib, expected),
            path: performancePath,
            fixes: [{ title: l10n.t('Set performance to "{0}"', expected), edits: [{ op: 'replace', path: performancePath, value: expected }], preferred: true, safe: true }],
          });
        }
      }
    }
  },
};

function noResultFixes(unit: JsonObject, unitPath: (string | number)[], bib: string, vertical: boolean): Fix[] {
  const results = Array.isArray(unit.results) ? unit.results : undefined;
  const best = bestFromTrials(unit, vertical).get(bib);
  const result: Record<string, unknown> = { bib };
  if (best !== undefined) result.performance = best;
  const add: Fix = {
    title: l10n.t('Add a result for bib "{0}"', bib),
    edits: [results ? { op: 'insert', path: [...unitPath, 'results'], index: results.length, value: result } : { op: 'addProperty', path: unitPath, name: 'results', value: [result] }],
    preferred: true,
  };
  // Remove from the last index down so that earlier indices stay valid.
  const removals = [];
  for (const [i, trial] of eachObject(unit.trials)) if (trial.bib === bib) removals.unshift({ op: 'remove' as const, path: [...unitPath, 'trials', i] });
  return [add, { title: l10n.t('Remove the trials of bib "{0}"', bib), edits: removals }];
}
