import * as l10n from '@vscode/l10n';
import { Report, RuleInfo } from './rule';
import { JsonObject, asArray, asObject, asString } from '../model';
import { isFieldKind } from '../format/eventCodes';
import { parseMetres } from '../format/performance';
import { unitsOf } from './walk';
import { perEventFamily } from './memo';
import { reviewAttempts } from './attempts';

const AFTER_RETIREMENT: RuleInfo = { code: 'OT206', name: 'attempt-after-retirement', severity: 'warning', summary: 'No horizontal-jump or throw attempt after a retirement (`r`).' };
const STATUS_WITH_MARKS: RuleInfo = { code: 'OT207', name: 'status-despite-valid-trials', severity: 'warning', summary: 'No NM, NH or DNS for an athlete whose trials hold a valid mark.' };
const MARK_WITHOUT_VALID_TRIAL: RuleInfo = { code: 'OT208', name: 'mark-without-valid-trial', severity: 'warning', summary: 'No mark as performance for an athlete whose trials are all failures or passes.' };

/** Statuses that say the athlete has no valid mark. DQ and DNF may follow valid marks. */
export const NO_MARK_STATUSES: ReadonlySet<string> = new Set(['NM', 'NH', 'DNS']);

interface Outcome {
  /** Valid marks (or clearances) that count: none after a retirement. */
  valid: number;
  /** The best of them, as written. */
  best: string | undefined;
  bestMetres: number;
}

/**
 * What each athlete's trials add up to in a field unit, and attempts made after retiring
 * (horizontal jumps and throws; vertical jumps have OT304). Attempt numbers give the order
 * when present, the array order otherwise. Linear in the unit's trials.
 */
export const fieldOutcomeRules = perEventFamily({
  name: 'field-outcomes',
  rules: [AFTER_RETIREMENT, STATUS_WITH_MARKS, MARK_WITHOUT_VALID_TRIAL],
  checkEvent(event, report) {
    for (const { unit, path } of unitsOf(event)) {
      if (!Array.isArray(unit.trials) || unit.trials.length === 0 || (event.kind !== undefined && !isFieldKind(event.kind))) continue;
      const trials = unit.trials;
      const vertical = event.kind === 'vertical' || trials.some((t) => asObject(t)?.height !== undefined);
      const retiredAt = vertical ? new Map<string, number>() : retirements(trials);
      const outcomes = new Map<string, Outcome>();
      const reported = new Set<string>();
      for (let i = 0; i < trials.length; i++) {
        const trial = asObject(trials[i]);
        const bib = asString(trial?.bib);
        if (!trial || bib === undefined) continue;
        let outcome = outcomes.get(bib);
        if (!outcome) outcomes.set(bib, (outcome = { valid: 0, best: undefined, bestMetres: -1 }));
        const retired = retiredAt.get(bib);
        const result = asString(trial.result);
        if (retired !== undefined && order(trial, i) > retired && result !== undefined && result !== '-' && result !== 'r') {
          if (!reported.has(bib)) {
            reported.add(bib);
            report({
              code: AFTER_RETIREMENT.code,
              message: l10n.t('Bib "{0}" retired ("r") but has a later attempt ({1}). Remove the attempt, or correct the retirement.', bib, JSON.stringify(result)),
              path: [...path, 'trials', i, 'result'],
            });
          }
          continue;
        }
        const mark = vertical ? (result === 'o' ? asString(trial.height) : undefined) : result;
        const metres = mark === undefined ? undefined : parseMetres(mark);
        if (metres === undefined) continue;
        outcome.valid++;
        if (metres > outcome.bestMetres) {
          outcome.best = mark;
          outcome.bestMetres = metres;
        }
      }
      // A trial the schema rejects may have been a valid mark: "no valid trial" cannot be told.
      const unknown = new Set<string>();
      for (const [i, rejection] of reviewAttempts(event, unit).rejections) if (rejection.reason === 'mark') unknown.add(asString(asObject(trials[i])!.bib)!);
      checkPerformances(unit, path, vertical, outcomes, unknown, report);
    }
  },
});

