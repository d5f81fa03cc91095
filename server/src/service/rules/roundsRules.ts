import * as l10n from '@vscode/l10n';
import { RuleInfo } from './rule';
import { asString } from '../model';
import { isPositiveInteger, unitsOf } from './walk';
import { perEventFamily } from './memo';
import { withSuggestion } from './suggest';

const FORMAT: RuleInfo = { code: 'OT101', name: 'rounds-format', severity: 'error', summary: '`rounds` is a comma-separated list of heat counts per round, such as "2,1".' };
const ROUND_RANGE: RuleInfo = { code: 'OT102', name: 'unit-round-range', severity: 'error', summary: "A unit's `round` must be one of the event's rounds." };
const HEAT_RANGE: RuleInfo = { code: 'OT103', name: 'unit-heat-range', severity: 'error', summary: "A unit's `heat` must be within the heats of its round." };
const DUPLICATE_UNIT: RuleInfo = { code: 'OT104', name: 'duplicate-unit', severity: 'error', summary: 'Two units of an event have the same round and heat.' };
const TOO_MANY_ROUNDS: RuleInfo = { code: 'OT105', name: 'rounds-count', severity: 'warning', summary: 'OpenTrack events have at most four rounds.' };

const VALID = /^[1-9][0-9]*(,[1-9][0-9]*)*$/;

/** The repaired rounds string, when the intent is clear ("2;1", "2, 1", "2 1" → "2,1"). */
function normaliseRounds(text: string): string | undefined {
  const counts = text.split(/[^0-9]+/).filter((part) => part !== '').map(Number);
  if (counts.length === 0 || counts.some((n) => n < 1)) return undefined;
  const normalised = counts.join(',');
  return normalised !== text ? normalised : undefined;
}

/** Heat counts per round from a valid rounds string. */
function parseRounds(text: string): number[] | undefined {
  return VALID.test(text) ? text.split(',').map(Number) : undefined;
}

export const roundsRules = perEventFamily({
  name: 'rounds',
  rules: [FORMAT, ROUND_RANGE, HEAT_RANGE, DUPLICATE_UNIT, TOO_MANY_ROUNDS],
  checkEvent(event, report) {
    const text = asString(event.value.rounds);
    if (text === undefined) return; // absent, or a wrong type the schema reports
    const roundsPath = ['events', event.index, 'rounds'];
    const heats = parseRounds(text);
    if (!heats) {
      const fixed = normaliseRounds(text);
      report({
        code: FORMAT.code,
        message: withSuggestion(
          l10n.t('"rounds" must list the number of heats in each round, separated by commas (such as "1" or "2,1"), not {0}.', JSON.stringify(text)),
          fixed,
        ),
        path: roundsPath,
        ...(fixed && { fixes: [{ title: l10n.t('Change to "{0}"', fixed), edits: [{ op: 'replace', path: roundsPath, value: fixed }], kind: 'separator', preferred: true }] }),
      });
      return;
    }
    if (heats.length > 4) {
      report({
        code: TOO_MANY_ROUNDS.code,
        message: l10n.t('{0} rounds declared; OpenTrack supports at most 4 (heats, quarter-finals, semi-finals, final).', heats.length),
        path: roundsPath,
      });
    }
    const seen = new Map<string, number>();
    for (const { unit, unitIndex, path } of unitsOf(event)) {
      const { round, heat } = unit;
      if (!isPositiveInteger(round)) continue;
      if (round > heats.length) {
        report({
          code: ROUND_RANGE.code,
          message:
            heats.length > 1
              ? l10n.t('Round {0} does not exist: "rounds" is "{1}" ({2} rounds). Fix the unit\'s round or add the round to "rounds".', round, heats.join(','), heats.length)
              : l10n.t('Round {0} does not exist: "rounds" is "{1}" ({2} round). Fix the unit\'s round or add the round to "rounds".', round, heats.join(','), heats.length),
          path: [...path, 'round'],
        });
        continue;
      }
      if (!isPositiveInteger(heat)) continue;
      const heatCount = heats[round - 1]!;
      if (heat > heatCount) {
        report({
          code: HEAT_RANGE.code,
          message:
            heatCount > 1
              ? l10n.t('Heat {0} does not exist in round {1}: "rounds" gives that round {2} heats. Fix the heat number or the heat count in "rounds".', heat, round, heatCount)
              : l10n.t('Heat {0} does not exist in round {1}: "rounds" gives that round {2} heat. Fix the heat number or the heat count in "rounds".', heat, round, heatCount),
          path: [...path, 'heat'],
        });
        continue;
      }
      const key = `${round}:${heat}`;
      const first = seen.get(key);
      if (first !== undefined) {
        report({
          code: DUPLICATE_UNIT.code,
          message: l10n.t('Round {0} heat {1} appears twice in this event (also unit {2}). Give each unit its own heat, or merge their results.', round, heat, first),
          path: [...path, 'heat'],
        });
      } else seen.set(key, unitIndex);
    }
  },
});
