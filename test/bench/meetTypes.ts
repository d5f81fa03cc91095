/** Shapes shared by the builders of the generated meet. */
export type JsonObject = Record<string, unknown>;

/** Who takes part in an event: a bib (competitor or relay team) and their usual performance. */
export interface Entrant {
  bib: string;
  /** Hundredths of a second (races) or centimetres (field events). */
  ability: number;
}

/** Where an event sits in the programme, for heat names and start times. */
export interface Slot {
  eventId: string;
  eventName: string;
  day: number;
  /** Start of the first unit, minutes after midnight. */
  startMinutes: number;
}

export interface UnitOptions {
  /** One round (heats or a single pool) however many entrants: combined-event disciplines. */
  singleRound?: boolean;
  /** Attempts per athlete in horizontal jumps and throws (default 3 in qualification, 6 in a final). */
  attempts?: number;
  /** Points for a performance, written on each result (combined events). */
  points?: (value: number) => number;
}

export interface BuiltUnits {
  /** The event's `rounds`: heats or pools per round, e.g. "12,3,1". */
  rounds: string;
  units: JsonObject[];
  /** Each entrant's performance in the last round they contested. */
  performances: Map<string, number>;
}

/** "Heat 3", "Semi-final 1", "Pool 2", "Final". */
export function unitName(round: number, roundCount: number, heat: number, heatCount: number, field: boolean): string {
  if (round === roundCount && heatCount === 1) return 'Final';
  if (roundCount === 3 && round === 2) return `Semi-final ${heat}`;
  return `${field ? 'Pool' : 'Heat'} ${heat}`;
}

/** Splits athletes into `count` groups by dealing them out in turn (seeded order kept). */
export function deal<T>(items: readonly T[], count: number): T[][] {
  const groups: T[][] = Array.from({ length: count }, () => []);
  items.forEach((item, i) => groups[i % count]!.push(item));
  return groups;
}
