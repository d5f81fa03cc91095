/**
 * A men's decathlon: the parent event (units: [], event-level results with point totals) and its
 * ten children (parent = the decathlon's event_id) whose results carry World Athletics points.
 */
import { abilityOf, discipline, formatPerformance, placesOf } from './disciplines';
import { combinedEventPoints } from '../../server/src/service/features/combinedPoints';
import { buildUnits, eventName, eventObject } from './events';
import { JsonObject } from './meetTypes';
import { Random } from './random';

/** The decathlon's disciplines in competition order. */
const DISCIPLINES = ['100', 'LJ', 'SP', 'HJ', '400', '110H', 'DT', 'PV', 'JT', '1500'] as const;

export interface Decathlete {
  bib: string;
  talent: number;
}

/** The decathlon and its children, numbered from `parentId` (e.g. "C01" → children "C02"…"C11"). */
export function buildDecathlon(athletes: readonly Decathlete[], parentId: string, random: Random): JsonObject[] {
  const prefix = parentId.replace(/\d+$/, '');
  const firstNumber = Number(parentId.slice(prefix.length));
  const totals = new Map<string, number>(athletes.map((a) => [a.bib, 0]));
  const children = DISCIPLINES.map((code, i) => {
    const d = discipline(code, 'M');
    const entrants = athletes.map((a) => ({ bib: a.bib, ability: abilityOf(d, 0.6 * a.talent - 0.5 + 0.4 * random.normal()) }));
    const eventId = `${prefix}${String(firstNumber + 1 + i).padStart(2, '0')}`;
    const slot = { eventId, eventName: `Decathlon ${eventName(d, 'M')}`, day: i < 5 ? 1 : 2, startMinutes: 600 + (i % 5) * 75 };
    // The product's World Athletics scoring (hover shows the same points).
    const points = (value: number): number => combinedEventPoints('M', code, formatPerformance(d.kind, value)) ?? 0;
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
