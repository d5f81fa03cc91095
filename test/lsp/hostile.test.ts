import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lspClient';

describe('LSP server over stdio, hostile input and settings', () => {
  const client = new LspClient({ pull: true, settings: { files: ['{a,b', '**/meets/*.json', 42] } });
  const shown: string[] = [];
  before(async () => {
    client.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      shown.push(params.message);
      return null;
    });
    await client.initialize();
  });
  after(() => client.stop());

  test('hover, completion and the outline at the deep end of 30,000 levels answer, and the server survives', async () => {
    const depth = 30000;
    const prefix = '{"full_name": "x", "events": [';
    const uri = 'file:///work/deep30k.opentrack.json';
    await client.open(uri, `${prefix}${'['.repeat(depth)}${']'.repeat(depth)}]}`);
    const position = { line: 0, character: prefix.length + depth };
    const started = Date.now();
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }), null);
    const completion = await client.connection.sendRequest<{ items: unknown[] }>('textDocument/completion', { textDocument: { uri }, position });
    assert.deepEqual(completion.items, []);
    const outline = await client.connection.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(outline.length, 1);
    assert.ok((await client.pull(uri)).every((d) => d.code !== 'OT902'));
    assert.ok(Date.now() - started < 10000, `took ${Date.now() - started} ms`);
    assert.equal(client.process.exitCode, null, 'still running');
  });

  test('a bad glob in opentrack.files is reported once and ignored; the good globs and other files still work', async () => {
    const meet = 'file:///work/meets/draft.json';
    await client.open(meet, '{"events": []}');
    assert.deepEqual((await client.pull(meet)).map((d) => d.code), ['OT011'], 'the good glob still applies');
    const other = 'file:///work/b.opentrack.json';
    await client.open(other, '{"full_name": "x", "events": []}');
    assert.deepEqual(await client.pull(other), []);
    const hovered = await client.connection.sendRequest<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 3 } });
    assert.ok(hovered, 'hover answers instead of -32603');
    const plain = 'file:///work/a.json';
    await client.open(plain, '{"name": "not a competition"}');
    assert.deepEqual(await client.pull(plain), []);
    assert.equal(shown.filter((m) => m.includes('"{a,b"')).length, 1, shown.join('\n'));
    assert.equal(shown.filter((m) => m.includes('42')).length, 1, shown.join('\n'));
    assert.equal(shown.length, 2, shown.join('\n'));
  });

  test('a prototype name as an event code is an unknown code, and hover on it answers', async () => {
    const uri = 'file:///work/proto.opentrack.json';
    const text = '{"full_name": "x", "events": [{"event_id": "1", "event_code": "constructor", "name": "a"}]}';
    await client.open(uri, text);
    assert.deepEqual((await client.pull(uri)).map((d) => d.code), ['OT702']);
    const hovered = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: text.indexOf('constructor') + 2 } });
    assert.match(hovered!.contents.value, /not an OpenTrack event code/);
  });
});
