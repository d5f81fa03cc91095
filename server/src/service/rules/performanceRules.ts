import * as l10n from '@vscode/l10n';
import { RuleContext, RuleFamily, RuleInfo } from './rule';
import { JsonObject, asArray, asObject, asString } from '../model';
import { EventKind, kindName } from '../format/eventCodes';
import { RESULT_STATUSES, higherIsBetter, isResultStatus, performanceValue } from '../format/performance';
import { FixEdit } from '../findings';
import { closest, withSuggestion } from './suggest';
import { eachUnit } from './walk';

const FORMAT: RuleInfo = { code: 'OT401', name: 'performance-format', severity: 'error', summary: 'A performance is a time (running, relays) or a mark in metres (field events), or a status.' };
const STATUS: RuleInfo = { code: 'OT402', name: 'performance-status', severity: 'warning', summary: 'Statuses are DNS, DNF, DQ, NM, NH or NT.' };
const PLACES: RuleInfo = { code: 'OT403', name: 'places-order', severity: 'warning', summary: 'Places follow performances: a better performance never has a worse place.' };

export const performanceRules: RuleFamily = {
  name: 'performances',
  rules: [FORMAT, STATUS, PLACES],
  check({ model, report }) {
    for (const { event, unit, path } of eachUnit(model.events)) {
      const kind = event.kind;
      if (kind === undefined || kind === 'combined' || kind === 'custom') continue;
      const ranked: { index: number; value: number; place: unknown }[] = [];
      const resultList = asArray(unit.results);
      for (let i = 0; i < resultList.length; i++) {
        const result = asObject(resultList[i]);
        if (!result) continue;
        const performance = asString(result.performance);
        if (performance === undefined || performance === '' || isResultStatus(performance)) continue;
        const value = performanceValue(kind, performance);
        if (value !== undefined) {
          ranked.push({ index: i, value, place: result.place });
          continue;
        }
        const performancePath = [...path, 'results', i, 'performance'];
        if (/^[A-Za-z]+$/.test(performance)) {
          const suggestion = closest(performance.toUpperCase(), RESULT_STATUSES) ?? (performance.toUpperCase() === 'DSQ' ? 'DQ' : undefined);
          report({
            code: STATUS.code,
            message: withSuggestion(l10n.t('Unknown status {0}. Use one of {1}.', JSON.stringify(performance), RESULT_STATUSES.join(', ')), suggestion),
            path: performancePath,
            ...(suggestion && { fixes: [{ title: l10n.t('Change to "{0}"', suggestion), edits: [{ op: 'replace', path: performancePath, value: suggestion }], preferred: true, safe: true }] }),
          });
          continue;
        }
        const repaired = repairPerformance(kind, performance);
        report({
          code: FORMAT.code,
          message: withSuggestion(malformed(kind, JSON.stringify(performance), String(event.code)), repaired),
          path: performancePath,
          ...(repaired && { fixes: [{ title: l10n.t('Change to "{0}"', repaired), edits: [{ op: 'replace', path: performancePath, value: repaired }], preferred: true, safe: true }] }),
        });
      }
      checkPlaces(unit, path, kind, ranked, report);
    }
  },
};

/** What is wrong with a malformed performance: the format the event's kind expects. */
function malformed(kind: EventKind, performance: string, code: string): string {
  const name = kindName(kind);
  switch (kind) {
    case 'running':
    case 'relay':
      return l10n.t('Performance {0} is not a time such as `10.37`, `1:52.04` or `2:02:57` ({1} is a {2} event).', performance, code, name);
    case 'horizontal':
    case 'throw':
    case 'vertical':
      return l10n.t('Performance {0} is not a mark in metres with two decimals, such as `47.03` ({1} is a {2} event).', performance, code, name);
    case 'combined':
    case 'custom':
      return l10n.t('Performance {0} is not a whole number of points, such as `6512` ({1} is a {2} event).', performance, code, name);
  }
}

/** A malformed performance with an obvious repair: decimal comma, stray spaces or unit. */
function repairPerformance(kind: EventKind, text: string): string | undefined {
  const candidate = text.trim().replace(/\s*m$/i, '').replace(/,/g, '.').replace(/\s+/g, '');
  return candidate !== text && performanceValue(kind, candidate) !== undefined ? candidate : undefined;
}

/** Places that ties share (1, 2, 2, 4), by performance; only results with a valid performance. */
function computePlaces(values: readonly { index: number; value: number }[], kind: EventKind): Map<number, number> {
  const better = higherIsBetter(kind) ? (a: number, b: number) => b - a : (a: number, b: number) => a - b;
  const sorted = [...values].sort((a, b) => better(a.value, b.value));
  const places = new Map<number, number>();
  sorted.forEach((entry, position) => {
    const previous = sorted[position - 1];
    places.set(entry.index, previous && previous.value === entry.value ? places.get(previous.index)! : position + 1);
  });
  return places;
}

function checkPlaces(
  unit: JsonObject,
  path: (string | number)[],
  kind: EventKind,
  ranked: { index: number; value: number; place: unknown }[],
  report: RuleContext['report'],
): void {
  const placed = ranked.filter((r): r is { index: number; value: number; place: number } => typeof r.place === 'number');
  if (placed.length < 2) return;
  const expected = computePlaces(placed, kind);
  // Equal performances may be split by countback or photo finish, so only a better
  // performance with a worse (or equal) place is inconsistent.
  const sign = higherIsBetter(kind) ? -1 : 1;
  const sorted = [...placed].sort((a, b) => sign * (a.value - b.value));
  let offending: number | undefined;
  let bestPlaceSoFar = -Infinity;
  for (let i = 0, groupStart = 0; i < sorted.length; i++) {
    if (sorted[i]!.value !== sorted[groupStart]!.value) {
      bestPlaceSoFar = Math.max(bestPlaceSoFar, ...sorted.slice(groupStart, i).map((r) => r.place));
      groupStart = i;
    }
    if (sorted[i]!.place <= bestPlaceSoFar) {
      offending = sorted[i]!.index;
      break;
    }
  }
  if (offending === undefined) return;
  const edits: FixEdit[] = placed
    .filter((r) => r.place !== expected.get(r.index))
    .map((r) => ({ op: 'replace', path: [...path, 'results', r.index, 'place'], value: expected.get(r.index) }));
  const result = unit.results as JsonObject[];
  report({
    code: PLACES.code,
    message: l10n.t(
      'Place {0} of bib "{1}" does not follow the performances: a worse performance has a better or equal place. Recompute the places of this unit.',
      String(result[offending]!.place),
      String(result[offending]!.bib),
    ),
    path: [...path, 'results', offending, 'place'],
    fixes: edits.length ? [{ title: l10n.t('Recompute places for this unit'), edits, preferred: true }] : [],
  });
}
