import * as l10n from '@vscode/l10n';
import { RuleContext, RuleInfo } from './rule';
import { acrossListsFamily } from './acrossLists';
import { CompetitionModel, EventEntry, asArray, asObject, asString } from '../model';
import { canonicalCode } from '../format/eventCodes';
import { closest, withSuggestion } from './suggest';
import { eachUnit } from './walk';
import { capitalisedLowercaseIds } from './eventIdCaseRules';

const RESULT_BIB: RuleInfo = { code: 'OT601', name: 'unknown-result-bib', severity: 'warning', summary: 'A result bib is the competitor_id of a listed competitor.' };
const RELAY_BIB: RuleInfo = { code: 'OT602', name: 'unknown-relay-bib', severity: 'warning', summary: "A relay result's bib is a relay_team_id of that event, or a team_id." };
const ENTERED_EVENT: RuleInfo = { code: 'OT603', name: 'unknown-entered-event', severity: 'error', summary: '`events_entered` names events of this competition.' };
const ENTERED_CODE: RuleInfo = { code: 'OT604', name: 'entered-code-mismatch', severity: 'warning', summary: "An entry's `event_code` is the code of the event it names." };
const RELAY_EVENT: RuleInfo = { code: 'OT605', name: 'relay-team-event', severity: 'error', summary: 'A relay team runs in an existing relay event.' };
const RUNNER: RuleInfo = { code: 'OT606', name: 'unknown-runner', severity: 'warning', summary: 'Relay runners are bibs of listed competitors.' };
const COMPETITOR_TEAM: RuleInfo = { code: 'OT607', name: 'unknown-competitor-team', severity: 'warning', summary: "A competitor's `team_id` is one of the listed teams." };
const PARENT: RuleInfo = { code: 'OT608', name: 'combined-parent', severity: 'error', summary: '`parent` names an existing combined event (not itself).' };

function eventIds(model: CompetitionModel): string[] {
  return [...model.eventsById.keys()];
}

export const referenceRules = acrossListsFamily({
  name: 'references',
  rules: [RESULT_BIB, RELAY_BIB, ENTERED_EVENT, ENTERED_CODE, RELAY_EVENT, RUNNER, COMPETITOR_TEAM, PARENT],
  check(context) {
    checkResultBibs(context);
    checkEntries(context);
    checkRelayTeams(context);
    checkParents(context);
    const { model, report } = context;
    if (model.hasTeams) {
      for (const competitor of model.competitors) {
        const team = asString(competitor.value.team_id);
        if (team === undefined || team === '' || model.teamsById.has(team)) continue;
        const suggestion = closest(team, model.teamsById.keys());
        const path = ['competitors', competitor.index, 'team_id'];
        report({
          code: COMPETITOR_TEAM.code,
          message: withSuggestion(l10n.t('Team "{0}" is not in "teams". Add the team, or use one of the listed team ids.', team), suggestion),
          path,
          ...(suggestion && { fixes: [{ title: l10n.t('Change to "{0}"', suggestion), edits: [{ op: 'replace', path, value: suggestion }], kind: 'data' }] }),
        });
      }
    }
  },
});

