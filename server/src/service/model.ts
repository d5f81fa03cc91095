import { EventCodeInfo, EventKind, eventCodeInfo } from './format/eventCodes';

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export interface EventEntry {
  index: number;
  value: JsonObject;
  id: string | undefined;
  code: string | undefined;
  info: EventCodeInfo | undefined;
  kind: EventKind | undefined;
}

export interface Indexed {
  index: number;
  value: JsonObject;
  id: string | undefined;
}

/**
 * Everything the checks and editing features look up, indexed once per document version:
 * O(1) lookups keep every rule linear in the size of the meet.
 */
export interface CompetitionModel {
  root: JsonObject | undefined;
  events: EventEntry[];
  eventsById: Map<string, EventEntry[]>;
  competitors: Indexed[];
  competitorsById: Map<string, Indexed[]>;
  teams: Indexed[];
  teamsById: Map<string, Indexed[]>;
  relayTeams: Indexed[];
  /** Whether the document lists these at all: references are only checked against lists that exist. */
  hasCompetitors: boolean;
  hasTeams: boolean;
  hasRelayTeams: boolean;
}

/**
 * The indexes of each list, kept while the list lives: parsed values never change, and a version
 * made by typing shares every list the edit did not touch (typing in a result leaves the lists
 * of competitors and teams as they were, and they are not indexed again).
 */
const indexes = new WeakMap<unknown[], { idKey: string; items: Indexed[]; byId: Map<string, Indexed[]> }>();

function indexList(list: unknown, idKey: string): [Indexed[], Map<string, Indexed[]>] {
  if (!Array.isArray(list)) return [[], new Map()];
  const kept = indexes.get(list);
  if (kept?.idKey === idKey) return [kept.items, kept.byId];
  const items: Indexed[] = [];
  const byId = new Map<string, Indexed[]>();
  list.forEach((raw, index) => {
    const value = asObject(raw);
    if (!value) return;
    const id = asString(value[idKey]);
    const item = { index, value, id };
    items.push(item);
    if (id !== undefined) {
      const same = byId.get(id);
      if (same) same.push(item);
      else byId.set(id, [item]);
    }
  });
  indexes.set(list, { idKey, items, byId });
  return [items, byId];
}

export function buildModel(value: unknown): CompetitionModel {
  const root = asObject(value);
  const events: EventEntry[] = [];
  const eventsById = new Map<string, EventEntry[]>();
  asArray(root?.events).forEach((raw, index) => {
    const event = asObject(raw);
    if (!event) return;
    const id = asString(event.event_id);
    const code = asString(event.event_code);
    const info = code === undefined ? undefined : eventCodeInfo(code);
    const entry: EventEntry = { index, value: event, id, code, info, kind: info?.kind };
    events.push(entry);
    if (id !== undefined) {
      const same = eventsById.get(id);
      if (same) same.push(entry);
      else eventsById.set(id, [entry]);
    }
  });
  const [competitors, competitorsById] = indexList(root?.competitors, 'competitor_id');
  const [teams, teamsById] = indexList(root?.teams, 'team_id');
  const [relayTeams] = indexList(root?.relay_teams, 'relay_team_id');
  return {
    root,
    events,
    eventsById,
    competitors,
    competitorsById,
    teams,
    teamsById,
    relayTeams,
    hasCompetitors: Array.isArray(root?.competitors),
    hasTeams: Array.isArray(root?.teams),
    hasRelayTeams: Array.isArray(root?.relay_teams),
  };
}
