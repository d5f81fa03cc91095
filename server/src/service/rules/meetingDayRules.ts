import * as l10n from '@vscode/l10n';
import { RuleFamily, RuleInfo } from './rule';
import { JsonObject, asString } from '../model';
import { eachUnit } from './walk';

const DAY: RuleInfo = { code: 'OT707', name: 'day-beyond-meeting', severity: 'warning', summary: 'A `day` lies within the meeting (`date` … `finish_date`).' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_KEYS = ['day', 'r2_day', 'r3_day', 'r4_day'] as const;

/** Days of the meeting, counting both ends; undefined unless both dates are stated and in order. */
function meetingLength(root: JsonObject | undefined): number | undefined {
  const start = asString(root?.date);
  const finish = asString(root?.finish_date);
  if (start === undefined || finish === undefined || !DATE.test(start) || !DATE.test(finish)) return undefined;
  const days = Math.round((Date.parse(finish) - Date.parse(start)) / 86_400_000) + 1;
  return Number.isFinite(days) && days >= 1 ? days : undefined; // a finish before the start is OT701's finding
}

export const meetingDayRules: RuleFamily = {
  name: 'meeting-days',
  rules: [DAY],
  check({ model, report }) {
    const days = meetingLength(model.root);
    if (days === undefined) return;
    const check = (owner: JsonObject, key: string, path: (string | number)[]): void => {
      const day = owner[key];
      if (typeof day !== 'number' || !Number.isInteger(day) || (day >= 1 && day <= days)) return;
      report({
        code: DAY.code,
        message:
          days === 1
            ? l10n.t('Day {0} is outside the meeting, which lasts 1 day ({1}). Correct the day, or "finish_date".', day, String(model.root!.date))
            : l10n.t('Day {0} is outside the meeting, which lasts {1} days ({2} to {3}). Correct the day, or "finish_date".', day, days, String(model.root!.date), String(model.root!.finish_date)),
        path: [...path, key],
      });
    };
    for (const event of model.events) for (const key of DAY_KEYS) check(event.value, key, ['events', event.index]);
    for (const { unit, path } of eachUnit(model.events)) check(unit, 'day', path);
  },
};
