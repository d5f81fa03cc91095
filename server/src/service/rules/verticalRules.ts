import * as l10n from '@vscode/l10n';
import { Report, RuleInfo } from './rule';
import { JsonObject, asArray, asObject, asString } from '../model';
import { AttemptReview, reviewAttempts } from './attempts';
import { Fix } from '../findings';
import { parseMetres } from '../format/performance';
import { unitsOf } from './walk';
import { perEventFamily } from './memo';

const NO_HEIGHTS: RuleInfo = { code: 'OT301', name: 'heights-missing', severity: 'error', summary: 'A unit whose trials carry heights lists them in `heights`.' };
const HEIGHT_NOT_LISTED: RuleInfo = { code: 'OT302', name: 'trial-height-not-listed', severity: 'error', summary: "Every vertical trial's height is one of the unit's `heights`." };
const AFTER_CLEARANCE: RuleInfo = { code: 'OT303', name: 'attempt-after-clearance', severity: 'warning', summary: 'No attempt at a height after clearing it.' };
const AFTER_ELIMINATION: RuleInfo = { code: 'OT304', name: 'attempt-after-elimination', severity: 'warning', summary: 'No attempt after three consecutive failures or a retirement.' };

/** Sorted distinct heights of the trials, for a `heights` list that is missing. */
function trialHeights(unit: JsonObject): string[] {
  const heights = new Set<string>();
  const trialList = asArray(unit.trials);
  for (let n = 0; n < trialList.length; n++) {
    const trial = asObject(trialList[n]);
    if (!trial) continue;
    const height = asString(trial.height);
    if (height !== undefined && parseMetres(height) !== undefined) heights.add(height);
  }
  return [...heights].sort((a, b) => parseMetres(a)! - parseMetres(b)!);
}

export const verticalRules = perEventFamily({
  name: 'vertical',
  rules: [NO_HEIGHTS, HEIGHT_NOT_LISTED, AFTER_CLEARANCE, AFTER_ELIMINATION],
  checkEvent(event, report) {
    for (const { unit, path } of unitsOf(event)) {
      const trials = asArray(unit.trials);
      const firstHeightTrial = trials.findIndex((trial) => asObject(trial)?.height !== undefined);
      if (firstHeightTrial < 0) continue;
      if (!Array.isArray(unit.heights)) {
        const heights = trialHeights(unit);
        report({
          code: NO_HEIGHTS.code,
          message: l10n.t('These trials carry heights but the unit has no "heights" list. Add "heights" with every height of the competition, in order.'),
          path: [...path, 'trials'],
          target: 'key',
          fixes: [{ title: l10n.t('Add "heights" {0} — the heights of the trials', heights.join(', ')), edits: [{ op: 'addProperty', path, name: 'heights', value: heights }], kind: 'data' }],
        });
      }
      const review = reviewAttempts(event, unit);
      reportUnlistedHeights(unit, path, review, report);
      reportSequence(unit, path, review, report);
    }
  },
});

function reportUnlistedHeights(unit: JsonObject, path: (string | number)[], review: AttemptReview, report: Report): void {
  const listed = asArray(unit.heights).filter((h): h is string => typeof h === 'string');
  const trials = unit.trials as unknown[];
  // One diagnostic per unlisted height, at its first trial, with the number of trials at it.
  const first = new Map<number, { index: number; height: string; count: number }>();
  for (const [i, rejection] of review.rejections) {
    if (rejection.reason !== 'height-not-listed') continue;
    const height = asString(asObject(trials[i])!.height)!;
    const value = parseMetres(height)!;
    const seen = first.get(value);
    if (seen) seen.count++;
    else first.set(value, { index: i, height, count: 1 });
  }
  for (const [value, { index, height, count }] of first) {
    const heightPath = [...path, 'trials', index, 'height'];
    const insertAt = listed.findIndex((h) => (parseMetres(h) ?? -Infinity) > value);
    const fixes: Fix[] = [
      {
        title: count === 1 ? l10n.t('Add {0} to "heights" — 1 trial is at this height', height) : l10n.t('Add {0} to "heights" — {1} trials are at this height', height, count),
        edits: [{ op: 'insert', path: [...path, 'heights'], index: insertAt < 0 ? listed.length : insertAt, value: height }],
        kind: 'data',
      },
    ];
    const nearest = nearestHeight(listed, value);
    if (nearest !== undefined) fixes.push({ title: l10n.t('Move this trial to {0} — the nearest listed height', nearest), edits: [{ op: 'replace', path: heightPath, value: nearest }], kind: 'data' });
    const heights = listed.join(', ');
    report({
      code: HEIGHT_NOT_LISTED.code,
      message: heights
        ? l10n.t('Height {0} is not in this unit\'s "heights" ({1}). Add it to "heights" or correct the trial.', height, heights)
        : l10n.t('Height {0} is not in this unit\'s "heights" (empty). Add it to "heights" or correct the trial.', height),
      path: heightPath,
      fixes,
    });
  }
}

function nearestHeight(listed: string[], value: number): string | undefined {
  let best: string | undefined;
  let distance = Infinity;
  for (const height of listed) {
    const metres = parseMetres(height);
    if (metres !== undefined && Math.abs(metres - value) < distance) {
      best = height;
      distance = Math.abs(metres - value);
    }
  }
  return best;
}

/** The first out-of-sequence attempt of each athlete: the later ones follow from it. */
function reportSequence(unit: JsonObject, path: (string | number)[], review: AttemptReview, report: Report): void {
  const trials = unit.trials as unknown[];
  const reported = new Set<string>();
  for (const [i, rejection] of review.rejections) {
    const { reason } = rejection;
    if (reason !== 'after-clearance' && reason !== 'after-elimination' && reason !== 'after-retirement') continue;
    const trial = asObject(trials[i])!;
    const bib = asString(trial.bib)!;
    if (reported.has(bib)) continue;
    reported.add(bib);
    const height = String(trial.height);
    if (reason === 'after-clearance') {
      report({
        code: AFTER_CLEARANCE.code,
        message: l10n.t('Bib "{0}" already cleared {1} but has another attempt at it. Move the attempt to the next height.', bib, height),
        path: [...path, 'trials', i, 'height'],
      });
    } else {
      report({
        code: AFTER_ELIMINATION.code,
        message:
          reason === 'after-retirement'
            ? l10n.t('Bib "{0}" retired but has a later attempt at {1}. Remove it or correct the earlier marks.', bib, height)
            : l10n.t('Bib "{0}" was eliminated by three consecutive failures but has a later attempt at {1}. Remove it or correct the earlier marks.', bib, height),
        path: [...path, 'trials', i, 'result'],
      });
    }
  }
}
