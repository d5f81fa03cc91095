import * as l10n from '@vscode/l10n';
import { EventEntry, JsonObject } from '../model';
import { parseMetres } from '../format/performance';
import { RenderContext, bibOf, objects } from './context';
import { esc, td } from './html';
import { ResultRow, entrantCells, markCell, placeText, textOf, tiedPlaces } from './results';

/** Columns beyond these are not drawn: hostile data must not make a table of a million attempts. */
const MAX_ATTEMPTS = 12;
const MAX_HEIGHTS = 80;

/** The trials of a unit grouped by bib, in the order they are listed (which is the order they happened). */
function trialsByBib(unit: JsonObject): Map<string, JsonObject[]> {
  const byBib = new Map<string, JsonObject[]>();
  for (const [, trial] of objects(unit.trials)) {
    const bib = bibOf(trial);
    if (bib === undefined) continue;
    const list = byBib.get(bib);
    if (list) list.push(trial);
    else byBib.set(bib, [trial]);
  }
  return byBib;
}

function th(cls: string, label: string): string {
  return `<th class="${cls}">${esc(label)}</th>`;
}

function fieldTable(context: RenderContext, rows: readonly ResultRow[], heads: string, cells: (row: ResultRow) => string, kindClass: string): string {
  const tied = tiedPlaces(rows);
  const body = rows
    .map((row) => `<tr class="result"${context.rows.attr(row.path)}>${td('place', esc(placeText(row, tied)))}${td('bib', esc(row.bib))}${cells(row)}${markCell(row.performance)}</tr>`)
    .join('');
  return `<table class="results ${kindClass}"><caption>${esc(l10n.t('Results'))}</caption><thead><tr>${heads}</tr></thead><tbody>${body}</tbody></table>`;
}

const commonHeads = (): string => [th('place', l10n.t('Pl.')), th('bib', l10n.t('Bib')), th('athlete', l10n.t('Athlete')), th('team', l10n.t('Team'))].join('');

/** Horizontal jumps and throws: one column per attempt (marks, fouls `x`, passes `-`), the best mark highlighted. */
export function attemptsTable(context: RenderContext, event: EventEntry, unit: JsonObject, rows: readonly ResultRow[]): string {
  const trials = trialsByBib(unit);
  let attempts = 0;
  for (const value of [unit.rounds, event.value.max_field_attempts]) if (typeof value === 'number' && Number.isInteger(value)) attempts = Math.max(attempts, value);
  for (const list of trials.values()) for (const trial of list) if (typeof trial.round === 'number' && Number.isInteger(trial.round)) attempts = Math.max(attempts, trial.round);
  attempts = Math.min(Math.max(attempts, 1), MAX_ATTEMPTS);
  const numbers = Array.from({ length: attempts }, (_, i) => i + 1);
  const heads = commonHeads() + numbers.map((n) => th('attempt', String(n))).join('') + th('mark', l10n.t('Best'));
  return fieldTable(
    context,
    rows,
    heads,
    (row) => {
      const byRound = new Map<number, JsonObject>();
      for (const trial of trials.get(row.bib ?? '') ?? []) if (typeof trial.round === 'number' && !byRound.has(trial.round)) byRound.set(trial.round, trial);
      let best: number | undefined;
      for (const trial of byRound.values()) {
        const metres = parseMetres(textOf(trial.result));
        if (metres !== undefined && (best === undefined || metres > best)) best = metres;
      }
      let highlighted = false;
      const cells = numbers.map((n) => {
        const trial = byRound.get(n);
        const result = textOf(trial?.result);
        const isBest = !highlighted && best !== undefined && parseMetres(result) === best;
        if (isBest) highlighted = true;
        const wind = trial?.wind !== undefined ? `<span class="trial-wind">${esc(trial.wind)}</span>` : '';
        const kind = result === 'x' || result === 'X' ? ' foul' : result === '-' ? ' pass' : '';
        return td(`attempt${isBest ? ' best' : ''}${kind}`, esc(result) + wind);
      });
      return entrantCells(context, event, row.bib) + cells.join('');
    },
    'attempts',
  );
}

/** Vertical jumps: heights × attempts (`o`, `xo`, `xxo`, `xxx`, `-`), the highest cleared height highlighted. */
export function heightsTable(context: RenderContext, event: EventEntry, unit: JsonObject, rows: readonly ResultRow[]): string {
  const trials = trialsByBib(unit);
  const heights: string[] = [];
  const seen = new Set<string>();
  const addHeight = (height: string): void => {
    if (height !== '' && !seen.has(height) && heights.length < MAX_HEIGHTS) {
      seen.add(height);
      heights.push(height);
    }
  };
  if (Array.isArray(unit.heights)) for (const height of unit.heights) addHeight(textOf(height));
  for (const list of trials.values()) for (const trial of list) addHeight(textOf(trial.height));
  const heads = commonHeads() + heights.map((height) => th('height', height)).join('') + th('mark', l10n.t('Best'));
  return fieldTable(
    context,
    rows,
    heads,
    (row) => {
      const attempts = new Map<string, string>();
      for (const trial of trials.get(row.bib ?? '') ?? []) {
        const height = textOf(trial.height);
        attempts.set(height, (attempts.get(height) ?? '') + textOf(trial.result).toLowerCase());
      }
      let cleared: number | undefined;
      for (const [height, marks] of attempts) {
        const metres = parseMetres(height);
        if (marks.includes('o') && metres !== undefined && (cleared === undefined || metres > cleared)) cleared = metres;
      }
      const cells = heights.map((height) => {
        const marks = attempts.get(height) ?? '';
        const best = cleared !== undefined && marks.includes('o') && parseMetres(height) === cleared;
        const failed = marks.length > 0 && !marks.includes('o') && marks !== '-';
        return td(`height${best ? ' best' : ''}${failed ? ' foul' : ''}`, esc(marks));
      });
      return entrantCells(context, event, row.bib) + cells.join('');
    },
    'heights',
  );
}
