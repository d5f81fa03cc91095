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

// Code tables are Maps: a document's code is never looked up among Object.prototype's properties.
const JUMPS = new Map<string, [EventKind, string]>([
  ['HJ', ['vertical', 'High jump']],
  ['PV', ['vertical', 'Pole vault']],
  ['SHJ', ['vertical', 'Standing high jump']],
  ['LJ', ['horizontal', 'Long jump']],
  ['TJ', ['horizontal', 'Triple jump']],
  ['SLJ', ['horizontal', 'Standing long jump']],
  ['STJ', ['horizontal', 'Standing triple jump']],
]);

const THROWS = new Map<string, string>([
  ['SP', 'Shot put'], ['DT', 'Discus throw'], ['HT', 'Hammer throw'], ['JT', 'Javelin throw'], ['WT', 'Weight throw'],
  ['SDT', 'Seated discus'], ['SJT', 'Seated javelin'], ['SSP', 'Seated shot put'], ['SBT', 'Seated club/ball throw'],
  ['SWT', 'Superweight throw'], ['BT', 'Ball throw'], ['ST', 'Stone throw'], ['GDT', 'Greek discus'], ['OT', 'Other throw'],
  ['TART', 'Turbo javelin (kids)'], ['OHT', 'Overhead throw (kids)'], ['CHT', 'Chest throw (kids)'], ['CT', 'Club throw'],
]);

/** athlib's multi-event codes are case-insensitive: keys are upper case. */
const COMBINED = new Map<string, [string, number]>([
  ['BI', ['Biathlon', 2]], ['TRI', ['Triathlon', 3]], ['QUAD', ['Quadrathlon', 4]], ['PEN', ['Pentathlon', 5]],
  ['PENI', ['Indoor pentathlon', 5]], ['PENWT', ['Weight pentathlon', 5]], ['HEX', ['Hexathlon', 6]],
  ['HEP', ['Heptathlon', 7]], ['OCT', ['Octathlon', 8]], ['ENN', ['Enneathlon', 9]], ['DEC', ['Decathlon', 10]],
  ['HEN', ['Hendecathlon', 11]], ['DOD', ['Dodecathlon', 12]], ['ICO', ['Icosathlon', 20]],
]);

const ROAD_NAMES = new Map<string, string>([['MAR', 'Marathon'], ['HM', 'Half marathon'], ['XC', 'Cross country']]);

/**
 * The distances (and weights, durations) that name a real discipline. The code grammar alone
 * would accept any number ("99999K"): a code is known only when its number is in range.
 * Sources: OpenTrack's code table and athlib's codes.py (§B.6 of the format reference);
 * the bounds are generous around the disciplines athletics actually runs.
 */
const RANGES = {
  trackMetres: [20, 100_000], // 30 m dash … 100 km on the track
  yards: [40, 5_000],
  hurdleMetres: [30, 400],
  hurdleHeight: [30, 120], // centimetres or inches after the H (110H36, 80H76cm)
  steeplechaseMetres: [1_000, 5_000],
  walkMetres: [200, 100_000],
  miles: [1, 160], // 1MILE … 100 mile ultras
  kilometres: [1, 250],
  relayLegs: [2, 20],
  relayLegMetres: [50, 10_000],
  relayLegKilometres: [1, 50],
  hours: [1, 168],
  minutes: [1, 720],
  throwKilograms: [0.1, 60],
  throwGrams: [100, 9_999],
} as const satisfies Record<string, readonly [number, number]>;

function inRange(text: string, range: keyof typeof RANGES): boolean {
  const value = Number(text);
  return value >= RANGES[range][0] && value <= RANGES[range][1];
}

/** The weight after a throw code: kilograms (SP7.26K, WT25.4KG) or grams (JT800, OT150g). */
function throwWeight(suffix: string): boolean {
  const m = /^(\d+(?:\.\d+)?)(K|KG)$|^(\d+)(G|g)?$/.exec(suffix);
  if (!m) return false;
  return m[1] !== undefined ? inRange(m[1], 'throwKilograms') : inRange(m[3]!, 'throwGrams');
}

