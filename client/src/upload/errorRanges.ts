// Where the server's complaints go in the document: offsets for each field error, from its document path.
// Pure (no vscode), so it is unit-tested directly; serverErrors.ts turns the offsets into diagnostics.
import { formatPath, reportSpans } from '../../../server/src/shared/jsonPaths';
import type { FieldError } from '../../../server/src/upload';

export interface LocatedFieldError {
  offset: number;
  length: number;
  /** The server's message, prefixed with the field's path when it has one. */
  message: string;
  /** False when the path is not in the text and the error sits on the closest enclosing node. */
  exact: boolean;
}

/**
 * Range policy (never the whole file, never a whole object):
 * - a scalar at the path: its value;
 * - an object or array at the path: its property key, or its opening bracket (1 character) when it has no key;
 * - a path missing from the text (a required field, an index past the end): the closest existing ancestor,
 *   placed as above: a missing `events[0].rounds` lands on the `{` of `events[0]`, a missing `slug` on the root `{`;
 * - no path (about the whole request): the document's opening `{` (1 character).
 * Identical errors at the same place are reported once.
 */
export function locateFieldErrors(text: string, errors: readonly FieldError[]): LocatedFieldError[] {
  const places = reportSpans(text, errors.map(({ path }) => ({ path })));
  const located: LocatedFieldError[] = [];
  const seen = new Set<string>();
  errors.forEach(({ path, message }, i) => {
    const place = places[i]!;
    const full = path.length > 0 ? `${formatPath(path)}: ${message}` : message;
    const key = `${place.offset}:${place.length}:${full}`;
    if (seen.has(key)) return;
    seen.add(key);
    located.push({ ...place, message: full });
  });
  return located;
}
