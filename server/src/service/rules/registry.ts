import { RuleFamily, RuleInfo } from './rule';
import { roundsRules } from './roundsRules';
import { fieldTrialRules } from './fieldTrialRules';
import { verticalRules } from './verticalRules';
import { performanceRules } from './performanceRules';
import { uniquenessRules } from './uniquenessRules';
import { referenceRules } from './referenceRules';
import { competitionRules } from './competitionRules';
import { unknownPropertyRules } from './unknownPropertyRules';
import { fieldOutcomeRules } from './fieldOutcomeRules';
import { heightsOrderRules } from './heightsOrderRules';
import { plausibilityRules } from './plausibilityRules';
import { placingRules } from './placingRules';
import { entryUniquenessRules } from './entryUniquenessRules';
import { competitorRules } from './competitorRules';
import { combinedEntryRules } from './combinedEntryRules';
import { relayDistanceRules } from './relayDistanceRules';
import { eventIdCaseRules } from './eventIdCaseRules';
import { meetingDayRules } from './meetingDayRules';
import { Severity } from '../findings';

/** Every semantic rule family, in reporting order. */
export const RULE_FAMILIES: readonly RuleFamily[] = [
  roundsRules,
  fieldTrialRules,
  fieldOutcomeRules,
  verticalRules,
  heightsOrderRules,
  performanceRules,
  plausibilityRules,
  placingRules,
  uniquenessRules,
  entryUniquenessRules,
  referenceRules,
  competitorRules,
  combinedEntryRules,
  relayDistanceRules,
  competitionRules,
  eventIdCaseRules,
  meetingDayRules,
  unknownPropertyRules,
];

/** Codes reported by the parser, the schema and the service itself. */
const BUILTIN_RULES: readonly RuleInfo[] = [
  { code: 'OT001', name: 'invalid-json', severity: 'error', summary: 'The file is strict JSON.' },
  { code: 'OT002', name: 'trailing-comma', severity: 'error', summary: 'No comma after the last item.' },
  { code: 'OT003', name: 'comment', severity: 'error', summary: 'JSON has no comments.' },
  { code: 'OT004', name: 'python-literal', severity: 'error', summary: '`true`, `false`, `null` — not True, False, None.' },
  { code: 'OT005', name: 'single-quotes', severity: 'error', summary: 'Strings use double quotes.' },
  { code: 'OT006', name: 'byte-order-mark', severity: 'warning', summary: 'UTF-8 without a byte order mark.' },
  { code: 'OT007', name: 'nesting-depth', severity: 'error', summary: 'Nesting is bounded.' },
  { code: 'OT008', name: 'duplicate-key', severity: 'warning', summary: 'A property is given once per object (readers keep only the last value).' },
  { code: 'OT010', name: 'schema-type', severity: 'error', summary: 'Values have the JSON type the format requires.' },
  { code: 'OT011', name: 'schema-required', severity: 'error', summary: 'Required properties are present.' },
  { code: 'OT012', name: 'schema-enum', severity: 'error', summary: 'Values are among the allowed ones.' },
  { code: 'OT013', name: 'schema-format', severity: 'error', summary: 'Values have the documented format.' },
  { code: 'OT014', name: 'schema-other', severity: 'error', summary: 'Other schema constraints.' },
  { code: 'OT901', name: 'too-large', severity: 'information', summary: 'Files above the size limit are checked partly.' },
  { code: 'OT902', name: 'internal-error', severity: 'error', summary: 'A check failed internally.' },
  { code: 'OT903', name: 'too-many-problems', severity: 'information', summary: 'Only the first problems are shown.' },
];

const byCode = new Map<string, RuleInfo>([...BUILTIN_RULES, ...RULE_FAMILIES.flatMap((f) => f.rules)].map((r) => [r.code, r]));

export function ruleInfo(code: string): RuleInfo | undefined {
  return byCode.get(code);
}

export function allRules(): RuleInfo[] {
  return [...byCode.values()];
}

export type SeverityOverrides = Readonly<Record<string, Severity | 'off'>>;
