import * as l10n from '@vscode/l10n';
import { RuleInfo } from './rule';
import { EventEntry, asArray, asObject, asString } from '../model';
import { isPositiveInteger, unitsOf } from './walk';
import { perEventFamily } from './memo';

const TWO_HEATS: RuleInfo = { code: 'OT507', name: 'athlete-in-two-heats', severity: 'warning', summary: 'An athlete (or relay team) is in one heat per round of an event.' };
const TWO_RELAY_TEAMS: RuleInfo = { code: 'OT508', name: 'runner-in-two-relay-teams', severity: 'warning', summary: 'A runner is in one relay team per event, once.' };
const SHARED_LANE: RuleInfo = { code: 'OT509', name: 'shared-lane', severity: 'warning', summary: 'Two results of one heat of a race run in lanes (up to 400 m, relays) do not share a lane.' };

/** Races run in lanes all the way: longer ones may start two to a lane (800 m) or in a waterfall. */
function runsInLanes(event: EventEntry): boolean {
  if (event.kind === 'relay') return true;
  const metres = event.kind === 'running' && event.code !== undefined ? /^(\d+)(H\d*)?$/.exec(event.code) : null;
  return metres !== null && Number(metres[1]) <= 400;
}

export const entryUniquenessRules = perEventFamily({
  name: 'entry-uniqueness',
  rules: [TWO_HEATS, TWO_RELAY_TEAMS, SHARED_LANE],
  checkEvent(event, report) {
    // Bib in a round of the event → the unit it is first in (index and heat).
    const inRound = new Map<string, { unit: number; heat: unknown }>();
    for (const { unitIndex, unit, path } of unitsOf(event)) {
      const results = asArray(unit.results);
      const lanes = runsInLanes(event) ? new Map<number, number>() : undefined;
      for (let i = 0; i < results.length; i++) {
        const result = asObject(results[i]);
        if (!result) continue;
        const bib = asString(result.bib);
        if (bib !== undefined && isPositiveInteger(unit.round)) {
          const key = `${unit.round}\u0000${bib}`;
          const first = inRound.get(key);
          if (!first) inRound.set(key, { unit: unitIndex, heat: unit.heat });
          // The same unit is OT505's finding, two units with the same heat OT104's.
          else if (first.unit !== unitIndex && first.heat !== unit.heat) {
            report({
              code: TWO_HEATS.code,
              message: l10n.t('Bib "{0}" is already in heat {1} of round {2} (units[{3}]). An athlete runs in one heat per round: remove one of the two.', bib, String(first.heat), unit.round, first.unit),
              path: [...path, 'results', i, 'bib'],
            });
          }
        }
        if (lanes && isPositiveInteger(result.lane)) {
          const first = lanes.get(result.lane);
          if (first === undefined) lanes.set(result.lane, i);
          else {
            report({
              code: SHARED_LANE.code,
              message: l10n.t('Lane {0} is already given to results[{1}] in this heat. Give each athlete or team its own lane.', result.lane, first),
              path: [...path, 'results', i, 'lane'],
            });
          }
        }
      }
    }
  },
  checkAcross({ model, report }) {
    // Runner in an event → the relay team listing them first.
    const runnerTeams = new Map<string, number>();
    for (const team of model.relayTeams) {
      const event = asString(team.value.event_id);
      const runners = asArray(team.value.runners);
      if (event === undefined) continue;
      for (let r = 0; r < runners.length; r++) {
        const runner = asString(runners[r]);
        if (runner === undefined) continue;
        const key = `${event}\u0000${runner}`;
        const first = runnerTeams.get(key);
        if (first === undefined) {
          runnerTeams.set(key, team.index);
          continue;
        }
        report({
          code: TWO_RELAY_TEAMS.code,
          message:
            first === team.index
              ? l10n.t('Runner "{0}" is listed twice in this relay team. List each runner once.', runner)
              : l10n.t('Runner "{0}" already runs for relay_teams[{1}] in event "{2}". A runner is in one team per relay event: remove one of the two.', runner, first, event),
          path: ['relay_teams', team.index, 'runners', r],
        });
      }
    }
  },
});
