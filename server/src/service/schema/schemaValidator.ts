import * as l10n from '@vscode/l10n';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { COMPETITION_LISTS, competitionSchema } from './competitionSchema';
import { SchemaNode } from './schemaTypes';
import { Finding, Fix } from '../findings';
import { JsonPath, pointerToPath } from '../json/path';
import { slugify } from '../format/slug';
import { parseMetres } from '../format/performance';

/** VS Code's annotation keywords used by the schema (for hover, completion and messages in the editor). */
export const VSCODE_KEYWORDS = ['markdownDescription', 'defaultSnippets', 'patternErrorMessage'] as const;

interface Validators {
  /** The competition without the items of its lists. */
  root: ValidateFunction;
  /** One validator per list, for a single item. */
  items: Map<string, ValidateFunction>;
}

let compiled: Validators | undefined;

/** Compiles the schema once per process (the first validation pays for it). */
export function compiledSchema(): Validators {
  return (compiled ??= compileValidators(appendErrorsInPlace));
}

/** The validators, with `processCode` applied to the code ajv generates for each. */
export function compileValidators(processCode: (code: string) => string): Validators {
  const ajv = new Ajv({ allErrors: true, strict: true, verbose: true, code: { process: processCode } });
  for (const keyword of VSCODE_KEYWORDS) ajv.addKeyword(keyword);
  addFormats(ajv, ['date', 'uri', 'email', 'uuid']);
  ajv.addSchema(competitionSchema);
  const { $id, ...schema } = competitionSchema;
  const properties = { ...schema.properties };
  const items = new Map<string, ValidateFunction>();
  for (const list of COMPETITION_LISTS) {
    properties[list] = { ...properties[list]!, items: {} };
    items.set(list, ajv.compile({ $ref: `${$id}#/properties/${list}/items` }));
  }
  return { root: ajv.compile({ ...schema, properties }), items };
}

/**
 * Ajv gathers the errors of a referenced schema with `vErrors = vErrors.concat(refErrors)`: a copy
 * of every error so far at each call, quadratic in the number of invalid items of a list. The
 * generated code appends them in place instead (the callee's array is fresh on every call).
 */
export function appendErrorsInPlace(code: string): string {
  return code.replace(/vErrors = vErrors === null \? ([\w$.]+) : vErrors\.concat\(\1\);/g, 'if (vErrors === null) vErrors = $1; else for (const e of $1) vErrors.push(e);');
}

/** Keywords that only summarise the errors of their branches. */
const SUMMARY_KEYWORDS = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'not']);

export interface SchemaFindings {
  findings: Finding[];
  /** Items of the lists left unchecked once the budget was spent (0 when everything was checked). */
  unchecked: number;
}

/**
 * Items found valid. Parsed values are never changed, and the versions made by typing share
 * every item the edit did not touch (incremental parse): only the edited item is checked again.
 */
const knownValid = new WeakSet<object>();

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/**
 * Schema diagnostics, condensed to one per offending value and placed on it. The lists are
 * checked item by item, and checking stops at the first item after `budget` findings: a file
 * full of invalid items costs no more than the problems it can show.
 */
export function validateAgainstSchema(value: unknown, budget = Infinity): SchemaFindings {
  const { root, items } = compiledSchema();
  const errors: ErrorObject[] = [];
  if (!root(value)) errors.push(...(root.errors ?? []));
  let unchecked = 0;
  const lists = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  for (const list of COMPETITION_LISTS) {
    const entries = lists[list];
    if (!Array.isArray(entries)) continue;
    const validate = items.get(list)!;
    for (let i = 0; i < entries.length; i++) {
      if (errors.length >= budget) {
        unchecked += entries.length - i;
        break;
      }
      const entry: unknown = entries[i];
      if (isObject(entry) && knownValid.has(entry)) continue;
      if (validate(entry)) {
        if (isObject(entry)) knownValid.add(entry);
        continue;
      }
      const prefix = `/${list}/${i}`;
      for (const error of validate.errors ?? []) {
        error.instancePath = prefix + error.instancePath;
        errors.push(error);
      }
    }
  }
  return { findings: condense(errors), unchecked };
}

/** One finding per code and place; a summary (if, anyOf…) only where no specific error explains it. */
function condense(errors: readonly ErrorObject[]): Finding[] {
  const explained = new Set<string>();
  for (const error of errors) {
    if (SUMMARY_KEYWORDS.has(error.keyword)) continue;
    // The pointer and each of its ancestors have a specific error at or below them.
    for (let pointer = error.instancePath; !explained.has(pointer); pointer = pointer.slice(0, pointer.lastIndexOf('/'))) {
      explained.add(pointer);
      if (pointer === '') break;
    }
  }
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const error of errors) {
    if (SUMMARY_KEYWORDS.has(error.keyword) && explained.has(error.instancePath)) continue;
    const finding = toFinding(error);
    const key = `${finding.code}|${error.instancePath}|${finding.target ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
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
      const mark = trialMarkWithPoint(path, error.data);
      if (mark) finding.fixes = [{ title: l10n.t('Change to {0}', mark), edits: [{ op: 'replace', path, value: mark }], kind: 'separator', preferred: true }];
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

/** A trial's mark or height written with a decimal comma ("7,12"), in OpenTrack's notation. */
function trialMarkWithPoint(path: JsonPath, data: unknown): string | undefined {
  const key = path[path.length - 1];
  if (path[path.length - 3] !== 'trials' || (key !== 'result' && key !== 'height') || typeof data !== 'string' || !/^\d+,\d+$/.test(data)) return undefined;
  const mark = data.replace(',', '.');
  return parseMetres(mark) === undefined ? undefined : mark;
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
