import { EventEntry, JsonObject, asArray, asObject, asString } from '../model';

export interface UnitEntry {
  event: EventEntry;
  unitIndex: number;
  unit: JsonObject;
  path: (string | number)[];
}

/** Every unit object of every event, with its path. */
export function* eachUnit(events: readonly EventEntry[]): Generator<UnitEntry> {
  for (const event of events) yield* unitsOf(event);
}

/** The unit objects of one event, with their paths. */
export function* unitsOf(event: EventEntry): Generator<UnitEntry> {
  const units = asArray(event.value.units);
  for (let unitIndex = 0; unitIndex < units.length; unitIndex++) {
    const unit = asObject(units[unitIndex]);
    if (unit) yield { event, unitIndex, unit, path: ['events', event.index, 'units', unitIndex] };
  }
}

/** Objects of a list with their indices (non-objects skipped: the schema reports them). Rules use index loops instead: this allocates per item. */
export function* eachObject(list: unknown): Generator<[number, JsonObject]> {
  const items = asArray(list);
  for (let i = 0; i < items.length; i++) {
    const item = asObject(items[i]);
    if (item) yield [i, item];
  }
}

/** Result bibs of a unit, mapped to their indices. */
export function resultsByBib(unit: JsonObject): Map<string, number> {
  const byBib = new Map<string, number>();
  const results = asArray(unit.results);
  for (let i = 0; i < results.length; i++) {
    const bib = asString(asObject(results[i])?.bib);
    if (bib !== undefined && !byBib.has(bib)) byBib.set(bib, i);
  }
  return byBib;
}

export function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}
