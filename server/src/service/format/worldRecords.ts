/**
 * Senior world records, the bound of plausible performances.
 * Source: World Athletics, "Records by discipline" (worldathletics.org/records/by-category/world-records),
 * as ratified by 2025 (field-event world records include indoor marks; 60 m and 60 m hurdles
 * are indoor events). Times in seconds, marks in metres, [men, women]; a discipline held by one
 * gender repeats its record.
 */
export const WORLD_RECORDS: Readonly<Record<string, readonly [number, number]>> = {
  '60': [6.34, 6.92],
  '100': [9.58, 10.49],
  '200': [19.19, 21.34],
  '400': [43.03, 47.6],
  '800': [100.91, 113.28],
  '1000': [131.96, 148.98],
  '1500': [206.0, 229.04],
  MILE: [223.13, 247.64],
  '3000': [437.55, 486.11],
  '5000': [755.36, 838.06],
  '10000': [1571.0, 1734.14],
  '60H': [7.27, 7.65],
  '100H': [12.12, 12.12], // women's discipline
  '110H': [12.8, 12.8], // men's discipline
  '400H': [45.94, 50.37],
  '3000SC': [472.11, 524.32],
  HM: [3450, 3772],
  MAR: [7235, 7796],
  '4x100': [36.84, 40.82],
  '4x200': [78.63, 87.46],
  '4x400': [174.29, 195.17],
  HJ: [2.45, 2.1],
  PV: [6.3, 5.06],
  LJ: [8.95, 7.52],
  TJ: [18.29, 15.74],
  'SP7.26K': [23.56, 23.56],
  SP4K: [22.63, 22.63],
  DT2K: [74.35, 74.35],
  DT1K: [76.8, 76.8],
  'HT7.26K': [86.74, 86.74],
  HT4K: [82.98, 82.98],
  JT800: [98.48, 98.48],
  JT600: [72.28, 72.28],
};

/**
 * Throws without a weight may use any implement, and lighter ones fly further: the bound is
 * the best with any standard implement (youth and women's records included).
 * Source: World Athletics records above, and the U18/U20 records of the lighter implements.
 */
const ANY_IMPLEMENT: Readonly<Record<string, number>> = { SP: 24.5, DT: 80, HT: 88, JT: 98.48 };

/** How far past the record a performance may be before it is implausible: wind, hand timing, a new record. */
export const MARGIN = { time: 0.02, jump: 0.02, throw: 0.05 } as const;

/**
 * The best plausible performance for an event code: a time (lower is better) or a mark
 * (higher is better); undefined for a discipline without a record here. The better of the
 * men's and women's records is the bound whatever the event's `genders`: a women's event may
 * hold a result of another gender (mixed races, a wrong entry), which is OT609's finding.
 */
export function plausibleBound(code: string): { limit: number; record: number; anyImplement: boolean } | undefined {
  const timed = !/^(HJ|PV|LJ|TJ|SP|DT|HT|JT)/.test(code);
  const margin = timed ? -MARGIN.time : /^(SP|DT|HT|JT)/.test(code) ? MARGIN.throw : MARGIN.jump;
  // Own keys only: an event code such as "__proto__" names no record.
  const pair = Object.hasOwn(WORLD_RECORDS, code) ? WORLD_RECORDS[code] : undefined;
  if (pair) {
    const record = timed ? Math.min(...pair) : Math.max(...pair);
    return { limit: record * (1 + margin), record, anyImplement: false };
  }
  const any = Object.hasOwn(ANY_IMPLEMENT, code) ? ANY_IMPLEMENT[code] : undefined;
  return any === undefined ? undefined : { limit: any * (1 + margin), record: any, anyImplement: true };
}

/** Whether a performance value is beyond the plausible bound of its event code (OT404): not to be trusted by other checks. */
export function isImplausible(code: string | undefined, higherIsBetter: boolean, value: number): boolean {
  const bound = code === undefined ? undefined : plausibleBound(code);
  return bound !== undefined && (higherIsBetter ? value > bound.limit : value < bound.limit);
}
