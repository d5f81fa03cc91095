import * as l10n from '@vscode/l10n';
import { CompetitionModel, asString } from '../model';
import { isRelayEvent, knownTeamIds } from './ids';
import { choice, placeholder as ph, snippetJson } from './snippetText';

/**
 * The skeletons of the editor snippets (`client/snippets/opentrack.code-snippets`, generated
 * from this module) and of the completion items offered between the items of the arrays.
 * Bodies use the `defaultSnippets` conventions of `snippetJson`. Every default is valid on its
 * own: inserted as it comes, a skeleton passes the validator (references go to the ids of its
 * companions).
 */
export type SkeletonTarget = 'events' | 'competitors' | 'teams' | 'relay_teams' | 'document';

export interface Skeleton {
  /** Snippet name suffix: the snippet is `opentrack-<id>`, its prefix `ot-<id>`. */
  id: string;
  /** Shown in completion (translated when it is shown, hence functions). */
  label(): string;
  description(): string;
  target: SkeletonTarget;
  /** Skeletons whose ids this one references by default (e.g. a relay team's event). */
  companions: string[];
  /** The items to insert (several for a combined event), or the document's object. */
  body(ids: SkeletonIds): unknown[];
}

/** Where skeleton ids come from: static defaults for snippets, free or existing ids for completion. */
export interface SkeletonIds {
  /** A new id: the default, or the next one like it that the document does not use yet. */
  fresh(kind: 'event' | 'competitor' | 'team' | 'relayTeam', fallback: string): string;
  /** An id to reference: the document's first team or relay event, else the default. */
  existing(kind: 'team' | 'relayEvent', fallback: string): string;
  /** The name of a team, when the document lists it. */
  teamName(teamId: string, fallback: string): string;
}

export const STATIC_IDS: SkeletonIds = {
  fresh: (_kind, fallback) => fallback,
  existing: (_kind, fallback) => fallback,
  teamName: (_teamId, fallback) => fallback,
};

const ALL = ['ALL'];
const ONE_HEAT = { round: '^1', heat: '^1' };

function fieldEvent(ids: SkeletonIds, id: string, codes: string[], name: string, genders: string[]): unknown {
  return {
    event_id: ph(1, ids.fresh('event', id)),
    event_code: choice(2, codes),
    name: ph(3, name),
    genders: choice(4, genders),
    category: ph(5, genders[0]!),
    age_groups: ALL,
    rounds: '1',
    max_field_attempts: '^${6:6}',
    units: [{ ...ONE_HEAT, rounds: '^${6:6}', results: '^[$0]', trials: '^[]' }],
  };
}

function relayTeam(ids: SkeletonIds, event: string, suffix: string, first: number): unknown {
  const team = ids.existing('team', 'BEL');
  const id = ids.fresh('relayTeam', `${team}-${suffix}`);
  // The team's name with the letter of its relay id: "Belgrave Harriers A".
  const letter = /-([A-Z0-9]+)$/.exec(id)?.[1] ?? suffix;
  return {
    event_id: ph(1, event),
    relay_team_id: ph(first, id),
    team_id: ph(first + 1, team),
    name: ph(first + 2, `${ids.teamName(team, 'Belgrave Harriers')} ${letter}`),
    runners: `^[$${first + 3}]`,
  };
}

