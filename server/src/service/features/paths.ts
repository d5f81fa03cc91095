import { JsonPath } from '../json/path';

/**
 * The shape of a path with array indices replaced by `#`, e.g. `events/#/units/#/results/#/bib`:
 * features dispatch on it instead of matching segments one by one.
 */
export function pathShape(path: JsonPath): string {
  return path.map((segment) => (typeof segment === 'number' ? '#' : segment)).join('/');
}

/** The value at a path of the recovered document value, or undefined. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let current = root;
  for (const segment of path) {
    // Own properties only: a key named "constructor" must not find Object's.
    if (current === null || typeof current !== 'object' || Array.isArray(current) !== (typeof segment === 'number') || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
