// The schema stays published for other editors and CI: the SchemaStore-style catalog entry in
// schemas/catalog.json points at the schema's stable $id and matches the files VS Code gives our language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRepoFile } from '../helpers/repo';

const STABLE_ID = 'https://opentrack-tools.dev/schemas/opentrack-competition.schema.json';
const catalog = JSON.parse(readRepoFile('schemas', 'catalog.json')) as { schemas: { name: string; description: string; fileMatch: string[]; url: string }[] };
const schema = JSON.parse(readRepoFile('schemas', 'opentrack-competition.schema.json')) as { $id: string };
const manifest = JSON.parse(readRepoFile('package.json'));

test('the catalog entry names the schema by its stable $id, with a description', () => {
  assert.equal(schema.$id, STABLE_ID, 'the $id is a published address: never change it');
  assert.equal(catalog.schemas.length, 1);
  const [entry] = catalog.schemas;
  assert.equal(entry!.url, STABLE_ID);
  assert.ok(entry!.description.length > 40 && !entry!.description.endsWith('.'), 'SchemaStore style: a sentence without a final dot');
});

test('the catalog matches exactly the files VS Code opens as OpenTrack JSON', () => {
  const [language] = manifest.contributes.languages;
  assert.equal(language.id, 'opentrack-json');
  assert.deepEqual(catalog.schemas[0]!.fileMatch, language.filenamePatterns);
});

test('VS Code gets the schema through the extension only: no jsonValidation contribution', () => {
  assert.equal(manifest.contributes.jsonValidation, undefined);
});
