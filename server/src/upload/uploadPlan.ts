// The upload plan: what an upload would create, update and delete on OpenTrack, computed from the file
// and what the server holds. Pure (no I/O, no vscode), so the dry run, the preview, the confirmation
// and the update itself all show and do the same thing.
import { documentId, documentList } from './documentLists';
import type { DocumentPath } from './errors';
import { isJsonObject, type JsonObject } from './json';
import { competitionPayload, eventPostingOrder } from './restPayloads';

export type ChangeAction = 'create' | 'update' | 'delete';
export type ChangeKind = 'competition' | 'team' | 'competitor' | 'event' | 'unit';

export interface PlannedChange {
  action: ChangeAction;
  kind: ChangeKind;
  /** The document's id: `BEL`, `7`, `T01`, `T01 round 1 heat 2`. */
  name: string;
  /** For updates: the keys whose values differ (`results`, `full_name`). */
  fields: string[];
  /** How many results a created or updated unit or event carries, for the summary. */
  results?: number;
  /** Where the item is in the document (server complaints are placed there). */
  path: DocumentPath;
  /** The request that makes the change; absent for `create` of the competition (the create flow posts it). */
  request?: { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; json?: unknown };
}

/** What OpenTrack holds for one competition, as its GET endpoints answered. */
export interface ServerSnapshot {
  competition: JsonObject;
  teams: JsonObject[];
  competitors: JsonObject[];
  events: JsonObject[];
}

export interface UploadPlan {
  /** The competition as the server knows it (undefined: it will be created). */
  existing?: { id: string; webUrl: string };
  changes: PlannedChange[];
}

const ITEM_LISTS = [
  { list: 'teams', kind: 'team', idKey: 'team_id' },
  { list: 'competitors', kind: 'competitor', idKey: 'competitor_id' },
] as const;

/** Everything a first upload creates, in posting order (the competition, teams, competitors, events). */
export function planCreate(document: JsonObject): UploadPlan {
  const changes: PlannedChange[] = [
    { action: 'create', kind: 'competition', name: String(document.slug ?? document.full_name ?? ''), fields: [], path: [] },
  ];
  for (const { list, kind, idKey } of ITEM_LISTS) {
    documentList(document, list).forEach((item, index) =>
      changes.push({ action: 'create', kind, name: documentId(item, idKey, index), fields: [], path: [list, index] }),
    );
  }
  const events = documentList(document, 'events');
  for (const index of eventPostingOrder(events)) {
    changes.push({
      action: 'create',
      kind: 'event',
      name: documentId(events[index], 'event_id', index),
      fields: [],
      results: resultCount(events[index]),
      path: ['events', index],
    });
  }
  return { changes };
}

/**
 * The differences between the file and the server's copy of the competition, as REST requests:
 * competition fields (PATCH), new teams and competitors (POST lists), changed ones (PUT of the full
 * record, as OpenTrack's examples do), new events (POST), changed event fields (PATCH), changed units
 * (PATCH of the unit with only what changed, e.g. `{"results": […]}`), then what the file no longer has
 * (DELETE). Keys the file does not mention are left as the server has them.
 */
export function planUpdate(document: JsonObject, server: ServerSnapshot, base: string): UploadPlan {
  const competitionId = String(server.competition.id);
  const competitionUrl = resourceUrl(server.competition, base, 'competitions');
  const changes: PlannedChange[] = [];
  const withCompetition = (item: JsonObject) => ({ ...item, competition: competitionId });

  const payload = competitionPayload(document).body;
  const competitionFields = changedKeys(payload, server.competition);
  if (competitionFields.length > 0) {
    changes.push({
      action: 'update',
      kind: 'competition',
      name: String(document.slug ?? competitionId),
      fields: competitionFields,
      path: [],
      request: { method: 'PATCH', url: competitionUrl, json: pick(payload, competitionFields) },
    });
  }

  const deletions: PlannedChange[] = [];
  for (const { list, kind, idKey } of ITEM_LISTS) {
    const onServer = byId(server[list], idKey);
    const inFile = new Set<string>();
    documentList(document, list).forEach((item, index) => {
      const name = documentId(item, idKey, index);
      inFile.add(name);
      const stored = onServer.get(name);
      const path = [list, index];
      if (!stored) {
        changes.push({ action: 'create', kind, name, fields: [], path, request: { method: 'POST', url: new URL(`api/${list}/`, base).toString(), json: [withCompetition(item)] } });
        return;
      }
      const fields = changedKeys(item, stored);
      if (fields.length > 0) {
        changes.push({ action: 'update', kind, name, fields, path, request: { method: 'PUT', url: resourceUrl(stored, base, list), json: withCompetition(item) } });
      }
    });
    for (const [name, stored] of onServer) {
      if (!inFile.has(name)) deletions.push({ action: 'delete', kind, name, fields: [], path: [], request: { method: 'DELETE', url: resourceUrl(stored, base, list) } });
    }
  }

  const events = documentList(document, 'events');
  const eventsOnServer = byId(server.events, 'event_id');
  const eventsInFile = new Set<string>();
  for (const index of eventPostingOrder(events)) {
    const event = events[index];
    const name = documentId(event, 'event_id', index);
    eventsInFile.add(name);
    const stored = eventsOnServer.get(name);
    const path = ['events', index];
    if (!stored) {
      changes.push({
        action: 'create',
        kind: 'event',
        name,
        fields: [],
        results: resultCount(event),
        path,
        request: { method: 'POST', url: new URL('api/events/', base).toString(), json: withCompetition(event) },
      });
      continue;
    }
    changes.push(...eventChanges(event, stored, name, path, base));
  }
  for (const [name, stored] of eventsOnServer) {
    if (!eventsInFile.has(name)) deletions.push({ action: 'delete', kind: 'event', name, fields: [], path: [], request: { method: 'DELETE', url: resourceUrl(stored, base, 'events') } });
  }

  // Events go first: deleting a competitor or team that a remaining result names would fail.
  deletions.sort((a, b) => DELETE_ORDER.indexOf(a.kind) - DELETE_ORDER.indexOf(b.kind));
  return { existing: { id: competitionId, webUrl: competitionUrl }, changes: [...changes, ...deletions] };
}

