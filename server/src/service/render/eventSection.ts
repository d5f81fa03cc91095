import * as l10n from '@vscode/l10n';
import { EventEntry, JsonObject, asString } from '../model';
import { kindName } from '../format/eventCodes';
import { eventName } from '../features/describe';
import { RenderContext, objects } from './context';
import { esc } from './html';
import { isStartList, orderedResults, resultTable } from './results';
import { attemptsTable, heightsTable } from './fieldTables';
import { combinedTable } from './combinedTable';

/** Heats per round from `rounds` ("2,1"), or undefined when malformed. */
function heatsPerRound(event: EventEntry): number[] | undefined {
  const rounds = asString(event.value.rounds);
  const heats = rounds?.split(',').map(Number);
  return heats?.every((n) => Number.isInteger(n) && n > 0) ? heats : undefined;
}

/** "T01 100 metres Men Heat 1", else "Final" / "Round 1, heat 2" from the event's rounds. */
function unitName(event: EventEntry, unit: JsonObject): string {
  const name = asString(unit.heat_name);
  if (name) return name;
  const round = typeof unit.round === 'number' ? unit.round : undefined;
  const heat = typeof unit.heat === 'number' ? unit.heat : undefined;
  const heats = heatsPerRound(event);
  if (heats && round === heats.length && heats[round - 1] === 1) return heats.length === 1 ? '' : l10n.t('Final');
  if (round !== undefined && heat !== undefined) return l10n.t('Round {0}, heat {1}', round, heat);
  return '';
}

function unitSection(context: RenderContext, event: EventEntry, unitIndex: number, unit: JsonObject): string {
  const rows = orderedResults(unit.results, ['events', event.index, 'units', unitIndex, 'results']);
  const details = [asString(unit.scheduled_start_time), asString(unit.results_status), typeof unit.wind === 'string' || typeof unit.wind === 'number' ? l10n.t('wind {0}', String(unit.wind)) : undefined]
    .filter((part) => part)
    .map((part) => `<span class="tag">${esc(part)}</span>`)
    .join(' ');
  const name = unitName(event, unit);
  const heading = name || details ? `<h3${context.rows.attr(['events', event.index, 'units', unitIndex])}>${esc(name)} ${details}</h3>` : '';
  // A field event before its first attempt is a start list like any other.
  const started = !isStartList(rows) || Array.isArray(unit.trials);
  let table: string;
  if (started && event.kind === 'vertical') table = heightsTable(context, event, unit, rows);
  else if (started && (event.kind === 'horizontal' || event.kind === 'throw')) table = attemptsTable(context, event, unit, rows);
  else table = resultTable(context, event, rows);
  return `<div class="unit">${heading}${rows.length === 0 ? `<p class="empty">${esc(l10n.t('No results or starters yet.'))}</p>` : table}</div>`;
}

/** What is said under an event's name: code, kind, genders, category, day and time, status, combined parent. */
function eventFacts(context: RenderContext, event: EventEntry): string {
  const parentId = asString(event.value.parent);
  const parent = parentId ? context.model.eventsById.get(parentId)?.[0] : undefined;
  const day = typeof event.value.day === 'number' ? l10n.t('day {0}', event.value.day) : undefined;
  const facts = [
    event.code,
    event.kind ? kindName(event.kind) : undefined,
    asString(event.value.genders),
    asString(event.value.category),
    day,
    asString(event.value.r1_time),
    asString(event.value.status),
    parent ? l10n.t('part of {0}', eventName(parent)) : undefined,
  ];
  return facts
    .filter((fact) => fact)
    .map((fact) => `<span class="tag">${esc(fact)}</span>`)
    .join(' ');
}

/** The tables of an event: its units, or a combined event's standings. */
export function eventBody(context: RenderContext, event: EventEntry): string {
  if (event.kind === 'combined') return combinedTable(context, event);
  const units = objects(event.value.units);
  if (units.length === 0) {
    const results = orderedResults(event.value.results, ['events', event.index, 'results']);
    return results.length > 0 ? resultTable(context, event, results) : `<p class="empty">${esc(l10n.t('No units yet.'))}</p>`;
  }
  return units.map(([index, unit]) => unitSection(context, event, index, unit)).join('');
}

/** An event as a collapsible section; lazy sections leave the body to be loaded when opened. */
export function eventSection(context: RenderContext, event: EventEntry, lazy: boolean): string {
  const summary = `<summary${context.rows.attr(['events', event.index])}><span class="event-name">${esc(eventName(event))}</span> ${eventFacts(context, event)}</summary>`;
  const body = lazy ? `<div class="body" data-lazy="event:${event.index}"></div>` : `<div class="body">${eventBody(context, event)}</div>`;
  return `<details class="event" id="event-${event.index}" data-section="event:${event.index}"${lazy ? '' : ' open'}>${summary}${body}</details>`;
}
