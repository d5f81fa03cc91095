import * as l10n from '@vscode/l10n';
import { CompetitionModel, EventEntry, Indexed, asArray, asObject, asString } from '../model';
import { JsonPath } from '../json/path';
import { eachObject } from '../rules/walk';
import { pathShape } from './paths';

/** The four kinds of id a competition document cross-references. */
export type IdKind = 'competitor' | 'event' | 'team' | 'relayTeam';

/** One id. Relay team ids are unique per event only, so they carry their event. */
export interface IdRef {
  kind: IdKind;
  id: string;
  eventId?: string;
}

/** A string in the document that names an id: where the id is defined, or a reference to it. */
export interface IdOccurrence {
  path: JsonPath;
  definition: boolean;
}

/** Lookups id resolution needs beyond the model, built once per model (document version). */
interface IdIndex {
  eventByIndex: Map<number, EventEntry>;
  /** event_id → relay_team_id → relay team. */
  relayTeamsByEvent: Map<string, Map<string, Indexed>>;
  /** Team ids of the teams list and those used by competitors and relay teams (a list is optional). */
  teamIds: Set<string>;
}

const indexes = new WeakMap<CompetitionModel, IdIndex>();

function idIndex(model: CompetitionModel): IdIndex {
  let index = indexes.get(model);
  if (index) return index;
  const relayTeamsByEvent = new Map<string, Map<string, Indexed>>();
  const teamIds = new Set(model.teamsById.keys());
  for (const team of model.relayTeams) {
    const eventId = asString(team.value.event_id) ?? '';
    let byId = relayTeamsByEvent.get(eventId);
    if (!byId) relayTeamsByEvent.set(eventId, (byId = new Map()));
    if (team.id !== undefined && !byId.has(team.id)) byId.set(team.id, team);
    const teamId = asString(team.value.team_id);
    if (teamId) teamIds.add(teamId);
  }
  for (const competitor of model.competitors) {
    const teamId = asString(competitor.value.team_id);
    if (teamId) teamIds.add(teamId);
  }
  index = { eventByIndex: new Map(model.events.map((event) => [event.index, event])), relayTeamsByEvent, teamIds };
  indexes.set(model, index);
  return index;
}

export function eventAtIndex(model: CompetitionModel, index: number): EventEntry | undefined {
  return idIndex(model).eventByIndex.get(index);
}

/** Relay teams entered in an event, by relay_team_id. */
export function relayTeamsOf(model: CompetitionModel, eventId: string): Map<string, Indexed> {
  return idIndex(model).relayTeamsByEvent.get(eventId) ?? new Map();
}

export function knownTeamIds(model: CompetitionModel): Set<string> {
  return idIndex(model).teamIds;
}

/** Relay events: by code, or (for a code we do not know) because relay teams run in them. */
export function isRelayEvent(model: CompetitionModel, event: EventEntry): boolean {
  return event.kind === 'relay' || (event.kind === undefined && event.id !== undefined && idIndex(model).relayTeamsByEvent.has(event.id));
}

/**
 * What a result bib names. Individual events: a competitor. Relays (as OpenTrack documents):
 * the event's relay_team_id or, failing that, a team_id; an unknown relay bib counts as a
 * relay team of the event, so that it is still found and renamed consistently.
 */
function resultBibRef(model: CompetitionModel, event: EventEntry | undefined, bib: string): IdRef {
  if (!event || !isRelayEvent(model, event)) return { kind: 'competitor', id: bib };
  const eventId = event.id ?? '';
  if (relayTeamsOf(model, eventId).has(bib) || !knownTeamIds(model).has(bib)) return { kind: 'relayTeam', id: bib, eventId };
  return { kind: 'team', id: bib };
}

/** The id a string value at this path defines or references; undefined for any other string. */
export function idAtPath(model: CompetitionModel, path: JsonPath, value: string): (IdRef & { definition: boolean }) | undefined {
  switch (pathShape(path)) {
    case 'competitors/#/competitor_id':
      return { kind: 'competitor', id: value, definition: true };
    case 'relay_teams/#/runners/#':
    case 'events/#/units/#/trials/#/bib':
      return { kind: 'competitor', id: value, definition: false };
    case 'events/#/event_id':
      return { kind: 'event', id: value, definition: true };
    case 'competitors/#/events_entered/#/event_id':
    case 'relay_teams/#/event_id':
    case 'events/#/parent':
    case 'events/#/units/#/event_id':
      return { kind: 'event', id: value, definition: false };
    case 'teams/#/team_id':
      return { kind: 'team', id: value, definition: true };
    case 'competitors/#/team_id':
    case 'relay_teams/#/team_id':
      return { kind: 'team', id: value, definition: false };
    case 'relay_teams/#/relay_team_id': {
      const team = asObject(asArray(model.root?.relay_teams)[path[1] as number]);
      return { kind: 'relayTeam', id: value, eventId: asString(team?.event_id) ?? '', definition: true };
    }
    case 'events/#/units/#/results/#/bib':
    case 'events/#/results/#/bib':
      return { ...resultBibRef(model, eventAtIndex(model, path[1] as number), value), definition: false };
    default:
      return undefined;
  }
}

