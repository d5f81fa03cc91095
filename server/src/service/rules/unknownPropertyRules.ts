import * as l10n from '@vscode/l10n';
import { Report, RuleFamily, RuleInfo } from './rule';
import { FindingsMemo } from './memo';
import { asObject } from '../model';
import { COMPETITION_LISTS, competitionSchema, itemsOf, propertiesOf, resolveRef } from '../schema/competitionSchema';
import { SchemaNode } from '../schema/schemaTypes';
import { closest, withSuggestion } from './suggest';

const UNKNOWN: RuleInfo = { code: 'OT703', name: 'unknown-property', severity: 'warning', summary: "Property names are part of OpenTrack's documented format (athletics fields it does not document, such as wind readings, are information)." };

/**
 * Athletics data that results systems record but OpenTrack's format does not document: kept
 * on purpose rather than mistyped, so they are information, not a warning.
 */
const ATHLETICS_FIELDS = new Set([
  'wind', 'wind_speed', 'windspeed', 'wind_reading', 'reaction_time', 'reaction', 'splits', 'split_times', 'lap_times',
  'photo_finish', 'hand_timed', 'timing', 'record', 'records', 'record_type', 'qualified', 'qualification', 'seed_time',
  'implement_weight', 'hurdle_height', 'attempt_time', 'coach', 'club',
]);

/** Where the walk is: a value, its schema, and how it was reached (paths are rebuilt only for what is reported). */
interface Entry {
  value: unknown;
  schema: SchemaNode | undefined;
  parent: Entry | undefined;
  key: string | number;
}

/** Per list of the competition: its items are walked one by one, and an item an edit did not touch is not walked again. */
const memos = new Map<string, FindingsMemo>(COMPETITION_LISTS.map((list) => [list, new FindingsMemo()]));

/**
 * Walks the document along the schema: every object whose schema lists its properties is
 * checked for names it does not know. Only the schema's structure is visited, so the walk
 * is linear and free-form values are never entered.
 */
export const unknownPropertyRules: RuleFamily = {
  name: 'unknown-properties',
  rules: [UNKNOWN],
  check({ model, report }) {
    const root: Entry = { value: model.root, schema: competitionSchema, parent: undefined, key: '' };
    const lists: Entry[] = [];
    walk(root, report, lists);
    for (const list of lists) {
      const items = list.value as unknown[];
      const memo = memos.get(list.key as string)!;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (item !== null && typeof item === 'object' && !memo.replay(item, i, report)) memo.record(item, i, report, (collect) => walk({ value: item, schema: list.schema, parent: list, key: i }, collect));
      }
    }
  },
};

/** Reports the unknown properties at and below `start`; the top-level lists found on the way are left to `lists` (their items' schema in place of theirs). */
function walk(start: Entry, report: Report, lists?: Entry[]): void {
  const pathOf = (entry: Entry | undefined): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let e = entry; e?.parent; e = e.parent) path.push(e.key);
    return path.reverse();
  };
  const stack: Entry[] = [start];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value, schema } = entry;
    if (Array.isArray(value)) {
      const items = resolveRef(itemsOf(schema));
      if (!items) continue;
      if (lists && entry.parent === start && memos.has(entry.key as string)) {
        lists.push({ ...entry, schema: items });
        continue;
      }
      for (let i = 0; i < value.length; i++) if (typeof value[i] === 'object') stack.push({ value: value[i], schema: items, parent: entry, key: i });
      continue;
    }
    const object = asObject(value);
    if (!object) continue;
    const known = propertiesOf(schema);
    if (known.size === 0) continue;
    for (const name in object) {
      const sub = known.get(name);
      if (sub) {
        const child = object[name];
        if (child !== null && typeof child === 'object') stack.push({ value: child, schema: resolveRef(sub), parent: entry, key: name });
        continue;
      }
      if (name.startsWith('$')) continue; // $schema and friends
      const keyPath = [...pathOf(entry), name];
      if (ATHLETICS_FIELDS.has(name)) {
        report({
          code: UNKNOWN.code,
          message: l10n.t('Property "{0}" is athletics data that is not part of OpenTrack\'s documented format. Keep it if another tool reads it.', name),
          path: keyPath,
          target: 'key',
          severity: 'information',
        });
        continue;
      }
      const suggestion = closest(name, known.keys());
      report({
        code: UNKNOWN.code,
        message: withSuggestion(l10n.t('Unknown property "{0}": it is not part of OpenTrack\'s documented format.', name), suggestion),
        path: keyPath,
        target: 'key',
        ...(suggestion && !(suggestion in object) && {
          fixes: [{ title: l10n.t('Change to "{0}"', suggestion), edits: [{ op: 'renameKey', path: keyPath, name: suggestion }], kind: 'data' }],
        }),
      });
    }
  }
}
