import * as l10n from '@vscode/l10n';
import { RuleInfo } from './rule';
import { Indexed, asArray, asObject, asString } from '../model';
import { unitsOf } from './walk';
import { perEventFamily } from './memo';

const EVENT_ID: RuleInfo = { code: 'OT501', name: 'duplicate-event-id', severity: 'error', summary: '`event_id` is unique in the competition.' };
const COMPETITOR_ID: RuleInfo = { code: 'OT502', name: 'duplicate-competitor-id', severity: 'error', summary: '`competitor_id` (the bib) is unique in the competition.' };
const TEAM_ID: RuleInfo = { code: 'OT503', name: 'duplicate-team-id', severity: 'error', summary: '`team_id` is unique among teams.' };
const RELAY_TEAM_ID: RuleInfo = { code: 'OT504', name: 'duplicate-relay-team', severity: 'error', summary: 'A relay team id is used once per event.' };
const BIB_IN_UNIT: RuleInfo = { code: 'OT505', name: 'duplicate-result-bib', severity: 'error', summary: 'A bib has one result per unit.' };
const CODE_CATEGORY: RuleInfo = { code: 'OT506', name: 'duplicate-code-category', severity: 'error', summary: 'Two events cannot share the same event code and category.' };

/** Every repeat of an id after its first use: where it is, and where the id is first used (`events[3]`). */
function* repeats(byId: Map<string, { index: number }[]>, listName: string, key: string): Generator<{ id: string; first: string; path: (string | number)[] }> {
  for (const [id, items] of byId) {
    for (const item of items.slice(1)) yield { id, first: `${listName}[${items[0]!.index}]`, path: [listName, item.index, key] };
  }
}

export const uniquenessRules = perEventFamily({
  name: 'uniqueness',
  rules: [EVENT_ID, COMPETITOR_ID, TEAM_ID, RELAY_TEAM_ID, BIB_IN_UNIT, CODE_CATEGORY],
  checkAcross({ model, report }) {
    for (const { id, first, path } of repeats(model.eventsById, 'events', 'event_id')) {
      report({ code: EVENT_ID.code, message: l10n.t('Event id "{0}" is already used by {1}. Give each event id its own value.', id, first), path });
    }
    for (const { id, first, path } of repeats(model.competitorsById, 'competitors', 'competitor_id')) {
      report({ code: COMPETITOR_ID.code, message: l10n.t('Competitor id "{0}" is already used by {1}. Give each competitor id its own value.', id, first), path });
    }
    for (const { id, first, path } of repeats(model.teamsById, 'teams', 'team_id')) {
      report({ code: TEAM_ID.code, message: l10n.t('Team id "{0}" is already used by {1}. Give each team id its own value.', id, first), path });
    }

    const relayKeys = new Map<string, Indexed>();
    for (const team of model.relayTeams) {
      const event = asString(team.value.event_id);
      if (team.id === undefined || event === undefined) continue;
      const key = `${event}\u0000${team.id}`;
      const first = relayKeys.get(key);
      if (first) {
        report({
          code: RELAY_TEAM_ID.code,
          message: l10n.t('Relay team "{0}" already runs in event "{1}" (relay_teams[{2}]). Use a suffix such as "{0}-B" for a second team.', team.id, event, first.index),
          path: ['relay_teams', team.index, 'relay_team_id'],
        });
      } else relayKeys.set(key, team);
    }

    const codeCategories = new Map<string, number>();
    for (const event of model.events) {
      const category = asString(event.value.category);
      if (event.code === undefined || category === undefined || event.value.parent !== undefined) continue;
      const key = `${event.code}\u0000${category}`;
      const first = codeCategories.get(key);
      if (first !== undefined) {
        report({
          code: CODE_CATEGORY.code,
          message: l10n.t('Event code "{0}" with category "{1}" is already defined by events[{2}]. OpenTrack cannot hold both: change the category.', event.code, category, first),
          path: ['events', event.index, 'category'],
        });
      } else codeCategories.set(key, event.index);
    }
  },
  checkEvent(event, report) {
    for (const { unit, path } of unitsOf(event)) {
      const seen = new Map<string, number>();
      const resultList = asArray(unit.results);
      for (let i = 0; i < resultList.length; i++) {
        const result = asObject(resultList[i]);
        if (!result) continue;
        const bib = asString(result.bib);
        if (bib === undefined) continue;
        const first = seen.get(bib);
        if (first !== undefined) {
          report({
            code: BIB_IN_UNIT.code,
            message: l10n.t('Bib "{0}" already has a result in this unit (results[{1}]). Keep one result per athlete.', bib, first),
            path: [...path, 'results', i, 'bib'],
          });
        } else seen.set(bib, i);
      }
    }
  },
});