/** Classifies an event code; undefined when the code names no discipline of OpenTrack's table. */
export function eventCodeInfo(code: string): EventCodeInfo | undefined {
  if (typeof code !== 'string' || code.length === 0 || code.length > 24) return undefined;
  const jump = JUMPS.get(code);
  if (jump) return { kind: jump[0], discipline: jump[1] };
  const combined = COMBINED.get(code.toUpperCase());
  if (combined) return { kind: 'combined', discipline: combined[0], size: combined[1] };
  const roadName = ROAD_NAMES.get(code);
  if (roadName) return { kind: 'running', discipline: roadName };
  let m = /^([A-Z]+?)(\d.*)?$/.exec(code);
  const throwName = m ? THROWS.get(m[1]!) : undefined;
  if (m && throwName && (m[2] === undefined || throwWeight(m[2]))) {
    return { kind: 'throw', discipline: m[2] ? `${throwName} (${m[2]})` : throwName };
  }
  if ((m = /^(\d+)x(?:(\d+)H?|RELAY|DMR|SMR|MILE|(\d+(?:\.\d+)?)K)$/i.exec(code))) {
    const legs = inRange(m[1]!, 'relayLegs');
    const leg = m[2] !== undefined ? inRange(m[2], 'relayLegMetres') : m[3] !== undefined ? inRange(m[3], 'relayLegKilometres') : true;
    return legs && leg ? { kind: 'relay', discipline: `${m[1]} × ${code.slice(m[1]!.length + 1)} relay` } : undefined;
  }
  return runningInfo(code);
}

function runningInfo(code: string): EventCodeInfo | undefined {
  const running = (discipline: string): EventCodeInfo => ({ kind: 'running', discipline });
  let m: RegExpExecArray | null;
  if ((m = /^(\d+)$/.exec(code))) return inRange(m[1]!, 'trackMetres') ? running(`${m[1]} metres`) : undefined;
  if ((m = /^(\d+)Y$/.exec(code))) return inRange(m[1]!, 'yards') ? running(`${m[1]} yards`) : undefined;
  if ((m = /^(\d+)H(?:(\d+(?:\.\d+)?)(?:cm)?)?$/.exec(code))) {
    return inRange(m[1]!, 'hurdleMetres') && (m[2] === undefined || inRange(m[2], 'hurdleHeight')) ? running(`${m[1]} metres hurdles`) : undefined;
  }
  if ((m = /^(\d+)SC$/.exec(code))) return inRange(m[1]!, 'steeplechaseMetres') ? running(`${m[1]} metres steeplechase`) : undefined;
  if ((m = /^(\d+)(W|WC|FR)$/.exec(code))) return inRange(m[1]!, 'walkMetres') ? running(`${m[1]} metres ${m[2] === 'W' ? 'race walk' : m[2]}`) : undefined;
  if ((m = /^(\d*)MILE$/.exec(code))) return !m[1] ? running('Mile') : inRange(m[1], 'miles') ? running(`${m[1]} miles`) : undefined;
  if ((m = /^(\d+(?:\.\d+)?)(K|M)(W|XC)?$/.exec(code))) {
    if (!inRange(m[1]!, m[2] === 'K' ? 'kilometres' : 'miles')) return undefined;
    const suffix = m[3] === 'W' ? ' walk' : m[3] === 'XC' ? ' cross country' : ' road';
    return running(`${m[1]} ${m[2] === 'K' ? 'km' : 'miles'}${suffix}`);
  }
  if ((m = /^(MAR|HM)(W)?$/.exec(code))) return running(`${ROAD_NAMES.get(m[1]!)}${m[2] ? ' walk' : ''}`);
  if ((m = /^(\d+)H[RW]$/.exec(code))) return inRange(m[1]!, 'hours') ? running(`${m[1]} hour run`) : undefined;
  if ((m = /^T(\d+)$/.exec(code))) return inRange(m[1]!, 'minutes') ? running(`${m[1]} minute run`) : undefined;
  if (/^(?:[HL][1-9]|BAL|SPB)$/.test(code)) return { kind: 'custom', discipline: 'Custom scored event' };
  return undefined;
}

/** A code in OpenTrack's letter case: capitals, with the relay's "x" in lower case ("4x100"). */
export function canonicalCode(code: string): string {
  return code.toUpperCase().replace(/^(\d+)X/, '$1x');
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
