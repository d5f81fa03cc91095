import * as l10n from '@vscode/l10n';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { CompetitionDocument } from '../document';
import { JsonObject, asArray, asString } from '../model';
import { NodeSpans, Span } from '../json/locate';
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
  /** For the "… and N more" entry: the path whose end closes its range (it spans the items not listed). */
  end?: number;
  /** The path to select (e.g. the event's name); none: the key, else the opening bracket. */
  selection: number | undefined;
  children: PendingSymbol[];
}

/** Items listed per list (competitors, events, units…): the rest are summed up in one "… and N more" entry. */
export const MAX_LISTED_ITEMS = 5000;
/** Symbols in the whole outline: what an editor can show, whatever the size of the file. */
export const MAX_OUTLINE_SYMBOLS = 10000;

/**
 * The outline: the competition, with its events (and their units), competitors, teams and relay
 * teams grouped under their lists. All ranges come from one scan of the text. Bounded: at most
 * MAX_LISTED_ITEMS items per list and MAX_OUTLINE_SYMBOLS in all, so that its cost and size stay
 * linear in the text (and small) even with a million items.
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
  let budget = MAX_OUTLINE_SYMBOLS;
  /** The first items of a list, within the budget, then one entry that spans the items left out. */
  const listed = <T extends { index: number }>(parent: PendingSymbol, listPath: JsonPath, items: readonly T[], make: (item: T) => PendingSymbol): void => {
    const shown = Math.max(0, Math.min(items.length, MAX_LISTED_ITEMS, budget));
    for (let i = 0; i < shown; i++) parent.children.push(make(items[i]!));
    budget -= shown;
    const more = items.length - shown;
    if (more === 0) return;
    const first = at([...listPath, items[shown]!.index]);
    parent.children.push({ name: l10n.t('… and {0} more', more), kind: SymbolKind.Array, range: first, end: at([...listPath, items[items.length - 1]!.index]), selection: undefined, children: [] });
  };
  const group = (key: ListName, count: number): PendingSymbol => {
    const list = symbol(key, SymbolKind.Array, [key], {}, [], countOf(key, count));
    competition.children.push(list);
    return list;
  };

  if (Array.isArray(root.events)) {
    const events = group('events', model.events.length);
    listed(events, ['events'], model.events, (event) => {
      const path = ['events', event.index];
      const parent = asString(event.value.parent);
      const detail = [event.id, parent && l10n.t('part of {0}', parent)].filter((part) => part).join(' · ');
      const item = symbol(`${eventName(event)} · ${event.code ?? '?'}`, SymbolKind.Event, path, event.value, ['name', 'event_id'], detail);
      const units = [...eachObject(event.value.units)].map(([index, value]) => ({ index, value }));
      listed(item, [...path, 'units'], units, ({ index, value }) => symbol(unitName(value, index), SymbolKind.Struct, [...path, 'units', index], value, ['heat', 'round']));
      return item;
    });
  }
  if (Array.isArray(root.competitors)) {
    const competitors = group('competitors', model.competitors.length);
    listed(competitors, ['competitors'], model.competitors, ({ index, value, id }) => {
      const name = [id, athleteName(value)].filter((part) => part).join(' · ');
      return symbol(name, SymbolKind.Object, ['competitors', index], value, ['competitor_id'], asString(value.team_id));
    });
  }
  if (Array.isArray(root.teams)) {
    const teams = group('teams', model.teams.length);
    listed(teams, ['teams'], model.teams, ({ index, value, id }) => symbol([id, asString(value.team_name)].filter((p) => p).join(' · '), SymbolKind.Class, ['teams', index], value, ['team_id']));
  }
  if (Array.isArray(root.relay_teams)) {
    const relayTeams = group('relay_teams', model.relayTeams.length);
    listed(relayTeams, ['relay_teams'], model.relayTeams, ({ index, value, id }) => {
      const name = [id, asString(value.name)].filter((p) => p).join(' · ');
      return symbol(name, SymbolKind.Object, ['relay_teams', index], value, ['relay_team_id'], asString(value.event_id));
    });
  }

  const outline = materialise(document, document.locatePaths(paths))(competition);
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
    const last = (pending.end !== undefined ? located[pending.end]?.value : undefined) ?? spans.value;
    const own = { offset: start, length: last.offset + last.length - start };
    const selected = (pending.selection !== undefined ? located[pending.selection]?.value : undefined) ?? spans.key ?? { offset: own.offset, length: Math.min(own.length, 1) };
    const children = pending.children.map(build).filter((s): s is DocumentSymbol => s !== undefined);
    return DocumentSymbol.create(pending.name, pending.detail, pending.kind, range(own), range(selected), children);
  };
  return build;
}
