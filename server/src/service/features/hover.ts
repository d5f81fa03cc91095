import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { CompetitionDocument } from '../document';
import { CompetitionModel, EventEntry, asArray, asString } from '../model';
import { Span } from '../json/locate';
import { JsonPath } from '../json/path';
import { TokenAtOffset, contextAtOffset } from '../json/offset';
import { eventCodeInfo } from '../format/eventCodes';
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
      return event ? describeEvent(model, event) : `Event "${md(ref.id)}" is not in \`events\`.`;
    }
    case 'team': {
      const name = teamName(model, ref.id);
      const members = model.competitors.filter((c) => c.value.team_id === ref.id).length;
      const known = name !== undefined || members > 0;
      return known ? `**${md(name ?? ref.id)}** (team \`${md(ref.id)}\`)${members ? ` · ${members} competitor${members === 1 ? '' : 's'}` : ''}` : `Team "${md(ref.id)}" is not in \`teams\`.`;
    }
    case 'relayTeam':
      return describeRelayTeam(model, ref.id, ref.eventId ?? '');
  }
}

function describeCompetitor(model: CompetitionModel, bib: string): string | undefined {
  const competitor = model.competitorsById.get(bib)?.[0]?.value;
  if (!competitor) return model.hasCompetitors ? `Bib "${md(bib)}" is not a listed competitor.` : undefined;
  const lines = [`**${md(bib)} · ${md(athleteName(competitor) || 'unnamed')}**${competitor.gender ? ` (${md(String(competitor.gender))})` : ''}`];
  const teamId = asString(competitor.team_id);
  if (teamId) lines.push(`Team: ${md(teamName(model, teamId) ?? asString(competitor.team_name) ?? teamId)} (\`${md(teamId)}\`)`);
  const entered = [...eachObject(competitor.events_entered)].map(([, entry]) => {
    const id = asString(entry.event_id) ?? '?';
    const event = model.eventsById.get(id)?.[0];
    return event ? `${md(eventName(event))} (\`${md(id)}\`)` : `\`${md(id)}\``;
  });
  if (entered.length) lines.push(`Events entered: ${entered.join(', ')}`);
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
  if (parentEvent) lines.push(`Part of ${md(eventName(parentEvent))} (\`${md(parent!)}\`)`);
  if (event.kind === 'combined') {
    const children = model.events.filter((e) => e.value.parent === event.id).map((e) => `\`${md(e.code ?? '?')}\``);
    if (children.length) lines.push(`Disciplines: ${children.join(', ')}`);
  }
  return lines.join('  \n');
}

function describeRelayTeam(model: CompetitionModel, id: string, eventId: string): string {
  const team = relayTeamsOf(model, eventId).get(id)?.value;
  if (!team) return `Relay team "${md(id)}" is not in \`relay_teams\` for event \`${md(eventId)}\`.`;
  const event = model.eventsById.get(eventId)?.[0];
  const lines = [`**${md(asString(team.name) ?? id)}** (relay team \`${md(id)}\`${event ? ` in ${md(eventName(event))}` : ''})`];
  const teamId = asString(team.team_id);
  if (teamId) lines.push(`Team: ${md(teamName(model, teamId) ?? teamId)} (\`${md(teamId)}\`)`);
  const runners = asArray(team.runners).map((bib) => {
    const competitor = typeof bib === 'string' ? model.competitorsById.get(bib)?.[0]?.value : undefined;
    return `${md(String(bib))}${competitor ? ` ${md(athleteName(competitor))}` : ''}`;
  });
  if (runners.length) lines.push(`Runners: ${runners.join(', ')}`);
  return lines.join('  \n');
}

function describeCode(code: string): string {
  const info = eventCodeInfo(code);
  if (!info) return `\`${md(code)}\` is not an OpenTrack event code.`;
  const kind = info.kind === 'horizontal' ? 'horizontal jump' : info.kind === 'vertical' ? 'vertical jump' : info.kind;
  return `\`${md(code)}\` — **${md(info.discipline)}** (${kind}${info.size ? `, ${info.size} disciplines` : ''})`;
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
