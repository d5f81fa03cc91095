import schemaJson from '../../../../schemas/opentrack-competition.schema.json';
import { SchemaNode } from './schemaTypes';

/** The published schema, bundled into the server so it never has to be read from disk. */
export const competitionSchema = schemaJson as unknown as SchemaNode & { $id: string };

/** The competition's lists of items: checked item by item, so that checks can stop at a budget and be kept per item. */
export const COMPETITION_LISTS = ['events', 'competitors', 'teams', 'relay_teams'] as const;

const resolved = new Map<SchemaNode, SchemaNode | undefined>();

/** Follows a local `$ref` (`#/definitions/x`); cached, as the rules call it per value. */
export function resolveRef(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref) return node;
  if (!resolved.has(node)) resolved.set(node, followRef(node));
  return resolved.get(node);
}

function followRef(node: SchemaNode): SchemaNode | undefined {
  let current: SchemaNode | undefined = node;
  for (let guard = 0; current?.$ref && guard < 32; guard++) {
    const segments = current.$ref.replace(/^#\//, '').split('/');
    let target: unknown = competitionSchema;
    for (const segment of segments) target = (target as Record<string, unknown> | undefined)?.[segment];
    current = target as SchemaNode | undefined;
  }
  return current;
}

/** Every schema that may apply to an object (its branches merged): properties and descriptions. */
export function branches(node: SchemaNode | undefined): SchemaNode[] {
  const out: SchemaNode[] = [];
  const visit = (candidate: SchemaNode | undefined, depth: number): void => {
    const resolved = resolveRef(candidate);
    if (!resolved || depth > 8) return;
    out.push(resolved);
    for (const sub of [...(resolved.allOf ?? []), ...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])]) visit(sub, depth + 1);
    visit(resolved.then, depth + 1);
    visit(resolved.else, depth + 1);
  };
  visit(node, 0);
  return out;
}

const propertyCache = new Map<SchemaNode, Map<string, SchemaNode>>();

/** All properties an object with this schema may have, from every branch (cached per node). */
export function propertiesOf(node: SchemaNode | undefined): Map<string, SchemaNode> {
  if (!node) return new Map();
  let properties = propertyCache.get(node);
  if (!properties) {
    properties = new Map();
    for (const branch of branches(node)) {
      for (const [name, sub] of Object.entries(branch.properties ?? {})) if (!properties.has(name)) properties.set(name, sub);
    }
    propertyCache.set(node, properties);
  }
  return properties;
}

const itemsCache = new Map<SchemaNode, SchemaNode | undefined>();

/** The schema of the item of an array schema (first branch that has one); cached per node. */
export function itemsOf(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node) return undefined;
  if (!itemsCache.has(node)) itemsCache.set(node, branches(node).find((branch) => branch.items)?.items);
  return itemsCache.get(node);
}

/** The schema for a path from the root, following properties and items. */
export function schemaAtPath(path: ReadonlyArray<string | number>): SchemaNode | undefined {
  let node: SchemaNode | undefined = competitionSchema;
  for (const segment of path) {
    node = typeof segment === 'number' ? itemsOf(node) : propertiesOf(node).get(segment);
    if (!node) return undefined;
  }
  return resolveRef(node);
}
