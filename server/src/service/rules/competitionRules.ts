import * as l10n from '@vscode/l10n';
import { RuleFamily, RuleInfo } from './rule';
import { asString } from '../model';
import { COMMON_EVENT_CODES, eventCodeInfo } from '../format/eventCodes';
import { closest, withSuggestion } from './suggest';

const DATES: RuleInfo = { code: 'OT701', name: 'date-order', severity: 'error', summary: '`date` is not after `finish_date`.' };
const EVENT_CODE: RuleInfo = { code: 'OT702', name: 'unknown-event-code', severity: 'warning', summary: "`event_code` follows OpenTrack's event code table." };
const YEAR: RuleInfo = { code: 'OT704', name: 'year-mismatch', severity: 'warning', summary: '`year` is the year of `date`.' };

const ALL_CODES = COMMON_EVENT_CODES.flatMap((group) => group.codes);

/** A code written in another case or spacing that is a known code ("lj", "4X100", "100m"). */
function repairCode(code: string): string | undefined {
  const candidates = [code.toUpperCase(), code.replace(/X/g, 'x').toUpperCase().replace(/(\d)X(\d)/g, '$1x$2'), code.replace(/\s+/g, '').replace(/m$/i, '')];
  for (const candidate of candidates) {
    const normalised = candidate.replace(/^(\d+)X/, '$1x');
    if (normalised !== code && eventCodeInfo(normalised)) return normalised;
  }
  return closest(code, ALL_CODES);
}

export const competitionRules: RuleFamily = {
  name: 'competition',
  rules: [DATES, EVENT_CODE, YEAR],
  check({ model, report }) {
    const root = model.root;
    if (!root) return;
    const date = asString(root.date);
    const finish = asString(root.finish_date);
    const isDate = (d: string | undefined): d is string => d !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(d);
    if (isDate(date) && isDate(finish) && date > finish) {
      report({ code: DATES.code, message: l10n.t('The competition starts ({0}) after it finishes ({1}). Correct "date" or "finish_date".', date, finish), path: ['finish_date'] });
    }
    const year = root.year;
    if (isDate(date) && (typeof year === 'string' || typeof year === 'number') && String(year) !== date.slice(0, 4)) {
      const path = ['year'];
      const value = typeof year === 'number' ? Number(date.slice(0, 4)) : date.slice(0, 4);
      report({
        code: YEAR.code,
        message: l10n.t('"year" is {0} but the competition date is in {1}. OpenTrack uses the year in the competition\'s address.', JSON.stringify(year), date.slice(0, 4)),
        path,
        fixes: [{ title: l10n.t('Change to {0}', JSON.stringify(value)), edits: [{ op: 'replace', path, value }], preferred: true, safe: true }],
      });
    }
    for (const event of model.events) {
      if (event.code === undefined || event.info !== undefined || event.code === '') continue;
      const suggestion = repairCode(event.code);
      const path = ['events', event.index, 'event_code'];
      report({
        code: EVENT_CODE.code,
        message: withSuggestion(
          l10n.t('Unknown event code "{0}": OpenTrack may handle it in unexpected ways.', event.code),
          suggestion,
          l10n.t('Use a code from the OpenTrack table (100, 110H, 4x400, LJ, SP7.26K, DEC…).'),
        ),
        path,
        ...(suggestion && { fixes: [{ title: l10n.t('Change to "{0}"', suggestion), edits: [{ op: 'replace', path, value: suggestion }], preferred: true }] }),
      });
    }
  },
};
