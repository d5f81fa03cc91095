import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../helpers/lspClient';
import { readRepoFile } from '../helpers/repo';

const BROKEN = 'file:///work/broken.opentrack.json';
const brokenText = JSON.stringify({ full_name: 'LSP Meet', slug: 'lsp-meet', events: [{ event_id: '1', event_code: '100', name: '100m', rounds: '2;1' }] }, null, 2);

describe('LSP server over stdio, pull diagnostics', () => {
  const client = new LspClient({ pull: true });
  let capabilities: any;
  before(async () => {
    capabilities = (await client.initialize()).capabilities;
  });
  after(() => client.stop());

  test('advertises pull diagnostics, incremental sync and quick fixes', () => {
    assert.equal(capabilities.textDocumentSync.change, 2);
    assert.equal(capabilities.diagnosticProvider.interFileDependencies, false);
    assert.ok(capabilities.codeActionProvider.codeActionKinds.includes('quickfix'));
  });

  test('a competition gets diagnostics with source, code and a precise range', async () => {
    await client.open(BROKEN, brokenText);
    const [diagnostic, ...rest] = await client.pull(BROKEN);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic!.code, 'OT101');
    assert.equal(diagnostic!.source, 'opentrack');
    assert.deepEqual(diagnostic!.range, { start: { line: 8, character: 16 }, end: { line: 8, character: 21 } });
  });

  test('an incremental edit is seen by the next pull: no stale results', async () => {
    await client.change(BROKEN, 2, [{ range: { start: { line: 8, character: 18 }, end: { line: 8, character: 19 } }, text: ',' }]);
    assert.deepEqual(await client.pull(BROKEN), []);
    await client.change(BROKEN, 3, [{ range: { start: { line: 8, character: 18 }, end: { line: 8, character: 19 } }, text: ';' }]);
    assert.equal((await client.pull(BROKEN)).length, 1);
  });

  test('a list the client holds under its resultId is reported unchanged, not sent again', async () => {
    const uri = 'file:///work/typing.opentrack.json';
    const pull = (previousResultId?: string): Promise<any> =>
      client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId !== undefined && { previousResultId }) });
    await client.open(uri, brokenText);
    const first = await pull();
    assert.deepEqual([first.kind, first.items.map((d: { code: string }) => d.code)], ['full', ['OT101']]);
    // Typing in the meet's name (line 1) leaves the problem where it was.
    await client.change(uri, 2, [{ range: { start: { line: 1, character: 23 }, end: { line: 1, character: 24 } }, text: 'x' }]);
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // A line added above moves the problem: the whole list again, under a new id.
    await client.change(uri, 3, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n' }]);
    const moved = await pull(first.resultId);
    assert.equal(moved.kind, 'full');
    assert.notEqual(moved.resultId, first.resultId);
    assert.deepEqual(moved.items[0].range, { start: { line: 9, character: 16 }, end: { line: 9, character: 21 } });
    assert.deepEqual(await pull(moved.resultId), { kind: 'unchanged', resultId: moved.resultId }, 'the same version pulled again');
    assert.equal((await pull()).kind, 'full', 'a client without the id gets the list');
    assert.equal((await pull(moved.resultId)).kind, 'full', 'an id replaced since is not taken for the current list');
    await client.close(uri);
  });

  test('other JSON files get nothing from this server', async () => {
    const uri = 'file:///work/package.json';
    await client.open(uri, readRepoFile('package.json'));
    assert.deepEqual(await client.pull(uri), []);
    const uri2 = 'file:///work/tsconfig.json';
    await client.open(uri2, '{ "compilerOptions": { "strict": true, }, // comment\n}');
    assert.deepEqual(await client.pull(uri2), []);
  });

  test('a competition is recognised by its content or $schema, whatever its name', async () => {
    const uri = 'file:///work/meet-2026.json';
    await client.open(uri, brokenText);
    assert.equal((await client.pull(uri))[0]?.code, 'OT101');
    const schemaUri = 'file:///work/draft.json';
    await client.open(schemaUri, '{"$schema": "https://opentrack-tools.dev/schemas/opentrack-competition.schema.json", "slug": "A B"}');
    assert.deepEqual((await client.pull(schemaUri)).map((d) => d.code).sort(), ['OT011', 'OT013']);
  });

  test('the opentrack.files setting makes other JSON files competitions', async () => {
    const uri = 'file:///work/meets/draft.json';
    const text = '{"events": [], "rounds_note": "no name yet"}';
    await client.open(uri, text);
    assert.deepEqual(await client.pull(uri), [], 'not recognisable by its content');
    client.settings = { files: ['**/meets/*.json'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepEqual((await client.pull(uri)).map((d) => d.code).sort(), ['OT011', 'OT703']);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });

  test('opentrack/documentKind says why a document is checked as a competition', async () => {
    const kind = (uri: string): Promise<{ reason?: string }> => client.connection.sendRequest('opentrack/documentKind', { uri });
    assert.equal((await kind(BROKEN)).reason, 'name');
    await client.open('file:///work/content.json', brokenText);
    assert.equal((await kind('file:///work/content.json')).reason, 'content');
    assert.equal((await kind('file:///work/package.json')).reason, undefined);
  });

  test('a document in the opentrack-json language is a competition, whatever its name and content', async () => {
    const uri = 'file:///work/notes.json';
    await client.open(uri, '{ "slug": "A B" }', 1, 'opentrack-json');
    assert.ok((await client.pull(uri)).some((d) => d.code === 'OT011'), 'checked against the schema');
    assert.equal((await client.connection.sendRequest<{ reason?: string }>('opentrack/documentKind', { uri })).reason, 'language');
    await client.close(uri);
  });

  test('opentrack/documentKind judges a document the client does not sync by the text it sends', async () => {
    const kind = (params: object): Promise<{ reason?: string }> => client.connection.sendRequest('opentrack/documentKind', params);
    const uri = 'file:///work/unsynced.json';
    assert.equal((await kind({ uri, text: brokenText })).reason, 'content');
    assert.equal((await kind({ uri })).reason, undefined, 'without its text, only name and setting count');
    assert.equal((await kind({ uri, text: '{ "name": "x" }' })).reason, undefined);
    assert.equal((await kind({ uri: 'file:///work/unsynced.opentrack.json' })).reason, 'name');
  });

  test('the Source Action menu (only: source) gets Fix All over the whole document', async () => {
    const uri = 'file:///work/fixall.opentrack.json';
    await client.open(uri, '{\n  "full_name": "Fix",\n  "slug": "fix",\n  "show_athlete_details": True,\n  "events": [],\n}\n');
    const actions: any[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source'] },
    });
    const fixAll = actions.find((a) => a.kind === 'source.fixAll.opentrack');
    assert.ok(fixAll, JSON.stringify(actions));
    assert.equal(fixAll.diagnostics.length, 2, 'the Python literal and the trailing comma, both away from the cursor');
    await client.close(uri);
  });

  test('code actions offer the quick fix for a diagnostic', async () => {
    const [diagnostic] = await client.pull(BROKEN);
    const actions: any[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: BROKEN },
      range: diagnostic!.range,
      context: { diagnostics: [diagnostic] },
    });
    assert.equal(actions[0].title, 'Change to "2,1"');
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].edit.changes[BROKEN], [{ range: diagnostic!.range, newText: '"2,1"' }]);
  });

  test('the upload pre-check request counts errors and warnings', async () => {
    const result: any = await client.connection.sendRequest('opentrack/validate', { uri: BROKEN });
    assert.deepEqual([result.isCompetition, result.errors, result.warnings], [true, 1, 0]);
    const other: any = await client.connection.sendRequest('opentrack/validate', { uri: 'file:///work/package.json' });
    assert.equal(other.isCompetition, false);
  });

  test('settings turn a rule off and a settings change asks the client to refresh', async () => {
    const before = client.refreshRequests;
    client.settings = { rules: { OT101: 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    // Turning the rule off does not make "2;1" valid: the schema error it replaced comes back.
    assert.deepEqual((await client.pull(BROKEN)).map((d) => [d.code, d.severity]), [['OT013', 1]]);
    assert.equal(client.refreshRequests, before + 1);
    client.settings = { rules: { OT101: 'warning' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepEqual((await client.pull(BROKEN)).map((d) => [d.code, d.severity]), [['OT013', 1], ['OT101', 2]]);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });

  test('hostile input does not take the server down', async () => {
    const uri = 'file:///work/deep.opentrack.json';
    await client.open(uri, `{"full_name": "x", "events": [], "x": ${'['.repeat(20000)}`);
    const diagnostics = await client.pull(uri);
    assert.ok(diagnostics.some((d) => d.code === 'OT007'));
    assert.equal((await client.pull(BROKEN)).length, 1, 'still answering');
  });
});

describe('LSP server over stdio, push diagnostics', () => {
  const client = new LspClient({ pull: false });
  before(() => client.initialize());
  after(() => client.stop());

  test('publishes versioned diagnostics, then empty ones when fixed and when closed', async () => {
    const published = client.nextPublish(BROKEN);
    await client.open(BROKEN, brokenText, 7);
    const first = await published;
    assert.equal(first.version, 7);
    assert.equal(first.diagnostics[0]?.code, 'OT101');

    const cleared = client.nextPublish(BROKEN);
    await client.change(BROKEN, 8, [{ text: brokenText.replace('2;1', '2,1') }]);
    assert.deepEqual(await cleared.then((p) => [p.version, p.diagnostics.length]), [8, 0]);

    const reopened = client.nextPublish(BROKEN, (p) => p.diagnostics.length > 0);
    await client.change(BROKEN, 9, [{ text: brokenText }]);
    await reopened;
    const closed = client.nextPublish(BROKEN);
    await client.close(BROKEN);
    assert.deepEqual((await closed).diagnostics, []);
  });

  test('rapid edits publish only for the latest version', async () => {
    const uri = 'file:///work/rapid.opentrack.json';
    const final = client.nextPublish(uri, (p) => p.version === 20);
    await client.open(uri, brokenText, 10);
    const burst = Array.from({ length: 10 }, (_, i) => ({ version: 11 + i, contentChanges: [{ text: i === 9 ? brokenText.replace('2;1', '1') : brokenText }] }));
    client.changeBurst(uri, burst);
    const last = await final;
    assert.deepEqual(last.diagnostics, []);
    assert.ok(client.published.filter((p) => p.uri === uri).every((p) => p.version === 20), 'no publication for a superseded version');
  });
});
