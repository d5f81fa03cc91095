import * as l10n from '@vscode/l10n';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { CompetitionDocument } from '../document';
import { CompetitionModel, EventEntry, Indexed, JsonObject, asArray, asObject, asString } from '../model';
import { JsonPath } from '../json/path';
import { COMMON_EVENT_CODES, eventCodeInfo } from '../format/eventCodes';
import { RESULT_STATUSES } from '../format/performance';
import { competitionSchema, schemaAtPath, branches, resolveRef } from '../schema/competitionSchema';
import { eachObject } from '../rules/walk';
import { eventAtIndex, isRelayEvent, relayTeamsOf } from './ids';
import { athleteName, eventName, teamName } from './describe';
import { pathShape, valueAt } from './paths';
import { nextFreeId } from './skeletons';

/** One value completion: strings are inserted quoted, booleans raw. */
export interface ValueCandidate {
  value: string | boolean;
  kind: CompletionItemKind;
  /** Shown next to the label (athlete name, discipline…). */
  detail?: string;
  /** The group shown at the right of the list (e.g. "Throws"). */
  group?: string;
  /** Sort key; candidates keep their order within equal keys. */
  rank?: number;
}

/** The values that fit at a path: ids of the document, event codes, heights, and (unless the editor has them) schema enums. */
export function valueCandidates(document: CompetitionDocument, path: JsonPath): ValueCandidate[] {
  const { model } = document;
  const event = path[0] === 'events' && typeof path[1] === 'number' ? eventAtIndex(model, path[1]) : undefined;
  const unit = asObject(valueAt(model.root, path.slice(0, 4)));
  switch (pathShape(path)) {
    case 'events/#/event_code':
      return eventCodes();
    case 'competitors/#/events_entered/#/event_code': {
      const entered = model.eventsById.get(asString(valueAt(model.root, [...path.slice(0, -1), 'event_id'])) ?? '')?.[0];
      const own: ValueCandidate[] = entered?.code ? [{ value: entered.code, kind: CompletionItemKind.Value, detail: l10n.t('code of {0}', eventName(entered)), rank: -1 }] : [];
      return [...own, ...eventCodes().filter((c) => c.value !== entered?.code)];
    }
    case 'events/#/units/#/results/#/bib':
      return event && isRelayEvent(model, event) ? relayBibs(model, event) : competitorBibs(model, event, otherBibs(unit, path));
    case 'events/#/results/#/bib':
      return competitorBibs(model, event, otherBibs(event?.value, path));
    case 'events/#/units/#/trials/#/bib':
      return unitBibs(model, unit);
    case 'relay_teams/#/runners/#':
      return runnerBibs(model, asObject(valueAt(model.root, path.slice(0, 2))));
    case 'competitors/#/events_entered/#/event_id':
      return eventIds(model.events);
    case 'relay_teams/#/event_id':
      return eventIds(model.events.filter((e) => isRelayEvent(model, e)));
    case 'events/#/parent':
      return eventIds(model.events.filter((e) => e.kind === 'combined' && e !== event));
    case 'events/#/units/#/event_id':
      return event ? eventIds([event]) : [];
    case 'competitors/#/team_id':
    case 'relay_teams/#/team_id':
      return teamIds(model, path).map((id) => ({ value: id, kind: CompletionItemKind.Reference, detail: teamName(model, id) ?? '' }));
    case 'relay_teams/#/relay_team_id':
      return relayTeamIds(model, asObject(valueAt(model.root, path.slice(0, 2))));
    case 'events/#/units/#/trials/#/height':
      return asArray(unit?.heights).filter((h): h is string => typeof h === 'string').map((h) => ({ value: h, kind: CompletionItemKind.Value, detail: l10n.t('bar height') }));
    case 'events/#/units/#/trials/#/result':
      return trialMarks(event, asObject(valueAt(model.root, path.slice(0, -1))));
    case 'events/#/units/#/results/#/performance':
    case 'events/#/results/#/performance':
      return RESULT_STATUSES.map((s) => ({ value: s, kind: CompletionItemKind.EnumMember, detail: l10n.t('no mark') }));
    default:
      return schemaValues(path);
  }
}

function eventCodes(): ValueCandidate[] {
  return COMMON_EVENT_CODES.flatMap(({ group, codes }, rank) =>
    codes.map((code) => ({ value: code, kind: CompletionItemKind.EnumMember, detail: eventCodeInfo(code)?.discipline ?? '', group: group(), rank })),
  );
}

/** The teams list or, without one, the team ids used elsewhere (not the text being typed at `path`). */
function teamIds(model: CompetitionModel, path: JsonPath | undefined): string[] {
  if (model.hasTeams) return [...model.teamsById.keys()];
  const ids = new Set<string>();
  const add = (list: string, items: readonly Indexed[]): void => {
    for (const { index, value } of items) {
      if (typeof value.team_id === 'string' && value.team_id !== '' && !(path?.[0] === list && path[1] === index)) ids.add(value.team_id);
    }
  };
  add('competitors', model.competitors);
  add('relay_teams', model.relayTeams);
  return [...ids];
}

function eventIds(events: readonly EventEntry[]): ValueCandidate[] {
  return events.filter((e) => e.id !== undefined).map((e) => ({ value: e.id!, kind: CompletionItemKind.Reference, detail: `${eventName(e)} · ${e.code ?? '?'}` }));
}

/** Bibs that already have a result in the same list (except the one being edited). */
function otherBibs(container: JsonObject | undefined, path: JsonPath): Set<string> {
  const editing = path[path.length - 2];
  const bibs = new Set<string>();
  for (const [i, result] of eachObject(container?.results)) if (i !== editing && typeof result.bib === 'string') bibs.add(result.bib);
  return bibs;
}

