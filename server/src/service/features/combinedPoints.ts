import { eventCodeInfo } from '../format/eventCodes';

/**
 * World Athletics combined-events scoring tables (the coefficients OpenTrack's athlib uses):
 * track `INT(A·(B−T)^C)` with T in seconds, jumps `INT(A·(M−B)^C)` with M in centimetres,
 * throws `INT(A·(D−B)^C)` with D in metres.
 */
type Measure = 'track' | 'jump' | 'throw';
type Row = readonly [a: number, b: number, c: number, measure: Measure];
export type ScoringGender = 'M' | 'F';

const TABLES: Record<ScoringGender, Record<string, Row>> = {
  M: {
    '60': [58.015, 11.5, 1.81, 'track'],
    '100': [25.4347, 18, 1.81, 'track'],
    '200': [5.8425, 38, 1.81, 'track'],
    '400': [1.53775, 82, 1.81, 'track'],
    '1000': [0.08713, 305.5, 1.85, 'track'],
    '1500': [0.03768, 480, 1.85, 'track'],
    '60H': [20.5173, 15.5, 1.92, 'track'],
    '110H': [5.74352, 28.5, 1.92, 'track'],
    LJ: [0.14354, 220, 1.4, 'jump'],
    HJ: [0.8465, 75, 1.42, 'jump'],
    PV: [0.2797, 100, 1.35, 'jump'],
    SP: [51.39, 1.5, 1.05, 'throw'],
    DT: [12.91, 4, 1.1, 'throw'],
    JT: [10.14, 7, 1.08, 'throw'],
  },
  F: {
    '60': [46.0849, 13, 1.81, 'track'],
    '100': [17.857, 21, 1.81, 'track'],
    '200': [4.99087, 42.5, 1.81, 'track'],
    '400': [1.34285, 91.7, 1.81, 'track'],
    '800': [0.11193, 254, 1.88, 'track'],
    '1500': [0.02883, 535, 1.88, 'track'],
    '60H': [20.0479, 17, 1.835, 'track'],
    '100H': [9.23076, 26.7, 1.835, 'track'],
    LJ: [0.188807, 210, 1.41, 'jump'],
    HJ: [1.84523, 75, 1.348, 'jump'],
    PV: [0.44125, 100, 1.35, 'jump'],
    SP: [56.0211, 1.5, 1.05, 'throw'],
    DT: [12.331, 3, 1.1, 'throw'],
    JT: [15.9803, 3.8, 1.04, 'throw'],
  },
};

/** Combined events scored with the WA tables (the weight pentathlon uses other tables). */
export function usesWorldAthleticsTables(parentCode: string | undefined): boolean {
  return parentCode !== undefined && eventCodeInfo(parentCode)?.kind === 'combined' && parentCode.toUpperCase() !== 'PENWT';
}

/** The table row of a discipline code, ignoring implement weights (SP4K) and hurdle specs (100H84cm). */
function rowFor(gender: ScoringGender, code: string): Row | undefined {
  const table = TABLES[gender];
  // Own rows only: a code such as "constructor" is not a discipline.
  const row = (name: string): Row | undefined => (Object.hasOwn(table, name) ? table[name] : undefined);
  return row(code) ?? row(code.replace(/^(SP|DT|JT)[0-9.]+K?G?$/i, '$1').replace(/^(\d+H)\d+(?:cm)?$/, '$1'));
}

/**
 * A performance in whole hundredths (of a second, or of a metre = centimetres), as athlib
 * normalises it: times rounded up, distances rounded down. Integer arithmetic on the digits,
 * so "2.03" is exactly 203 and never 202.99….
 */
export function toHundredths(performance: string, measure: Measure): number | undefined {
  const parts = performance.trim().split(':');
  if (parts.length > 3 || (measure !== 'track' && parts.length > 1)) return undefined;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(parts.pop()!);
  if (!m || parts.some((p) => !/^\d+$/.test(p))) return undefined;
  const whole = parts.reduce((total, part) => total * 60 + Number(part), 0) * 60 + Number(m[1]);
  const fraction = m[2] ?? '';
  const hundredths = whole * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  const beyond = /[1-9]/.test(fraction.slice(2));
  return measure === 'track' && beyond ? hundredths + 1 : hundredths;
}

/**
 * World Athletics points for a performance in a combined-event discipline, or undefined when
 * the discipline has no table or the performance is not a mark (DNF, NM…). Performances worse
 * than the table's zero score 0.
 */
export function combinedEventPoints(gender: ScoringGender, code: string, performance: string): number | undefined {
  const row = rowFor(gender, code);
  if (!row) return undefined;
  const [a, b, c, measure] = row;
  const value = toHundredths(performance, measure);
  if (value === undefined) return undefined;
  // Differences in hundredths are exact integers; only the power is floating point.
  const base = Math.round(b * 100);
  const difference = measure === 'track' ? (base - value) / 100 : measure === 'jump' ? (value - b) : (value - base) / 100;
  if (difference <= 0) return 0;
  // A true integer can come out a hair below itself in binary floating point.
  return Math.floor(a * Math.pow(difference, c) + 1e-9);
}
