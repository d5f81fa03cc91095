import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ResponseError } from 'vscode-jsonrpc/node';
import { LspClient } from '../../helpers/lspClient';
import { MEET, offsetOf } from './support';
import { TextDocument } from 'vscode-languageserver-textdocument';

const URI = 'file:///work/handlers.opentrack.json';
const OTHER = 'file:///work/other.json';

/** The LSP position just inside the n-th occurrence of `search` (plus `shift` characters). */
function at(search: string, shift = 1, occurrence = 0): { line: number; character: number } {
  return TextDocument.create(URI, 'json', 1, MEET).positionAt(offsetOf(MEET, search, occurrence) + shift);
}

describe('editing features over LSP (dist/server.js)', () => {
  const client = new LspClient({ pull: true });
  let capabilities: any;
  const request = <T>(method: string, params: object): Promise<T> => client.connection.sendRequest<T>(method, { textDocument: { uri: URI }, ...params });
  before(async () => {
    capabilities = (await client.initialize()).capabilities;
    await client.open(URI, MEET);
    await client.open(OTHER, '{ "name": "x", "bib": "1" }');
  });
  after(() => client.stop());

  it('advertises completion, hover, definition, references, rename with prepare, and symbols', () => {
    assert.deepEqual(capabilities.completionProvider.triggerCharacters, ['"', ':']);
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.definitionProvider, true);
    assert.equal(capabilities.referencesProvider, true);
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.codeActionProvider, 'the code-action capability is kept');
  });

  it('completes, hovers and navigates', async () => {
    const list = await request<{ items: { label: string }[] }>('textDocument/completion', { position: at('"genders": "M"', 12) });
    assert.deepEqual(list.items.map((i) => i.label), ['M', 'F', 'MF']);
    const hover = await request<{ contents: { value: string } }>('textDocument/hover', { position: at('"bib": "2"', 8) });
    assert.match(hover.contents.value, /Ben Stone/);
    const definition = await request<{ range: { start: { line: number } } }[]>('textDocument/definition', { position: at('"bib": "2"', 8) });
    assert.equal(definition.length, 1);
    const references = await request<unknown[]>('textDocument/references', { position: at('"bib": "2"', 8), context: { includeDeclaration: true } });
    assert.equal(references.length, 6, 'competitor, 2 results, 2 trials, 1 runner');
    const symbols = await request<{ name: string; children: { name: string }[] }[]>('textDocument/documentSymbol', {});
    assert.equal(symbols[0]!.name, 'Test Meet');
    assert.deepEqual(symbols[0]!.children.map((c) => c.name), ['events', 'competitors', 'teams', 'relay_teams']);
  });

  it('prepares and performs a rename; refuses non-ids and collisions with a message', async () => {
    const prepared = await request<{ placeholder: string }>('textDocument/prepareRename', { position: at('"team_id": "RVR"', 13) });
    assert.equal(prepared.placeholder, 'RVR');
    const edit = await request<{ changes: Record<string, unknown[]> }>('textDocument/rename', { position: at('"team_id": "RVR"', 13), newName: 'RIV' });
    assert.equal(edit.changes[URI]!.length, 4);
    await assert.rejects(request('textDocument/prepareRename', { position: at('"event_code": "100"', 16) }), (error: unknown) => error instanceof ResponseError && /Only ids can be renamed/.test(error.message));
    await assert.rejects(request('textDocument/rename', { position: at('"team_id": "RVR"', 13), newName: 'HAV' }), (error: unknown) => error instanceof ResponseError && /already exists/.test(error.message));
  });

  it('leaves other JSON files alone', async () => {
    const other = (method: string, params: object) => client.connection.sendRequest<unknown>(method, { textDocument: { uri: OTHER }, ...params });
    const position = { line: 0, character: 24 };
    assert.equal(await other('textDocument/completion', { position }), null);
    assert.equal(await other('textDocument/hover', { position }), null);
    assert.deepEqual(await other('textDocument/documentSymbol', {}), []);
    assert.equal(await other('textDocument/prepareRename', { position }), null);
  });
});
