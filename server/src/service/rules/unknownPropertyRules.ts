import { RuleFamily, RuleInfo } from './rule';
import { asObject } from '../model';
import { competitionSchema, itemsOf, propertiesOf, resolveRef } from '../schema/competitionSchema';
import { SchemaNode } from '../schema/schemaTypes';
import { closest } from './suggest';

const UNKNOWN: RuleInfo = { code: 'OT703', name: 'unknown-property', severity: 'warning', summary: 'Property names are ones OpenTrack knows (typos are silently ignored on upload).' };

/**
 * Walks the document along the schema: every object whose schema lists its properties is
 * checked for names it does not know. Only the schema's structure is visited, so the walk
 * is linear and free-form values are never entered.
 */
export const unknownPropertyRules: RuleFamily = {
  name: 'unknown-properties',
  rules: [UNKNOWN],
  check({ model, report }) {
    const stack: Array<[unknown, SchemaNode | undefined, (string | number)[]]> = [[model.root, competitionSchema, []]];
    while (stack.length > 0) {
      const [value, schema, path] = stack.pop()!;
      if (Array.isArray(value)) {
        const items = resolveRef(itemsOf(schema));
        if (items) value.forEach((item, i) => stack.push([item, items, [...path, i]]));
        continue;
      }
      const object = asObject(value);
      if (!object) continue;
      const known = propertiesOf(schema);
      if (known.size === 0) continue;
      for (const name of Object.keys(object)) {
        const sub = known.get(name);
        if (sub) {
          const child = object[name];
          if (child !== null && typeof child === 'object') stack.push([child, resolveRef(sub), [...path, name]]);
          continue;
        }
        if (name.startsWith('$')) continue; // $schema and friends
        const suggestion = closest(name, known.keys());
        const keyPath = [...path, name];
        report({
          code: UNKNOWN.code,
          message: `Unknown property "${name}": OpenTrack ignores it.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
          path: keyPath,
          target: 'key',
          ...(suggestion && !(suggestion in object) && {
            fixes: [{ title: `Change to "${suggestion}"`, edits: [{ op: 'renameKey', path: keyPath, name: suggestion }], preferred: true }],
          }),
        });
      }
    }
  },
};
