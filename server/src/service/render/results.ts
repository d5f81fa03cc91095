import * as l10n from '@vscode/l10n';
import { EventEntry, JsonObject, asString } from '../model';
import { JsonPath } from '../json/path';
import { isResultStatus } from '../format/performance';
import { RenderContext, bibOf, objects } from './context';
import { esc, td } from './html';

/** One result of a unit, with what ordering and display need. */
export interface ResultRow {
  index: number;
  value: JsonObject;
  path: JsonPath;
  bib: string | undefined;
  place: number | undefined;
  performance: string;
}

/** Statuses listed after the placed athletes, in this order (OpenTrack lists non-finishers last). */
const STATUS_ORDER = ['DNF', 'DQ', 'NM', 'NH', 'NT', 'DNS'];

function statusRank(performance: string): number {
  const rank = STATUS_ORDER.indexOf(performance.toUpperCase());
  return rank < 0 ? -1 : rank;
}

/** A performance as text (numbers shown as written). */
export function textOf(value: unknown): string {
  return typeof value === 'number' ? String(value) : (asString(value) ?? '');
}

/** The results of a unit (or a combined event) in display order: by place, then unplaced marks, then statuses. */
export function orderedResults(list: unknown, path: JsonPath): ResultRow[] {
  const rows = objects(list).map(([index, value]): ResultRow => {
    const place = typeof value.place === 'number' && Number.isFinite(value.place) && value.place > 0 ? value.place : undefined;
    return { index, value, path: [...path, index], bib: bibOf(value), place, performance: textOf(value.performance) };
  });
  const key = (row: ResultRow): [number, number] => [row.place === undefined ? 1 : 0, row.place ?? statusRank(row.performance)];
  return rows.sort((a, b) => {
    const [ga, pa] = key(a);
    const [gb, pb] = key(b);
    return ga - gb || pa - pb || a.index - b.index;
  });
}

/** Places shared by more than one result: shown as "=2", as result lists mark ties. */
export function tiedPlaces(rows: readonly ResultRow[]): Set<number> {
  const seen = new Set<number>();
  const tied = new Set<number>();
  for (const row of rows) {
    if (row.place === undefined) continue;
    if (seen.has(row.place)) tied.add(row.place);
    seen.add(row.place);
  }
  return tied;
}

export function placeText(row: ResultRow, tied: Set<number>): string {
  if (row.place === undefined) return '';
  return tied.has(row.place) ? `=${row.place}` : String(row.place);
}

/** A mark cell: statuses (DNS, DNF, DQ, NM…) styled as such. */
export function markCell(performance: string, extraClass = ''): string {
  const status = isResultStatus(performance.toUpperCase());
  return td(`mark${status ? ' status' : ''}${extraClass}`, esc(performance));
}

/** Whether the unit is still a start list: nobody has a place or a performance yet. */
export function isStartList(rows: readonly ResultRow[]): boolean {
  return rows.every((row) => row.place === undefined && row.performance === '');
}

/** Optional columns shown only when some result has them. */
function has(rows: readonly ResultRow[], key: string): boolean {
  return rows.some((row) => row.value[key] !== undefined && row.value[key] !== null && row.value[key] !== '');
}

/** The entrant cells (athlete or relay team with runners, and team). */
export function entrantCells(context: RenderContext, event: EventEntry, bib: string | undefined): string {
  const who = context.entrant(event, bib);
  const runners = who.runners?.length ? `<div class="runners">${who.runners.map(esc).join(', ')}</div>` : '';
  const unknown = who.name === '' ? ` title="${esc(l10n.t('No competitor has this bib'))}"` : '';
  return `<td class="athlete"${unknown}>${esc(who.name)}${runners}</td>${td('team', esc(who.team))}`;
}

/** The start list or result table of a running or relay unit (and the fallback for other kinds). */
export function resultTable(context: RenderContext, event: EventEntry, rows: readonly ResultRow[], extraCells?: (row: ResultRow) => string, extraHeads = ''): string {
  const startList = isStartList(rows);
  const lane = has(rows, 'lane');
  const order = !lane && has(rows, 'order');
  const wind = has(rows, 'wind');
  const points = has(rows, 'points');
  const seed = startList && has(rows, 'sp');
  const tied = tiedPlaces(rows);
  const head = [
    startList ? '' : `<th class="place">${esc(l10n.t('Pl.'))}</th>`,
    lane ? `<th class="lane">${esc(l10n.t('Lane'))}</th>` : '',
    order ? `<th class="order">${esc(l10n.t('Order'))}</th>` : '',
    `<th class="bib">${esc(l10n.t('Bib'))}</th>`,
    `<th class="athlete">${esc(event.kind === 'relay' ? l10n.t('Relay team') : l10n.t('Athlete'))}</th>`,
    `<th class="team">${esc(l10n.t('Team'))}</th>`,
    seed ? `<th class="seed">${esc(l10n.t('Seed'))}</th>` : '',
    startList ? '' : `<th class="mark">${esc(l10n.t('Mark'))}</th>`,
    wind ? `<th class="wind">${esc(l10n.t('Wind'))}</th>` : '',
    points ? `<th class="points">${esc(l10n.t('Points'))}</th>` : '',
    extraHeads,
  ].join('');
  const body = rows
    .map((row) => {
      const cells = [
        startList ? '' : td('place', esc(placeText(row, tied))),
        lane ? td('lane', esc(row.value.lane)) : '',
        order ? td('order', esc(row.value.order)) : '',
        td('bib', esc(row.bib)),
        entrantCells(context, event, row.bib),
        seed ? td('seed', esc(row.value.sp)) : '',
        startList ? '' : markCell(row.performance),
        wind ? td('wind', esc(row.value.wind)) : '',
        points ? td('points', esc(row.value.points)) : '',
        extraCells ? extraCells(row) : '',
      ].join('');
      return `<tr class="result"${context.rows.attr(row.path)}>${cells}</tr>`;
    })
    .join('');
  const caption = startList ? l10n.t('Start list') : l10n.t('Results');
  return `<table class="results${startList ? ' start-list' : ''}"><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
