/**
 * Field events: qualification pools and a final of twelve. Horizontal jumps and throws record
 * numbered attempts (performance = best valid trial); vertical jumps record o/x attempts per
 * height in chronological order (performance = highest cleared height).
 */
import { Discipline, capped, formatMetres, placesOf, clock } from './disciplines';
import { BuiltUnits, Entrant, JsonObject, Slot, UnitOptions, deal, unitName } from './meetTypes';
import { Random } from './random';

const FINALISTS = 12;

/** Pools per round: "1" or "P,1" (qualification pools, then a final). */
export function planPools(entrants: number, poolSize: number, singleRound: boolean): number[] {
  const pools = Math.max(1, Math.ceil(entrants / poolSize));
  return singleRound || pools === 1 ? [1] : [pools, 1];
}

/** What one pool produces: its trials and each athlete's performance (centimetres). */
interface PoolOutcome {
  unitFields: JsonObject;
  trials: JsonObject[];
  best: number[];
  /** Text of each performance, by athlete. */
  performance: string[];
}

type PoolBuilder = (athletes: readonly Entrant[], attempts: number, d: Discipline, random: Random) => PoolOutcome;

function buildField(d: Discipline, entrants: readonly Entrant[], slot: Slot, random: Random, options: UnitOptions, pool: PoolBuilder): BuiltUnits {
  const plan = planPools(entrants.length, d.groupSize, options.singleRound ?? false);
  const units: JsonObject[] = [];
  const performances = new Map<string, number>();
  let field = random.shuffle([...entrants]);
  plan.forEach((poolCount, r) => {
    const round = r + 1;
    const isFinal = round === plan.length && plan.length > 1;
    const attempts = options.attempts ?? (isFinal || plan.length === 1 ? 6 : 3);
    const ranked: { entrant: Entrant; best: number }[] = [];
    const groups = poolCount === 1 ? [field] : deal(field, poolCount);
    groups.forEach((athletes, p) => {
      const outcome = pool(athletes, attempts, d, random);
      const places = placesOf(outcome.best, false);
      const results = athletes
        .map((athlete, i) => ({
          bib: athlete.bib,
          order: i + 1,
          performance: outcome.performance[i]!,
          place: places[i]!,
          ...(options.points && { points: options.points(outcome.best[i]!) }),
        }))
        .sort((a, b) => a.place - b.place || a.order - b.order);
      athletes.forEach((athlete, i) => {
        performances.set(athlete.bib, outcome.best[i]!);
        ranked.push({ entrant: athlete, best: outcome.best[i]! });
      });
      units.push({
        round,
        heat: p + 1,
        heat_name: `${slot.eventId} ${slot.eventName} ${unitName(round, plan.length, p + 1, poolCount, true)}`,
        day: slot.day,
        scheduled_start_time: clock(slot.startMinutes + units.length * 30),
        status: 'finished',
        results_status: 'official',
        ...outcome.unitFields,
        results,
        trials: outcome.trials,
      });
    });
    if (round < plan.length) field = ranked.sort((a, b) => b.best - a.best).slice(0, FINALISTS).map((r) => r.entrant);
  });
  return { rounds: plan.join(','), units, performances };
}

/** Numbered attempts: a mark, or "x" for a foul; at least one valid mark per athlete. */
const horizontalPool: PoolBuilder = (athletes, attempts, d, random) => {
  const markOf = (athlete: Entrant, factor: number): number => Math.max(100, capped(d, Math.round(athlete.ability * factor)));
  const marks = athletes.map((athlete) => {
    const series = Array.from<unknown, number | undefined>({ length: attempts }, () => (random.chance(0.15) ? undefined : markOf(athlete, 1 + 0.03 * random.normal())));
    if (!series.some((m) => m !== undefined)) series[attempts - 1] = markOf(athlete, 0.95);
    return series;
  });
  const trials: JsonObject[] = [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    athletes.forEach((athlete, i) => {
      const mark = marks[i]![attempt];
      trials.push({ bib: athlete.bib, round: attempt + 1, result: mark === undefined ? 'x' : formatMetres(mark) });
    });
  }
  const best = marks.map((series) => Math.max(...series.map((m) => m ?? 0)));
  return { unitFields: { rounds: attempts }, trials, best, performance: best.map(formatMetres) };
};

/** Attempts at one height: cleared first, second or third time, or three failures. */
function attemptsAtHeight(random: Random, fails: boolean): string[] {
  if (fails) return ['x', 'x', 'x'];
  return random.weighted([['o'], ['x', 'o'], ['x', 'x', 'o']], [70, 20, 10]);
}

/**
 * Each athlete enters a few heights below their best, clears every height up to it and fails
 * three times at the next. Heights start where everybody clears and end one above the winner.
 */
const verticalPool: PoolBuilder = (athletes, _attempts, d, random) => {
  const step = Math.round((d.barStep ?? 0.05) * 100);
  const cleared = athletes.map((a) => capped(d, Math.round(a.ability * (1 + 0.02 * random.normal()))));
  const start = Math.floor(Math.min(...cleared) / step) * step;
  const lastCleared = cleared.map((c) => Math.floor((c - start) / step));
  const top = Math.max(...lastCleared) + 1;
  const heights = Array.from({ length: top + 1 }, (_, k) => start + k * step);
  const sequences = athletes.map((_, i) => {
    const entry = Math.max(0, lastCleared[i]! - random.int(1, 4));
    return heights.map((_h, k) => (k < entry || k > lastCleared[i]! + 1 ? [] : attemptsAtHeight(random, k === lastCleared[i]! + 1)));
  });
  const trials: JsonObject[] = [];
  heights.forEach((height, k) => {
    for (let attempt = 0; attempt < 3; attempt++) {
      athletes.forEach((athlete, i) => {
        const result = sequences[i]![k]![attempt];
        if (result !== undefined) trials.push({ bib: athlete.bib, height: formatMetres(height), result });
      });
    }
  });
  const best = lastCleared.map((k) => heights[k]!);
  return { unitFields: { heights: heights.map(formatMetres) }, trials, best, performance: best.map(formatMetres) };
};

export function buildHorizontal(d: Discipline, entrants: readonly Entrant[], slot: Slot, random: Random, options: UnitOptions = {}): BuiltUnits {
  return buildField(d, entrants, slot, random, options, horizontalPool);
}

export function buildVertical(d: Discipline, entrants: readonly Entrant[], slot: Slot, random: Random, options: UnitOptions = {}): BuiltUnits {
  return buildField(d, entrants, slot, random, options, verticalPool);
}
