// Tests of the published JSON Schema (schemas/opentrack-competition.schema.json):
// it compiles under ajv strict mode, accepts OpenTrack's own examples and our samples,
// rejects each negative fixture at the expected place, documents every property, and a
// second, independent validator (vscode-json-languageservice) agrees.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/repo';
import { compileStrict } from './schemaAjv';
import { type ErrorObject } from 'ajv';
import { getLanguageService, TextDocument, DiagnosticSeverity } from 'vscode-json-languageservice';

const ROOT = repoRoot();
const SCHEMA_PATH = path.join(ROOT, 'schemas', 'opentrack-competition.schema.json');
const VALID_DIR = path.join(ROOT, 'test', 'fixtures', 'schema', 'valid');
const INVALID_DIR = path.join(ROOT, 'test', 'fixtures', 'schema', 'invalid');
const SAMPLES_DIR = path.join(ROOT, 'samples');
const SCHEMA_ID = 'https://opentrack-tools.dev/schemas/opentrack-competition.schema.json';

const schemaText = fs.readFileSync(SCHEMA_PATH, 'utf8');
const schema = JSON.parse(schemaText) as Record<string, unknown>;

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const jsonFiles = (dir: string): string[] =>
  fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));

const validFixtures = jsonFiles(VALID_DIR);
const samples = jsonFiles(SAMPLES_DIR).filter((f) => f.endsWith('.opentrack.json') && path.basename(f) !== 'broken.opentrack.json');
const invalidFixtures = jsonFiles(INVALID_DIR);



const describeErrors = (errors: ErrorObject[] | null | undefined): string =>
  (errors ?? []).map((e) => `  ${e.instancePath || '/'} ${e.keyword}: ${e.message}`).join('\n');

interface Expectation {
  instancePath: string;
  keyword: string;
  missingProperty?: string;
}
interface NegativeFixture {
  expect: Expectation;
  document: unknown;
}

describe('schema: structure', () => {
  test('declares draft-07 and the stable $id', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.$id, SCHEMA_ID);
    assert.equal(typeof schema.title, 'string');
    assert.equal(typeof schema.description, 'string');
  });

  test('compiles under ajv strict mode (markdownDescription + defaultSnippets + ajv-formats only)', () => {
    assert.doesNotThrow(() => compileStrict());
  });

  test('every property, definition and array item has description and markdownDescription', () => {
    const missing: string[] = [];
    const requireDocs = (node: unknown, where: string): void => {
      if (typeof node !== 'object' || node === null) {
        missing.push(`${where} (not a documented schema object)`);
        return;
      }
      const n = node as Record<string, unknown>;
      for (const key of ['description', 'markdownDescription']) {
        if (typeof n[key] !== 'string' || (n[key] as string).trim() === '') missing.push(`${where}: ${key}`);
      }
    };
    const walk = (node: unknown, where: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      for (const group of ['properties', 'definitions'] as const) {
        const members = n[group] as Record<string, unknown> | undefined;
        for (const [name, child] of Object.entries(members ?? {})) {
          requireDocs(child, `${where}/${group}/${name}`);
          walk(child, `${where}/${group}/${name}`);
        }
      }
      if (n.items !== undefined) {
        requireDocs(n.items, `${where}/items`);
        walk(n.items, `${where}/items`);
      }
      // `if` is only a condition (e.g. "has a height"), not something users hover; then/else are walked.
      for (const branch of ['then', 'else'] as const) walk(n[branch], `${where}/${branch}`);
    };
    walk(schema, '#');
    assert.deepEqual(missing, [], `undocumented schema nodes:\n${missing.join('\n')}`);
  });

  test('every object keeps additionalProperties open (unknown keys are the language server\'s job)', () => {
    const closed: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (n.additionalProperties === false) closed.push(where);
      for (const [key, child] of Object.entries(n)) {
        if (key === 'examples' || key === 'defaultSnippets' || key === 'enum') continue;
        walk(child, `${where}/${key}`);
      }
    };
    walk(schema, '#');
    assert.deepEqual(closed, []);
  });

  test('properties that copy a definition ("Same constraints as #/definitions/x") still match it', () => {
    // Scalar building blocks are copied rather than $ref'd so that VS Code hovers show the
    // property's own description (it prefers the referenced schema's text over the referrer's).
    const definitions = schema.definitions as Record<string, Record<string, unknown>>;
    const constraints = (node: Record<string, unknown>): Record<string, unknown> =>
      Object.fromEntries(Object.entries(node).filter(([k]) => !['description', 'markdownDescription', '$comment', 'examples', 'defaultSnippets'].includes(k)));
    let copies = 0;
    const walk = (node: unknown, where: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      const m = typeof n.$comment === 'string' ? /#\/definitions\/(\w+)/.exec(n.$comment) : null;
      if (m) {
        copies++;
        assert.ok(definitions[m[1]], `${where} names unknown definition ${m[1]}`);
        assert.deepEqual(constraints(n), constraints(definitions[m[1]]), `${where} differs from #/definitions/${m[1]}`);
      }
      for (const [key, child] of Object.entries(n)) walk(child, `${where}/${key}`);
    };
    walk(schema, '#');
    assert.ok(copies > 20, `expected many copied definitions, found ${copies}`);
  });

  test('the date pattern alone rejects impossible dates (for validators that ignore "format")', () => {
    const definitions = schema.definitions as Record<string, { pattern: string }>;
    const re = new RegExp(definitions.date.pattern, 'u');
    const good = ['2025-06-14', '2024-02-29', '2000-02-29', '1966-03-21', '2025-12-31', '2025-04-30', '1600-02-29'];
    const bad = ['2020-13-45', '1967-02-30', '2023-02-29', '1900-02-29', '2100-02-29', '2025-04-31', '2025-00-10', '2025-06-00', '25-06-14', '2025-6-14', '2025-06-14T10:00'];
    for (const d of good) assert.ok(re.test(d), `${d} should be accepted`);
    for (const d of bad) assert.ok(!re.test(d), `${d} should be rejected`);
  });

  test('v1 and 2026 field names are both known', () => {
    const props = schema.properties as Record<string, unknown>;
    for (const key of ['country_id', 'country', 'organiser_id', 'organiser', 'wa_rankings_category_id', 'wa_rankings_category', 'year']) {
      assert.ok(key in props, key);
    }
  });
});

