import * as l10n from '@vscode/l10n';
import { CompetitionModel, EventEntry, asArray, asString } from '../model';
import { JsonPath } from '../json/path';
import { kindName } from '../format/eventCodes';
import { eventName } from '../features/describe';
import { RenderContext } from './context';
import { esc } from './html';
import { eventBody, eventSection } from './eventSection';
import { competitorsTable, teamsTable } from './people';

/** HTML and the JSON paths of the rows it contains (`data-path` attributes), for locating them in the text. */
export interface RenderedHtml {
  html: string;
  rows: JsonPath[];
}

/** Above this many results, trials and competitors, sections are rendered when opened, not all at once. */
export const LAZY_ROWS = 3000;

/** Whether a meet is large enough to render its sections on demand. */
export function isLargeMeet(model: CompetitionModel): boolean {
  let rows = model.competitors.length;
  for (const event of model.events) {
    for (const unit of asArray(event.value.units)) {
      const value = unit as { results?: unknown; trials?: unknown } | null;
      rows += asArray(value?.results).length + asArray(value?.trials).length;
    }
    if (rows > LAZY_ROWS) return true;
  }
  return rows > LAZY_ROWS;
}

/** Name, dates, venue and country; 2026 field names (`country`) and v1 ones (`country_id`) alike. */
function header(context: RenderContext): string {
  const root = context.model.root ?? {};
  const name = asString(root.full_name) || asString(root.short_name) || l10n.t('Untitled competition');
  const date = asString(root.date);
  const finish = asString(root.finish_date);
  const dates = date && finish && finish !== date ? `${date} – ${finish}` : (date ?? finish);
  const facts = [dates, asString(root.venue) ?? asString(root.address) ?? asString(root.city), asString(root.country) ?? asString(root.country_id)]
    .filter((fact) => fact)
    .map((fact) => `<span class="tag">${esc(fact)}</span>`)
    .join(' ');
  const path = root.full_name !== undefined ? context.rows.attr(['full_name']) : '';
  return `<header class="competition"><h1${path}>${esc(name)}</h1><p>${facts}</p></header>`;
}

function dayOf(event: EventEntry): number | undefined {
  return typeof event.value.day === 'number' && Number.isFinite(event.value.day) ? event.value.day : undefined;
}

/** The events grouped by day, then by kind, each linking to its section. */
function eventIndex(context: RenderContext): string {
  const days = new Map<number | undefined, Map<string, EventEntry[]>>();
  for (const event of context.model.events) {
    const day = dayOf(event);
    const kinds = days.get(day) ?? new Map<string, EventEntry[]>();
    days.set(day, kinds);
    const kind = event.kind ? kindName(event.kind) : l10n.t('other');
    const same = kinds.get(kind);
    if (same) same.push(event);
    else kinds.set(kind, [event]);
  }
  const order = [...days.keys()].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  const groups = order.map((day) => {
    const kinds = [...days.get(day)!].map(([kind, events]) => {
      const links = events
        .map((event) => {
          const time = asString(event.value.r1_time);
          return `<li><a href="#event-${event.index}" data-event="${event.index}">${esc(eventName(event))}</a>${time ? ` <span class="time">${esc(time)}</span>` : ''}</li>`;
        })
        .join('');
      return `<div class="kind"><h4>${esc(kind)}</h4><ul>${links}</ul></div>`;
    });
    const title = day === undefined ? l10n.t('Day not set') : l10n.t('Day {0}', day);
    return `<div class="day"><h3>${esc(title)}</h3>${kinds.join('')}</div>`;
  });
  return `<nav class="index"><h2>${esc(l10n.t('Events'))}</h2>${groups.join('') || `<p class="empty">${esc(l10n.t('No events.'))}</p>`}</nav>`;
}

function peopleSection(key: 'competitors' | 'teams', title: string, count: number, body: () => string, lazy: boolean): string {
  if (count === 0) return '';
  const content = lazy ? `<div class="body" data-lazy="${key}"></div>` : `<div class="body">${body()}</div>`;
  return `<details class="people" id="${key}" data-section="${key}"${lazy ? '' : ' open'}><summary><span class="event-name">${esc(title)}</span> <span class="tag">${count}</span></summary>${content}</details>`;
}

/**
 * The whole competition as HTML (without the page around it): header, event index, every event,
 * competitors and teams. With `lazy`, sections are empty shells filled by `renderSection`.
 */
export function renderCompetition(model: CompetitionModel, options: { lazy: boolean }): RenderedHtml {
  const context = new RenderContext(model);
  const lazy = options.lazy;
  const parts = [
    header(context),
    eventIndex(context),
    ...model.events.map((event) => eventSection(context, event, lazy)),
    peopleSection('competitors', l10n.t('Competitors'), model.competitors.length, () => competitorsTable(context), lazy),
    peopleSection('teams', l10n.t('Teams'), model.teams.length, () => teamsTable(context), lazy),
  ];
  return { html: parts.join(''), rows: context.rows.paths };
}

/** The body of one section (`event:3`, `competitors`, `teams`), for sections rendered on demand. */
export function renderSection(model: CompetitionModel, key: string): RenderedHtml | undefined {
  const context = new RenderContext(model);
  let html: string | undefined;
  if (key === 'competitors') html = competitorsTable(context);
  else if (key === 'teams') html = teamsTable(context);
  else {
    const match = /^event:(\d+)$/.exec(key);
    const event = match ? model.events.find((entry) => entry.index === Number(match[1])) : undefined;
    if (event) html = eventBody(context, event);
  }
  return html === undefined ? undefined : { html, rows: context.rows.paths };
}
