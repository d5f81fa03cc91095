/**
 * Deterministic generator of large, consistent OpenTrack competitions for benchmarks: the size
 * grows linearly with the number of competitors, and every document validates without a
 * diagnostic. CLI: `node out/tests/bench/generate.js --competitors 5000 [--seed 1] > big.opentrack.json`.
 */
import { DisciplineKind, Gender, abilityOf, discipline, formatPerformance, isRace } from './disciplines';
import { buildDecathlon } from './decathlon';
import { buildUnits, eventName, eventObject } from './events';
import { Entrant, JsonObject } from './meetTypes';
import { Athlete, competitorObject, formRelaySquads, makeAthletes, makeTeams, relayTeamObject, teamObject } from './people';
import { Random } from './random';

export interface GenerateOptions {
  competitors: number;
  seed: number;
}

const INDIVIDUAL_EVENTS: Record<Gender, readonly string[]> = {
  F: ['100', '200', '400', '800', '1500', '5000', '100H', '400H', 'LJ', 'TJ', 'HJ', 'PV', 'SP', 'DT', 'JT', 'HT'],
  M: ['100', '200', '400', '800', '1500', '5000', '110H', '400H', 'LJ', 'TJ', 'HJ', 'PV', 'SP', 'DT', 'JT', 'HT'],
};

/** What athletes specialise in ("H" = the sprint hurdles of their gender), with the share of athletes. */
const SPECIALITIES: ReadonlyArray<readonly string[]> = [
  ['100', '200'], ['400', '200'], ['H', '400H'], ['800', '1500'], ['1500', '5000'],
  ['LJ', 'TJ'], ['HJ', 'LJ'], ['PV'], ['SP', 'DT'], ['JT', 'SP'], ['HT', 'DT'],
];
const SPECIALITY_WEIGHTS = [22, 10, 8, 12, 10, 10, 5, 4, 8, 6, 5];

/** Relay codes and the individual events their runners are picked from. */
const RELAYS: ReadonlyArray<[code: string, feeders: readonly string[]]> = [
  ['4x100', ['100', '200', '110H', '100H']],
  ['4x400', ['400', '400H', '800']],
];

interface ProgrammeEvent {
  id: string;
  code: string;
  gender: Gender;
  entrants: Entrant[];
}

const ID_PREFIX: Record<DisciplineKind, string> = { running: 'T', relay: 'R', horizontal: 'F', throw: 'F', vertical: 'F' };

