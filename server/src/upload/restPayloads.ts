import type { KeyToDocument } from './errors';
import type { JsonObject } from './json';

/** The 2026 API dropped the `_id` suffix of these competition fields. */
const RENAMED_IN_2026: Record<string, string> = {
  country_id: 'country',
  organiser_id: 'organiser',
  wa_rankings_category_id: 'wa_rankings_category',
};

/** Lists the v1 document nests inside the competition; the 2026 API takes them at their own endpoints. */
const NESTED_LISTS = new Set(['teams', 'competitors', 'events', 'relay_teams']);

export interface CompetitionPayload {
  body: JsonObject;
  keyToDocument: KeyToDocument;
}

/** The competition's own fields under their 2026 names, plus `year` (taken from `date`) when absent. */
export function competitionPayload(document: JsonObject): CompetitionPayload {
  const body: JsonObject = {};
  const documentKeyOf = new Map<string, string>();
  for (const [key, value] of Object.entries(document)) {
    if (NESTED_LISTS.has(key)) continue;
    const postedKey = RENAMED_IN_2026[key] ?? key;
    // A document that already uses the 2026 name wins over its v1 spelling.
    if (postedKey !== key && postedKey in document) continue;
    body[postedKey] = value;
    documentKeyOf.set(postedKey, key);
  }
  if (body.year === undefined && typeof document.date === 'string' && /^\d{4}-/.test(document.date)) {
    body.year = document.date.slice(0, 4);
    documentKeyOf.set('year', 'date');
  }
  return { body, keyToDocument: (key) => documentKeyOf.get(key) ?? key };
}

/** Items carry the id of the competition they belong to; complaints about it concern the item as a whole. */
export const itemKeyToDocument: KeyToDocument = (key) => (key === 'competition' ? null : key);

/** Indexes of `events` in posting order: combined-event parents before the events naming them as `parent`. */
export function eventPostingOrder(events: JsonObject[]): number[] {
  const parentIds = new Set(events.map((event) => event.parent).filter((parent) => typeof parent === 'string' && parent !== ''));
  const isParent = (index: number) => parentIds.has(events[index].event_id);
  const indexes = events.map((_, index) => index);
  return [...indexes.filter(isParent), ...indexes.filter((index) => !isParent(index))];
}
