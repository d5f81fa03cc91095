import * as l10n from '@vscode/l10n';
import { asArray, asObject, asString } from '../model';
import { athleteName, eventName } from '../features/describe';
import { RenderContext } from './context';
import { esc, td } from './html';

/** An event id as a link to its section, or as plain text when no event has it. */
function eventLink(context: RenderContext, eventId: string): string {
  const event = context.model.eventsById.get(eventId)?.[0];
  if (!event) return `<span class="unknown" title="${esc(l10n.t('No event has this id'))}">${esc(eventId)}</span>`;
  return `<a href="#event-${event.index}" data-event="${event.index}">${esc(eventName(event))}</a>`;
}

function entered(value: unknown): string[] {
  return asArray(value)
    .map((entry) => asString(asObject(entry)?.event_id))
    .filter((id): id is string => id !== undefined);
}

/** Competitors with their bib, team and the events they entered. */
export function competitorsTable(context: RenderContext): string {
  const rows = context.model.competitors
    .map((competitor) => {
      const value = competitor.value;
      const events = entered(value.events_entered).map((id) => eventLink(context, id)).join(', ');
      return `<tr class="competitor"${context.rows.attr(['competitors', competitor.index])}>${td('bib', esc(competitor.id))}${td('athlete', esc(athleteName(value)))}${td('gender', esc(value.gender))}${td('team', esc(context.teamLabel(asString(value.team_id))))}${td('events', events)}</tr>`;
    })
    .join('');
  const heads = [l10n.t('Bib'), l10n.t('Athlete'), l10n.t('Gender'), l10n.t('Team'), l10n.t('Events entered')].map((label) => `<th>${esc(label)}</th>`).join('');
  return `<table class="people"><thead><tr>${heads}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** Teams with their members and the events they entered (individually or as a relay team). */
export function teamsTable(context: RenderContext): string {
  const members = new Map<string, number>();
  const events = new Map<string, Set<string>>();
  const enter = (teamId: string | undefined, eventIds: string[]): void => {
    if (teamId === undefined) return;
    const set = events.get(teamId) ?? new Set<string>();
    eventIds.forEach((id) => set.add(id));
    events.set(teamId, set);
  };
  for (const competitor of context.model.competitors) {
    const teamId = asString(competitor.value.team_id);
    if (teamId !== undefined) members.set(teamId, (members.get(teamId) ?? 0) + 1);
    enter(teamId, entered(competitor.value.events_entered));
  }
  for (const relay of context.model.relayTeams) {
    const eventId = asString(relay.value.event_id);
    enter(asString(relay.value.team_id), eventId === undefined ? [] : [eventId]);
  }
  const rows = context.model.teams
    .map((team) => {
      const id = team.id ?? '';
      const links = [...(events.get(id) ?? [])].map((eventId) => eventLink(context, eventId)).join(', ');
      return `<tr class="team-row"${context.rows.attr(['teams', team.index])}>${td('bib', esc(team.id))}${td('team', esc(team.value.team_name))}${td('members', String(members.get(id) ?? 0))}${td('events', links)}</tr>`;
    })
    .join('');
  const heads = [l10n.t('Team'), l10n.t('Name'), l10n.t('Competitors'), l10n.t('Events')].map((label) => `<th>${esc(label)}</th>`).join('');
  return `<table class="people"><thead><tr>${heads}</tr></thead><tbody>${rows}</tbody></table>`;
}
