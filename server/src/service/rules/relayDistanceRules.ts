import * as l10n from '@vscode/l10n';
import { RuleInfo } from './rule';
import { unitsOf } from './walk';
import { perEventFamily } from './memo';

const DISTANCE: RuleInfo = { code: 'OT611', name: 'relay-distance', severity: 'warning', summary: "A relay unit's `distance` is its legs times the leg distance (4x200 → 800)." };

const SIMPLE_RELAY = /^([1-9]\d?)x([1-9]\d{1,4})$/;

export const relayDistanceRules = perEventFamily({
  name: 'relay-distance',
  rules: [DISTANCE],
  checkEvent(event, report) {
    for (const { unit, path } of unitsOf(event)) {
      const match = event.kind === 'relay' && event.code !== undefined ? SIMPLE_RELAY.exec(event.code) : null;
      const distance = unit.distance;
      if (!match || typeof distance !== 'number') continue;
      const expected = Number(match[1]) * Number(match[2]);
      if (distance === expected) continue;
      const distancePath = [...path, 'distance'];
      report({
        code: DISTANCE.code,
        message: l10n.t('Distance {0} does not match {1}: {2} legs of {3} m make {4} m. Correct the distance or the event code.', distance, event.code!, match[1]!, match[2]!, expected),
        path: distancePath,
        fixes: [{ title: l10n.t('Set distance to {0} — {1} legs of {2} m', expected, match[1]!, match[2]!), edits: [{ op: 'replace', path: distancePath, value: expected }], kind: 'data' }],
      });
    }
  },
});
