import { Finding } from '../findings';
import { EventEntry } from '../model';
import { Report, RuleContext, RuleFamily, RuleInfo, keeping } from './rule';
import { AcrossListsMemo } from './acrossLists';

/**
 * Findings about one parsed object, kept while the object lives. Parsed values never change, and
 * a version made by typing shares every object the edit did not touch (incremental parse): on an
 * edit, only the objects it changed are checked again, and the others' findings are the same
 * objects as before (nothing allocated for them).
 */
export class FindingsMemo {
  private readonly byObject = new WeakMap<object, { at: number; findings: readonly Finding[] }>();

  /**
   * Reports the findings kept about `object` as item `at` of its list (the findings' paths say
   * where it is: moved, it is checked again unless it has none); false when none are kept for it
   * there (then `record`).
   */
  replay(object: object, at: number, report: Report): boolean {
    const kept = this.byObject.get(object);
    // No findings say where the object is: one that moved (a competitor deleted before it) stays clean.
    if (!kept || (kept.at !== at && kept.findings.length > 0)) return false;
    for (const finding of kept.findings) report(finding);
    return true;
  }

  /** Reports the findings of `check` about `object`, item `at` of its list, and keeps them. */
  record(object: object, at: number, report: Report, check: (report: Report) => void): void {
    const findings: Finding[] = [];
    check(keeping(report, findings));
    // Reached only when the check ran to its end: a spent budget (report throws) or an error leaves nothing kept.
    this.byObject.set(object, { at, findings });
  }
}

/** A family whose findings about an event depend on that event alone, and optionally a part that looks across the document. */
export interface PerEventChecks {
  name: string;
  rules: readonly RuleInfo[];
  /** Findings about one event, from that event alone (its object and its place in the list). */
  checkEvent(event: EventEntry, report: Report): void;
  /** Findings across events or other lists, reading only what AcrossListsMemo's inputs hold: kept with them. */
  checkAcross?(context: RuleContext): void;
}

/** Each event is checked on its own, and an event an edit did not touch is not checked again. */
export function perEventFamily({ name, rules, checkEvent, checkAcross }: PerEventChecks): RuleFamily {
  const memo = new FindingsMemo();
  const across = new AcrossListsMemo();
  return {
    name,
    rules,
    check(context) {
      if (checkAcross) across.report(context, checkAcross);
      for (const event of context.model.events) {
        // The closure only for an event to check: replaying allocates nothing.
        if (!memo.replay(event.value, event.index, context.report)) memo.record(event.value, event.index, context.report, (collect) => checkEvent(event, collect));
      }
    },
  };
}
