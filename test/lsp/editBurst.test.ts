import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { shapeText } from '../bench/shapes';
import { LspClient } from '../helpers/lspClient';

const URI = 'file:///work/burst.opentrack.json';
const EDITS = 1000;

const client = new LspClient({ pull: true });
before(() => client.initialize());
after(() => client.stop());

/** A pull after every edit, sent as fast as an editor replaying a paste or a replace-all would. */
test('a burst of edits with a pull after each: superseded versions are not validated', async () => {
  const text = shapeText('pretty', 100);
  await client.open(URI, text);
  await client.pull(URI);
  // Type over the first letter of the competition's name, back and forth: every version is valid.
  const at = text.indexOf('"full_name": "') + '"full_name": "'.length;
  const document = TextDocument.create(URI, 'json', 1, text);
  const range = { start: document.positionAt(at), end: document.positionAt(at + 1) };
  const answers: Array<Promise<'validated' | 'dropped'>> = [];
  for (let version = 2; version < EDITS + 2; version++) {
    void client.change(URI, version, [{ range, text: version % 2 === 0 ? 'X' : 'Y' }]);
    const last = version === EDITS + 1;
    answers.push(
      client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } }).then(
        () => 'validated' as const,
        (error: unknown) => (last ? Promise.reject(error) : ('dropped' as const)),
      ),
    );
  }
  const outcomes = await Promise.all(answers);
  const validated = outcomes.filter((o) => o === 'validated').length;
  assert.equal(outcomes.at(-1), 'validated', 'the last version is validated');
  assert.ok(validated <= EDITS / 20, `${validated} of ${EDITS} superseded pulls were validated`);
  assert.deepEqual(await client.pull(URI), [], 'the current version is valid');
});
