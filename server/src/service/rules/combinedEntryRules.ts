import * as l10n from '@vscode/l10n';
import { RuleInfo } from './rule';
import { acrossListsFamily } from './acrossLists';
import { CompetitionModel, EventEntry, asArray, asObject, asString } from '../model';
import { eachUnit } from './walk';

const NOT_PARENT_ENTRANT: RuleInfo = { code: 'OT610', name: 'combined-child-bib', severity: 'warning', summary: "A bib in a combined event's discipline is an entrant of the combined event." };

/**
 * Results in a discipline of a combined event (an event with `parent`) belong to athletes of
 * the combined event: its event-level results or its entries. A parent that lists neither is
 * not checked.
 */
export const combinedEntryRules = acrossListsFamily({
  name: 'combined-entries',
  rules: [NOT_PARENT_ENTRANT],
  check({ model, report }) {
    const entrantsOf = new Map<EventEntry, Set<string>>();
    let entered: Map<string, string[]> | undefined;
    const reported = new Set<string>();
    for (const { event, unit, path } of eachUnit(model.events)) {
      const parentId = asString(event.value.parent);
      const parent = parentId === undefined ? undefined : model.eventsById.get(parentId)?.[0];
      if (!parent || parent === event || parent.kind !== 'combined') continue;
      let entrants = entrantsOf.get(parent);
      if (!entrants) entrantsOf.set(parent, (entrants = entrantsOfEvent(parent, (entered ??= entriesByEvent(model)))));
      if (entrants.size === 0) continue;
      const results = asArray(unit.results);
      for (let i = 0; i < results.length; i++) {
        const bib = asString(asObject(results[i])?.bib);
        if (bib === undefined || entrants.has(bib) || reported.has(`${event.index}\u0000${bib}`)) continue;
        reported.add(`${event.index}\u0000${bib}`);
        const parentResults = parent.value.results;
        report({
          code: NOT_PARENT_ENTRANT.code,
          message: l10n.t('Bib "{0}" has a result in this discipline of combined event "{1}" but is not an entrant of "{1}". Add the athlete to the combined event, or correct the bib.', bib, parentId!),
          path: [...path, 'results', i, 'bib'],
          ...(Array.isArray(parentResults) && {
            fixes: [
              {
                title: l10n.t('Add bib "{0}" to the results of combined event "{1}"', bib, parentId!),
                edits: [{ op: 'insert', path: ['events', parent.index, 'results'], index: parentResults.length, value: { bib } }],
                kind: 'data',
              },
            ],
          }),
        });
      }
    }
  },
});

/** Bibs of a combined event's own results and of the competitors entered in it. */
function entrantsOfEvent(parent: EventEntry, entered: Map<string, string[]>): Set<string> {
  const bibs = new Set<string>(parent.id === undefined ? [] : entered.get(parent.id));
  const results = asArray(parent.value.results);
  for (let i = 0; i < results.length; i++) {
    const bib = asString(asObject(results[i])?.bib);
    if (bib !== undefined) bibs.add(bib);
  }
  return bibs;
}

/** Competitor bibs by the event ids of their entries: one pass over every entry. */
function entriesByEvent(model: CompetitionModel): Map<string, string[]> {
  const byEvent = new Map<string, string[]>();
  for (const competitor of model.competitors) {
    if (competitor.id === undefined) continue;
    const entries = asArray(competitor.value.events_entered);
    for (let i = 0; i < entries.length; i++) {
      const id = asString(asObject(entries[i])?.event_id);
      if (id === undefined) continue;
      const bibs = byEvent.get(id);
      if (bibs) bibs.push(competitor.id);
      else byEvent.set(id, [competitor.id]);
    }
  }
  return byEvent;
}
