import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readRepoFile, repoRoot } from './repo';
import { generateCompetition } from '../bench/generate';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

/** Valid meets: the samples (not the broken one), OpenTrack's examples, and generated meets. */
export function validCorpus(): { name: string; doc: Json }[] {
  const files = [
    ...readdirSync(join(repoRoot(), 'samples'))
      .filter((name) => name.endsWith('.opentrack.json') && name !== 'broken.opentrack.json')
      .map((name) => ['samples', name]),
    ...readdirSync(join(repoRoot(), 'test', 'fixtures', 'schema', 'valid')).map((name) => ['test/fixtures/schema/valid', name]),
  ];
  return [
    ...files.map(([folder, name]) => ({ name: `${folder}/${name}`, doc: JSON.parse(readRepoFile(folder!, name!)) as Json })),
    ...[1, 2].map((seed) => ({ name: `generated seed ${seed}`, doc: generateCompetition({ competitors: 8, seed }) as Json })),
  ];
}

/** What a leaf is, for choosing realistic mistakes. */
export type LeafKind =
  | 'trial-mark'
  | 'vertical-result'
  | 'height'
  | 'heights-entry'
  | 'performance'
  | 'place'
  | 'bib'
  | 'code'
  | 'event-id'
  | 'lane'
  | 'date'
  | 'day'
  | 'gender'
  | 'other';

export interface Leaf {
  path: Path;
  value: string | number | boolean | null;
  kind: LeafKind;
}

function classify(path: Path, parent: Record<string, Json> | Json[]): LeafKind {
  const key = path[path.length - 1];
  const container = path[path.length - 3];
  if (container === 'trials' && key === 'result') return 'height' in (parent as Record<string, Json>) ? 'vertical-result' : 'trial-mark';
  if (container === 'trials' && key === 'height') return 'height';
  if (path[path.length - 2] === 'heights') return 'heights-entry';
  if (container === 'results' && key === 'performance') return 'performance';
  if (container === 'results' && key === 'place') return 'place';
  if (key === 'bib' || key === 'competitor_id' || path[path.length - 2] === 'runners') return 'bib';
  if (key === 'event_code') return 'code';
  if (key === 'event_id') return 'event-id';
  if (key === 'lane') return 'lane';
  if (key === 'date_of_birth' || key === 'date' || key === 'finish_date') return 'date';
  if (key === 'day') return 'day';
  if (key === 'gender' || key === 'genders') return 'gender';
  return 'other';
}

/** Every scalar of the document, with its path. */
export function leaves(doc: Json): Leaf[] {
  const out: Leaf[] = [];
  const walk = (value: Json, path: Path, parent: Record<string, Json> | Json[] | undefined): void => {
    if (value !== null && typeof value === 'object') {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i], value));
      else for (const [key, item] of Object.entries(value)) walk(item, [...path, key], value);
      return;
    }
    if (parent) out.push({ path, value, kind: classify(path, parent) });
  };
  walk(doc, [], undefined);
  return out;
}

/** Path → value of every scalar and empty container: two documents are equal where their maps agree. */
export function flatten(doc: Json): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: Json, path: Path): void => {
    if (value !== null && typeof value === 'object' && Object.keys(value).length > 0) {
      for (const [key, item] of Object.entries(value)) walk(item as Json, [...path, Array.isArray(value) ? Number(key) : key]);
    } else out.set(JSON.stringify(path), JSON.stringify(value));
  };
  walk(doc, []);
  return out;
}

