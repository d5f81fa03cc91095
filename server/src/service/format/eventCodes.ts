import * as l10n from '@vscode/l10n';

/**
 * OpenTrack event codes: which discipline a code names and what kind of event it is.
 * The grammar follows OpenTrack's code table and athlib (OpenTrack's own library).
 */
export type EventKind =
  | 'running' // track, hurdles, steeplechase, walks, road, cross-country, timed
  | 'relay'
  | 'horizontal' // long jump, triple jump and standing jumps (distance, attempts)
  | 'throw'
  | 'vertical' // high jump, pole vault (heights)
  | 'combined'
  | 'custom'; // H1..H9, L1..L9, BAL, SPB: scored, format unknown

const KIND_NAMES: Record<EventKind, () => string> = {
  running: () => l10n.t('running'),
  relay: () => l10n.t('relay'),
  horizontal: () => l10n.t('horizontal jump'),
  throw: () => l10n.t('throw'),
  vertical: () => l10n.t('vertical jump'),
  combined: () => l10n.t('combined'),
  custom: () => l10n.t('custom'),
};

/** What a kind of event is called in messages ("horizontal jump"). */
export function kindName(kind: EventKind): string {
  return KIND_NAMES[kind]();
}

export interface EventCodeInfo {
  kind: EventKind;
  /** A readable name of the discipline, e.g. "110 metres hurdles". */
  discipline: string;
  /** Number of disciplines of a combined event, when standard. */
  size?: number;
}

const JUMPS: Record<string, [EventKind, string]> = {
  HJ: ['vertical', 'High jump'],
  PV: ['vertical', 'Pole vault'],
  SHJ: ['vertical', 'Standing high jump'],
  LJ: ['horizontal', 'Long jump'],
  TJ: ['horizontal', 'Triple jump'],
  SLJ: ['horizontal', 'Standing long jump'],
  STJ: ['horizontal', 'Standing triple jump'],
};

const THROWS: Record<string, string> = {
  SP: 'Shot put', DT: 'Discus throw', HT: 'Hammer throw', JT: 'Javelin throw', WT: 'Weight throw',
  SDT: 'Seated discus', SJT: 'Seated javelin', SSP: 'Seated shot put', SBT: 'Seated club/ball throw',
  SWT: 'Superweight throw', BT: 'Ball throw', ST: 'Stone throw', GDT: 'Greek discus', OT: 'Other throw',
  TART: 'Turbo javelin (kids)', OHT: 'Overhead throw (kids)', CHT: 'Chest throw (kids)', CT: 'Club throw',
};

const COMBINED: Record<string, [string, number?]> = {
  BI: ['Biathlon', 2], TRI: ['Triathlon', 3], QUAD: ['Quadrathlon', 4], PEN: ['Pentathlon', 5],
  PENI: ['Indoor pentathlon', 5], PENWT: ['Weight pentathlon', 5], HEX: ['Hexathlon', 6],
  HEP: ['Heptathlon', 7], OCT: ['Octathlon', 8], ENN: ['Enneathlon', 9], DEC: ['Decathlon', 10],
  HEN: ['Hendecathlon', 11], DOD: ['Dodecathlon', 12], ICO: ['Icosathlon', 20],
};

const ROAD_NAMES: Record<string, string> = { MAR: 'Marathon', HM: 'Half marathon', XC: 'Cross country' };
const WEIGHT = '(?:[0-9]+(?:\\.[0-9]+)?(?:K|KG|G|g)?)?';