export const SKELETONS: readonly Skeleton[] = [
  {
    id: 'competition',
    label: () => l10n.t('Competition'),
    description: () => l10n.t('A complete OpenTrack competition: name, slug, country, dates and empty lists of events, competitors, teams and relay teams.'),
    target: 'document',
    companions: [],
    body: () => [
      {
        full_name: ph(1, 'Riverside Open Meeting 2025'),
        short_name: ph(2, 'Riverside Open'),
        slug: ph(3, 'riverside-open-2025'),
        country_id: ph(4, 'GBR'),
        date: ph(5, '2025-06-14'),
        finish_date: ph(6, '2025-06-14'),
        age_groups: ALL,
        events: '^[$0]',
        competitors: '^[]',
        teams: '^[]',
        relay_teams: '^[]',
      },
    ],
  },
  {
    id: 'running',
    label: () => l10n.t('Running event'),
    description: () => l10n.t('A track event (100 m, 800 m, hurdles…) with one heat.'),
    target: 'events',
    companions: [],
    body: (ids) => [
      {
        event_id: ph(1, ids.fresh('event', 'T10')),
        event_code: ph(2, '100'),
        name: ph(3, '100 metres Men'),
        genders: choice(4, ['M', 'F', 'MF']),
        category: ph(5, 'M'),
        age_groups: ALL,
        rounds: '1',
        units: [{ ...ONE_HEAT, results: '^[$0]' }],
      },
    ],
  },
  {
    id: 'horizontal-jump',
    label: () => l10n.t('Horizontal jump'),
    description: () => l10n.t('A long or triple jump with six attempts: results and trials.'),
    target: 'events',
    companions: [],
    body: (ids) => [fieldEvent(ids, 'F10', ['LJ', 'TJ'], 'Long Jump Women', ['F', 'M', 'MF'])],
  },
  {
    id: 'throw',
    label: () => l10n.t('Throw'),
    description: () => l10n.t('A shot put, discus, hammer or javelin with six attempts: results and trials.'),
    target: 'events',
    companions: [],
    body: (ids) => [fieldEvent(ids, 'F11', ['SP', 'DT', 'HT', 'JT'], 'Shot Put Men', ['M', 'F', 'MF'])],
  },
  {
    id: 'vertical-jump',
    label: () => l10n.t('Vertical jump'),
    description: () => l10n.t('A high jump or pole vault with its bar heights: results and trials at those heights.'),
    target: 'events',
    companions: [],
    body: (ids) => [
      {
        event_id: ph(1, ids.fresh('event', 'F12')),
        event_code: choice(2, ['HJ', 'PV']),
        name: ph(3, 'High Jump Women'),
        genders: choice(4, ['F', 'M', 'MF']),
        category: ph(5, 'F'),
        age_groups: ALL,
        rounds: '1',
        units: [{ ...ONE_HEAT, heights: [ph(6, '1.50'), ph(7, '1.55'), ph(8, '1.60'), ph(9, '1.65')], results: '^[$0]', trials: '^[]' }],
      },
    ],
  },
  {
    id: 'relay',
    label: () => l10n.t('Relay event'),
    description: () => l10n.t('A relay event (4x100, 4x400…); add its teams with ot-relay-teams. Results use the relay_team_id as bib.'),
    target: 'events',
    companions: [],
    body: (ids) => [
      {
        event_id: ph(1, ids.fresh('event', 'R10')),
        event_code: ph(2, '4x100'),
        name: ph(3, '4x100 metres Relay Men'),
        genders: choice(4, ['M', 'F', 'MF']),
        category: ph(5, 'M'),
        age_groups: ALL,
        rounds: '1',
        lanes: '^8',
        units: [{ ...ONE_HEAT, distance: '^${6:400}', results: '^[$0]' }],
      },
    ],
  },
  {
    id: 'relay-teams',
    label: () => l10n.t('Relay teams'),
    description: () => l10n.t("A club's A and B teams for a relay event; runners are competitor bibs."),
    target: 'relay_teams',
    companions: ['relay', 'team'],
    body: (ids) => {
      const event = ids.existing('relayEvent', 'R10');
      return [relayTeam(ids, event, 'A', 2), relayTeam(ids, event, 'B', 6)];
    },
  },
  {
    id: 'combined',
    label: () => l10n.t('Combined event'),
    description: () => l10n.t('A combined event (decathlon, heptathlon…) with event-level results, and one of its disciplines linked by "parent".'),
    target: 'events',
    companions: [],
    body: (ids) => {
      const parent = ph(1, ids.fresh('event', 'C10'));
      return [
        {
          event_id: parent,
          event_code: choice(2, ['DEC', 'HEP', 'PEN', 'PENI']),
          name: ph(3, 'Decathlon Men'),
          genders: choice(4, ['M', 'F']),
          category: ph(5, 'DEC'),
          age_groups: ALL,
          rounds: '1',
          units: '^[]',
          results: '^[]',
        },
        {
          event_id: ph(6, ids.fresh('event', 'C11')),
          event_code: ph(7, '100'),
          name: ph(8, 'Decathlon Men 100 metres'),
          genders: choice(4, ['M', 'F']),
          parent,
          age_groups: ALL,
          rounds: '1',
          units: [{ ...ONE_HEAT, results: '^[$0]' }],
        },
      ];
    },
  },
  {
    id: 'competitor',
    label: () => l10n.t('Competitor'),
    description: () => l10n.t('An athlete: bib (competitor_id), names, gender, date of birth, team and the events entered.'),
    target: 'competitors',
    companions: ['team'],
    body: (ids) => [
      {
        competitor_id: ph(1, ids.fresh('competitor', '1')),
        first_name: ph(2, 'First'),
        last_name: ph(3, 'Last'),
        gender: choice(4, ['M', 'F', 'X']),
        date_of_birth: ph(5, '2000-01-31'),
        team_id: ph(6, ids.existing('team', 'BEL')),
        nationality: ph(7, 'GBR'),
        events_entered: '^[$0]',
      },
    ],
  },
  {
    id: 'team',
    label: () => l10n.t('Team'),
    description: () => l10n.t('A club or team: team_id (its OpenTrack short code) and name.'),
    target: 'teams',
    companions: [],
    body: (ids) => [{ team_id: ph(1, ids.fresh('team', 'BEL')), team_name: ph(2, 'Belgrave Harriers'), match_id: 'match' }],
  },
  {
    id: 'relay-team',
    label: () => l10n.t('Relay team'),
    description: () => l10n.t('One relay team of a relay event; runners are competitor bibs.'),
    target: 'relay_teams',
    companions: ['relay', 'team'],
    body: (ids) => [relayTeam(ids, ids.existing('relayEvent', 'R10'), 'A', 2)],
  },
];