const DELETE_ORDER: ChangeKind[] = ['event', 'competitor', 'team'];

/**
 * An event's own fields are PATCHed; each unit found on the server (by round and heat) is PATCHed with
 * only its changed keys. When units were added or removed the event's whole `units` list is sent,
 * since OpenTrack documents no endpoint to create or delete a unit on its own.
 */
function eventChanges(event: JsonObject, stored: JsonObject, name: string, path: DocumentPath, base: string): PlannedChange[] {
  const eventUrl = resourceUrl(stored, base, 'events');
  const { units: fileUnitsValue, ...ownFields } = event;
  const fileUnits = Array.isArray(fileUnitsValue) ? fileUnitsValue.filter(isJsonObject) : [];
  const storedUnits = Array.isArray(stored.units) ? stored.units.filter(isJsonObject) : [];
  const unitKey = (unit: JsonObject) => `${String(unit.round)} ${String(unit.heat)}`;
  const storedByKey = new Map(storedUnits.map((unit) => [unitKey(unit), unit]));
  // A file without `units` leaves the server's units alone.
  const sameUnitSet =
    !Object.hasOwn(event, 'units') ||
    (fileUnits.length === storedUnits.length && fileUnits.every((unit) => storedByKey.has(unitKey(unit))) && new Set(fileUnits.map(unitKey)).size === fileUnits.length);

  const fields = changedKeys(ownFields, stored);
  if (!sameUnitSet) fields.push('units');
  const changes: PlannedChange[] = [];
  if (fields.length > 0) {
    const json = pick(sameUnitSet ? ownFields : event, fields);
    changes.push({ action: 'update', kind: 'event', name, fields, path, request: { method: 'PATCH', url: eventUrl, json } });
  }
  if (!sameUnitSet) return changes;
  fileUnits.forEach((unit, index) => {
    const storedUnit = storedByKey.get(unitKey(unit))!;
    const unitFields = changedKeys(unit, storedUnit);
    if (unitFields.length === 0) return;
    const url = typeof storedUnit.url === 'string' ? storedUnit.url : new URL(`api/units/${String(storedUnit.id)}/`, base).toString();
    changes.push({
      action: 'update',
      kind: 'unit',
      name: `${name} round ${String(unit.round)} heat ${String(unit.heat)}`,
      fields: unitFields,
      results: Array.isArray(unit.results) ? unit.results.length : undefined,
      path: [...path, 'units', index],
      request: { method: 'PATCH', url, json: pick(unit, unitFields) },
    });
  });
  return changes;
}

/** The keys of `mine` whose values the server holds differently (or not at all). */
function changedKeys(mine: JsonObject, theirs: JsonObject): string[] {
  return Object.keys(mine).filter((key) => !sameValue(mine[key], theirs[key]));
}

/** JSON equality regardless of key order; a list of strings equals its comma-joined form (events' `age_groups`). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && typeof b === 'string') return a.every((item) => typeof item === 'string') && a.join(',') === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
  }
  return a === b;
}

function pick(item: JsonObject, keys: string[]): JsonObject {
  return Object.fromEntries(keys.map((key) => [key, item[key]]));
}

function byId(items: JsonObject[], idKey: string): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (const item of items) {
    const id = item[idKey];
    if ((typeof id === 'string' || typeof id === 'number') && !map.has(String(id))) map.set(String(id), item);
  }
  return map;
}

/** The item's own `url` when the server gave one, else `api/<list>/<id>/`. */
function resourceUrl(item: JsonObject, base: string, list: string): string {
  if (typeof item.url === 'string' && /^https?:\/\//.test(item.url)) return item.url;
  return new URL(`api/${list}/${encodeURIComponent(String(item.id))}/`, base).toString();
}

function resultCount(event: JsonObject): number {
  const units = Array.isArray(event.units) ? event.units.filter(isJsonObject) : [];
  return units.reduce((sum, unit) => sum + (Array.isArray(unit.results) ? unit.results.length : 0), 0);
}

/** One line per change: `update unit T01 round 1 heat 1 (results)`, `delete competitor 12`. */
export function describeChange(change: PlannedChange): string {
  const detail =
    change.action === 'update' ? ` (${change.fields.join(', ')})` : change.results ? ` (${change.results} result${change.results === 1 ? '' : 's'})` : '';
  return `${change.action} ${change.kind} ${change.name}${detail}`;
}

/** "2 to create, 1 to update, 1 to delete", or "no changes". */
export function summarizePlan(plan: UploadPlan): string {
  const count = (action: ChangeAction) => plan.changes.filter((change) => change.action === action).length;
  const parts = (['create', 'update', 'delete'] as const).filter((action) => count(action) > 0).map((action) => `${count(action)} to ${action}`);
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}
