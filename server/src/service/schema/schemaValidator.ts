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

function propertyName(path: JsonPath): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? `"${last}"` : path.length > 0 ? `item ${String(last)} of "${String(path[path.length - 2])}"` : 'the document';
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return `a ${typeof value}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string', integer: 'a whole number', number: 'a number', boolean: '`true` or `false`',
  array: 'a list `[...]`', object: 'an object `{...}`', null: '`null`',
};

/** The first paragraph of the property's description: what the value is and its format. */
function summary(schema: SchemaNode | undefined): string {
  const paragraph = schema?.description?.split('\n\n')[0]?.trim() ?? '';
  return paragraph === '' || /[.!?]$/.test(paragraph) ? paragraph : `${paragraph}.`;
}

function example(schema: SchemaNode | undefined): string {
  const first = schema?.examples?.[0];
  return first === undefined ? '' : ` For example: ${JSON.stringify(first)}.`;
}

function toFinding(error: ErrorObject): Finding {
  const path = pointerToPath(error.instancePath);
  const schema = error.parentSchema as SchemaNode | undefined;
  const name = propertyName(path);
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return {
        code: 'OT011',
        message: `Missing required property "${missing}". Add it to ${path.length ? propertyName(path) : 'the competition'}.`,
        path,
        target: 'key',
      };
    }
    case 'type': {
      const expected = String((error.params as { type: string }).type).split(',');
      const words = expected.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      const finding: Finding = { code: 'OT010', message: `${capitalise(name)} must be ${words}, not ${typeName(error.data)}.`, path };
      const converted = convertType(error.data, expected);
      if (converted !== undefined) {
        finding.fixes = [{ title: `Change to ${JSON.stringify(converted)}`, edits: [{ op: 'replace', path, value: converted }], preferred: true, safe: true }];
      }
      return finding;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      const finding: Finding = {
        code: 'OT012',
        message: `${capitalise(name)} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}; found ${JSON.stringify(error.data)}.`,
        path,
      };
      const match = typeof error.data === 'string' ? allowed.filter((v) => typeof v === 'string' && v.toLowerCase() === (error.data as string).toLowerCase()) : [];
      if (match.length === 1) finding.fixes = [{ title: `Change to ${JSON.stringify(match[0])}`, edits: [{ op: 'replace', path, value: match[0] }], preferred: true, safe: true }];
      return finding;
    }
    case 'pattern':
    case 'format': {
      const impossibleDate = schema?.format === 'date' && typeof error.data === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(error.data);
      const finding: Finding = {
        code: 'OT013',
        message: impossibleDate
          ? `${capitalise(name)} ${JSON.stringify(error.data)} is not a day of the calendar: check the month (01–12) and the day of the month.`
          : `${capitalise(name)} has the wrong format: ${JSON.stringify(error.data)}. ${summary(schema)}${example(schema)}`.trimEnd(),
        path,
      };
      if (path[path.length - 1] === 'slug' && typeof error.data === 'string') {
        const slug = slugify(error.data);
        if (slug && slug !== error.data) finding.fixes = [slugFix(path, slug)];
      }
      return finding;
    }
    default:
      return { code: 'OT014', message: `${capitalise(name)} ${error.message ?? 'is invalid'}.${example(schema)}`, path };
  }
}

function slugFix(path: JsonPath, slug: string): Fix {
  return { title: `Change to "${slug}"`, edits: [{ op: 'replace', path, value: slug }], preferred: true, safe: true };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
