import { competitionSchema } from './schema/competitionSchema';
import { asObject } from './model';

/** Converts a file glob (`**`, `*`, `?`, `{a,b}`) to a regular expression over a path. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else source += '[^/]*';
    } else if (ch === '?') source += '[^/]';
    else if (ch === '{') source += '(?:';
    else if (ch === '}') source += ')';
    else if (ch === ',' && source.includes('(?:')) source += '|';
    else source += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  // A pattern without a slash matches the file name anywhere, as in VS Code's files.associations.
  return new RegExp(glob.includes('/') ? `(?:^|/)${source}$` : `(?:^|/)${source}$`);
}

/** True when the path of the URI matches one of the globs. */
export function matchesGlobs(uri: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const path = decodeURIComponent(uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''));
  return globs.some((glob) => globToRegExp(glob).test(path));
}

/** True when the file name marks the document as a competition (`*.opentrack.json` or a configured glob). */
export function matchesCompetitionName(uri: string, globs: readonly string[]): boolean {
  return /\.opentrack\.json$/i.test(decodeURIComponent(uri)) || matchesGlobs(uri, globs);
}

/** Cheap test on the raw text before parsing: a competition mentions "events". */
export function mayBeCompetition(text: string): boolean {
  return text.includes('"events"') || text.includes('$schema');
}

/**
 * Content detection: `$schema` names our schema, or the top level is unmistakably a competition
 * (an `events` list and one of `full_name`, `slug`, `competitors`).
 */
export function looksLikeCompetition(value: unknown): boolean {
  const root = asObject(value);
  if (!root) return false;
  if (typeof root.$schema === 'string' && (root.$schema === competitionSchema.$id || root.$schema.endsWith('opentrack-competition.schema.json'))) return true;
  return Array.isArray(root.events) && ('full_name' in root || 'slug' in root || 'competitors' in root);
}