describe('schema: accepts valid documents', () => {
  const validate = compileStrict();
  const expectedExamples = ['api_create_full_competition.json', 'doc-horizontal.json', 'doc-running.json', 'doc-throw.json', 'doc-vertical.json'];

  test('the five OpenTrack examples are present as fixtures', () => {
    const names = validFixtures.map((f) => path.basename(f));
    for (const name of expectedExamples) assert.ok(names.includes(name), `missing fixture ${name}`);
  });

  test('there are samples to check', () => {
    assert.ok(samples.length >= 7, `expected at least 7 samples, found ${samples.length}`);
  });

  for (const file of [...validFixtures, ...samples]) {
    test(`valid: ${path.relative(ROOT, file)}`, () => {
      const ok = validate(readJson(file));
      assert.ok(ok, `unexpected errors:\n${describeErrors(validate.errors)}`);
    });
  }
});

describe('schema: rejects invalid documents at the expected place', () => {
  const validate = compileStrict();

  test('there are negative fixtures', () => {
    assert.ok(invalidFixtures.length >= 20, `expected at least 20 negative fixtures, found ${invalidFixtures.length}`);
  });

  for (const file of invalidFixtures) {
    const fixture = readJson(file) as NegativeFixture;
    const { instancePath, keyword, missingProperty } = fixture.expect;
    test(`invalid: ${path.basename(file, '.json')} → ${instancePath || '/'} ${keyword}${missingProperty ? ` ${missingProperty}` : ''}`, () => {
      assert.equal(validate(fixture.document), false, 'document was accepted');
      const hit = (validate.errors ?? []).some(
        (e) =>
          e.instancePath === instancePath &&
          e.keyword === keyword &&
          (missingProperty === undefined || (e.params as { missingProperty?: string }).missingProperty === missingProperty),
      );
      assert.ok(hit, `no ${keyword} error at "${instancePath}"; got:\n${describeErrors(validate.errors)}`);
    });
  }
});

describe('schema: an independent validator (vscode-json-languageservice) agrees', () => {
  const service = getLanguageService({
    schemaRequestService: (uri) => (uri === SCHEMA_ID ? Promise.resolve(schemaText) : Promise.reject(new Error(`unexpected schema request ${uri}`))),
  });
  service.configure({ validate: true, allowComments: false, schemas: [{ uri: SCHEMA_ID, fileMatch: ['*.opentrack.json'] }] });

  async function errorsFor(value: unknown, name: string): Promise<string[]> {
    const doc = TextDocument.create(`file:///fixtures/${name}.opentrack.json`, 'json', 1, JSON.stringify(value, null, 2));
    const diagnostics = await service.doValidation(doc, service.parseJSONDocument(doc), { schemaValidation: 'error' });
    return diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => `${d.range.start.line + 1}: ${d.message}`);
  }

  for (const file of [...validFixtures, ...samples]) {
    test(`no errors: ${path.basename(file)}`, async () => {
      const errors = await errorsFor(readJson(file), path.basename(file, '.json'));
      assert.deepEqual(errors, []);
    });
  }

  test('hover shows the property-specific description, not the generic building block', async () => {
    const text = JSON.stringify({ full_name: 'Hover Meet', date: '2025-06-14', finish_date: '2025-06-15', competitors: [{ competitor_id: '101' }] }, null, 2);
    const doc = TextDocument.create('file:///fixtures/hover.opentrack.json', 'json', 1, text);
    const json = service.parseJSONDocument(doc);
    const hoverText = async (key: string): Promise<string> => {
      const hover = await service.doHover(doc, doc.positionAt(text.indexOf(`"${key}"`) + 2), json);
      return JSON.stringify(hover?.contents ?? '');
    };
    assert.match(await hoverText('finish_date'), /Last day of the competition/);
    assert.match(await hoverText('competitor_id'), /bib number/);
    assert.match(await hoverText('competitor_id'), /unique within the competition/);
  });

  for (const name of ['round-as-string', 'event-genders-x', 'date-of-birth-feb-30', 'horizontal-trial-result-o', 'vertical-trial-result-y']) {
    test(`reports errors: ${name}`, async () => {
      const fixture = readJson(path.join(INVALID_DIR, `${name}.json`)) as NegativeFixture;
      const errors = await errorsFor(fixture.document, name);
      assert.ok(errors.length > 0, 'expected at least one error');
    });
  }
});

test('every pattern explains itself in VS Code (patternErrorMessage)', () => {
  const missing: string[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${where}/${i}`));
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (typeof n.pattern === 'string' && typeof n.patternErrorMessage !== 'string') missing.push(where);
      for (const [key, child] of Object.entries(n)) walk(child, `${where}/${key}`);
    }
  };
  walk(JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')), '#');
  assert.deepEqual(missing, []);
});
