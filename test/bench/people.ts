/** Clubs, athletes and relay squads of the generated meet, and their OpenTrack objects. */
import { Gender } from './disciplines';
import { JsonObject } from './meetTypes';
import { Random } from './random';

export interface Team {
  id: string;
  name: string;
}

export interface Athlete {
  bib: string;
  firstName: string;
  lastName: string;
  gender: Gender;
  dateOfBirth: string;
  teamId: string;
  athleteId: string;
  /** Standard deviations above the average entrant. */
  talent: number;
  /** Codes of the individual events entered. */
  codes: string[];
  /** The competitor's `events_entered`. */
  entries: JsonObject[];
}

export interface RelaySquad {
  relayTeamId: string;
  teamId: string;
  name: string;
  runners: Athlete[];
}

// Town names with distinct three-letter prefixes: the prefix is the club code.
const TOWNS = [
  'Riverside', 'Ashford', 'Belgrave', 'Carlton', 'Dunmore', 'Easton', 'Fenwick', 'Glenfield', 'Harwood', 'Invergarry',
  'Kingsmead', 'Linford', 'Marlow', 'Newbury', 'Oakham', 'Penrith', 'Quarry Bank', 'Redbridge', 'Selby', 'Thornbury',
  'Uxbridge', 'Ventnor', 'Wetherby', 'Yarmouth', 'Alnwick', 'Bracknell', 'Cheltenham', 'Dorking', 'Ely', 'Frome',
  'Grantham', 'Hexham', 'Ilkley', 'Kendal', 'Ludlow', 'Morpeth', 'Nairn', 'Otley', 'Poole', 'Ripon',
];
const CLUB_KINDS = ['Harriers', 'Athletic Club', 'Striders', 'Road Runners', 'Track Club', 'Athletics', 'Pacers', 'Flyers'];
const FIRST_NAMES: Record<Gender, readonly string[]> = {
  F: ['Amelia', 'Beth', 'Chloe', 'Daisy', 'Eleanor', 'Freya', 'Grace', 'Hannah', 'Isla', 'Jasmine', 'Katie', 'Lily', 'Maisie', 'Niamh', 'Olivia', 'Poppy', 'Rosie', 'Sophie', 'Tia', 'Zara'],
  M: ['Aaron', 'Ben', 'Callum', 'Daniel', 'Ethan', 'Finley', 'George', 'Harry', 'Isaac', 'Jack', 'Kieran', 'Liam', 'Mohammed', 'Noah', 'Oscar', 'Rhys', 'Samuel', 'Thomas', 'Owen', 'Zach'],
};
const LAST_NAMES = [
  'Adams', 'Barnes', 'Carmichael', 'Davies', 'Evans', 'Finch', 'Green', 'Holt', 'Iqbal', 'Jones', 'Kowalski', 'Lindqvist', 'Murphy', 'Nwosu',
  "O'Neill", 'Patel', 'Quinn', 'Robinson', 'Singh', 'Taylor', 'Upton', 'Vaughan', 'Walker', 'Young', 'Zielinski', 'Okafor', 'MacLeod', 'Hughes',
];

/** Base-26 letters for 1, 2, … ("B", "C", … "Z", "BA", …): suffixes for later cycles of towns. */
function letters(n: number): string {
  let text = '';
  for (let rest = n; rest > 0; rest = Math.floor(rest / 26)) text = String.fromCharCode(65 + (rest % 26)) + text;
  return text;
}

export function makeTeams(count: number): Team[] {
  return Array.from({ length: count }, (_, i) => {
    const town = TOWNS[i % TOWNS.length]!;
    const cycle = Math.floor(i / TOWNS.length);
    return { id: town.slice(0, 3).toUpperCase() + letters(cycle), name: `${town} ${CLUB_KINDS[cycle % CLUB_KINDS.length]!}` };
  });
}

export function makeAthletes(count: number, teams: readonly Team[], random: Random): Athlete[] {
  return Array.from({ length: count }, (_, i) => {
    const gender: Gender = random.chance(0.5) ? 'F' : 'M';
    const date = `${random.int(1980, 2007)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    return {
      bib: String(101 + i),
      firstName: random.pick(FIRST_NAMES[gender]),
      lastName: random.pick(LAST_NAMES),
      gender,
      dateOfBirth: date,
      teamId: random.pick(teams).id,
      athleteId: random.uuid(),
      talent: random.normal(),
      codes: [],
      entries: [],
    };
  });
}

/** Quartets of a club's candidates, A then B team, in bib order. */
export function formRelaySquads(candidates: readonly Athlete[], teams: readonly Team[]): RelaySquad[] {
  const squads: RelaySquad[] = [];
  for (const team of teams) {
    const members = candidates.filter((a) => a.teamId === team.id);
    for (let s = 0; s < 2 && (s + 1) * 4 <= members.length; s++) {
      const letter = s === 0 ? 'A' : 'B';
      squads.push({ relayTeamId: `${team.id}-${letter}`, teamId: team.id, name: `${team.name} ${letter}`, runners: members.slice(s * 4, s * 4 + 4) });
    }
  }
  return squads;
}

export function competitorObject(a: Athlete): JsonObject {
  return {
    competitor_id: a.bib,
    first_name: a.firstName,
    last_name: a.lastName,
    gender: a.gender,
    date_of_birth: a.dateOfBirth,
    team_id: a.teamId,
    nationality: 'GBR',
    ot_athlete_id: a.athleteId,
    events_entered: a.entries,
  };
}

export function teamObject(t: Team): JsonObject {
  return { team_id: t.id, team_name: t.name, match_id: 'match', flag_url: `https://file.opentrack.run/live/clubflags/GBR/${t.id}.png` };
}

export function relayTeamObject(eventId: string, squad: RelaySquad): JsonObject {
  return { event_id: eventId, relay_team_id: squad.relayTeamId, team_id: squad.teamId, name: squad.name, runners: squad.runners.map((r) => r.bib) };
}
