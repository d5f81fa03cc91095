import * as l10n from '@vscode/l10n';
import { RuleContext, RuleFamily, RuleInfo } from './rule';
import { JsonObject, asArray, asObject, asString } from '../model';
import { Fix } from '../findings';
import { parseMetres } from '../format/performance';
import { eachUnit } from './walk';

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

export const verticalRules: RuleFamily = {
  name: 'vertical',
  rules: [NO_HEIGHTS, HEIGHT_NOT_LISTED, AFTER_CLEARANCE, AFTER_ELIMINATION],
  check({ model, report }) {
    for (const { unit, path } of eachUnit(model.events)) {
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
          fixes: [{ title: l10n.t('Add "heights" from the trials'), edits: [{ op: 'addProperty', path, name: 'heights', value: heights }], preferred: true, safe: true }],
        });
      } else {
        checkListedHeights(unit, path, report);
      }
      checkSequence(unit, path, report);
    }
  },
};

function checkListedHeights(unit: JsonObject, path: (string | number)[], report: RuleContext['report']): void {
  const listed = asArray(unit.heights).filter((h): h is string => typeof h === 'string');
  const listedValues = new Set(listed.map((h) => parseMetres(h)).filter((v): v is number => v !== undefined));
  const reported = new Set<number>();
  const trialList = asArray(unit.trials);
  for (let i = 0; i < trialList.length; i++) {
    const trial = asObject(trialList[i]);
    if (!trial) continue;
    const height = asString(trial.height);
    const value = height === undefined ? undefined : parseMetres(height);
    if (height === undefined || value === undefined || listedValues.has(value) || reported.has(value)) continue;
    reported.add(value);
    const heightPath = [...path, 'trials', i, 'height'];
    const insertAt = listed.findIndex((h) => (parseMetres(h) ?? -Infinity) > value);
    const fixes: Fix[] = [
      {
        title: l10n.t('Add {0} to "heights"', height),
        edits: [{ op: 'insert', path: [...path, 'heights'], index: insertAt < 0 ? listed.length : insertAt, value: height }],
        preferred: true,
        safe: true,
      },
    ];
    const nearest = nearestHeight(listed, value);
    if (nearest !== undefined) fixes.push({ title: l10n.t('Move this trial to {0}', nearest), edits: [{ op: 'replace', path: heightPath, value: nearest }] });
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

interface JumperState {
  cleared: Set<string>;
  failures: number;
  out: 'eliminated' | 'retired' | undefined;
  reported: boolean;
}

/** Attempts are chronological in the array: track each athlete through the competition. */
function checkSequence(unit: JsonObject, path: (string | number)[], report: RuleContext['report']): void {
  const jumpers = new Map<string, JumperState>();
  const trialList = asArray(unit.trials);
  for (let i = 0; i < trialList.length; i++) {
    const trial = asObject(trialList[i]);
    if (!trial) continue;
    const bib = asString(trial.bib);
    const height = asString(trial.height);
    if (bib === undefined || height === undefined) continue;
    let state = jumpers.get(bib);
    if (!state) jumpers.set(bib, (state = { cleared: new Set(), failures: 0, out: undefined, reported: false }));
    if (state.reported) continue;
    if (state.out) {
      state.reported = true;
      report({
        code: AFTER_ELIMINATION.code,
        message:
          state.out === 'retired'
            ? l10n.t('Bib "{0}" retired but has a later attempt at {1}. Remove it or correct the earlier marks.', bib, height)
            : l10n.t('Bib "{0}" was eliminated by three consecutive failures but has a later attempt at {1}. Remove it or correct the earlier marks.', bib, height),
        path: [...path, 'trials', i, 'result'],
      });
      continue;
    }
    if (state.cleared.has(height)) {
      state.reported = true;
      report({
        code: AFTER_CLEARANCE.code,
        message: l10n.t('Bib "{0}" already cleared {1} but has another attempt at it. Move the attempt to the next height.', bib, height),
        path: [...path, 'trials', i, 'height'],
      });
      continue;
    }
    switch (trial.result) {
      case 'o':
        state.cleared.add(height);
        state.failures = 0;
        break;
      case 'x':
        if (++state.failures >= 3) state.out = 'eliminated';
        break;
      case 'r':
        state.out = 'retired';
        break;
    }
  }
}