/** The snippet text of a skeleton: its items separated by commas. */
export function skeletonText(skeleton: Skeleton, ids: SkeletonIds = STATIC_IDS): string {
  return skeleton.body(ids).map((item) => snippetJson(item)).join(',\n');
}

/** Next id like `fallback` that is not taken: T10 → T11, BEL-A → BEL-B, X → X2. */
export function nextFreeId(fallback: string, taken: { has(id: string): boolean }): string {
  let candidate = fallback;
  for (let n = 2; taken.has(candidate); n++) {
    const digits = /^(.*?)(\d+)$/.exec(candidate);
    const letter = /^(.*-)([A-Y])$/.exec(candidate);
    if (digits) candidate = digits[1]! + String(Number(digits[2]) + 1).padStart(digits[2]!.length, '0');
    else if (letter) candidate = letter[1]! + String.fromCharCode(letter[2]!.charCodeAt(0) + 1);
    else candidate = `${fallback}${n}`;
  }
  return candidate;
}

/**
 * Ids for completion: new ids the document does not use, references to what it has. The
 * document's ids are gathered once; each skeleton gets a picker of its own (`next()`), so that
 * two skeletons offered side by side propose the same free id.
 */
export function documentIds(model: CompetitionModel): () => SkeletonIds {
  const used = {
    event: new Set(model.eventsById.keys()),
    competitor: new Set(model.competitorsById.keys()),
    // A team used by competitors but not listed yet is the one a new team entry should define.
    team: new Set(model.teamsById.keys()),
    relayTeam: new Set(model.relayTeams.map((t) => t.id).filter((id): id is string => id !== undefined)),
  };
  const firstTeam = model.teams.find((t) => t.id)?.id ?? [...knownTeamIds(model)][0];
  const firstRelayEvent = model.events.find((e) => e.id !== undefined && isRelayEvent(model, e))?.id;
  return () => {
    const allocated = new Set<string>();
    return {
      fresh(kind, fallback) {
        const taken = { has: (id: string) => used[kind].has(id) || allocated.has(`${kind}:${id}`) };
        const id = nextFreeId(fallback, taken);
        allocated.add(`${kind}:${id}`);
        return id;
      },
      existing: (kind, fallback) => (kind === 'team' ? firstTeam : firstRelayEvent) ?? fallback,
      teamName: (teamId, fallback) => asString(model.teamsById.get(teamId)?.[0]?.value.team_name) ?? (teamId === firstTeam ? teamId : fallback),
    };
  };
}
