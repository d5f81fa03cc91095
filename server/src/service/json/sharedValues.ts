/**
 * A value parsed again, with every part equal to the previous version's replaced by that part
 * (the same object): checks kept per object (the schema's, the rules') then hold for everything
 * the edit left as it was. `next` is fresh from the parser and is changed in place; `previous`
 * is never changed. Equal means equal as JSON with the keys in the same order (the order is part
 * of what the checks see). Lists of one length are compared item by item; a list that grew or
 * shrank, from its start and from its end (items pasted or deleted in between).
 */
export function shareUnchanged(previous: unknown, next: unknown): unknown {
  if (Object.is(previous, next)) return previous;
  if (previous === null || next === null || typeof previous !== 'object' || typeof next !== 'object') return next;
  if (Array.isArray(previous)) return Array.isArray(next) ? shareItems(previous, next) : next;
  return Array.isArray(next) ? next : shareProperties(previous as Record<string, unknown>, next as Record<string, unknown>);
}

function shareItems(previous: readonly unknown[], next: unknown[]): unknown[] {
  if (previous.length === next.length) {
    let same = true;
    for (let i = 0; i < next.length; i++) {
      next[i] = shareUnchanged(previous[i], next[i]);
      if (next[i] !== previous[i]) same = false;
    }
    return same ? (previous as unknown[]) : next;
  }
  // Only items equal as a whole: each previous item is used once, in one place.
  let start = 0;
  for (; start < previous.length && start < next.length && sameJson(previous[start], next[start]); start++) next[start] = previous[start];
  for (let i = previous.length - 1, j = next.length - 1; i >= start && j >= start && sameJson(previous[i], next[j]); i--, j--) next[j] = previous[i];
  return next;
}

/** Equal as parsed JSON, keys in the same order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== other[i] || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function shareProperties(previous: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(next);
  const before = Object.keys(previous);
  let same = keys.length === before.length;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== before[i]) same = false;
    if (!Object.hasOwn(previous, key)) continue;
    const value = shareUnchanged(previous[key], next[key]);
    if (value !== previous[key]) same = false;
    // An own property (even "__proto__"): assigning it never sets the prototype.
    next[key] = value;
  }
  return same ? previous : next;
}
