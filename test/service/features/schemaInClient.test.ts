import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { completion } from '../../../server/src/service/features/completion';
import { hover } from '../../../server/src/service/features/hover';
import { LspClient } from '../../helpers/lspClient';
import { withCursor } from './support';

const meet = (body: string): string => `{\n  "full_name": "Dedup Meet",\n  "competitors": [{"competitor_id": "7", "first_name": "Ada", "last_name": "Lovelace"}],\n  "events": [{"event_id": "1", "event_code": "100", "name": "100m", "genders": "M", "units": [{"heat": 1, "round": 1, "results": [{"bib": "7"}]}]}],\n${body}\n}`;
const labels = (list: { items: Array<{ label: string }> }): string[] => list.items.map((item) => item.label);

describe('when the editor serves the schema itself (VS Code jsonValidation)', () => {
  test('property names and schema enums are left to it; document values stay', () => {
    const key = withCursor(meet('  "|"'));
    assert.ok(labels(completion(key.document, key.position)).includes('slug'));
    assert.deepEqual(labels(completion(key.document, key.position, { schemaInClient: true })), []);

    const genders = withCursor(meet('  "x": 1').replace('"genders": "M"', '"genders": "|"'));
    assert.ok(labels(completion(genders.document, genders.position)).includes('MF'));
    assert.deepEqual(labels(completion(genders.document, genders.position, { schemaInClient: true })), []);

    const bib = withCursor(meet('  "x": 1').replace('"bib": "7"', '"bib": "|"'));
    assert.deepEqual(labels(completion(bib.document, bib.position, { schemaInClient: true })), ['7']);
  });

  test('hover drops the schema description but keeps what the schema cannot say', () => {
    const key = withCursor(meet('  "sl|ug": "dedup"'));
    assert.ok(hover(key.document, key.position));
    assert.equal(hover(key.document, key.position, { schemaInClient: true }), null);
    const bib = withCursor(meet('  "x": 1').replace('"bib": "7"', '"bib": "|7"'));
    assert.match(JSON.stringify(hover(bib.document, bib.position, { schemaInClient: true })), /Ada Lovelace/);
  });
});

describe('the server learns the globs from initializationOptions.schemaFileMatch', () => {
  const client = new LspClient({ pull: true, initializationOptions: { schemaFileMatch: ['*.opentrack.json'] } });
  before(() => client.initialize());
  after(() => client.stop());

  const keyCompletion = async (uri: string): Promise<string[]> => {
    const { text, position } = withCursor(meet('  "|"'));
    await client.open(uri, text);
    const list: any = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    return list.items.map((item: { label: string }) => item.label);
  };

  test('a *.opentrack.json file: no property names from us', async () => {
    assert.deepEqual(await keyCompletion('file:///work/a.opentrack.json'), []);
  });

  test('a competition recognised by its content: we complete property names', async () => {
    assert.ok((await keyCompletion('file:///work/meet.json')).includes('slug'));
  });
});
