import * as l10n from '@vscode/l10n';
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { CompetitionDocument } from '../document';
import { CompetitionModel, EventEntry, asArray, asString } from '../model';
import { Span } from '../json/locate';
import { JsonPath } from '../json/path';
import { TokenAtOffset, contextAtOffset } from '../json/offset';
import { eventCodeInfo, kindName } from '../format/eventCodes';
import { competitionSchema, itemsOf, propertiesOf, resolveRef } from '../schema/competitionSchema';
import { SchemaNode } from '../schema/schemaTypes';
import { eachObject } from '../rules/walk';
import { IdRef, idAtPath, relayTeamsOf } from './ids';
import { athleteName, describeRounds, eventName, md, teamName } from './describe';
import { describeCombinedTotal, describePoints } from './hoverPoints';
import { pathShape, valueAt } from './paths';
import { spanRange } from './spans';

/**
 * Hover: ids show what they name (athlete, event, team, relay team), event codes their
 * discipline, performances in combined events their World Athletics points; any other key or
 * value shows its schema description.
 */
export function hover(document: CompetitionDocument, position: Position): Hover | null {
  const context = contextAtOffset(document.text, document.textDocument.offsetAt(position));
  if (context.inComment) return null;
  if (context.key) return markdown(document, schemaDescription([...context.containerPath, context.key.name]), context.key.span);
  const value = context.value;
  if (!value) return null;
  return markdown(document, valueHover(document, value) ?? schemaDescription(value.path), value.span);
}

function markdown(document: CompetitionDocument, text: string | undefined, span: Span): Hover | null {
  return text ? { contents: { kind: MarkupKind.Markdown, value: text }, range: spanRange(document.textDocument, span) } : null;
}

function valueHover(document: CompetitionDocument, value: TokenAtOffset & { path: JsonPath }): string | undefined {
  const { model } = document;
  const path = value.path;
  // In badly broken text the scan and the parse may disagree: describe only what the parse holds.
  if (value.isString && valueAt(document.parsed.value, path) !== value.text) return undefined;
  if (value.isString) {
    const id = idAtPath(model, path, value.text);
    if (id) return describeId(model, id);
  }
  switch (pathShape(path)) {
    case 'events/#/event_code':
    case 'competitors/#/events_entered/#/event_code':
      return value.isString ? describeCode(value.text) : undefined;
    case 'events/#/units/#/results/#/performance':
      return value.isString ? describePoints(model, path, value.text) : undefined;
    case 'events/#/results/#/performance':
    case 'events/#/results/#/points':
      return describeCombinedTotal(model, path);
    default:
      return undefined;
  }
}

function describeId(model: CompetitionModel, ref: IdRef): string | undefined {
  switch (ref.kind) {
    case 'competitor':
      return describeCompetitor(model, ref.id);
    case 'event': {
      const event = model.eventsById.get(ref.id)?.[0];
      return event ? describeEvent(model, event) : l10n.t('Event "{0}" is not in `events`.', md(ref.id));
    }
    case 'team': {
      const name = teamName(model, ref.id);
      const members = model.competitors.filter((c) => c.value.team_id === ref.id).length;
      if (name === undefined && members === 0) return l10n.t('Team "{0}" is not in `teams`.', md(ref.id));
      const team = l10n.t('**{0}** (team `{1}`)', md(name ?? ref.id), md(ref.id));
      if (!members) return team;
      return `${team} · ${members === 1 ? l10n.t('{0} competitor', members) : l10n.t('{0} competitors', members)}`;
    }
    case 'relayTeam':
      return describeRelayTeam(model, ref.id, ref.eventId ?? '');
  }
}

