/** Hover texts with World Athletics points, for the disciplines and totals of combined events. */
import * as l10n from '@vscode/l10n';
import { CompetitionModel, EventEntry, JsonObject, asObject, asString } from '../model';
import { JsonPath } from '../json/path';
import { eachObject } from '../rules/walk';
import { ScoringGender, combinedEventPoints, usesWorldAthleticsTables } from './combinedPoints';
import { eventAtIndex } from './ids';
import { eventName, md } from './describe';
import { valueAt } from './paths';

/** The combined event an event belongs to, when it is scored with the WA tables. */
export function scoredParent(model: CompetitionModel, event: EventEntry): EventEntry | undefined {
  const parentId = asString(event.value.parent);
  const parent = parentId ? model.eventsById.get(parentId)?.[0] : undefined;
  return parent && usesWorldAthleticsTables(parent.code) ? parent : undefined;
}

/** The table's gender: the discipline's `genders`, else the combined event's, else the athlete's. */
export function tableGender(model: CompetitionModel, event: EventEntry, parent: EventEntry, bib: string | undefined): ScoringGender | undefined {
  const gender = (value: unknown): ScoringGender | undefined => (value === 'M' || value === 'F' ? value : undefined);
  return gender(event.value.genders) ?? gender(parent.value.genders) ?? gender(model.competitorsById.get(bib ?? '')?.[0]?.value.gender);
}

/** On a result performance in a discipline of a combined event: its points, and a recorded value that differs. */
export function describePoints(model: CompetitionModel, path: JsonPath, performance: string): string | undefined {
  const event = eventAtIndex(model, path[1] as number);
  const parent = event && scoredParent(model, event);
  if (!event?.code || !parent) return undefined;
  const result = asObject(valueAt(model.root, path.slice(0, -1)));
  const gender = tableGender(model, event, parent, asString(result?.bib));
  if (!gender) return l10n.t('World Athletics points need the gender: set `genders` of the event to M or F.');
  const points = combinedEventPoints(gender, event.code, performance);
  if (points === undefined) return undefined;
  const lines = [
    gender === 'M'
      ? l10n.t("**{0} points** (World Athletics men's {1} table, {2})", points, md(event.code), md(eventName(parent)))
      : l10n.t("**{0} points** (World Athletics women's {1} table, {2})", points, md(event.code), md(eventName(parent))),
  ];
  const recorded = result?.points;
  if (typeof recorded === 'number' && recorded !== points) lines.push(l10n.t('The result records {0} points.', recorded));
  return lines.join('  \n');
}

/** On a combined event's own result: the total of the bib's points over its disciplines. */
export function describeCombinedTotal(model: CompetitionModel, path: JsonPath): string | undefined {
  const parent = eventAtIndex(model, path[1] as number);
  const bib = asString(asObject(valueAt(model.root, path.slice(0, -1)))?.bib);
  if (!parent || parent.kind !== 'combined' || !usesWorldAthleticsTables(parent.code) || bib === undefined) return undefined;
  let total = 0;
  const scored: string[] = [];
  for (const child of model.events) {
    if (child.value.parent !== parent.id || !child.code) continue;
    const gender = tableGender(model, child, parent, bib);
    const performance = bibPerformance(child.value, bib);
    const points = gender && performance !== undefined ? combinedEventPoints(gender, child.code, performance) : undefined;
    if (points === undefined) continue;
    total += points;
    scored.push(`${md(child.code)} ${points}`);
  }
  if (scored.length === 0) return undefined;
  const heading =
    scored.length === 1
      ? l10n.t('**{0} points** from {1} discipline (World Athletics tables)', total, scored.length)
      : l10n.t('**{0} points** from {1} disciplines (World Athletics tables)', total, scored.length);
  return `${heading}  \n${scored.join(' · ')}`;
}

/** The bib's performance in an event's units (the first unit that has one). */
function bibPerformance(event: JsonObject, bib: string): string | undefined {
  for (const [, unit] of eachObject(event.units)) {
    for (const [, result] of eachObject(unit.results)) if (result.bib === bib && typeof result.performance === 'string') return result.performance;
  }
  return undefined;
}
