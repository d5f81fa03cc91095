import * as l10n from '@vscode/l10n';
import { RuleFamily, RuleInfo } from './rule';
import { CompetitionModel, EventEntry, asArray, asObject, asString } from '../model';
import { EventKind, canonicalCode, eventCodeInfo } from '../format/eventCodes';
import { Fix, FixEdit } from '../findings';
import { JsonPath } from '../json/path';
import { withSuggestion } from './suggest';

const DATES: RuleInfo = { code: 'OT701', name: 'date-order', severity: 'error', summary: '`date` is not after `finish_date`.' };
const EVENT_CODE: RuleInfo = { code: 'OT702', name: 'unknown-event-code', severity: 'warning', summary: "`event_code` follows OpenTrack's event code table." };
const YEAR: RuleInfo = { code: 'OT704', name: 'year-mismatch', severity: 'warning', summary: '`year` is the year of `date`.' };

interface CodeSuggestion {
  code: string;
  fix: Fix;
}

/**
 * The code the organiser evidently meant, naming the same discipline: the same letters in
 * OpenTrack's case ("lj" → "LJ", safe), the same code without spaces or a metres unit
 * ("100 m" → "100"), or the one known code all the event's entries use. Never a nearby
 * spelling of another discipline, and never a code whose kind the event's data contradicts.
 */
function intendedCode(model: CompetitionModel, event: EventEntry, path: JsonPath): CodeSuggestion | undefined {
  const code = event.code!;
  // A lower-case "m" after a distance is metres: in capitals it would name miles ("100m" is not "100M").
  const metres = /\d\s*m$/.test(code);
  const upper = metres ? code : canonicalCode(code);
  const compact = canonicalCode(code.replace(/\s+/g, '').replace(/(\d)m$/, '$1'));
  const entered = entryCodes(model, event);
  const replace = (value: string): FixEdit[] => [{ op: 'replace', path, value }];
  const candidates: CodeSuggestion[] = [
    { code: upper, fix: { title: l10n.t('Change to "{0}"', upper), edits: replace(upper), kind: 'case', preferred: true } },
    { code: compact, fix: { title: l10n.t('Change to "{0}" — the same discipline in OpenTrack\'s notation', compact), edits: replace(compact), kind: 'data' } },
  ];
  if (entered) candidates.push({ code: entered, fix: { title: l10n.t('Change to "{0}" — the code its entries use', entered), edits: replace(entered), kind: 'data' } });
  for (const candidate of candidates) {
    const info = candidate.code === code ? undefined : eventCodeInfo(candidate.code);
    if (info === undefined) continue;
    // "hj" on an event with horizontal trials: what was written and what the data shows disagree, so nothing is evident.
    return agreesWithData(model, event, info.kind) ? candidate : undefined;
  }
  return undefined;
}

/** The one known code every entry of the event gives, if they agree. */
function entryCodes(model: CompetitionModel, event: EventEntry): string | undefined {
  let agreed: string | undefined;
  for (const competitor of model.competitors) {
    for (const item of asArray(competitor.value.events_entered)) {
      const entry = asObject(item);
      if (!entry || entry.event_id !== event.id) continue;
      const code = asString(entry.event_code);
      if (code === undefined || code === event.code) continue;
      if (agreed !== undefined && code !== agreed) return undefined;
      agreed = code;
    }
  }
  return agreed;
}

/** False when the event's units, relay teams or child events show another kind of event. */
function agreesWithData(model: CompetitionModel, event: EventEntry, kind: EventKind): boolean {
  const isRelay = model.relayTeams.some((team) => team.value.event_id === event.id);
  if (isRelay && kind !== 'relay') return false;
  if (kind !== 'combined' && event.id !== undefined && model.events.some((e) => e.value.parent === event.id)) return false;
  for (const item of asArray(event.value.units)) {
    const unit = asObject(item);
    if (!unit) continue;
    for (const trialItem of asArray(unit.trials)) {
      const trial = asObject(trialItem);
      if (!trial) continue;
      if (trial.height !== undefined ? kind !== 'vertical' : kind !== 'horizontal' && kind !== 'throw') return false;
    }
    for (const resultItem of asArray(unit.results)) {
      const performance = asString(asObject(resultItem)?.performance);
      if (performance !== undefined && performance.includes(':') && kind !== 'running' && kind !== 'relay') return false;
    }
  }
  return true;
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
        fixes: [{ title: l10n.t('Change to {0} — the year of "date"', JSON.stringify(value)), edits: [{ op: 'replace', path, value }], kind: 'data' }],
      });
    }
    for (const event of model.events) {
      if (event.code === undefined || event.info !== undefined || event.code === '') continue;
      const path = ['events', event.index, 'event_code'];
      const suggestion = intendedCode(model, event, path);
      report({
        code: EVENT_CODE.code,
        message: withSuggestion(
          l10n.t('Unknown event code "{0}": OpenTrack may handle it in unexpected ways.', event.code),
          suggestion?.code,
          l10n.t('Use a code from the OpenTrack table (100, 110H, 4x400, LJ, SP7.26K, DEC…).'),
        ),
        path,
        ...(suggestion && { fixes: [suggestion.fix] }),
      });
    }
  },
};