export function generateCompetition({ competitors, seed }: GenerateOptions): JsonObject {
  const random = new Random(seed);
  const teams = makeTeams(Math.max(4, Math.round(competitors / 40)));
  const athletes = makeAthletes(competitors, teams, random);
  const decathletes = chooseDecathletes(athletes, Math.min(30, Math.max(4, Math.round(competitors / 150))), random);

  const programme: ProgrammeEvent[] = [];
  const counters = new Map<string, number>();
  const addEvent = (code: string, gender: Gender): ProgrammeEvent => {
    const prefix = ID_PREFIX[discipline(code, gender).kind];
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    const event: ProgrammeEvent = { id: `${prefix}${String(n).padStart(2, '0')}`, code, gender, entrants: [] };
    programme.push(event);
    return event;
  };
  for (const gender of ['F', 'M'] as const) for (const code of INDIVIDUAL_EVENTS[gender]) addEvent(code, gender);

  for (const athlete of athletes) if (!decathletes.includes(athlete)) enterIndividualEvents(athlete, programme, random);
  const relayTeams: JsonObject[] = [];
  for (const gender of ['F', 'M'] as const) {
    for (const [code, feeders] of RELAYS) {
      const event = addEvent(code, gender);
      const d = discipline(code, gender);
      const candidates = athletes.filter((a) => a.gender === gender && a.codes.some((c) => feeders.includes(c)));
      for (const squad of formRelaySquads(candidates, teams)) {
        const talent = squad.runners.reduce((sum, r) => sum + r.talent, 0) / squad.runners.length;
        event.entrants.push({ bib: squad.relayTeamId, ability: abilityOf(d, talent) });
        for (const runner of squad.runners) runner.entries.push({ event_id: event.id, event_code: code });
        relayTeams.push(relayTeamObject(event.id, squad));
      }
    }
  }

  const scheduled = programme.filter((e) => e.entrants.length > 0);
  const perDay = Math.ceil(scheduled.length / 2);
  const events = scheduled.map((e, i) => {
    const d = discipline(e.code, e.gender);
    const slot = { eventId: e.id, eventName: eventName(d, e.gender), day: i < perDay ? 1 : 2, startMinutes: 540 + (i % perDay) * 20 };
    return eventObject({ slot, code: e.code, gender: e.gender, category: e.gender }, buildUnits(d, e.entrants, slot, random));
  });
  if (decathletes.length > 0) {
    events.push(...buildDecathlon(decathletes, 'C01', random));
    for (const athlete of decathletes) athlete.entries.push({ event_id: 'C01', event_code: 'DEC' });
  }

  return {
    full_name: 'Benchmark Open Championships 2025',
    short_name: 'Benchmark Open',
    slug: 'benchmark-open-2025',
    name_local: 'Benchmark Open',
    country_id: 'GBR',
    address: 'Riverside Stadium, Station Road, Riverside',
    date: '2025-07-12',
    finish_date: '2025-07-13',
    wa_rankings_category_id: 'F',
    age_groups: ['ALL'],
    basic_description: `Generated for benchmarks: ${competitors} competitors, seed ${seed}.`,
    contact_details: 'entries@benchmark-open.example',
    organiser_id: random.uuid(),
    website: 'https://benchmark-open.example',
    entry_link: 'https://benchmark-open.example/entry',
    results_link: 'https://benchmark-open.example/results',
    competitors: athletes.map(competitorObject),
    teams: teams.map(teamObject),
    relay_teams: relayTeams,
    events,
  };
}

/** Strict JSON with 2-space indentation and a final newline, as hand-edited files are. */
export function serialise(competition: JsonObject): string {
  return JSON.stringify(competition, null, 2) + '\n';
}

function chooseDecathletes(athletes: readonly Athlete[], count: number, random: Random): Athlete[] {
  const chosen: Athlete[] = [];
  for (const athlete of athletes) {
    if (chosen.length === count) break;
    if (athlete.gender === 'M' && random.chance(0.25)) chosen.push(athlete);
  }
  return chosen;
}

/** One or two events of the athlete's speciality, with a personal best on each entry. */
function enterIndividualEvents(athlete: Athlete, programme: readonly ProgrammeEvent[], random: Random): void {
  const speciality = random.weighted(SPECIALITIES, SPECIALITY_WEIGHTS);
  const codes = speciality.slice(0, random.chance(0.5) ? 2 : 1).map((c) => (c === 'H' ? (athlete.gender === 'M' ? '110H' : '100H') : c));
  for (const code of codes) {
    const event = programme.find((e) => e.code === code && e.gender === athlete.gender)!;
    const d = discipline(code, athlete.gender);
    const ability = abilityOf(d, athlete.talent + 0.5 * random.normal());
    const personalBest = Math.round(ability * (isRace(d.kind) ? 0.99 : 1.02));
    event.entrants.push({ bib: athlete.bib, ability });
    athlete.codes.push(code);
    athlete.entries.push({ event_id: event.id, event_code: code, pb: formatPerformance(d.kind, personalBest) });
  }
}

function parseArguments(argv: readonly string[]): GenerateOptions {
  const value = (name: string, fallback: number): number => {
    const index = argv.indexOf(`--${name}`);
    const parsed = index < 0 ? fallback : Number(argv[index + 1]);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} needs a whole number, got ${String(argv[index + 1])}`);
    return parsed;
  };
  return { competitors: value('competitors', 1000), seed: value('seed', 1) };
}

// Run as a script only when invoked as generate.js (other bundles import this module; node --test runs every file).
if (require.main === module && /generate\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.stdout.write(serialise(generateCompetition(parseArguments(process.argv.slice(2)))));
}
