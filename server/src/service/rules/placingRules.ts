import * as l10n from '@vscode/l10n';
import { Report, RuleInfo } from './rule';
import { JsonObject, asArray, asObject, asString } from '../model';
import { FixEdit } from '../findings';
import { isResultStatus } from '../format/performance';
import { unitsOf, isPositiveInteger } from './walk';
import { perEventFamily } from './memo';
import { NO_MARK_STATUSES, bibsWithValidMarks } from './fieldOutcomeRules';

const PLACE_WITHOUT_FINISH: RuleInfo = { code: 'OT405', name: 'place-without-finish', severity: 'warning', summary: 'A result that did not start, finish or mark (DNS, DNF, DQ, NM…) has no place.' };
const TIE_RANKING: RuleInfo = { code: 'OT406', name: 'places-after-tie', severity: 'warning', summary: 'Places after a tie follow standard competition ranking (1, 2, 2, 4).' };

export const placingRules = perEventFamily({
  name: 'placing',
  rules: [PLACE_WITHOUT_FINISH, TIE_RANKING],
  checkEvent(event, report) {
    for (const { unit, path } of unitsOf(event)) {
      const results = asArray(unit.results);
      /** Result indices by place, for the results that have a mark or time. */
      const byPlace = new Map<number, number[]>();
      let marked: Set<string> | undefined;
      for (let i = 0; i < results.length; i++) {
        const result = asObject(results[i]);
        if (!result || !isPositiveInteger(result.place)) continue;
        const performance = asString(result.performance);
        if (performance !== undefined && isResultStatus(performance)) {
          if (NO_MARK_STATUSES.has(performance) && (marked ??= bibsWithValidMarks(unit)).has(String(result.bib))) continue;
          const placePath = [...path, 'results', i, 'place'];
          report({
            code: PLACE_WITHOUT_FINISH.code,
            message: l10n.t('A result with {0} has place {1}. Only athletes with a mark or time are placed: remove the place, or correct the performance.', performance, result.place),
            path: placePath,
            fixes: [{ title: l10n.t('Remove place {0} — {1} is not placed', result.place, performance), edits: [{ op: 'remove', path: placePath }], kind: 'data' }],
          });
          continue;
        }
        const same = byPlace.get(result.place);
        if (same) same.push(i);
        else byPlace.set(result.place, [i]);
      }
      checkTieRanking(results as JsonObject[], byPlace, path, report);
    }
  },
});

/** After `count` athletes tied at place p, the next place is p + count: a smaller one is dense ranking. */
function checkTieRanking(results: JsonObject[], byPlace: Map<number, number[]>, path: (string | number)[], report: Report): void {
  const places = [...byPlace.keys()].sort((a, b) => a - b);
  for (let k = 0; k + 1 < places.length; k++) {
    const place = places[k]!;
    const tied = byPlace.get(place)!;
    const next = places[k + 1]!;
    const expected = place + tied.length;
    // A tie of different performances is OT403's finding: only equal ones are a true tie.
    if (tied.length < 2 || next >= expected || !sameOrNoPerformance(results, tied)) continue;
    const shift = expected - next;
    const edits: FixEdit[] = [];
    for (const later of places.slice(k + 1)) {
      for (const i of byPlace.get(later)!) edits.push({ op: 'replace', path: [...path, 'results', i, 'place'], value: later + shift });
    }
    report({
      code: TIE_RANKING.code,
      message: l10n.t(
        'Place {0} follows {1} athletes tied at place {2}: with standard competition ranking (1, 2, 2, 4) the next place is {3}. Renumber the places after the tie.',
        next,
        tied.length,
        place,
        expected,
      ),
      path: [...path, 'results', byPlace.get(next)![0]!, 'place'],
      fixes: [{ title: l10n.t('Renumber the places after the tie — from {0}, as {1} athletes share place {2}', expected, tied.length, place), edits, kind: 'data' }],
    });
    return;
  }
}

function sameOrNoPerformance(results: JsonObject[], indices: number[]): boolean {
  const first = results[indices[0]!]!.performance;
  return indices.every((i) => results[i]!.performance === first);
}
