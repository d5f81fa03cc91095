/** One event of the generated meet: its OpenTrack object, with units from the right builder. */
import { Discipline, Gender, clock } from './disciplines';
import { buildHorizontal, buildVertical } from './fieldEvents';
import { BuiltUnits, Entrant, JsonObject, Slot, UnitOptions } from './meetTypes';
import { buildRace } from './races';
import { Random } from './random';

export function buildUnits(d: Discipline, entrants: readonly Entrant[], slot: Slot, random: Random, options: UnitOptions = {}): BuiltUnits {
  switch (d.kind) {
    case 'running':
    case 'relay':
      return buildRace(d, entrants, slot, random, options);
    case 'horizontal':
    case 'throw':
      return buildHorizontal(d, entrants, slot, random, options);
    case 'vertical':
      return buildVertical(d, entrants, slot, random, options);
  }
}

export interface EventHeader {
  slot: Slot;
  code: string;
  gender: Gender;
  category: string;
  /** event_id of the combined event this discipline belongs to. */
  parent?: string;
}

/** The event object, keys in the order people write them. */
export function eventObject(header: EventHeader, built: Pick<BuiltUnits, 'rounds' | 'units'>, results?: JsonObject[]): JsonObject {
  const { slot } = header;
  return {
    event_id: slot.eventId,
    event_code: header.code,
    name: slot.eventName,
    genders: header.gender,
    category: header.category,
    age_groups: ['ALL'],
    rounds: built.rounds,
    day: slot.day,
    r1_time: clock(slot.startMinutes),
    ...(header.parent !== undefined && { parent: header.parent }),
    units: built.units,
    ...(results !== undefined && { results }),
  };
}

/** "100 metres Men", "Long jump Women". */
export function eventName(d: Discipline, gender: Gender): string {
  return `${d.name} ${gender === 'M' ? 'Men' : 'Women'}`;
}
