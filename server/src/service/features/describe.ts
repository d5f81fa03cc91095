import * as l10n from '@vscode/l10n';
import { CompetitionModel, EventEntry, JsonObject, asString } from '../model';

/** "Daniel Okafor" from first and last name (either may be missing). */
export function athleteName(competitor: JsonObject): string {
  return [asString(competitor.first_name), asString(competitor.last_name)].filter((part) => part).join(' ');
}

/** The display name of an event: its name, else its discipline, else its code. */
export function eventName(event: EventEntry): string {
  return asString(event.value.name) || event.info?.discipline || event.code || event.id || l10n.t('event');
}

/** A team's name from the teams list, else the name a competitor carries for it. */
export function teamName(model: CompetitionModel, teamId: string): string | undefined {
  const team = model.teamsById.get(teamId)?.[0];
  return asString(team?.value.team_name) || undefined;
}

/** Markdown-escapes user text (names can contain `*`, `_` or brackets). */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, '\\$&');
}

/** "2,1" → "2 heats, then a final". */
export function describeRounds(rounds: string): string {
  const heats = rounds.split(',').map(Number);
  if (heats.some((n) => !Number.isInteger(n) || n < 1)) return rounds;
  const round = (n: number, i: number): string => {
    if (i === heats.length - 1 && n === 1) return heats.length === 1 ? l10n.t('a single final') : l10n.t('a final');
    return n === 1 ? l10n.t('{0} heat', n) : l10n.t('{0} heats', n);
  };
  return heats.map(round).reduce((before, after) => l10n.t('{0}, then {1}', before, after));
}
