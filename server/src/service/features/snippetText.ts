import { SchemaNode } from '../schema/schemaTypes';
import { branches, itemsOf, resolveRef } from '../schema/competitionSchema';

/**
 * Snippet text for a JSON value whose strings are snippet templates (`"${1:T01}"`), with the
 * convention of JSON schema `defaultSnippets`: a string starting with `^` is inserted raw
 * (unquoted), for numbers and booleans (`"^${2:1}"`) or literal JSON (`"^[$0]"`). Objects and
 * lists of objects take one member per line, indented with tabs (editors re-indent snippets);
 * lists of scalars stay on one line.
 */
export function snippetJson(value: unknown, indent = ''): string {
  if (typeof value === 'string') return value.startsWith('^') ? value.slice(1) : `"${value}"`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => item === null || typeof item !== 'object')) return `[${value.map((item) => snippetJson(item)).join(', ')}]`;
    const inner = `${indent}\t`;
    return `[\n${value.map((item) => inner + snippetJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = `${indent}\t`;
    return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${snippetJson(item, inner)}`).join(',\n')}\n${indent}}`;
  }
  return String(value);
}

/** Escapes text for a snippet placeholder default, after JSON string escaping. */
function escapeSnippet(text: string): string {
  return JSON.stringify(text).slice(1, -1).replace(/[$}\\]/g, '\\$&');
}

/**
 * The text a snippet inserts when every placeholder keeps its default: `${1:T01}` → `T01`,
 * `${2|M,F|}` → `M`, `$0` → nothing.
 */
export function expandSnippet(snippet: string): string {
  return snippet.replace(/\$\{\d+:((?:\\.|[^}\\])*)\}|\$\{\d+\|((?:\\.|[^,|\\])*)[^}]*\}|\$\{\d+\}|\$\d+|\\([$}\\])/g, (_m, value?: string, option?: string, escaped?: string) =>
    escaped ?? (value ?? option ?? '').replace(/\\([$}\\,|])/g, '$1'),
  );
}

/** `${n:default}` with the default escaped. */
export function placeholder(index: number, text: string): string {
  return `\${${index}:${escapeSnippet(text)}}`;
}

/** `${n|a,b|}`: a choice, the first option being the default. */
export function choice(index: number, options: readonly string[]): string {
  return `\${${index}|${options.map((o) => escapeSnippet(o).replace(/[,|]/g, '\\$&')).join(',')}|}`;
}

function typesOf(node: SchemaNode): string[] {
  const types = new Set<string>();
  for (const branch of branches(node)) {
    const type = branch.type;
    for (const t of Array.isArray(type) ? type : type ? [type] : []) if (t !== 'null') types.add(t);
  }
  return [...types];
}

/**
 * The value skeleton inserted after a property name: the schema's first default snippet,
 * else by type — a choice of the enum, `"$1"` for strings, `${1:1}` for integers, `[$1]` for
 * lists (`["$1"]` for lists of strings), `{$1}` for objects.
 */
export function propertyValueSnippet(property: SchemaNode): string {
  const node = resolveRef(property) ?? property;
  const snippet = property.defaultSnippets?.[0] ?? node.defaultSnippets?.[0];
  if (snippet) return snippetJson(snippet.body);
  const values = node.enum?.filter((v): v is string => typeof v === 'string');
  if (values?.length) return `"${choice(1, values)}"`;
  const types = typesOf(node);
  switch (types.length === 1 ? types[0] : undefined) {
    case 'string':
      return '"$1"';
    case 'integer':
      return '${1:1}';
    case 'number':
      return '${1:0}';
    case 'boolean':
      return '${1|true,false|}';
    case 'array':
      return typesOf(resolveRef(itemsOf(node)) ?? {}).join() === 'string' ? '["$1"]' : '[$1]';
    case 'object':
      return '{$1}';
    default:
      return '$1';
  }
}