/**
 * Bibs with a valid mark (or clearance) among a field unit's trials. A no-mark status for
 * them is OT207's finding, which other rules leave alone (one cause, one diagnostic).
 */
export function bibsWithValidMarks(unit: JsonObject): Set<string> {
  const bibs = new Set<string>();
  const trials = asArray(unit.trials);
  for (let i = 0; i < trials.length; i++) {
    const trial = asObject(trials[i]);
    const bib = asString(trial?.bib);
    if (!trial || bib === undefined) continue;
    const mark = trial.height !== undefined ? (trial.result === 'o' ? asString(trial.height) : undefined) : asString(trial.result);
    if (mark !== undefined && parseMetres(mark) !== undefined) bibs.add(bib);
  }
  return bibs;
}

/** The position of a trial in the competition: its attempt number, or its index. */
function order(trial: JsonObject, index: number): number {
  return typeof trial.round === 'number' ? trial.round : index;
}

/** The first retirement of each athlete, in the order `order` gives. */
function retirements(trials: unknown[]): Map<string, number> {
  const retiredAt = new Map<string, number>();
  for (let i = 0; i < trials.length; i++) {
    const trial = asObject(trials[i]);
    const bib = asString(trial?.bib);
    if (!trial || bib === undefined || trial.result !== 'r') continue;
    const at = order(trial, i);
    if (!(at >= (retiredAt.get(bib) ?? Infinity))) retiredAt.set(bib, at);
  }
  return retiredAt;
}

function checkPerformances(
  unit: JsonObject,
  path: (string | number)[],
  vertical: boolean,
  outcomes: Map<string, Outcome>,
  unknown: Set<string>,
  report: Report,
): void {
  const results = asArray(unit.results);
  for (let i = 0; i < results.length; i++) {
    const result = asObject(results[i]);
    const bib = asString(result?.bib);
    const performance = asString(result?.performance);
    const outcome = bib === undefined ? undefined : outcomes.get(bib);
    if (!outcome || performance === undefined) continue;
    const performancePath = [...path, 'results', i, 'performance'];
    if (NO_MARK_STATUSES.has(performance) && outcome.valid > 0 && outcome.best !== undefined) {
      report({
        code: STATUS_WITH_MARKS.code,
        message: vertical
          ? l10n.t('Bib "{0}" has {1} but cleared {2} in the trials. Set the performance to the highest cleared height, or correct the trials.', bib!, performance, outcome.best)
          : l10n.t('Bib "{0}" has {1} but has {2} valid trials (best {3}). Set the performance to the best mark, or correct the trials.', bib!, performance, outcome.valid, outcome.best),
        path: performancePath,
        fixes: [
          {
            title: vertical
              ? l10n.t('Set performance to {0} — highest cleared height', outcome.best)
              : l10n.t('Set performance to {0} — best of {1} valid trials', outcome.best, outcome.valid),
            edits: [{ op: 'replace', path: performancePath, value: outcome.best }],
            kind: 'data',
          },
        ],
      });
    } else if (outcome.valid === 0 && !unknown.has(bib!) && parseMetres(performance) !== undefined) {
      const status = vertical ? 'NH' : 'NM';
      report({
        code: MARK_WITHOUT_VALID_TRIAL.code,
        message: vertical
          ? l10n.t('Bib "{0}" has the mark {1} but cleared no height in the trials. Use "NH", or correct the trials.', bib!, performance)
          : l10n.t('Bib "{0}" has the mark {1} but no valid trial (only fouls or passes). Use "NM", or correct the trials.', bib!, performance),
        path: performancePath,
        fixes: [{ title: l10n.t('Set performance to {0} — no valid trial', status), edits: [{ op: 'replace', path: performancePath, value: status }], kind: 'data' }],
      });
    }
  }
}