/** Competitors, those entered in the event first and those with a result here last. */
function competitorBibs(model: CompetitionModel, event: EventEntry | undefined, placed: Set<string>): ValueCandidate[] {
  return model.competitors
    .filter((c) => c.id !== undefined)
    .map((c) => {
      const entered = event?.id !== undefined && [...eachObject(c.value.events_entered)].some(([, entry]) => entry.event_id === event.id);
      const rank = placed.has(c.id!) ? 2 : entered ? 0 : 1;
      return { value: c.id!, kind: CompletionItemKind.Reference, detail: competitorDetail(model, c.value), rank, ...(rank === 2 && { group: l10n.t('has a result') }) };
    });
}

function competitorDetail(model: CompetitionModel, competitor: JsonObject): string {
  const team = asString(competitor.team_id);
  return [athleteName(competitor), team && (teamName(model, team) ?? team)].filter((part) => part).join(' · ');
}

/** Inside trials: the athletes with a result in this unit. */
function unitBibs(model: CompetitionModel, unit: JsonObject | undefined): ValueCandidate[] {
  const seen = new Set<string>();
  const out: ValueCandidate[] = [];
  for (const [, result] of eachObject(unit?.results)) {
    const bib = asString(result.bib);
    if (bib === undefined || seen.has(bib)) continue;
    seen.add(bib);
    const competitor = model.competitorsById.get(bib)?.[0]?.value;
    out.push({ value: bib, kind: CompletionItemKind.Reference, detail: competitor ? competitorDetail(model, competitor) : l10n.t('in results') });
  }
  return out;
}

/** Relay results: the event's relay teams, then team ids (OpenTrack's fallback). */
function relayBibs(model: CompetitionModel, event: EventEntry): ValueCandidate[] {
  const relayTeams = relayTeamsOf(model, event.id ?? '');
  const relayTeam = l10n.t('relay team');
  const teams = [...relayTeams].map(([id, team]) => ({ value: id, kind: CompletionItemKind.Reference, detail: asString(team.value.name) ?? relayTeam, group: relayTeam, rank: 0 }));
  const fallback = teamIds(model, undefined).filter((id) => !relayTeams.has(id));
  return [...teams, ...fallback.map((id) => ({ value: id, kind: CompletionItemKind.Reference, detail: teamName(model, id) ?? '', group: l10n.t('team'), rank: 1 }))];
}

/** Relay runners: competitors, the relay team's club first. */
function runnerBibs(model: CompetitionModel, relayTeam: JsonObject | undefined): ValueCandidate[] {
  const team = asString(relayTeam?.team_id);
  const running = new Set(asArray(relayTeam?.runners));
  return model.competitors
    .filter((c) => c.id !== undefined)
    .map((c) => ({ value: c.id!, kind: CompletionItemKind.Reference, detail: competitorDetail(model, c.value), rank: running.has(c.id) ? 2 : c.value.team_id === team ? 0 : 1 }));
}

/** For a relay team: its club's next free relay ids in that event (BEL-A, BEL-B…). */
function relayTeamIds(model: CompetitionModel, relayTeam: JsonObject | undefined): ValueCandidate[] {
  const team = asString(relayTeam?.team_id);
  if (!team) return [];
  const taken = new Set(relayTeamsOf(model, asString(relayTeam?.event_id) ?? '').keys());
  const first = nextFreeId(`${team}-A`, taken);
  const second = nextFreeId(first, new Set([...taken, first]));
  return [first, second].map((id) => ({ value: id, kind: CompletionItemKind.Value, detail: l10n.t('relay team of {0}', team) }));
}

/** Attempt outcomes: o x - r for vertical jumps; x - r for other field events (a mark is typed). */
function trialMarks(event: EventEntry | undefined, trial: JsonObject | undefined): ValueCandidate[] {
  const vertical = event?.kind === 'vertical' || (event?.kind === undefined && trial?.height !== undefined);
  const marks: Array<[string, string]> = vertical
    ? [['o', l10n.t('cleared')], ['x', l10n.t('failed')], ['-', l10n.t('passed')], ['r', l10n.t('retired')]]
    : [['x', l10n.t('foul')], ['-', l10n.t('pass')], ['r', l10n.t('retired')]];
  return marks.map(([value, detail]) => ({ value, kind: CompletionItemKind.EnumMember, detail }));
}

/** The schema's enum (or, for strings, its examples) and booleans. */
function schemaValues(path: JsonPath): ValueCandidate[] {
  const node = schemaAtPath(path);
  if (!node || node === competitionSchema) return [];
  const out: ValueCandidate[] = [];
  const seen = new Set<unknown>();
  for (const branch of branches(node)) {
    const resolved = resolveRef(branch) ?? branch;
    const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
    // Examples are offered when they are a vocabulary (status, category…), not illustrations of a format.
    const vocabulary = types.includes('string') && !resolved.pattern && !resolved.format;
    const values = resolved.enum ?? (vocabulary ? resolved.examples : undefined) ?? [];
    for (const value of values) {
      if (typeof value !== 'string' || seen.has(value) || (!resolved.enum && /^[\d.:]+$/.test(value))) continue;
      seen.add(value);
      out.push({ value, kind: resolved.enum ? CompletionItemKind.EnumMember : CompletionItemKind.Value });
    }
    if (types.includes('boolean') && !seen.has(true)) {
      seen.add(true);
      out.push({ value: true, kind: CompletionItemKind.Value }, { value: false, kind: CompletionItemKind.Value });
    }
  }
  return out;
}
