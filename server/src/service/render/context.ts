import { CompetitionModel, EventEntry, Indexed, JsonObject, asArray, asObject, asString } from '../model';
import { athleteName, teamName } from '../features/describe';
import { RowCollector } from './html';

/** What every part of one render shares: the model, the rows emitted so far, and lookups built once. */
export class RenderContext {
  readonly rows = new RowCollector();
  private relaysById: Map<string, Indexed[]> | undefined;

  constructor(readonly model: CompetitionModel) {}

  /** The relay teams by `relay_team_id`, built on first use (most meets have none). */
  relayTeam(event: EventEntry, bib: string): JsonObject | undefined {
    if (!this.relaysById) {
      this.relaysById = new Map();
      for (const team of this.model.relayTeams) {
        const id = asString(team.value.relay_team_id);
        if (id === undefined) continue;
        const same = this.relaysById.get(id);
        if (same) same.push(team);
        else this.relaysById.set(id, [team]);
      }
    }
    const same = this.relaysById.get(bib);
    return (same?.find((team) => team.value.event_id === event.id) ?? same?.[0])?.value;
  }

  competitor(bib: string | undefined): JsonObject | undefined {
    return bib === undefined ? undefined : this.model.competitorsById.get(bib)?.[0]?.value;
  }

  /** The athlete's name, or empty when the bib is not among the competitors. */
  athlete(bib: string | undefined): string {
    const competitor = this.competitor(bib);
    return competitor ? athleteName(competitor) : '';
  }

  /** The name of a team id: its `team_name` from the teams list, else the id itself. */
  teamLabel(teamId: string | undefined): string {
    return teamId === undefined ? '' : (teamName(this.model, teamId) ?? teamId);
  }

  /** Who a result belongs to: an athlete with their team, or (in relays) a relay team with its club and runners. */
  entrant(event: EventEntry, bib: string | undefined): { name: string; team: string; runners?: string[] } {
    if (event.kind === 'relay' && bib !== undefined) {
      const relay = this.relayTeam(event, bib);
      if (relay) {
        const runners = asArray(relay.runners).map((runner) => {
          const runnerBib = typeof runner === 'number' ? String(runner) : asString(runner);
          return this.athlete(runnerBib) || runnerBib || '?';
        });
        return { name: asString(relay.name) ?? bib, team: this.teamLabel(asString(relay.team_id)), runners };
      }
      if (this.model.teamsById.has(bib)) return { name: this.teamLabel(bib), team: '' };
    }
    const competitor = this.competitor(bib);
    return { name: competitor ? athleteName(competitor) : '', team: this.teamLabel(asString(competitor?.team_id)) };
  }
}

/** A bib as text: OpenTrack bibs are strings, but a number is shown as written. */
export function bibOf(result: JsonObject | undefined): string | undefined {
  const bib = result?.bib;
  return typeof bib === 'number' ? String(bib) : asString(bib);
}

/** The objects of a list with their indices. */
export function objects(list: unknown): Array<[number, JsonObject]> {
  const found: Array<[number, JsonObject]> = [];
  asArray(list).forEach((item, index) => {
    const object = asObject(item);
    if (object) found.push([index, object]);
  });
  return found;
}