function describeCompetitor(model: CompetitionModel, bib: string): string | undefined {
  const competitor = model.competitorsById.get(bib)?.[0]?.value;
  if (!competitor) return model.hasCompetitors ? l10n.t('Bib "{0}" is not a listed competitor.', md(bib)) : undefined;
  const lines = [`**${md(bib)} · ${md(athleteName(competitor) || l10n.t('unnamed'))}**${competitor.gender ? ` (${md(String(competitor.gender))})` : ''}`];
  const teamId = asString(competitor.team_id);
  if (teamId) lines.push(l10n.t('Team: {0} (`{1}`)', md(teamName(model, teamId) ?? asString(competitor.team_name) ?? teamId), md(teamId)));
  const entered = [...eachObject(competitor.events_entered)].map(([, entry]) => {
    const id = asString(entry.event_id) ?? '?';
    const event = model.eventsById.get(id)?.[0];
    return event ? `${md(eventName(event))} (\`${md(id)}\`)` : `\`${md(id)}\``;
  });
  if (entered.length) lines.push(l10n.t('Events entered: {0}', entered.join(', ')));
  return lines.join('  \n');
}

function describeEvent(model: CompetitionModel, event: EventEntry): string {
  const lines = [`**${md(eventName(event))}** · \`${md(event.code ?? '?')}\`${event.info ? ` — ${md(event.info.discipline)}` : ''}`];
  const details = [`event_id \`${md(event.id ?? '?')}\``];
  const genders = asString(event.value.genders);
  if (genders) details.push(`genders ${md(genders)}`);
  const rounds = asString(event.value.rounds);
  if (rounds) details.push(`rounds ${md(rounds)} (${md(describeRounds(rounds))})`);
  lines.push(details.join(' · '));
  const parent = asString(event.value.parent);
  const parentEvent = parent ? model.eventsById.get(parent)?.[0] : undefined;
  if (parentEvent) lines.push(l10n.t('Part of {0} (`{1}`)', md(eventName(parentEvent)), md(parent!)));
  if (event.kind === 'combined') {
    const children = model.events.filter((e) => e.value.parent === event.id).map((e) => `\`${md(e.code ?? '?')}\``);
    if (children.length) lines.push(l10n.t('Disciplines: {0}', children.join(', ')));
  }
  return lines.join('  \n');
}

function describeRelayTeam(model: CompetitionModel, id: string, eventId: string): string {
  const team = relayTeamsOf(model, eventId).get(id)?.value;
  if (!team) return l10n.t('Relay team "{0}" is not in `relay_teams` for event `{1}`.', md(id), md(eventId));
  const event = model.eventsById.get(eventId)?.[0];
  const name = md(asString(team.name) ?? id);
  const lines = [event ? l10n.t('**{0}** (relay team `{1}` in {2})', name, md(id), md(eventName(event))) : l10n.t('**{0}** (relay team `{1}`)', name, md(id))];
  const teamId = asString(team.team_id);
  if (teamId) lines.push(l10n.t('Team: {0} (`{1}`)', md(teamName(model, teamId) ?? teamId), md(teamId)));
  const runners = asArray(team.runners).map((bib) => {
    const competitor = typeof bib === 'string' ? model.competitorsById.get(bib)?.[0]?.value : undefined;
    return `${md(String(bib))}${competitor ? ` ${md(athleteName(competitor))}` : ''}`;
  });
  if (runners.length) lines.push(l10n.t('Runners: {0}', runners.join(', ')));
  return lines.join('  \n');
}

function describeCode(code: string): string {
  const info = eventCodeInfo(code);
  if (!info) return l10n.t('`{0}` is not an OpenTrack event code.', md(code));
  return info.size
    ? l10n.t('`{0}` — **{1}** ({2}, {3} disciplines)', md(code), md(info.discipline), kindName(info.kind), info.size)
    : l10n.t('`{0}` — **{1}** ({2})', md(code), md(info.discipline), kindName(info.kind));
}

/** The schema's markdown description of a key or value at a path (property-level text first). */
export function schemaDescription(path: JsonPath): string | undefined {
  let node: SchemaNode | undefined = competitionSchema;
  let described: SchemaNode | undefined = competitionSchema;
  for (const segment of path) {
    described = typeof segment === 'number' ? itemsOf(node) : propertiesOf(node).get(segment);
    if (!described) return undefined;
    node = resolveRef(described);
  }
  return described.markdownDescription ?? described.description ?? node?.markdownDescription ?? node?.description;
}