function checkResultBibs({ model, report }: RuleContext): void {
  const relayIdsByEvent = new Map<string, Set<string>>();
  // Teams whose own event_id names no event, or one that is not a relay: that reference is the cause, reported at the team.
  const unplacedTeams = new Set<string>();
  for (const team of model.relayTeams) {
    const event = asString(team.value.event_id);
    if (event === undefined || team.id === undefined) continue;
    const named = model.eventsById.get(event)?.[0];
    if (!named || (named.kind !== undefined && named.kind !== 'relay')) unplacedTeams.add(team.id);
    let ids = relayIdsByEvent.get(event);
    if (!ids) relayIdsByEvent.set(event, (ids = new Set()));
    ids.add(team.id);
  }
  // A bib missing from "competitors" is one cause: reported once, at its first result, with a count.
  const unknownBibs = new Map<string, { path: (string | number)[]; count: number }>();
  // The path (`base` + results, index, bib) is only built for the bibs that are reported.
  const checkBib = (event: EventEntry, bib: string, base: (string | number)[], index: number): void => {
    if (event.kind === 'relay') {
      if (!model.hasRelayTeams && !model.hasTeams) return;
      const relayIds = relayIdsByEvent.get(event.id ?? '');
      if (relayIds?.has(bib) || model.teamsById.has(bib) || unplacedTeams.has(bib)) return;
      report({
        code: RELAY_BIB.code,
        message: l10n.t('Relay result bib "{0}" is neither a relay_team_id of event "{1}" nor a team_id. Use the relay team\'s id.', bib, event.id ?? '?'),
        path: [...base, 'results', index, 'bib'],
      });
    } else if (model.hasCompetitors && !model.competitorsById.has(bib)) {
      const seen = unknownBibs.get(bib);
      if (seen) seen.count++;
      else unknownBibs.set(bib, { path: [...base, 'results', index, 'bib'], count: 1 });
    }
  };
  for (const { event, unit, path } of eachUnit(model.events)) {
    const resultList = asArray(unit.results);
    for (let i = 0; i < resultList.length; i++) {
      const result = asObject(resultList[i]);
      if (!result) continue;
      const bib = asString(result.bib);
      if (bib !== undefined) checkBib(event, bib, path, i);
    }
  }
  for (const event of model.events) {
    const eventPath = ['events', event.index];
    const resultList = asArray(event.value.results);
    for (let i = 0; i < resultList.length; i++) {
      const result = asObject(resultList[i]);
      if (!result) continue;
      const bib = asString(result.bib);
      if (bib !== undefined) checkBib(event, bib, eventPath, i);
    }
  }
  for (const [bib, { path, count }] of unknownBibs) {
    report({
      code: RESULT_BIB.code,
      message:
        count === 1
          ? l10n.t('Bib "{0}" is not a listed competitor. Add a competitor with competitor_id "{0}", or correct the bib.', bib)
          : l10n.t('Bib "{0}" is not a listed competitor ({1} results use it). Add a competitor with competitor_id "{0}", or correct the bib.', bib, count),
      path,
    });
  }
}

interface MismatchTexts {
  message: string;
  /** Of the fix. */
  title: string;
  /** Letter case alone differs: safe to align towards the event's code in OpenTrack's case. */
  sameCode: boolean;
}

/**
 * The message and fix title of an entry whose code does not match its event's, made once per
 * event and code: in a meet full of such entries, most share them (by event id, then code: both
 * are the user's strings, so no separator could keep two pairs apart).
 */
function mismatchTexts(made: Map<string, Map<string, MismatchTexts>>, id: string, code: string, event: EventEntry, eventCode: string): MismatchTexts {
  let byCode = made.get(id);
  if (!byCode) made.set(id, (byCode = new Map()));
  let texts = byCode.get(code);
  if (!texts) {
    const sameCode = canonicalCode(code) === eventCode;
    texts = {
      message: l10n.t('Entry code "{0}" does not match event "{1}", which is "{2}" ({3}). Use "{2}".', code, id, eventCode, String(event.value.name ?? '')),
      title: sameCode ? l10n.t('Change to "{0}"', eventCode) : l10n.t('Change to "{0}" — the code of event "{1}"', eventCode, id),
      sameCode,
    };
    byCode.set(code, texts);
  }
  return texts;
}

function checkEntries({ model, report }: RuleContext): void {
  if (!Array.isArray(model.root?.events)) return;
  const lowercaseIds = capitalisedLowercaseIds(model);
  const mismatches = new Map<string, Map<string, MismatchTexts>>();
  for (const competitor of model.competitors) {
    const entryList = asArray(competitor.value.events_entered);
    for (let i = 0; i < entryList.length; i++) {
      const entry = asObject(entryList[i]);
      if (!entry) continue;
      const id = asString(entry.event_id);
      if (id === undefined) continue;
      const event = model.eventsById.get(id)?.[0];
      if (!event && lowercaseIds.has(id)) continue;
      if (!event) {
        const idPath = ['competitors', competitor.index, 'events_entered', i, 'event_id'];
        const suggestion = closest(id, eventIds(model));
        report({
          code: ENTERED_EVENT.code,
          message: withSuggestion(
            l10n.t('Competitor "{0}" is entered in event "{1}", which is not in "events".', competitor.id ?? '?', id),
            suggestion,
            l10n.t('Add the event or remove the entry.'),
          ),
          path: idPath,
          ...(suggestion && { fixes: [{ title: l10n.t('Change to "{0}"', suggestion), edits: [{ op: 'replace', path: idPath, value: suggestion }], kind: 'data' }] }),
        });
        continue;
      }
      const code = asString(entry.event_code);
      // An event code OpenTrack does not know is reported (and repaired) at the event, not at every entry;
      // an event id held by two events is reported at the id, and the entry may mean either.
      const shared = model.eventsById.get(id)!.length > 1;
      if (!shared && code !== undefined && event.code !== undefined && event.info !== undefined && code !== event.code) {
        const codePath = ['competitors', competitor.index, 'events_entered', i, 'event_code'];
        const texts = mismatchTexts(mismatches, id, code, event, event.code);
        report({
          code: ENTERED_CODE.code,
          message: texts.message,
          path: codePath,
          fixes: [{ title: texts.title, edits: [{ op: 'replace', path: codePath, value: event.code }], ...(texts.sameCode ? { kind: 'case', preferred: true } : { kind: 'data' }) }],
        });
      }
    }
  }
}

