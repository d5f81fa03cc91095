import picomatch from 'picomatch';
import * as l10n from '@vscode/l10n';
import { competitionSchema } from './schema/competitionSchema';
import { asObject } from './model';

/** A compiled glob, or why the glob cannot be used. */
type CompiledGlob = { match: (path: string) => boolean } | { problem: string };
const compiledGlobs = new Map<string, CompiledGlob>();

/**
 * Compiles a glob as VS Code's `files.associations` reads it (picomatch): without a slash it
 * matches the file name anywhere, with one it matches the end of the path. Cached per glob.
 */
function compileGlob(glob: string): CompiledGlob {
  let compiled = compiledGlobs.get(glob);
  if (!compiled) {
    compiled = { problem: unbalanced(glob) ?? '' };
    if (!compiled.problem) {
      try {
        const pattern = glob.includes('/') && !glob.startsWith('/') && !glob.startsWith('**/') ? `**/${glob}` : glob;
        const isMatch = picomatch(pattern, { dot: true, basename: !glob.includes('/'), strictBrackets: true });
        compiled = { match: (path: string) => isMatch(path) };
      } catch (error) {
        compiled = { problem: error instanceof Error ? error.message : String(error) };
      }
    }
    if (compiledGlobs.size > 256) compiledGlobs.clear();
    compiledGlobs.set(glob, compiled);
  }
  return compiled;
}

/** Unbalanced braces or brackets, which glob libraries silently read as "match nothing". */
function unbalanced(glob: string): string | undefined {
  if (glob.trim() === '') return l10n.t('the pattern is empty');
  let braces = 0;
  let bracket = false;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\') i++;
    else if (bracket) bracket = ch !== ']';
    else if (ch === '[') bracket = true;
    else if (ch === '{') braces++;
    else if (ch === '}' && --braces < 0) return l10n.t('a `}` has no matching `{`');
  }
  if (bracket) return l10n.t('a `[` is not closed');
  return braces > 0 ? l10n.t('a `{` is not closed') : undefined;
}

/** Why a glob of a setting cannot be used (it is then ignored), or undefined when it is fine. */
export function globProblem(glob: unknown): string | undefined {
  if (typeof glob !== 'string') return l10n.t('it is not a string');
  const compiled = compileGlob(glob);
  return 'problem' in compiled ? compiled.problem : undefined;
}

/** The path of a URI, decoded (a malformed escape is left as it is). */
function uriPath(uri: string): string {
  const path = uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** True when the path of the URI matches one of the globs; unusable globs match nothing. */
export function matchesGlobs(uri: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const path = uriPath(uri);
  return globs.some((glob) => {
    const compiled = typeof glob === 'string' ? compileGlob(glob) : undefined;
    return compiled !== undefined && 'match' in compiled && compiled.match(path);
  });
}

/** True when the file name marks the document as a competition (`*.opentrack.json` or a configured glob). */
export function matchesCompetitionName(uri: string, globs: readonly string[]): boolean {
  return /\.opentrack\.json$/i.test(uriPath(uri)) || matchesGlobs(uri, globs);
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
