import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SERVER_NODE_FLAGS } from '../../server/src/shared/nodeFlags';
import { shapeText } from '../bench/shapes';
import { LspClient } from '../helpers/lspClient';

const URI = 'file:///work/large.opentrack.json';
// Enough versions for the heap to swell several times over without the bound (to 330 MiB).
const EDITS = 30;
/** The benchmark's target, for the typical sample; one sample may go over it on a loaded machine, never far. */
const LIMIT_MIB = 150;
const CEILING_MIB = 185;

const client = new LspClient({ pull: true, nodeFlags: SERVER_NODE_FLAGS });
before(() => client.initialize());
after(() => client.stop());

function residentMiB(pid: number): number {
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

/**
 * Each version of a 5 MB meet replaced as a whole (a paste, a replace-all, a formatter) leaves its
 * text, parse and validation behind as garbage: the server stays under the limit only if the heap
 * is collected before it grows to several times what is live.
 */
test('a 5 MB meet replaced again and again: the server stays under 150 MiB', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  const text = shapeText('pretty, one defect', 4550);
  await client.open(URI, text);
  assert.equal((await client.pull(URI)).length, 1);
  // The first letter of the competition's name and the space after the document, back and forth:
  // changes at both ends, so that each version is parsed anew (not patched from the last).
  const at = text.indexOf('"full_name": "') + '"full_name": "'.length;
  const variants = ['X', 'Y'].map((letter, i) => `${text.slice(0, at)}${letter}${text.slice(at + 1)}${' '.repeat(i + 1)}`);
  const samples: number[] = [];
  for (let version = 2; version < EDITS + 2; version++) {
    await client.change(URI, version, [{ text: variants[version % 2]! }]);
    assert.equal((await client.pull(URI)).length, 1);
    samples.push(residentMiB(client.process.pid!));
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const seen = `RSS after each edit: ${samples.map((s) => s.toFixed(0)).join(', ')} MiB`;
  assert.ok(sorted[Math.floor(sorted.length / 2)]! < LIMIT_MIB, seen);
  assert.ok(sorted[sorted.length - 1]! < CEILING_MIB, seen);
});
