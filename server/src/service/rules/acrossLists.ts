import { Finding } from '../findings';
import { CompetitionModel, EventEntry, asArray, asObject, asString } from '../model';
import { RuleContext, RuleFamily, keeping } from './rule';

/**
 * What the checks across lists (references, genders, combined-event entrants, unique ids) read
 * of an event: its identity and the bibs of its results. An edit of a performance, a place or a trial leaves
 * it equal, so those checks need not run again.
 */
interface EventSummary {
  readonly index: number;
  readonly id: string | undefined;
  readonly code: string | undefined;
  readonly name: string;
  readonly genders: string | undefined;
  /** As written: a check may tell a `parent` that is not a string from none. */
  readonly parent: unknown;
  readonly category: string | undefined;
  /** Bibs of the event's own results (undefined: not a list). */
  readonly results: readonly (string | undefined)[] | undefined;
  /** Bibs of each unit's results (undefined: not a unit object). */
  readonly units: readonly (readonly (string | undefined)[] | undefined)[];
}

const bibsOf = (results: unknown): (string | undefined)[] => asArray(results).map((result) => asString(asObject(result)?.bib));

/** Kept per event object: parsed values never change. */
const summaries = new WeakMap<object, EventSummary>();

function summary(event: EventEntry): EventSummary {
  const kept = summaries.get(event.value);
  if (kept?.index === event.index) return kept;
  const value = event.value;
  const made: EventSummary = {
    index: event.index,
    id: event.id,
    code: event.code,
    name: String(value.name ?? ''),
    genders: asString(value.genders),
    parent: value.parent,
    category: asString(value.category),
    results: Array.isArray(value.results) ? bibsOf(value.results) : undefined,
    units: asArray(value.units).map((unit) => {
      const object = asObject(unit);
      return object && bibsOf(object.results);
    }),
  };
  summaries.set(value, made);
  return made;
}

const sameList = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean): boolean =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => same(x, b[i]!)));

function sameSummary(a: EventSummary, b: EventSummary): boolean {
  return (
    a.index === b.index &&
    a.id === b.id &&
    a.code === b.code &&
    a.name === b.name &&
    a.genders === b.genders &&
    Object.is(a.parent, b.parent) &&
    a.category === b.category &&
    sameList(a.results, b.results, Object.is) &&
    sameList(a.units, b.units, (x, y) => sameList(x, y, Object.is))
  );
}

/**
 * Everything a check across lists reads: the lists of competitors, teams and relay teams (parsed
 * values, shared between versions while an edit does not touch them), the competition date,
 * whether `events` is a list, and a summary of each event. Made once per version.
 */
const inputsOf = new WeakMap<CompetitionModel, readonly unknown[]>();

function acrossInputs(model: CompetitionModel): readonly unknown[] {
  let inputs = inputsOf.get(model);
  if (!inputs) {
    const root = model.root;
    inputs = [Array.isArray(root?.events), root?.date, root?.competitors, root?.teams, root?.relay_teams, ...model.events.map(summary)];
    inputsOf.set(model, inputs);
  }
  return inputs;
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && !(i >= 5 && sameSummary(x as EventSummary, y as EventSummary))) return false;
  }
  return true;
}

/**
 * Findings of a check across the lists (entries against events, bibs against competitors) that
 * reads only what `acrossInputs` holds, kept with those inputs: an edit that leaves them equal
 * (typing a performance, a place, a name) reports the same findings without checking again.
 * Kept per document by its list of competitors (or teams, or relay teams), which lives as long
 * as the versions that share it.
 */
export class AcrossListsMemo {
  private readonly kept = new WeakMap<object, { inputs: readonly unknown[]; findings: readonly Finding[] }>();

  report({ model, report }: RuleContext, check: (context: RuleContext) => void): void {
    const inputs = acrossInputs(model);
    const key = [inputs[2], inputs[3], inputs[4]].find((list): list is object => typeof list === 'object' && list !== null);
    if (!key) return check({ model, report });
    const entry = this.kept.get(key);
    if (entry && sameInputs(entry.inputs, inputs)) {
      entry.inputs = inputs; // the same objects from now on: the next check compares identities only
      for (const finding of entry.findings) report(finding);
      return;
    }
    const findings: Finding[] = [];
    check({ model, report: keeping(report, findings) });
    // Reached only when the check ran to its end (see FindingsMemo).
    this.kept.set(key, { inputs, findings });
  }
}

/** A family whose check reads only what `acrossInputs` holds (see AcrossListsMemo). */
export function acrossListsFamily(family: RuleFamily): RuleFamily {
  const memo = new AcrossListsMemo();
  return { ...family, check: (context) => memo.report(context, family.check) };
}
