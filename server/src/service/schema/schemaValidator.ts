import * as l10n from '@vscode/l10n';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { competitionSchema } from './competitionSchema';
import { SchemaNode } from './schemaTypes';
import { Finding, Fix } from '../findings';
import { JsonPath, pointerToPath } from '../json/path';
import { slugify } from '../format/slug';

let compiled: ValidateFunction | undefined;

/** VS Code's annotation keywords used by the schema (for hover, completion and messages in the editor). */
export const VSCODE_KEYWORDS = ['markdownDescription', 'defaultSnippets', 'patternErrorMessage'] as const;

/** Compiles the schema once per process (the first validation pays for it). */
export function compiledSchema(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
    for (const keyword of VSCODE_KEYWORDS) ajv.addKeyword(keyword);
    addFormats(ajv, ['date', 'uri', 'email', 'uuid']);
    compiled = ajv.compile(competitionSchema);
  }
  return compiled;
}

/** Keywords that only summarise the errors of their branches. */
const SUMMARY_KEYWORDS = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'not']);

/** Schema diagnostics, condensed to one per offending value and placed on it. */
export function validateAgainstSchema(value: unknown): Finding[] {
  const validate = compiledSchema();
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const specific = new Set(errors.filter((e) => !SUMMARY_KEYWORDS.has(e.keyword)).map((e) => e.instancePath));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const error of errors) {
    if (SUMMARY_KEYWORDS.has(error.keyword) && hasSpecificBelow(specific, error.instancePath)) continue;
    const finding = toFinding(error);
    const key = `${finding.code}|${JSON.stringify(finding.path)}|${finding.target ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

function hasSpecificBelow(specific: Set<string>, pointer: string): boolean {
  for (const path of specific) if (path === pointer || path.startsWith(pointer + '/')) return true;
  return false;
}

/** How a message names the value at a path: mid-sentence (`item 2 of "heights"`), or starting one (`Item 2 of "heights"`). */
function propertyName(path: JsonPath, start = false): string {
  const last = path[path.length - 1];
  if (typeof last === 'string') return `"${last}"`;
  if (path.length === 0) return start ? l10n.t('The document') : l10n.t('the document');
  const list = String(path[path.length - 2]);
  return start ? l10n.t('Item {0} of "{1}"', String(last), list) : l10n.t('item {0} of "{1}"', String(last), list);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return l10n.t('a list');
  if (typeof value === 'object') return l10n.t('an object');
  if (typeof value === 'string') return l10n.t('a string');
  if (typeof value === 'number') return Number.isInteger(value) ? l10n.t('an integer') : l10n.t('a number');
  if (typeof value === 'boolean') return l10n.t('a boolean');
  return l10n.t('a {0}', typeof value);
}

/** A value as a message quotes it: scalars as JSON, containers by their type (a deep one cannot overflow the stack). */
function shown(value: unknown): string {
  return value !== null && typeof value === 'object' ? typeName(value) : String(JSON.stringify(value));
}

/** How messages name the JSON schema types. */
const TYPE_WORDS: Record<string, () => string> = {
  string: () => l10n.t('a string'),
  integer: () => l10n.t('a whole number'),
  number: () => l10n.t('a number'),
  boolean: () => l10n.t('`true` or `false`'),
  array: () => l10n.t('a list `[...]`'),
  object: () => l10n.t('an object `{...}`'),
  null: () => '`null`',
};

/** The first paragraph of the property's description: what the value is and its format. */
function summary(schema: SchemaNode | undefined): string {
  const paragraph = schema?.description?.split('\n\n')[0]?.trim() ?? '';
  return paragraph === '' || /[.!?]$/.test(paragraph) ? paragraph : `${paragraph}.`;
}

/** The message, followed by the schema's first example when it has one. */
function withExample(message: string, schema: SchemaNode | undefined): string {
  const first = schema?.examples?.[0];
  return first === undefined ? message : `${message} ${l10n.t('For example: {0}.', String(JSON.stringify(first)))}`;
}

/** What was found, then the schema's own words on the format (its description's first paragraph) and an example. */
function wrongFormat(found: string, schema: SchemaNode | undefined): string {
  return withExample(`${found} ${summary(schema)}`, schema).trimEnd();
}

function toFinding(error: ErrorObject): Finding {
  const path = pointerToPath(error.instancePath);
  const schema = error.parentSchema as SchemaNode | undefined;
  const subject = propertyName(path, true);
  const data = shown(error.data);
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return {
        code: 'OT011',
        message: l10n.t('Missing required property "{0}". Add it to {1}.', missing, path.length ? propertyName(path) : l10n.t('the competition')),
        path,
        target: 'key',
      };
    }
    case 'type': {
      const expected = String((error.params as { type: string }).type).split(',');
      const words = expected.map((t) => TYPE_WORDS[t]?.() ?? t).reduce((either, or) => l10n.t('{0} or {1}', either, or));
      const finding: Finding = { code: 'OT010', message: l10n.t('{0} must be {1}, not {2}.', subject, words, typeName(error.data)), path };
      const converted = convertType(error.data, expected);
      if (converted !== undefined) {
        finding.fixes = [{ title: l10n.t('Change to {0}', JSON.stringify(converted)), edits: [{ op: 'replace', path, value: converted }], kind: Array.isArray(converted) ? 'data' : 'type', preferred: true }];
      }
      return finding;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      const finding: Finding = {
        code: 'OT012',
        message: l10n.t('{0} must be one of {1}; found {2}.', subject, allowed.map((v) => JSON.stringify(v)).join(', '), data),
        path,
      };
      const match = typeof error.data === 'string' ? allowed.filter((v) => typeof v === 'string' && v.toLowerCase() === (error.data as string).toLowerCase()) : [];
      if (match.length === 1) finding.fixes = [{ title: l10n.t('Change to {0}', JSON.stringify(match[0])), edits: [{ op: 'replace', path, value: match[0] }], kind: 'case', preferred: true }];
      return finding;
    }
    case 'pattern':
    case 'format': {
      const impossibleDate = schema?.format === 'date' && typeof error.data === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(error.data);
      const finding: Finding = {
        code: 'OT013',
        message: impossibleDate
          ? l10n.t('{0} {1} is not a day of the calendar: check the month (01–12) and the day of the month.', subject, data)
          : wrongFormat(l10n.t('{0} has the wrong format: {1}.', subject, data), schema),
        path,
      };
      if (path[path.length - 1] === 'slug' && typeof error.data === 'string') {
        const slug = slugify(error.data);
        if (slug && slug !== error.data) finding.fixes = [slugFix(path, slug)];
      }
      return finding;
    }
    default:
      return {
        code: 'OT014',
        // Ajv words the constraint ("must NOT have more than 3 items"), in English.
        message: withExample(error.message === undefined ? l10n.t('{0} is invalid.', subject) : l10n.t('{0} {1}.', subject, error.message), schema),
        path,
      };
  }
}

function slugFix(path: JsonPath, slug: string): Fix {
  // A slug is the competition's address on OpenTrack: another slug may name another competition.
  return { title: l10n.t('Change to "{0}"', slug), edits: [{ op: 'replace', path, value: slug }], kind: 'data' };
}

/** The value converted to the expected type, when the conversion is obvious and lossless. */
function convertType(value: unknown, expected: string[]): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (expected.includes('integer') && /^-?\d+$/.test(trimmed)) return Number(trimmed);
    if (expected.includes('number') && /^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
    if (expected.includes('boolean') && /^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  }
  if (typeof value === 'number' && expected.includes('string')) return String(value);
  if (typeof value === 'string' && expected.includes('array') && value.trim() !== '') return value.split(',').map((v) => v.trim());
  return undefined;
}
