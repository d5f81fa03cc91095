import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lspClient';
import { readRepoFile } from '../helpers/repo';
import { readRows } from '../helpers/htmlRows';
import { PREVIEW_REQUEST, type PreviewResult } from '../../server/src/shared/protocol';

const URI = 'file:///work/meet.opentrack.json';
const text = readRepoFile('samples', 'complete-meet.opentrack.json');

describe('LSP: the preview request', () => {
  const client = new LspClient({ pull: true });
  const preview = (section?: string): Promise<PreviewResult> => client.connection.sendRequest(PREVIEW_REQUEST, { uri: URI, ...(section && { section }) });
  before(async () => {
    await client.initialize();
    await client.open(URI, text);
  });
  after(() => client.stop());

  test('renders the open document with the offsets of each row', async () => {
    const result = await preview();
    assert.equal(result.kind, 'page');
    if (result.kind !== 'page') return;
    assert.equal(result.lazy, false);
    const rows = new Map(result.rows.map(([path, start, end]) => [path, text.slice(start, end)]));
    assert.deepEqual(JSON.parse(rows.get('events/1/units/0/results/0')!), { place: 1, bib: '201', performance: '2:09.84' });
    assert.ok(readRows(result.html).has('events/1/units/0/results/0'));
    assert.equal(result.rows.length, readRows(result.html).size + (result.html.match(/<(summary|h1|h3) data-path=/g) ?? []).length, 'every row is located');
  });

  test('broken JSON: a notice with the line of the first syntax error, no page', async () => {
    await client.change(URI, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '  "x": True,\n' }]);
    const result = await preview();
    assert.equal(result.kind, 'broken');
    assert.match(result.kind === 'broken' ? result.message : '', /line 2/);
    await client.change(URI, 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: '' }]);
    assert.equal((await preview()).kind, 'page');
  });

  test('a section on demand; an unknown document is "closed"', async () => {
    const section = await preview('event:2');
    assert.equal(section.kind, 'section');
    assert.match(section.kind === 'section' ? section.html : '', /<td class="attempt best">6\.11<\/td>/);
    const closed = await client.connection.sendRequest<PreviewResult>(PREVIEW_REQUEST, { uri: 'file:///nowhere.json' });
    assert.equal(closed.kind, 'closed');
  });
});
