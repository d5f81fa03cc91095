import * as l10n from '@vscode/l10n';
import { RuleFamily, RuleInfo } from './rule';
import { CompetitionModel, asArray, asObject, asString } from '../model';
import { FixEdit } from '../findings';
import { JsonPath } from '../json/path';

const LOWERCASE_ID: RuleInfo = { code: 'OT706', name: 'event-id-lowercase', severity: 'warning', summary: '`event_id` letters are capitals, as OpenTrack asks.' };

/**
 * An `event_id` with lowercase letters. Its fix uppercases the id together with every
 * reference to it (entries, `parent`, units, relay teams), in one edit: it is safe only when
 * the new id is not already taken, so that no reference can end up on another event.
 */
export const eventIdCaseRules: RuleFamily = {
  name: 'event-id-case',
  rules: [LOWERCASE_ID],
  check({ model, report }) {
    const lowercase = model.events.filter((event) => event.id !== undefined && event.id !== event.id.toUpperCase());
    if (lowercase.length === 0) return;
    const references = referencesTo(model, new Set(lowercase.map((event) => event.id!)));
    const upperCount = new Map<string, number>();
    for (const id of model.eventsById.keys()) upperCount.set(id.toUpperCase(), (upperCount.get(id.toUpperCase()) ?? 0) + (model.eventsById.get(id)?.length ?? 0));
    for (const event of lowercase) {
      const id = event.id!;
      if (model.eventsById.get(id)![0] !== event) continue; // a repeated id: OT501 reports it, its fix stays with the first
      const upper = id.toUpperCase();
      const path = ['events', event.index, 'event_id'];
      const free = upperCount.get(upper) === 1;
      const edits: FixEdit[] = [path, ...(references.get(id) ?? [])].map((p) => ({ op: 'replace', path: p, value: upper }));
      report({
        code: LOWERCASE_ID.code,
        message: free
          ? l10n.t('Event id "{0}" has lowercase letters; OpenTrack asks for capitals. Use "{1}" (its references change with it).', id, upper)
          : l10n.t('Event id "{0}" has lowercase letters; OpenTrack asks for capitals, but "{1}" is already used by another event. Choose another id in capitals.', id, upper),
        path,
        ...(free && {
          fixes: [
            {
              title: edits.length > 1 ? l10n.t('Change to "{0}" with its {1} references', upper, edits.length - 1) : l10n.t('Change to "{0}"', upper),
              edits,
              kind: 'case',
              preferred: true,
            },
          ],
        }),
      });
    }
  },
};

/**
 * Event ids written in lowercase, in capitals: a reference in capitals to such an event is
 * not dangling, the event id is the cause (OT706), and reference rules stay silent on it.
 */
export function capitalisedLowercaseIds(model: CompetitionModel): Set<string> {
  const ids = new Set<string>();
  for (const id of model.eventsById.keys()) if (id !== id.toUpperCase()) ids.add(id.toUpperCase());
  return ids;
}

/** Paths of every value that names one of `ids` as an event: one pass over the document. */
function referencesTo(model: CompetitionModel, ids: ReadonlySet<string>): Map<string, JsonPath[]> {
  const found = new Map<string, JsonPath[]>();
  const add = (value: unknown, path: () => JsonPath): void => {
    if (typeof value !== 'string' || !ids.has(value)) return;
    const list = found.get(value);
    if (list) list.push(path());
    else found.set(value, [path()]);
  };
  for (const competitor of model.competitors) {
    const entries = asArray(competitor.value.events_entered);
    for (let i = 0; i < entries.length; i++) add(asObject(entries[i])?.event_id, () => ['competitors', competitor.index, 'events_entered', i, 'event_id']);
  }
  for (const event of model.events) {
    add(event.value.parent, () => ['events', event.index, 'parent']);
    const units = asArray(event.value.units);
    for (let u = 0; u < units.length; u++) add(asObject(units[u])?.event_id, () => ['events', event.index, 'units', u, 'event_id']);
  }
  for (const team of model.relayTeams) add(asString(team.value.event_id), () => ['relay_teams', team.index, 'event_id']);
  return found;
}
