import { CompetitionModel } from '../model';
import { Finding, Severity } from '../findings';

/** A check's identity: stable code, default severity, and what it is about. */
export interface RuleInfo {
  code: string;
  /** Short kebab-case name, e.g. `rounds-format`. */
  name: string;
  severity: Severity;
  summary: string;
}

/** Throws to end the checks once no more findings can be shown: rules never catch around it. */
export type Report = (finding: Finding) => void;

/** A report that also keeps each finding in `kept` (to report it again later). */
export function keeping(report: Report, kept: Finding[]): Report {
  return (finding) => {
    kept.push(finding);
    report(finding);
  };
}

export interface RuleContext {
  model: CompetitionModel;
  report: Report;
}

/** A family of related rules checked in one walk over the model. */
export interface RuleFamily {
  name: string;
  rules: readonly RuleInfo[];
  check(context: RuleContext): void;
}
