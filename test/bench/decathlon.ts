/**
 * A men's decathlon: the parent event (units: [], event-level results with point totals) and its
 * ten children (parent = the decathlon's event_id) whose results carry World Athletics points.
 */
import { abilityOf, discipline, placesOf } from './disciplines';
import { buildUnits, eventName, eventObject } from './events';
import { JsonObject } from './meetTypes';
import { Random } from './random';

type Scale = 'seconds' | 'centimetres' | 'metres';

/** World Athletics tables (A, B, C): points = floor(A × (B − T)^C) for races, floor(A × (P − B)^C) otherwise. */
const TABLES: ReadonlyArray<[code: string, a: number, b: number, c: number, scale: Scale]> = [
  ['100', 25.4347, 18, 1.81, 'seconds'],
  ['LJ', 0.14354, 220, 1.4, 'centimetres'],
  ['SP', 51.39, 1.5, 1.05, 'metres'],
  ['HJ', 0.8465, 75, 1.42, 'centimetres'],
  ['400', 1.53775, 82, 1.81, 'seconds'],
  ['110H', 5.74352, 28.5, 1.92, 'seconds'],
  ['DT', 12.91, 4, 1.1, 'metres'],
  ['PV', 0.2797, 100, 1.35, 'centimetres'],
  ['JT', 10.14, 7, 1.08, 'metres'],
  ['1500', 0.03768, 480, 1.85, 'seconds'],
];

/** Points for a performance (hundredths of a second or centimetres). */
export function decathlonPoints(code: string, value: number): number {
  const row = TABLES.find((t) => t[0] === code);
  if (!row) throw new Error(`No decathlon table for ${code}`);
  const [, a, b, c, scale] = row;
  const margin = scale === 'seconds' ? b - value / 100 : scale === 'metres' ? value / 100 - b : value - b;
  return margin > 0 ? Math.floor(a * margin ** c) : 0;
}

export interface Decathlete {
  bib: string;
  talent: number;
}

/** The decathlon and its children, numbered from `parentId` (e.g. "C01" → children "C02"…"C11"). */
export function buildDecathlon(athletes: readonly Decathlete[], parentId: string, random: Random): JsonObject[] {
  const prefix = parentId.replace(/\d+$/, '');
  const firstNumber = Number(parentId.slice(prefix.length));
  const totals = new Map<string, number>(athletes.map((a) => [a.bib, 0]));
  const children = TABLES.map(([code], i) => {
    const d = discipline(code, 'M');
    const entrants = athletes.map((a) => ({ bib: a.bib, ability: abilityOf(d, 0.6 * a.talent - 0.5 + 0.4 * random.normal()) }));
    const eventId = `${prefix}${String(firstNumber + 1 + i).padStart(2, '0')}`;
    const slot = { eventId, eventName: `Decathlon ${eventName(d, 'M')}`, day: i < 5 ? 1 : 2, startMinutes: 600 + (i % 5) * 75 };
    const points = (value: number): number => decathlonPoints(code, value);
    const built = buildUnits(d, entrants, slot, random, { singleRound: true, attempts: 3, points });
    for (const [bib, value] of built.performances) totals.set(bib, totals.get(bib)! + points(value));
    return eventObject({ slot, code, gender: 'M', category: 'DEC', parent: parentId }, built);
  });
  const bibs = [...totals.keys()];
  const places = placesOf(bibs.map((bib) => totals.get(bib)!), false);
  const results = bibs
    .map((bib, i) => ({ bib, performance: String(totals.get(bib)!), place: places[i]! }))
    .sort((a, b) => a.place - b.place);
  const parentSlot = { eventId: parentId, eventName: 'Decathlon Men', day: 1, startMinutes: 600 };
  const parent = eventObject({ slot: parentSlot, code: 'DEC', gender: 'M', category: 'M' }, { rounds: '1', units: [] }, results);
  return [parent, ...children];
}