/** A small seeded generator, so that every mutation is reproducible from one integer. */
export class Prng {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const metres = (random: Prng, max: number): string => (random.next() * max).toFixed(2);

/** A digit of the text replaced by another: the commonest slip in results. */
function tweakDigit(text: string, random: Prng): string {
  const digits = [...text].flatMap((ch, i) => (/\d/.test(ch) ? [i] : []));
  if (digits.length === 0) return `${text}1`;
  const at = random.pick(digits);
  const digit = String((Number(text[at]) + 1 + random.int(9)) % 10);
  return text.slice(0, at) + digit + text.slice(at + 1);
}

function flipCase(text: string): string {
  return text === text.toUpperCase() ? text.toLowerCase() : text.toUpperCase();
}

/** The values a leaf may take by mistake; others of the same document are used too (`peers`). */
export function mistake(leaf: Leaf, peers: readonly Leaf[], random: Prng): Json {
  const value = leaf.value;
  const text = String(value);
  const same = peers.filter((p) => p.kind === leaf.kind && p.value !== value).map((p) => p.value);
  const choices: Array<() => Json> = [() => tweakDigit(text, random), () => (same.length ? random.pick(same) : `${text}0`)];
  switch (leaf.kind) {
    case 'trial-mark':
      choices.push(() => metres(random, 20), () => random.pick(['x', '-', 'r', 'X', 'o', 'abc', '', '5.7', text.replace('.', ','), ` ${text}`]));
      break;
    case 'vertical-result':
      choices.push(() => random.pick(['o', 'x', '-', 'r', 'X', 'O', 'xo']));
      break;
    case 'height':
    case 'heights-entry':
      choices.push(() => metres(random, 6), () => random.pick([text.replace('.', ','), `${text}0`, text.slice(0, -1)]));
      break;
    case 'performance':
      choices.push(() => random.pick(['DNF', 'dnf', 'DSQ', 'DQ', 'NM', 'NH', 'DNS', 'abc', text.replace('.', ','), `${text} m`, `${text}.5`, `9${text}`, text.replace(':', '.')]));
      break;
    case 'place':
      choices.push(() => random.int(12), () => text, () => (typeof value === 'number' ? value + 1 : 1));
      break;
    case 'bib':
      choices.push(() => random.pick(['999', `${text}A`, text.toLowerCase(), ` ${text}`]));
      break;
    case 'code':
      choices.push(() => flipCase(text), () => random.pick(['constructor', 'toString', '__proto__', '99999K', '4X100', 'LJ', 'TJ', 'HJ', '100', '200', '100m', 'lj']));
      break;
    case 'event-id':
      choices.push(() => text.toLowerCase(), () => flipCase(text));
      break;
    case 'lane':
      choices.push(() => (typeof value === 'number' ? value + 1 : 1), () => random.int(10));
      break;
    case 'date':
      choices.push(() => text.replace(/^\d{4}/, (year) => String(Number(year) + random.pick([1, 30, 100]))), () => text.replace(/^\d{4}/, '1890'));
      break;
    case 'day':
      choices.push(() => (typeof value === 'number' ? value + 1 : 2), () => random.int(9));
      break;
    case 'gender':
      choices.push(() => random.pick(['M', 'F', 'X', 'W', 'm']));
      break;
    case 'other':
      if (typeof value === 'string') choices.push(() => flipCase(text), () => text.replace(/,/g, ';'), () => `${text} `);
      if (typeof value === 'number') choices.push(() => String(value), () => value + 1);
      if (typeof value === 'boolean') choices.push(() => String(value), () => !value);
      break;
  }
  return random.pick(choices)();
}

/** A copy of the document with the value at `path` replaced. */
export function withValue(doc: Json, path: Path, value: Json): Json {
  const copy = structuredClone(doc);
  let target = copy as Record<string | number, Json>;
  for (const segment of path.slice(0, -1)) target = target[segment] as Record<string | number, Json>;
  target[path[path.length - 1]!] = value;
  return copy;
}

export function valueAt(doc: Json, path: Path): Json | undefined {
  let target: Json | undefined = doc;
  for (const segment of path) {
    if (target === null || typeof target !== 'object') return undefined;
    target = (target as Record<string | number, Json>)[segment];
  }
  return target;
}

/** fc.assert, with the failing assertion's message in the report (node --test shows no `cause`). */
export function assertProperty<T>(property: fc.IProperty<T>, parameters: fc.Parameters<T>): void {
  try {
    fc.assert(property, parameters);
  } catch (error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    throw new Error(`${(error as Error).message}\n${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
