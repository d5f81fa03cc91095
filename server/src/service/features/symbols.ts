import * as l10n from '@vscode/l10n';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { CompetitionDocument } from '../document';
import { JsonObject, asArray, asString } from '../model';
import { NodeSpans, Span, locatePaths } from '../json/locate';
import { JsonPath } from '../json/path';
import { eachObject } from '../rules/walk';
import { athleteName, eventName } from './describe';
import { spanRange } from './spans';

/** A symbol whose ranges are not located yet: paths index into one locatePaths batch. */
interface PendingSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: number;
  /** The path to select (e.g. the event's name); none: the key, else the opening bracket. */
  selection: number | undefined;
  children: PendingSymbol[];
}

/**
 * The outline: the competition, with its events (and their units), competitors, teams and relay
 * teams grouped under their lists. All ranges come from one scan of the text.
 */
export function documentSymbols(document: CompetitionDocument): DocumentSymbol[] {
  const { model } = document;
  const root = model.root;
  if (!root) return [];
  const paths: JsonPath[] = [];
  const at = (path: JsonPath): number => paths.push(path) - 1;
  /** A symbol for the value at `path`, selecting the first of `keys` the value has (known from the model). */
  const symbol = (name: string, kind: SymbolKind, path: JsonPath, value: unknown, keys: string[], detail?: string): PendingSymbol => {
    const key = keys.find((k) => (value as Record<string, unknown>)[k] !== undefined);
    return { name: name.trim() || l10n.t('(unnamed)'), kind, range: at(path), selection: key === undefined ? undefined : at([...path, key]), children: [], ...(detail && { detail }) };
  };
  const competition = symbol(asString(root.full_name) || asString(root.short_name) || l10n.t('Competition'), SymbolKind.Module, [], root, ['full_name', 'short_name'], asString(root.date));
  const group = (key: ListName, count: number): PendingSymbol => {
    const list = symbol(key, SymbolKind.Array, [key], {}, [], countOf(key, count));
    competition.children.push(list);
    return list;
  };

  if (Array.isArray(root.events)) {
    const events = group('events', model.events.length);
    for (const event of model.events) {
      const path = ['events', event.index];
      const parent = asString(event.value.parent);
      const detail = [event.id, parent && l10n.t('part of {0}', parent)].filter((part) => part).join(' · ');
      const item = symbol(`${eventName(event)} · ${event.code ?? '?'}`, SymbolKind.Event, path, event.value, ['name', 'event_id'], detail);
      for (const [u, unit] of eachObject(event.value.units)) item.children.push(symbol(unitName(unit, u), SymbolKind.Struct, [...path, 'units', u], unit, ['heat', 'round']));
      events.children.push(item);
    }
  }
  if (Array.isArray(root.competitors)) {
    const competitors = group('competitors', model.competitors.length);
    for (const { index, value, id } of model.competitors) {
      const name = [id, athleteName(value)].filter((part) => part).join(' · ');
      competitors.children.push(symbol(name, SymbolKind.Object, ['competitors', index], value, ['competitor_id'], asString(value.team_id)));
    }
  }
  if (Array.isArray(root.teams)) {
    const teams = group('teams', model.teams.length);
    for (const { index, value, id } of model.teams) {
      teams.children.push(symbol([id, asString(value.team_name)].filter((p) => p).join(' · '), SymbolKind.Class, ['teams', index], value, ['team_id']));
    }
  }
  if (Array.isArray(root.relay_teams)) {
    const relayTeams = group('relay_teams', model.relayTeams.length);
    for (const { index, value, id } of model.relayTeams) {
      const name = [id, asString(value.name)].filter((p) => p).join(' · ');
      relayTeams.children.push(symbol(name, SymbolKind.Object, ['relay_teams', index], value, ['relay_team_id'], asString(value.event_id)));
    }
  }

  const outline = materialise(document, locatePaths(document.text, paths))(competition);
  return outline ? [outline] : [];
}

type ListName = 'events' | 'competitors' | 'teams' | 'relay_teams';

/** "3 events": how many items a list of the competition has. */
function countOf(list: ListName, count: number): string {
  const one = count === 1;
  switch (list) {
    case 'events':
      return one ? l10n.t('{0} event', count) : l10n.t('{0} events', count);
    case 'competitors':
      return one ? l10n.t('{0} competitor', count) : l10n.t('{0} competitors', count);
    case 'teams':
      return one ? l10n.t('{0} team', count) : l10n.t('{0} teams', count);
    case 'relay_teams':
      return one ? l10n.t('{0} relay team', count) : l10n.t('{0} relay teams', count);
  }
}

/** "Round 1 · Heat 2 · 8 results". */
function unitName(unit: JsonObject, index: number): string {
  const parts = [];
  if (unit.round !== undefined) parts.push(l10n.t('Round {0}', String(unit.round)));
  if (unit.heat !== undefined) parts.push(l10n.t('Heat {0}', String(unit.heat)));
  if (parts.length === 0) parts.push(l10n.t('Unit {0}', index + 1));
  const results = asArray(unit.results).length;
  parts.push(results === 1 ? l10n.t('{0} result', results) : l10n.t('{0} results', results));
  return parts.join(' · ');
}

function materialise(document: CompetitionDocument, located: (NodeSpans | undefined)[]): (pending: PendingSymbol) => DocumentSymbol | undefined {
  const range = (span: Span) => spanRange(document.textDocument, span);
  const build = (pending: PendingSymbol): DocumentSymbol | undefined => {
    const spans = located[pending.range];
    if (!spans) return undefined;
    // A list's symbol starts at its key, so that the key (its selection) lies inside it.
    const start = spans.key?.offset ?? spans.value.offset;
    const own = { offset: start, length: spans.value.offset + spans.value.length - start };
    const selected = (pending.selection !== undefined ? located[pending.selection]?.value : undefined) ?? spans.key ?? { offset: own.offset, length: Math.min(own.length, 1) };
    const children = pending.children.map(build).filter((s): s is DocumentSymbol => s !== undefined);
    return DocumentSymbol.create(pending.name, pending.detail, pending.kind, range(own), range(selected), children);
  };
  return build;
}
