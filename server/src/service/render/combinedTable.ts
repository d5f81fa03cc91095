import * as l10n from '@vscode/l10n';
import { EventEntry } from '../model';
import { JsonPath } from '../json/path';
import { combinedEventPoints, usesWorldAthleticsTables } from '../features/combinedPoints';
import { tableGender } from '../features/hoverPoints';
import { eventName } from '../features/describe';
import { RenderContext, bibOf, objects } from './context';
import { esc, td } from './html';
import { textOf } from './results';

/** More disciplines than this are not drawn (the largest standard combined event has 20). */
const MAX_DISCIPLINES = 24;

interface Standing {
  bib: string;
  path: JsonPath | undefined;
  order: number;
  cells: Array<{ performance: string; points: number | undefined; total: number }>;
  total: number;
}

/** The disciplines of a combined event: the events whose `parent` is its id, in document order. */
export function disciplinesOf(context: RenderContext, parent: EventEntry): EventEntry[] {
  return parent.id === undefined ? [] : context.model.events.filter((event) => event.value.parent === parent.id && event !== parent).slice(0, MAX_DISCIPLINES);
}

/**
 * A combined event's standings: per athlete, each discipline's performance with its World
 * Athletics points and the running total, ranked by total.
 */
export function combinedTable(context: RenderContext, parent: EventEntry): string {
  const disciplines = disciplinesOf(context, parent);
  const scored = usesWorldAthleticsTables(parent.code);
  // Each discipline's performance per bib (the first unit that has one), built once: linear in the results.
  const performances = disciplines.map((event) => {
    const byBib = new Map<string, string>();
    for (const [, unit] of objects(event.value.units)) {
      for (const [, result] of objects(unit.results)) {
        const bib = bibOf(result);
        if (bib !== undefined && !byBib.has(bib)) byBib.set(bib, textOf(result.performance));
      }
    }
    return byBib;
  });
  const standings = new Map<string, Standing>();
  const enter = (bib: string, path: JsonPath | undefined): void => {
    if (!standings.has(bib)) standings.set(bib, { bib, path, order: standings.size, cells: [], total: 0 });
  };
  for (const [index, result] of objects(parent.value.results)) {
    const bib = bibOf(result);
    if (bib !== undefined) enter(bib, ['events', parent.index, 'results', index]);
  }
  for (const byBib of performances) for (const bib of byBib.keys()) enter(bib, undefined);
  for (const standing of standings.values()) {
    disciplines.forEach((event, i) => {
      const performance = performances[i]!.get(standing.bib) ?? '';
      const gender = scored && event.code ? tableGender(context.model, event, parent, standing.bib) : undefined;
      const points = gender && event.code && performance ? combinedEventPoints(gender, event.code, performance) : undefined;
      standing.total += points ?? 0;
      standing.cells.push({ performance, points, total: standing.total });
    });
  }
  const ranked = [...standings.values()].sort((a, b) => b.total - a.total || a.order - b.order);
  const heads =
    `<th class="place">${esc(l10n.t('Pl.'))}</th><th class="bib">${esc(l10n.t('Bib'))}</th><th class="athlete">${esc(l10n.t('Athlete'))}</th><th class="team">${esc(l10n.t('Team'))}</th>` +
    disciplines.map((event) => `<th class="discipline" title="${esc(eventName(event))}">${esc(event.code ?? event.id)}</th>`).join('') +
    `<th class="mark">${esc(l10n.t('Points'))}</th>`;
  let previous: Standing | undefined;
  let place = 0;
  const body = ranked
    .map((standing, i) => {
      if (!previous || previous.total !== standing.total) place = i + 1;
      const tie = (previous?.total === standing.total && i > 0) || ranked[i + 1]?.total === standing.total;
      previous = standing;
      const cells = standing.cells
        .map((cell) => {
          const points = cell.points === undefined ? '' : `<span class="points">${cell.points}</span><span class="running" title="${esc(l10n.t('Running total'))}">${cell.total}</span>`;
          return td('discipline', `<span class="perf">${esc(cell.performance)}</span>${points}`);
        })
        .join('');
      const who = context.entrant(parent, standing.bib);
      const row = standing.path ? context.rows.attr(standing.path) : '';
      return `<tr class="result"${row}>${td('place', scored ? `${tie ? '=' : ''}${place}` : '')}${td('bib', esc(standing.bib))}${td('athlete', esc(who.name))}${td('team', esc(who.team))}${cells}${td('mark total', scored ? String(standing.total) : '')}</tr>`;
    })
    .join('');
  const caption = scored ? l10n.t('Standings (World Athletics points, running total below)') : l10n.t('Standings');
  return `<table class="results combined"><caption>${esc(caption)}</caption><thead><tr>${heads}</tr></thead><tbody>${body}</tbody></table>`;
}
