/**
 * The disciplines of the generated meet and how athletes perform in them. Performances are
 * integers: hundredths of a second for races, centimetres for field events; they are turned
 * into OpenTrack strings only when written.
 */
import { WORLD_RECORDS } from '../../server/src/service/format/worldRecords';

export type Gender = 'M' | 'F';
export type DisciplineKind = 'running' | 'relay' | 'horizontal' | 'throw' | 'vertical';

export interface Discipline {
  code: string;
  /** Readable name, e.g. "100 metres". */
  name: string;
  kind: DisciplineKind;
  /** Performance of an average entrant: seconds (races) or metres (field). */
  mean: number;
  /** Change of performance per standard deviation of talent, same unit. */
  spread: number;
  /** Athletes (or relay teams) per heat or pool. */
  groupSize: number;
  /** Race distance in metres (running and relay units carry it). */
  distance?: number;
  /** Bar raise between heights, metres (vertical jumps). */
  barStep?: number;
  /** The best performance an athlete may reach (integer, like performances): near the world record, never beyond it. */
  best: number;
}

type Row = [code: string, name: string, kind: DisciplineKind, men: [number, number], women: [number, number], groupSize: number, distance?: number];

const TABLE: readonly Row[] = [
  ['100', '100 metres', 'running', [11.2, 0.5], [12.4, 0.6], 8, 100],
  ['200', '200 metres', 'running', [22.8, 1.0], [25.5, 1.2], 8, 200],
  ['400', '400 metres', 'running', [51.0, 2.5], [58.0, 3.0], 8, 400],
  ['800', '800 metres', 'running', [118, 6], [135, 8], 12, 800],
  ['1500', '1500 metres', 'running', [245, 12], [280, 15], 12, 1500],
  ['5000', '5000 metres', 'running', [900, 50], [1020, 60], 20, 5000],
  ['110H', '110 metres hurdles', 'running', [15.2, 0.8], [15.2, 0.8], 8, 110],
  ['100H', '100 metres hurdles', 'running', [14.6, 0.8], [14.6, 0.8], 8, 100],
  ['400H', '400 metres hurdles', 'running', [56, 3], [63, 3.5], 8, 400],
  ['LJ', 'Long jump', 'horizontal', [6.6, 0.5], [5.5, 0.45], 15],
  ['TJ', 'Triple jump', 'horizontal', [13.8, 0.9], [11.8, 0.8], 15],
  ['HJ', 'High jump', 'vertical', [1.9, 0.1], [1.65, 0.08], 16],
  ['PV', 'Pole vault', 'vertical', [4.5, 0.4], [3.5, 0.35], 16],
  ['SP', 'Shot put', 'throw', [14, 2], [12, 1.8], 15],
  ['DT', 'Discus throw', 'throw', [44, 6], [40, 6], 15],
  ['JT', 'Javelin throw', 'throw', [60, 8], [45, 7], 15],
  ['HT', 'Hammer throw', 'throw', [55, 8], [52, 8], 15],
  ['4x100', '4 x 100 metres relay', 'relay', [43, 1.5], [48, 1.8], 8, 400],
  ['4x400', '4 x 400 metres relay', 'relay', [205, 8], [235, 10], 8, 1600],
];

/** The discipline with this code, with the figures for this gender. */
export function discipline(code: string, gender: Gender): Discipline {
  const row = TABLE.find((r) => r[0] === code);
  if (!row) throw new Error(`No discipline ${code}`);
  const [, name, kind, men, women, groupSize, distance] = row;
  const [mean, spread] = gender === 'M' ? men : women;
  return { code, name, kind, mean, spread, groupSize, best: bestOf(code, kind, gender), ...(distance !== undefined && { distance }), ...(kind === 'vertical' && { barStep: code === 'PV' ? 0.1 : 0.05 }) };
}

export function isRace(kind: DisciplineKind): boolean {
  return kind === 'running' || kind === 'relay';
}

/** The senior implement of each throw, whose record bounds the generated marks. */
const RECORD_CODE: Readonly<Record<string, readonly [string, string]>> = { SP: ['SP7.26K', 'SP4K'], DT: ['DT2K', 'DT1K'], HT: ['HT7.26K', 'HT4K'], JT: ['JT800', 'JT600'] };

/** 2 % short of the gender's world record: a drawn performance is realistic however lucky the draw. */
function bestOf(code: string, kind: DisciplineKind, gender: Gender): number {
  const [men, women] = RECORD_CODE[code] ?? [code, code];
  const record = WORLD_RECORDS[gender === 'M' ? men : women]?.[gender === 'M' ? 0 : 1];
  if (record === undefined) throw new Error(`No world record for ${code}`);
  return Math.round(record * (isRace(kind) ? 102 : 98));
}

/** A drawn performance (integer), kept within the discipline's best. */
export function capped(d: Discipline, value: number): number {
  return isRace(d.kind) ? Math.max(d.best, value) : Math.min(d.best, value);
}

/** An athlete's usual performance (integer) in a discipline, from their talent (standard deviations). */
export function abilityOf(d: Discipline, talent: number): number {
  const value = isRace(d.kind) ? d.mean - talent * d.spread : d.mean + talent * d.spread;
  return capped(d, Math.round(value * 100));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "10.37", "1:52.04", "1:02:03.45" from hundredths of a second. */
export function formatTime(hundredths: number): string {
  const fraction = pad2(hundredths % 100);
  const totalSeconds = Math.floor(hundredths / 100);
  if (totalSeconds < 60) return `${totalSeconds}.${fraction}`;
  const seconds = pad2(totalSeconds % 60);
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes}:${seconds}.${fraction}`;
  return `${Math.floor(totalMinutes / 60)}:${pad2(totalMinutes % 60)}:${seconds}.${fraction}`;
}

/** "7.45" from centimetres. */
export function formatMetres(centimetres: number): string {
  return `${Math.floor(centimetres / 100)}.${pad2(centimetres % 100)}`;
}

export function formatPerformance(kind: DisciplineKind, value: number): string {
  return isRace(kind) ? formatTime(value) : formatMetres(value);
}

/** Places by performance, ties sharing a place (1, 2, 2, 4). */
export function placesOf(values: readonly number[], lowerIsBetter: boolean): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => (lowerIsBetter ? a.value - b.value : b.value - a.value) || a.index - b.index);
  const places: number[] = new Array(values.length);
  order.forEach((entry, position) => {
    const previous = order[position - 1];
    places[entry.index] = previous && previous.value === entry.value ? places[previous.index]! : position + 1;
  });
  return places;
}

/** "HH:MM" for minutes after midnight (wrapping past midnight keeps the format valid). */
export function clock(minutes: number): string {
  const wrapped = ((minutes % 1440) + 1440) % 1440;
  return `${pad2(Math.floor(wrapped / 60))}:${pad2(wrapped % 60)}`;
}