function checkRelayTeams({ model, report }: RuleContext): void {
  const lowercaseIds = capitalisedLowercaseIds(model);
  for (const team of model.relayTeams) {
    const eventId = asString(team.value.event_id);
    if (eventId !== undefined && Array.isArray(model.root?.events)) {
      const event = model.eventsById.get(eventId)?.[0];
      const path = ['relay_teams', team.index, 'event_id'];
      if (!event && lowercaseIds.has(eventId)) {
        // the event id in lowercase is the cause: OT706
      } else if (!event) {
        const relayIds = model.events.filter((e) => e.kind === 'relay' && e.id !== undefined).map((e) => e.id!);
        const suggestion = closest(eventId, relayIds) ?? (relayIds.length === 1 ? relayIds[0] : undefined);
        report({
          code: RELAY_EVENT.code,
          message: withSuggestion(l10n.t('Relay team "{0}" runs in event "{1}", which is not in "events".', team.id ?? '?', eventId), suggestion),
          path,
          ...(suggestion && { fixes: [{ title: l10n.t('Change to "{0}"', suggestion), edits: [{ op: 'replace', path, value: suggestion }], kind: 'data' }] }),
        });
      } else if (event.kind !== undefined && event.kind !== 'relay') {
        report({
          code: RELAY_EVENT.code,
          message: l10n.t('Event "{0}" is {1} ({2}), not a relay. Relay teams belong to relay events such as 4x100.', eventId, String(event.code), String(event.info?.discipline)),
          path,
        });
      }
    }
    if (!model.hasCompetitors) continue;
    asArray(team.value.runners).forEach((runner, i) => {
      if (typeof runner !== 'string' || model.competitorsById.has(runner)) return;
      report({
        code: RUNNER.code,
        message: l10n.t('Runner "{0}" of relay team "{1}" is not a listed competitor. Runners are competitor bibs: add the competitor or correct the bib.', runner, team.id ?? '?'),
        path: ['relay_teams', team.index, 'runners', i],
      });
    });
  }
}

function checkParents({ model, report }: RuleContext): void {
  const lowercaseIds = capitalisedLowercaseIds(model);
  for (const event of model.events) {
    const parent = event.value.parent;
    if (typeof parent !== 'string' || parent === '') continue;
    const path = ['events', event.index, 'parent'];
    const target = model.eventsById.get(parent)?.[0];
    if (!target && lowercaseIds.has(parent)) continue;
    const combinedIds = model.events.filter((e) => e.kind === 'combined' && e.id !== undefined && e !== event).map((e) => e.id!);
    const suggestion = closest(parent, combinedIds) ?? (combinedIds.length === 1 ? combinedIds[0] : undefined);
    const fixes = suggestion ? [{ title: l10n.t('Change to "{0}"', suggestion), edits: [{ op: 'replace' as const, path, value: suggestion }], kind: 'data' as const }] : undefined;
    let message: string | undefined;
    if (target === event) {
      message = l10n.t('An event cannot be its own parent. "parent" names the combined event (such as a decathlon) this event belongs to.');
    } else if (!target) {
      message = withSuggestion(l10n.t('Parent "{0}" is not an event of this competition.', parent), suggestion, l10n.t('Use the event_id of the combined event.'));
    } else if (target.kind !== undefined && target.kind !== 'combined') {
      message = l10n.t(
        'Parent "{0}" is {1} ({2}), not a combined event. "parent" must name a combined event such as DEC or HEP.',
        parent,
        String(target.code),
        String(target.info?.discipline),
      );
    }
    if (message) report({ code: PARENT.code, message, path, ...(fixes && { fixes }) });
  }
}
