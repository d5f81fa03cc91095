import * as l10n from '@vscode/l10n';
import { RuleContext, RuleInfo } from './rule';
import { acrossListsFamily } from './acrossLists';
import { EventEntry, Indexed, asArray, asObject, asString } from '../model';
import { eachUnit } from './walk';
import { JsonPath } from '../json/path';

const GENDER: RuleInfo = { code: 'OT609', name: 'gender-not-admitted', severity: 'warning', summary: "A competitor's `gender` is one the `genders` of their events admit." };
const BIRTH_DATE: RuleInfo = { code: 'OT705', name: 'implausible-birth-date', severity: 'warning', summary: '`date_of_birth` is before the competition and gives an age athletes have (4 to 110).' };

/** Where a competitor first appears in an event: item `index` of the list at `list`, at its `key`. */
interface Where {
  list: JsonPath;
  index: number;
  key: string;
}

const MIN_AGE = 4;
const MAX_AGE = 110;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Who an event's `genders` admits: X ("rather not specify") goes into men's start lists. */
const ADMITS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['M', new Set(['M', 'X'])],
  ['F', new Set(['F'])],
  ['MF', new Set(['M', 'F', 'X'])],
]);
const ANY_GENDER = ADMITS.get('MF')!;

export const competitorRules = acrossListsFamily({
  name: 'competitors',
  rules: [GENDER, BIRTH_DATE],
  check(context) {
    checkBirthDates(context);
    checkGenders(context);
  },
});

/**
 * Birth dates after the competition or giving an age no athlete has. When a quarter of the dated
 * competitors or more (two at least) are implausible, a wrong competition `date` is the likelier
 * cause than as many wrong birth dates: one finding there.
 */
function checkBirthDates({ model, report }: RuleContext): void {
  const competition = asString(model.root?.date);
  if (competition === undefined || !DATE.test(competition)) return;
  let dated = 0;
  const findings: { path: JsonPath; message: string }[] = [];
  for (const competitor of model.competitors) {
    const born = asString(competitor.value.date_of_birth);
    if (born === undefined || !DATE.test(born)) continue;
    dated++;
    const path = ['competitors', competitor.index, 'date_of_birth'];
    if (born > competition) {
      findings.push({ message: l10n.t('Date of birth {0} is after the competition ({1}). Correct the date of birth.', born, competition), path });
      continue;
    }
    const age = Number(competition.slice(0, 4)) - Number(born.slice(0, 4)) - (competition.slice(5) < born.slice(5) ? 1 : 0);
    if (age < MIN_AGE || age > MAX_AGE) {
      findings.push({ message: l10n.t('Date of birth {0} makes this athlete {1} years old on {2}. Correct the date of birth (a wrong year?).', born, age, competition), path });
    }
  }
  if (findings.length >= 2 && findings.length * 4 >= dated) {
    report({
      code: BIRTH_DATE.code,
      message: l10n.t('Competition date {0} gives {3} athletes an impossible age (born after it, or younger than {1} or older than {2}). Correct the competition date.', competition, MIN_AGE, MAX_AGE, findings.length),
      path: ['date'],
    });
    return;
  }
  for (const finding of findings) report({ code: BIRTH_DATE.code, ...finding });
}

/**
 * Entrants (by `events_entered` and by results) whose gender the event does not admit. When
 * every entrant of an event is refused, the event's `genders` is the likelier mistake and is
 * reported once. A competitor refused by every single-gender event they are in is reported at
 * their `gender`; one refused by some only, at the entry or result that puts them there.
 */
