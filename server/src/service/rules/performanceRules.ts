import * as l10n from '@vscode/l10n';
import { Report, RuleInfo } from './rule';
import { JsonObject, asArray, asObject, asString } from '../model';
import { EventKind, kindName } from '../format/eventCodes';
import { RESULT_STATUSES, higherIsBetter, isResultStatus, performanceValue } from '../format/performance';
import { FixEdit, FixKind } from '../findings';
import { closest, withSuggestion } from './suggest';
import { unitsOf } from './walk';
import { perEventFamily } from './memo';
import { isImplausible } from '../format/worldRecords';

const FORMAT: RuleInfo = { code: 'OT401', name: 'performance-format', severity: 'error', summary: 'A performance is a time (running, relays) or a mark in metres (field events), or a status.' };
const STATUS: RuleInfo = { code: 'OT402', name: 'performance-status', severity: 'warning', summary: 'Statuses are DNS, DNF, DQ, NM, NH or NT.' };
const PLACES: RuleInfo = { code: 'OT403', name: 'places-order', severity: 'warning', summary: 'Places follow performances: a better performance never has a worse place.' };

export const performanceRules = perEventFamily({
  name: 'performances',
  rules: [FORMAT, STATUS, PLACES],
  checkEvent(event, report) {
    for (const { unit, path } of unitsOf(event)) {
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
          // An implausible performance (OT404, at the performance) is not trusted to check places against.
          if (!isImplausible(event.code, higherIsBetter(kind), value)) ranked.push({ index: i, value, place: result.place });
          continue;
        }
        const performancePath = [...path, 'results', i, 'performance'];
        if (/^[A-Za-z]+$/.test(performance)) {
          const suggestion = closest(performance.toUpperCase(), RESULT_STATUSES) ?? (performance.toUpperCase() === 'DSQ' ? 'DQ' : undefined);
          report({
            code: STATUS.code,
            message: withSuggestion(l10n.t('Unknown status {0}. Use one of {1}.', JSON.stringify(performance), RESULT_STATUSES.join(', ')), suggestion),
            path: performancePath,
            ...(suggestion && { fixes: [{ title: l10n.t('Change to "{0}"', suggestion), edits: [{ op: 'replace', path: performancePath, value: suggestion }], kind: statusFixKind(performance, suggestion), preferred: true }] }),
          });
          continue;
        }
        const repaired = repairPerformance(kind, performance);
        report({
          code: FORMAT.code,
          message: withSuggestion(malformed(kind, JSON.stringify(performance), String(event.code)), repaired),
          path: performancePath,
          ...(repaired && { fixes: [{ title: l10n.t('Change to "{0}"', repaired), edits: [{ op: 'replace', path: performancePath, value: repaired }], kind: repairKind(performance, repaired), preferred: true }] }),
        });
      }
      checkPlaces(unit, path, kind, ranked, report);
    }
  },
});

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

/** "dnf" → "DNF" is letter case; "DSQ" → "DQ" or a near spelling may name another status. */
function statusFixKind(text: string, status: string): FixKind {
  return text.toUpperCase() === status ? 'case' : 'data';
}

/** A malformed performance with an obvious repair: decimal comma, stray spaces or unit. */
function repairPerformance(kind: EventKind, text: string): string | undefined {
  const candidate = notation(text).replace(/\s+/g, '');
  return candidate !== text && performanceValue(kind, candidate) !== undefined ? candidate : undefined;
}

/** The same number in OpenTrack's notation: surrounding spaces, a trailing unit, decimal comma. */
function notation(text: string): string {
  return text.trim().replace(/\s*m$/i, '').replace(/,/g, '.');
}

/** Only notation is safe: removing a space inside the digits ("6.2 1") guesses which digits belong together. */
function repairKind(text: string, repaired: string): FixKind {
  return notation(text) === repaired ? 'separator' : 'data';
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

interface Placed {
  index: number;
  value: number;
  place: number;
}

/**
 * The first result (a position in `sorted`, best performance first) with a better or equal place
 * than a result with a better performance, leaving out position `skip`. Equal performances may be
 * split by countback or photo finish, so only a better performance with a worse place conflicts.
 */
function firstConflict(sorted: readonly Placed[], skip: number): { at: number; against: number } | undefined {
  let best = -1; // position of the worst place among strictly better performances
  let groupBest = -1; // the same within the current group of equal performances
  let groupValue = NaN;
  for (let i = 0; i < sorted.length; i++) {
    if (i === skip) continue;
    const entry = sorted[i]!;
    if (entry.value !== groupValue) {
      if (groupBest >= 0 && (best < 0 || sorted[groupBest]!.place > sorted[best]!.place)) best = groupBest;
      groupBest = -1;
      groupValue = entry.value;
    }
    if (best >= 0 && entry.place <= sorted[best]!.place) return { at: i, against: best };
    if (groupBest < 0 || entry.place > sorted[groupBest]!.place) groupBest = i;
  }
  return undefined;
}

function checkPlaces(
  unit: JsonObject,
  path: (string | number)[],
  kind: EventKind,
  ranked: { index: number; value: number; place: unknown }[],
  report: Report,
): void {
  const placed = ranked.filter((r): r is Placed => typeof r.place === 'number');
  if (placed.length < 2) return;
  const sign = higherIsBetter(kind) ? -1 : 1;
  const sorted = [...placed].sort((a, b) => sign * (a.value - b.value));
  const conflict = firstConflict(sorted, -1);
  if (!conflict) return;
  // One cause, one diagnostic: when one place alone breaks the order, it is the place to correct.
  const alone = [conflict.at, conflict.against].filter((position) => !firstConflict(sorted, position));
  const offending = sorted[alone.length === 1 ? alone[0]! : conflict.at]!.index;
  const expected = computePlaces(placed, kind);
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
    fixes: edits.length
      ? [{ title: edits.length === 1 ? l10n.t('Recompute places for this unit — ranked by performance, 1 place changes') : l10n.t('Recompute places for this unit — ranked by performance, {0} places change', edits.length), edits, kind: 'data' }]
      : [],
  });
}
