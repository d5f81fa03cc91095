import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LspClient } from '../helpers/lspClient';
import { MAX_SYNTAX_PROBLEMS } from '../../server/src/service/json/syntaxProblems';

/** The server's peak resident memory so far, in MiB (Linux). */
function peakMiB(pid: number): number {
  return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

describe('LSP server over stdio, documents far beyond any meet', () => {
  const client = new LspClient({ pull: true });
  before(() => client.initialize());
  after(() => client.stop());

  test('a flood of single-quoted values: the note counts what is not kept, Fix All takes the kept ones in one bounded action', async () => {
    const uri = 'file:///work/flood.opentrack.json';
    const values = MAX_SYNTAX_PROBLEMS + 10_000;
    await client.open(uri, `{"full_name": "x", "events": [], "notes": [${Array(values).fill("'v'").join(', ')}]}`);
    const diagnostics = await client.pull(uri);
    assert.ok(diagnostics.some((d) => d.code === 'OT903' && d.message.startsWith('10,000 more syntax problems from here on are not listed')), diagnostics.slice(0, 3).map((d) => d.message).join(' | '));
    const started = Date.now();
    const [action, ...others] = await client.connection.sendRequest<Array<{ title: string; edit: { changes: Record<string, unknown[]> } }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(others.length, 0);
    assert.equal(action!.edit.changes[uri]!.length, MAX_SYNTAX_PROBLEMS, action!.title);
    assert.ok(Date.now() - started < 30_000, `Fix All took ${Date.now() - started} ms`);
    assert.ok(peakMiB(client.process.pid!) < 1024, 'memory stays bounded');
    assert.equal(client.process.exitCode, null, 'still running');
  });

  test('valid lists nested two million levels deep: one depth error, answered in seconds', async () => {
    const uri = 'file:///work/deep2m.opentrack.json';
    const levels = 2_000_000;
    await client.open(uri, `{"full_name": "x", "events": [], "notes": ${'['.repeat(levels)}${']'.repeat(levels)}}`);
    const started = Date.now();
    const codes = (await client.pull(uri)).map((d) => d.code);
    assert.deepEqual(codes, ['OT703', 'OT007']);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });
});