function checkGenders({ model, report }: RuleContext): void {
  // Event → competitor → where the competitor first appears in it: item `index` of the list at `list`
  // (a pair, not a path: paths are built only for the entrants reported).
  const entrants = new Map<EventEntry, Map<Indexed, Where>>();
  const enter = (event: EventEntry | undefined, competitor: Indexed | undefined, list: JsonPath, index: number, key: string): void => {
    if (!event || !competitor || !ADMITS.has(asString(event.value.genders) ?? '')) return;
    let map = entrants.get(event);
    if (!map) entrants.set(event, (map = new Map()));
    if (!map.has(competitor)) map.set(competitor, { list, index, key });
  };
  for (const competitor of model.competitors) {
    const entries = asArray(competitor.value.events_entered);
    if (entries.length === 0) continue;
    const list = ['competitors', competitor.index, 'events_entered'];
    for (let i = 0; i < entries.length; i++) {
      const id = asString(asObject(entries[i])?.event_id);
      if (id !== undefined) enter(model.eventsById.get(id)?.[0], competitor, list, i, 'event_id');
    }
  }
  for (const { event, unit, path } of eachUnit(model.events)) {
    if (event.kind === 'relay' || !ADMITS.has(asString(event.value.genders) ?? '')) continue;
    const results = asArray(unit.results);
    const list = [...path, 'results'];
    for (let i = 0; i < results.length; i++) {
      const bib = asString(asObject(results[i])?.bib);
      if (bib !== undefined) enter(event, model.competitorsById.get(bib)?.[0], list, i, 'bib');
    }
  }
  // Competitor → their single-gender events: how many admit them, and the refusals.
  const standing = new Map<Indexed, { admitted: number; refused: { event: EventEntry; where: Where }[] }>();
  for (const [event, competitors] of entrants) {
    const genders = asString(event.value.genders)!;
    const admitted = ADMITS.get(genders)!;
    const refused: Indexed[] = [];
    let known = 0;
    for (const competitor of competitors.keys()) {
      const gender = asString(competitor.value.gender);
      if (gender === undefined || !ANY_GENDER.has(gender)) continue;
      known++;
      if (!admitted.has(gender)) refused.push(competitor);
    }
    if (known >= 2 && refused.length === known) {
      const path = ['events', event.index, 'genders'];
      const all = new Set(refused.map((c) => c.value.gender as string));
      const fix = all.size === 1 ? [...all][0]! : 'MF';
      const title = l10n.t('Change "genders" to "{0}" — the genders of its {1} entrants', fix, known);
      report({
        code: GENDER.code,
        message: l10n.t('"genders" is "{0}" but none of the {1} entrants of this event is admitted by it (their genders: {2}). Correct "genders".', genders, known, [...all].sort().join(', ')),
        path,
        fixes: [{ title, edits: [{ op: 'replace', path, value: fix }], kind: 'data' }],
      });
      continue;
    }
    if (genders === 'MF') continue;
    const refusedSet = new Set(refused);
    for (const [competitor, where] of competitors) {
      let entry = standing.get(competitor);
      if (!entry) standing.set(competitor, (entry = { admitted: 0, refused: [] }));
      if (refusedSet.has(competitor)) entry.refused.push({ event, where });
      else entry.admitted++;
    }
  }
  for (const [competitor, { admitted, refused }] of standing) {
    if (refused.length === 0) continue;
    const gender = String(competitor.value.gender);
    const id = competitor.id ?? String(competitor.index);
    if (admitted === 0) {
      const first = refused[0]!.event;
      report({
        code: GENDER.code,
        message: l10n.t('Competitor "{0}" has gender "{1}" but event "{2}" is for "{3}". Correct the gender, or the entry.', id, gender, first.id ?? String(first.index), String(first.value.genders)),
        path: ['competitors', competitor.index, 'gender'],
      });
      continue;
    }
    for (const { event, where } of refused) {
      report({
        code: GENDER.code,
        message: l10n.t('Competitor "{0}" (gender "{1}") is in event "{2}", which is for "{3}". Check the bib or the entry.', id, gender, event.id ?? String(event.index), String(event.value.genders)),
        path: [...where.list, where.index, where.key],
      });
    }
  }
}
