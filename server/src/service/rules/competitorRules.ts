import * as l10n from '@vscode/l10n';
import { RuleContext, RuleFamily, RuleInfo } from './rule';
import { EventEntry, Indexed, asArray, asObject, asString } from '../model';
import { eachUnit } from './walk';

const GENDER: RuleInfo = { code: 'OT609', name: 'gender-not-admitted', severity: 'warning', summary: "A competitor's `gender` is one the `genders` of their events admit." };
const BIRTH_DATE: RuleInfo = { code: 'OT705', name: 'implausible-birth-date', severity: 'warning', summary: '`date_of_birth` is before the competition and gives an age athletes have (4 to 110).' };

const MIN_AGE = 4;
const MAX_AGE = 110;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Who an event's `genders` admits: X ("rather not specify") goes into men's start lists. */
const ADMITS: Record<string, ReadonlySet<string>> = { M: new Set(['M', 'X']), F: new Set(['F']), MF: new Set(['M', 'F', 'X']) };

export const competitorRules: RuleFamily = {
  name: 'competitors',
  rules: [GENDER, BIRTH_DATE],
  check(context) {
    checkBirthDates(context);
    checkGenders(context);
  },
};

function checkBirthDates({ model, report }: RuleContext): void {
  const competition = asString(model.root?.date);
  if (competition === undefined || !DATE.test(competition)) return;
  for (const competitor of model.competitors) {
    const born = asString(competitor.value.date_of_birth);
    if (born === undefined || !DATE.test(born)) continue;
    const path = ['competitors', competitor.index, 'date_of_birth'];
    if (born > competition) {
      report({ code: BIRTH_DATE.code, message: l10n.t('Date of birth {0} is after the competition ({1}). Correct the date of birth.', born, competition), path });
      continue;
    }
    const age = Number(competition.slice(0, 4)) - Number(born.slice(0, 4)) - (competition.slice(5) < born.slice(5) ? 1 : 0);
    if (age < MIN_AGE || age > MAX_AGE) {
      report({
        code: BIRTH_DATE.code,
        message: l10n.t('Date of birth {0} makes this athlete {1} years old on {2}. Correct the date of birth (a wrong year?).', born, age, competition),
        path,
      });
    }
  }
}

/**
 * Entrants (by `events_entered` and by results) whose gender the event does not admit. When
 * every entrant of an event is refused, the event's `genders` is the likelier mistake and is
 * reported once; otherwise each refused competitor is reported once, at their `gender`.
 */
function checkGenders({ model, report }: RuleContext): void {
  const entrants = new Map<EventEntry, Set<Indexed>>();
  const enter = (event: EventEntry | undefined, competitor: Indexed | undefined): void => {
    if (!event || !competitor || !ADMITS[asString(event.value.genders) ?? '']) return;
    let set = entrants.get(event);
    if (!set) entrants.set(event, (set = new Set()));
    set.add(competitor);
  };
  for (const competitor of model.competitors) {
    const entries = asArray(competitor.value.events_entered);
    for (let i = 0; i < entries.length; i++) {
      const id = asString(asObject(entries[i])?.event_id);
      if (id !== undefined) enter(model.eventsById.get(id)?.[0], competitor);
    }
  }
  for (const { event, unit } of eachUnit(model.events)) {
    if (event.kind === 'relay' || !ADMITS[asString(event.value.genders) ?? '']) continue;
    const results = asArray(unit.results);
    for (let i = 0; i < results.length; i++) {
      const bib = asString(asObject(results[i])?.bib);
      if (bib !== undefined) enter(event, model.competitorsById.get(bib)?.[0]);
    }
  }
  const reported = new Set<Indexed>();
  for (const [event, competitors] of entrants) {
    const genders = asString(event.value.genders)!;
    const admitted = ADMITS[genders]!;
    const refused: Indexed[] = [];
    let known = 0;
    for (const competitor of competitors) {
      const gender = asString(competitor.value.gender);
      if (gender === undefined || !ADMITS.MF!.has(gender)) continue;
      known++;
      if (!admitted.has(gender)) refused.push(competitor);
    }
    if (refused.length === 0) continue;
    if (known >= 2 && refused.length === known) {
      const path = ['events', event.index, 'genders'];
      const all = new Set(refused.map((c) => c.value.gender as string));
      const fix = all.size === 1 ? [...all][0]! : 'MF';
      report({
        code: GENDER.code,
        message: l10n.t('"genders" is "{0}" but none of the {1} entrants of this event is admitted by it (their genders: {2}). Correct "genders".', genders, known, [...all].sort().join(', ')),
        path,
        fixes: [{ title: l10n.t('Change to "{0}"', fix), edits: [{ op: 'replace', path, value: fix }] }],
      });
      continue;
    }
    for (const competitor of refused) {
      if (reported.has(competitor)) continue;
      reported.add(competitor);
      report({
        code: GENDER.code,
        message: l10n.t(
          'Competitor "{0}" has gender "{1}" but event "{2}" is for "{3}". Correct the gender, or the entry.',
          competitor.id ?? String(competitor.index),
          String(competitor.value.gender),
          event.id ?? String(event.index),
          genders,
        ),
        path: ['competitors', competitor.index, 'gender'],
      });
    }
  }
}