/** Classifies an event code; undefined when the code is not one OpenTrack knows. */
export function eventCodeInfo(code: string): EventCodeInfo | undefined {
  if (typeof code !== 'string' || code.length === 0 || code.length > 24) return undefined;
  const jump = JUMPS[code];
  if (jump) return { kind: jump[0], discipline: jump[1] };
  const combined = COMBINED[code.toUpperCase()];
  if (combined) return combined[1] ? { kind: 'combined', discipline: combined[0], size: combined[1] } : { kind: 'combined', discipline: combined[0] };
  const roadName = ROAD_NAMES[code];
  if (roadName) return { kind: 'running', discipline: roadName };
  let m = /^([A-Z]+?)(\d.*)?$/.exec(code);
  if (m && THROWS[m[1]!] && (m[2] === undefined || new RegExp(`^${WEIGHT}$`).test(m[2]))) {
    return { kind: 'throw', discipline: m[2] ? `${THROWS[m[1]!]} (${m[2]})` : THROWS[m[1]!]! };
  }
  if ((m = /^(\d+)x(\d+H?|RELAY|DMR|SMR|\d+(?:\.\d+)?K|MILE)$/i.exec(code))) {
    return { kind: 'relay', discipline: `${m[1]} × ${m[2]} relay` };
  }
  if ((m = /^(\d+)$/.exec(code))) return { kind: 'running', discipline: `${m[1]} metres` };
  if ((m = /^(\d+)Y$/.exec(code))) return { kind: 'running', discipline: `${m[1]} yards` };
  if ((m = /^(\d+)H(\d+(?:cm)?)?$/.exec(code))) return { kind: 'running', discipline: `${m[1]} metres hurdles` };
  if ((m = /^(\d+)SC$/.exec(code))) return { kind: 'running', discipline: `${m[1]} metres steeplechase` };
  if ((m = /^(\d+)(W|WC|FR)$/.exec(code))) return { kind: 'running', discipline: `${m[1]} metres ${m[2] === 'W' ? 'race walk' : m[2]}` };
  if ((m = /^(\d*)MILE$/.exec(code))) return { kind: 'running', discipline: m[1] ? `${m[1]} miles` : 'Mile' };
  if ((m = /^(\d+(?:\.\d+)?)(K|M)(W|XC)?$/.exec(code))) {
    const unit = m[2] === 'K' ? 'km' : 'miles';
    const suffix = m[3] === 'W' ? ' walk' : m[3] === 'XC' ? ' cross country' : ' road';
    return { kind: 'running', discipline: `${m[1]} ${unit}${suffix}` };
  }
  if ((m = /^(MAR|HM)(W)?$/.exec(code))) return { kind: 'running', discipline: `${ROAD_NAMES[m[1]!]}${m[2] ? ' walk' : ''}` };
  if ((m = /^(\d+)H[RW]$/.exec(code))) return { kind: 'running', discipline: `${m[1]} hour run` };
  if ((m = /^T(\d+)$/.exec(code))) return { kind: 'running', discipline: `${m[1]} minute run` };
  if (/^(?:[HL][1-9]|BAL|SPB)$/.test(code)) return { kind: 'custom', discipline: 'Custom scored event' };
  return undefined;
}

/** Codes offered by completion, grouped by kind (`group` names the group in the user's language). */
export const COMMON_EVENT_CODES: ReadonlyArray<{ group: () => string; codes: readonly string[] }> = [
  { group: () => l10n.t('Sprints and middle distance'), codes: ['60', '100', '150', '200', '300', '400', '600', '800', '1000', '1500', 'MILE', '3000', '5000', '10000'] },
  { group: () => l10n.t('Hurdles and steeplechase'), codes: ['60H', '80H', '100H', '110H', '300H', '400H', '2000SC', '3000SC'] },
  { group: () => l10n.t('Walks and road'), codes: ['3000W', '5000W', '10000W', '20KW', '5K', '10K', 'HM', 'MAR', 'XC'] },
  { group: () => l10n.t('Relays'), codes: ['4x100', '4x200', '4x400', '4x800', '4xDMR', '4xSMR'] },
  { group: () => l10n.t('Jumps'), codes: ['HJ', 'PV', 'LJ', 'TJ'] },
  { group: () => l10n.t('Throws'), codes: ['SP', 'DT', 'HT', 'JT', 'WT', 'SP7.26K', 'SP4K', 'DT2K', 'DT1K', 'HT7.26K', 'HT4K', 'JT800', 'JT600'] },
  { group: () => l10n.t('Combined events'), codes: ['DEC', 'HEP', 'PEN', 'PENI', 'TRI', 'QUAD', 'OCT', 'BI'] },
];

/** Field events record attempts (trials) per athlete. */
export function isFieldKind(kind: EventKind | undefined): kind is 'horizontal' | 'throw' | 'vertical' {
  return kind === 'horizontal' || kind === 'throw' || kind === 'vertical';
}
