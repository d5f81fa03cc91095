import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../server/src/service';
import { diagnose } from '../helpers/service';
import { Json, assertProperty, Prng, flatten, leaves, mistake, validCorpus, withValue } from '../helpers/mutations';

const URI = 'file:///meet.opentrack.json';
const corpus = validCorpus().map(({ name, doc }) => ({ name, doc, leaves: leaves(doc) }));

/** The text after `source.fixAll.opentrack`, computed as the server computes it. */
function fixAll(text: string): string {
  const diagnostics = diagnose(text);
  const [action] = codeActions(TextDocument.create(URI, 'json', 1, text), [], ['source.fixAll'], diagnostics);
  const edits = action?.edit?.changes?.[URI] ?? [];
  return TextDocument.applyEdits(TextDocument.create(URI, 'json', 1, text), edits);
}

/** Paths (as flatten keys) whose value differs between the two documents, leaving out `except` and what lies inside it. */
function changedPaths(before: Json, after: Json, except: string): string[] {
  const [a, b] = [flatten(before), flatten(after)];
  const prefix = except.slice(0, -1);
  const inside = (key: string): boolean => key === except || key.startsWith(`${prefix},`);
  return [...new Set([...a.keys(), ...b.keys()])].filter((key) => !inside(key) && a.get(key) !== b.get(key));
}

test('the corpus is valid meets with thousands of values to mutate', () => {
  assert.ok(corpus.length >= 12, `${corpus.length} documents`);
  assert.ok(corpus.reduce((n, c) => n + c.leaves.length, 0) > 5000);
});

test('Fix All never changes a value the mutation did not touch (one random mistake per document)', () => {
  let fixedSomething = 0;
  assertProperty(
    fc.property(fc.nat(), fc.nat(), fc.integer(), fc.boolean(), (docIndex, leafIndex, mutationSeed, minified) => {
      const { name, doc, leaves: docLeaves } = corpus[docIndex % corpus.length]!;
      const leaf = docLeaves[leafIndex % docLeaves.length]!;
      const value = mistake(leaf, docLeaves, new Prng(mutationSeed));
      const mutated = withValue(doc, leaf.path, value);
      const text = minified ? JSON.stringify(mutated) : JSON.stringify(mutated, null, 2);
      const fixed = fixAll(text);
      if (fixed !== text) fixedSomething++;
      const changed = changedPaths(mutated, JSON.parse(fixed) as Json, JSON.stringify(leaf.path));
      assert.deepEqual(changed, [], `${name}: ${JSON.stringify(leaf.path)} ${JSON.stringify(leaf.value)} → ${JSON.stringify(value)}: Fix All changed other values`);
    }),
    { numRuns: 2000, seed: 20261202 },
  );
  // The property is not vacuous: Fix All does repair mistakes in this run.
  assert.ok(fixedSomething > 150, `Fix All applied to ${fixedSomething} documents`);
});

test('Fix All restores a safe mistake exactly (letter case of a code, rounds separator, decimal comma in a performance or a trial)', () => {
  const meet = corpus.find((c) => c.name.endsWith('api_create_full_competition.json'))!.doc as Record<string, any>;
  const events = meet.events as Record<string, any>[];
  const lj = events.findIndex((e) => e.event_code === 'LJ');
  const twoRounds = events.findIndex((e) => e.rounds === '2,1');
  const race = events.findIndex((e) => e.event_code === '100');
  for (const [path, value] of [
    [['events', lj, 'event_code'], 'lj'],
    [['events', twoRounds, 'rounds'], '2;1'],
    [['events', race, 'units', 0, 'results', 0, 'performance'], events[race].units[0].results[0].performance.replace('.', ',')],
    [['events', lj, 'units', 0, 'trials', 2, 'result'], events[lj].units[0].trials[2].result.replace('.', ',')],
  ] as const) {
    const text = JSON.stringify(withValue(meet as Json, [...path], value), null, 2);
    assert.deepEqual(JSON.parse(fixAll(text)), meet, `${JSON.stringify(path)} = ${value}`);
  }
});