function sameRef(a: IdRef, b: IdRef): boolean {
  return a.kind === b.kind && a.id === b.id && (a.kind !== 'relayTeam' || a.eventId === b.eventId);
}

/** Every definition of and reference to an id, in one walk over the model. */
export function occurrencesOf(model: CompetitionModel, ref: IdRef): IdOccurrence[] {
  const found: IdOccurrence[] = [];
  const add = (path: JsonPath, definition = false): void => void found.push({ path, definition });
  const { id } = ref;
  switch (ref.kind) {
    case 'competitor':
      for (const competitor of model.competitors) if (competitor.id === id) add(['competitors', competitor.index, 'competitor_id'], true);
      for (const team of model.relayTeams) {
        asArray(team.value.runners).forEach((runner, i) => runner === id && add(['relay_teams', team.index, 'runners', i]));
      }
      for (const event of model.events) {
        forEachResultBib(event, id, (path) => !isRelayEvent(model, event) && add(path));
        eachTrialBib(event, id, add);
      }
      break;
    case 'event':
      for (const event of model.events) {
        if (event.id === id) add(['events', event.index, 'event_id'], true);
        if (event.value.parent === id) add(['events', event.index, 'parent']);
        for (const [u, unit] of eachObject(event.value.units)) if (unit.event_id === id) add(['events', event.index, 'units', u, 'event_id']);
      }
      for (const competitor of model.competitors) {
        for (const [i, entry] of eachObject(competitor.value.events_entered)) {
          if (entry.event_id === id) add(['competitors', competitor.index, 'events_entered', i, 'event_id']);
        }
      }
      for (const team of model.relayTeams) if (team.value.event_id === id) add(['relay_teams', team.index, 'event_id']);
      break;
    case 'team':
      for (const team of model.teams) if (team.id === id) add(['teams', team.index, 'team_id'], true);
      for (const competitor of model.competitors) if (competitor.value.team_id === id) add(['competitors', competitor.index, 'team_id']);
      for (const team of model.relayTeams) if (team.value.team_id === id) add(['relay_teams', team.index, 'team_id']);
      addRelayResultBibs(model, ref, add);
      break;
    case 'relayTeam':
      for (const team of model.relayTeams) {
        if (team.id === id && (asString(team.value.event_id) ?? '') === ref.eventId) add(['relay_teams', team.index, 'relay_team_id'], true);
      }
      addRelayResultBibs(model, ref, add);
      break;
  }
  return found;
}

/** Result bibs of relay events that resolve to this team or relay team. */
function addRelayResultBibs(model: CompetitionModel, ref: IdRef, add: (path: JsonPath) => void): void {
  for (const event of model.events) {
    if (!isRelayEvent(model, event) || (ref.kind === 'relayTeam' && (event.id ?? '') !== ref.eventId)) continue;
    forEachResultBib(event, ref.id, (path) => sameRef(resultBibRef(model, event, ref.id), ref) && add(path));
  }
}

/** Paths of the result bibs equal to `bib`: unit results and event-level (combined parent) results. */
function forEachResultBib(event: EventEntry, bib: string, visit: (path: JsonPath) => unknown): void {
  for (const [k, result] of eachObject(event.value.results)) if (result.bib === bib) visit(['events', event.index, 'results', k, 'bib']);
  for (const [u, unit] of eachObject(event.value.units)) {
    for (const [k, result] of eachObject(unit.results)) if (result.bib === bib) visit(['events', event.index, 'units', u, 'results', k, 'bib']);
  }
}

function eachTrialBib(event: EventEntry, bib: string, visit: (path: JsonPath) => unknown): void {
  for (const [u, unit] of eachObject(event.value.units)) {
    for (const [k, trial] of eachObject(unit.trials)) if (trial.bib === bib) visit(['events', event.index, 'units', u, 'trials', k, 'bib']);
  }
}

/** Whether another id of the same kind (and event, for relay teams) already has this name. */
export function isIdTaken(model: CompetitionModel, ref: IdRef, name: string): boolean {
  switch (ref.kind) {
    case 'competitor':
      return model.competitorsById.has(name);
    case 'event':
      return model.eventsById.has(name);
    case 'team':
      return knownTeamIds(model).has(name);
    case 'relayTeam':
      return relayTeamsOf(model, ref.eventId ?? '').has(name);
  }
}

/** How an id kind is called in messages. */
export function idName(kind: IdKind): string {
  return kind === 'competitor' ? l10n.t('bib (competitor_id)') : kind === 'event' ? 'event_id' : kind === 'team' ? 'team_id' : 'relay_team_id';
}
