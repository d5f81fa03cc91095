// Modest server-side validation shared by both stand-in APIs. Each check yields API-neutral issues;
// errorBodies.ts words them the FastAPI way (v1) or the Django REST Framework way (rest).

import { isJsonObject, type JsonObject } from '../../server/src/upload/json';

export type Path = (string | number)[];

export type IssueKind = 'missing' | 'blank' | 'string' | 'integer' | 'list' | 'object' | 'format' | 'unique';

export interface Issue {
  path: Path;
  kind: IssueKind;
  /** The message for `format` and `unique` issues (the other kinds have fixed wordings). */
  detail?: string;
}

export type FieldNames = 'v1' | 'rest';

const SLUG = /^[-a-z0-9_]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ROUNDS = /^[1-9]\d*(,[1-9]\d*)*$/;

/** The competition's own fields; `names` picks the v1 (`country_id`) or 2026 (`country`, `year`) spelling. */
export function checkCompetition(body: JsonObject, names: FieldNames): Issue[] {
  const issues = [
    ...requiredStrings(body, ['full_name', 'slug', 'date', names === 'v1' ? 'country_id' : 'country']),
    ...formatted(body, 'slug', SLUG, 'Enter a valid slug: lowercase letters, numbers, underscores or hyphens.'),
    ...formatted(body, 'date', DATE, 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'),
    ...formatted(body, 'finish_date', DATE, 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'),
  ];
  if (names === 'rest') {
    const year = body.year;
    if (year === undefined || year === null) issues.push({ path: ['year'], kind: 'missing' });
    else if (!/^\d{4}$/.test(String(year))) issues.push({ path: ['year'], kind: 'format', detail: 'Enter a four-digit year.' });
  }
  return issues;
}

const NESTED_LISTS = ['teams', 'competitors', 'events', 'relay_teams'];

/** The competition without its nested lists, as both APIs store and answer it. */
export function competitionFields(body: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !NESTED_LISTS.includes(key)));
}

/** v1 only: the lists nested in the competition document, each item checked and ids unique. */
export function checkNestedLists(body: JsonObject): Issue[] {
  return [
    ...checkList(body, 'teams', checkTeam, 'team_id'),
    ...checkList(body, 'competitors', checkCompetitor, 'competitor_id'),
    ...checkList(body, 'events', checkEvent, 'event_id'),
    ...checkList(body, 'relay_teams', (team) => requiredStrings(team, ['event_id', 'relay_team_id']), undefined),
  ];
}

export function checkTeam(team: JsonObject): Issue[] {
  return requiredStrings(team, ['team_id']);
}

export function checkCompetitor(competitor: JsonObject): Issue[] {
  return [
    ...requiredStrings(competitor, ['competitor_id']),
    ...checkList(competitor, 'events_entered', (entry) => requiredStrings(entry, ['event_id']), undefined),
  ];
}

export function checkEvent(event: JsonObject): Issue[] {
  return [
    ...requiredStrings(event, ['event_id', 'event_code']),
    ...formatted(event, 'rounds', ROUNDS, 'Enter heats per round separated by commas, such as "2,1".'),
    ...checkList(event, 'units', checkUnit, undefined),
  ];
}

function checkUnit(unit: JsonObject): Issue[] {
  return (['round', 'heat'] as const).flatMap((key): Issue[] => {
    const value = unit[key];
    if (value === undefined || value === null) return [{ path: [key], kind: 'missing' }];
    return Number.isInteger(value) && (value as number) >= 1 ? [] : [{ path: [key], kind: 'integer' }];
  });
}

/** `items` (positions into the list) whose `key` repeats an earlier item's or one of `taken`. */
export function duplicateIndexes(items: JsonObject[], key: string, taken: ReadonlySet<unknown> = new Set()): number[] {
  const seen = new Set(taken);
  return items.flatMap((item, index) => {
    const value = item[key];
    if (value === undefined) return [];
    const duplicate = seen.has(value);
    seen.add(value);
    return duplicate ? [index] : [];
  });
}

function checkList(owner: JsonObject, key: string, checkItem: (item: JsonObject) => Issue[], uniqueKey: string | undefined): Issue[] {
  const list = owner[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) return [{ path: [key], kind: 'list' }];
  const issues = list.flatMap((item, index): Issue[] =>
    isJsonObject(item) ? within([key, index], checkItem(item)) : [{ path: [key, index], kind: 'object' }],
  );
  if (uniqueKey) {
    for (const index of duplicateIndexes(list.map((item) => (isJsonObject(item) ? item : {})), uniqueKey)) {
      issues.push({ path: [key, index, uniqueKey], kind: 'unique', detail: `Duplicate ${uniqueKey} in ${key}.` });
    }
  }
  return issues;
}

function requiredStrings(owner: JsonObject, keys: string[]): Issue[] {
  return keys.flatMap((key): Issue[] => {
    const value = owner[key];
    if (value === undefined || value === null) return [{ path: [key], kind: 'missing' }];
    if (typeof value !== 'string') return [{ path: [key], kind: 'string' }];
    return value === '' ? [{ path: [key], kind: 'blank' }] : [];
  });
}

function formatted(owner: JsonObject, key: string, pattern: RegExp, detail: string): Issue[] {
  const value = owner[key];
  return typeof value === 'string' && value !== '' && !pattern.test(value) ? [{ path: [key], kind: 'format', detail }] : [];
}

export function within(prefix: Path, issues: Issue[]): Issue[] {
  return issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
}
