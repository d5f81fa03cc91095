import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../helpers/service';
import { readRepoFile, repoRoot } from '../helpers/repo';

const examples = readdirSync(join(repoRoot(), 'test', 'fixtures', 'schema', 'valid')).map((name) => ['test/fixtures/schema/valid', name] as const);
const samples = readdirSync(join(repoRoot(), 'samples'))
  .filter((name) => name.endsWith('.opentrack.json') && name !== 'broken.opentrack.json')
  .map((name) => ['samples', name] as const);

test('there are five OpenTrack examples and a sample per event kind', () => {
  assert.equal(examples.length, 5);
  assert.ok(samples.length >= 7);
});

for (const [folder, name] of [...examples, ...samples]) {
  test(`${folder}/${name}: no error, no warning`, () => {
    const diagnostics = diagnose(readRepoFile(folder, name));
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1}: ${String(d.code)} ${d.message}`), []);
  });
}

test('the broken demo sample reports each of its mistakes', () => {
  const codes = new Set(diagnose(readRepoFile('samples', 'broken.opentrack.json')).map((d) => d.code));
  for (const code of ['OT101', 'OT201', 'OT302', 'OT606', 'OT203', 'OT010', 'OT013', 'OT604']) assert.ok(codes.has(code), `missing ${code}: ${[...codes].join(' ')}`);
});
