/** Running and relay events: heats, semi-finals and a final, with times and places that agree. */
import { Discipline, capped, clock, formatTime, placesOf } from './disciplines';
import { BuiltUnits, Entrant, JsonObject, Slot, UnitOptions, deal, unitName } from './meetTypes';
import { Random } from './random';

/** Heats per round: "H" (one round), "H,1" or "H,S,1" (heats, semi-finals, final). */
export function planRaceRounds(entrants: number, heatSize: number, singleRound: boolean): number[] {
  const heats = Math.max(1, Math.ceil(entrants / heatSize));
  if (singleRound || heats === 1) return [heats];
  if (heats <= 3) return [heats, 1];
  return [heats, Math.min(3, Math.floor(heats / 2)), 1];
}

/** Time of one race: the entrant's ability with a little day-to-day variation. */
function raceTime(d: Discipline, entrant: Entrant, random: Random): number {
  return capped(d, Math.round(entrant.ability * (1 + 0.006 * random.normal())));
}

export function buildRace(d: Discipline, entrants: readonly Entrant[], slot: Slot, random: Random, options: UnitOptions = {}): BuiltUnits {
  const plan = planRaceRounds(entrants.length, d.groupSize, options.singleRound ?? false);
  const laneRace = d.groupSize <= 8;
  const units: JsonObject[] = [];
  const performances = new Map<string, number>();
  let field = random.shuffle([...entrants]);
  plan.forEach((heatCount, r) => {
    const round = r + 1;
    const timed: { entrant: Entrant; time: number }[] = [];
    deal(field, heatCount).forEach((runners, h) => {
      const times = runners.map((entrant) => raceTime(d, entrant, random));
      const places = placesOf(times, true);
      const results = runners
        .map((entrant, i) => ({
          bib: entrant.bib,
          ...(laneRace && { lane: i + 1 }),
          performance: formatTime(times[i]!),
          place: places[i]!,
          ...(options.points && { points: options.points(times[i]!) }),
        }))
        .sort((a, b) => a.place - b.place);
      runners.forEach((entrant, i) => {
        performances.set(entrant.bib, times[i]!);
        timed.push({ entrant, time: times[i]! });
      });
      units.push({
        round,
        heat: h + 1,
        heat_name: `${slot.eventId} ${slot.eventName} ${unitName(round, plan.length, h + 1, heatCount, false)}`,
        day: slot.day,
        scheduled_start_time: clock(slot.startMinutes + units.length * 5),
        ...(d.distance !== undefined && { distance: d.distance }),
        status: 'finished',
        results_status: 'official',
        results,
      });
    });
    const nextHeats = plan[r + 1];
    // The fastest go through (a stable sort keeps ties in draw order).
    if (nextHeats !== undefined) field = timed.sort((a, b) => a.time - b.time).slice(0, nextHeats * d.groupSize).map((t) => t.entrant);
  });
  return { rounds: plan.join(','), units, performances };
}
