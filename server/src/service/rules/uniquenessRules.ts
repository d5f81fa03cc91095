import { RuleFamily, RuleInfo } from './rule';
import { Indexed, asString } from '../model';
import { eachObject, eachUnit } from './walk';

const EVENT_ID: RuleInfo = { code: 'OT501', name: 'duplicate-event-id', severity: 'error', summary: '`event_id` is unique in the competition.' };
const COMPETITOR_ID: RuleInfo = { code: 'OT502', name: 'duplicate-competitor-id', severity: 'error', summary: '`competitor_id` (the bib) is unique in the competition.' };
const TEAM_ID: RuleInfo = { code: 'OT503', name: 'duplicate-team-id', severity: 'error', summary: '`team_id` is unique among teams.' };
const RELAY_TEAM_ID: RuleInfo = { code: 'OT504', name: 'duplicate-relay-team', severity: 'error', summary: 'A relay team id is used once per event.' };
const BIB_IN_UNIT: RuleInfo = { code: 'OT505', name: 'duplicate-result-bib', severity: 'error', summary: 'A bib has one result per unit.' };
const CODE_CATEGORY: RuleInfo = { code: 'OT506', name: 'duplicate-code-category', severity: 'error', summary: 'Two events cannot share the same event code and category.' };

function reportDuplicates(
  byId: Map<string, { index: number }[]>,
  listName: string,
  key: string,
  rule: RuleInfo,
  what: string,
  report: Parameters<RuleFamily['check']>[0]['report'],
): void {
  for (const [id, items] of byId) {
    for (const item of items.slice(1)) {
      report({
        code: rule.code,
        message: `${what} "${id}" is already used by ${listName}[${items[0]!.index}]. Give each ${what.toLowerCase()} its own value.`,
        path: [listName, item.index, key],
      });
    }
  }
}

export const uniquenessRules: RuleFamily = {
  name: 'uniqueness',
  rules: [EVENT_ID, COMPETITOR_ID, TEAM_ID, RELAY_TEAM_ID, BIB_IN_UNIT, CODE_CATEGORY],
  check({ model, report }) {
    reportDuplicates(model.eventsById, 'events', 'event_id', EVENT_ID, 'Event id', report);
    reportDuplicates(model.competitorsById, 'competitors', 'competitor_id', COMPETITOR_ID, 'Competitor id', report);
    reportDuplicates(model.teamsById, 'teams', 'team_id', TEAM_ID, 'Team id', report);

    const relayKeys = new Map<string, Indexed>();
    for (const team of model.relayTeams) {
      const event = asString(team.value.event_id);
      if (team.id === undefined || event === undefined) continue;
      const key = `${event}\u0000${team.id}`;
      const first = relayKeys.get(key);
      if (first) {
        report({
          code: RELAY_TEAM_ID.code,
          message: `Relay team "${team.id}" already runs in event "${event}" (relay_teams[${first.index}]). Use a suffix such as "${team.id}-B" for a second team.`,
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
          message: `Event code "${event.code}" with category "${category}" is already defined by events[${first}]. OpenTrack cannot hold both: change the category.`,
          path: ['events', event.index, 'category'],
        });
      } else codeCategories.set(key, event.index);
    }

    for (const { unit, path } of eachUnit(model.events)) {
      const seen = new Map<string, number>();
      for (const [i, result] of eachObject(unit.results)) {
        const bib = asString(result.bib);
        if (bib === undefined) continue;
        const first = seen.get(bib);
        if (first !== undefined) {
          report({ code: BIB_IN_UNIT.code, message: `Bib "${bib}" already has a result in this unit (results[${first}]). Keep one result per athlete.`, path: [...path, 'results', i, 'bib'] });
        } else seen.set(bib, i);
      }
    }
  },
};
