// What is uploaded is what the file says, or nothing is uploaded and the difference is named at its path;
// what comes back from a server reaches the terminal without secrets (in any spelling) or control characters.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { upload, type UploadFailure, type UploadOptions } from '../../server/src/upload';
import { unfaithfulValues } from '../../server/src/upload/documentFidelity';
import { SecretRedactor } from '../../server/src/upload/redact';
import { startOpenTrackServer } from '../opentrack-server/server';
import { fixedCredentials, loadFixture } from '../opentrack-server/testkit';

describe('values that would not reach OpenTrack as written', () => {
  const cases: [string, (string | number)[], RegExp][] = [
    ['{"slug": "a", "x": 1e999}', ['x'], /The number 1e999 cannot be uploaded as written: .* sent as null/],
    ['{"x": [1, 9007199254740993]}', ['x', 1], /sent as 9007199254740992/],
    ['{"x": 1e-400}', ['x'], /sent as 0/],
    ['{"a": 1, "b": {"c": 2, "c": 3}}', ['b', 'c'], /"c" appears more than once in this object; only the last value would be uploaded/],
    ['{"events": [{"units": [{}, {"round": 1, "round": 2}]}]}', ['events', 0, 'units', 1, 'round'], /appears more than once/],
    ['{"name": "Jos\uFFFD"}', ['name'], /U\+FFFD/],
  ];
  for (const [text, path, message] of cases) {
    test(text, () => {
      const problems = unfaithfulValues(text);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.deepEqual(problems[0].path, path);
      assert.match(problems[0].message, message);
    });
  }

  test('numbers a double holds exactly, however spelled, are fine', () => {
    assert.deepEqual(unfaithfulValues('{"a": [10.50, 1E+2, 0.1, -0.0, 100, 12.30, 9007199254740992, 2.5e-3, 1.0]}'), []);
    assert.deepEqual(unfaithfulValues(loadFixture().text), []);
  });

  test('linear on a minified file (one line): 2 MB is checked in well under 5 s', () => {
    const { document } = loadFixture();
    const events = document.events as object[];
    const copies = Math.ceil(2e6 / JSON.stringify(events).length);
    const text = JSON.stringify({ ...document, events: Array.from({ length: copies }, () => events).flat() });
    const started = performance.now();
    // Duplicate event ids are not duplicate keys: nothing to report.
    assert.deepEqual(unfaithfulValues(text), []);
    // A search to the end of the line per string took about 13 s here.
    assert.ok(performance.now() - started < 5000, `took ${Math.round(performance.now() - started)} ms`);
  });

  test('an upload of such a file sends nothing; the problems are field errors', async () => {
    let requests = 0;
    const result = await upload({
      documentText: '{"slug": "a", "date": "2026-01-01", "x": 1e999, "x": 2}',
      api: 'v1',
      server: 'http://127.0.0.1:9/',
      credentials: { getCredentials: async () => (requests++, undefined) },
    });
    assert.ok(!result.ok);
    assert.equal(result.kind, 'invalid-document');
    assert.match(result.message, /^Nothing was uploaded: 2 values would reach OpenTrack differently from the file\./);
    assert.deepEqual(result.fieldErrors.map((error) => error.path), [['x'], ['x']]);
    assert.equal(requests, 0);
  });

  test('a byte order mark is ignored by the upload as by validate: the server receives the document', async () => {
    const server = await startOpenTrackServer();
    try {
      const { text, document } = loadFixture();
      const result = await upload({ documentText: `\uFEFF${text}`, api: 'v1', server: server.url, credentials: fixedCredentials(server.credentials.username, server.credentials.password) });
      assert.ok(result.ok, JSON.stringify(result));
      assert.deepEqual(server.state.competitions[0].received, document);
    } finally {
      await server.close();
    }
  });
});

describe('secrets and control characters in what a server says', () => {
  async function rejectedWith(password: string, detail: unknown): Promise<UploadFailure> {
    const server = await startOpenTrackServer({ password, control: { reject: [{ method: 'POST', path: '/api/competitions/', status: 400, body: detail }] } });
    try {
      const logged: string[] = [];
      const options: UploadOptions = {
        documentText: loadFixture().text,
        api: 'rest',
        server: server.url,
        credentials: fixedCredentials(server.credentials.username, password),
        log: (line) => logged.push(line),
      };
      const result = await upload(options);
      assert.ok(!result.ok);
      for (const line of logged) assert.doesNotMatch(line, /[\u0000-\u0008\u000b-\u001f\u007f]/);
      return result;
    } finally {
      await server.close();
    }
  }

  test('a password echoed URL-encoded, form-encoded, HTML-escaped or JSON-escaped is masked', async () => {
    const password = 'p&ss w<rd/"+?é';
    const spellings = [encodeURIComponent(password), new URLSearchParams({ p: password }).toString().slice(2), 'p&amp;ss w&lt;rd/&quot;+?é', JSON.stringify(password).slice(1, -1)];
    const result = await rejectedWith(password, { detail: `Bad login ${spellings.join(' | ')} for you.` });
    for (const spelling of [password, ...spellings]) assert.ok(!result.message.includes(spelling), `${spelling} in ${result.message}`);
    assert.match(result.message, /Bad login \*\*\* \| \*\*\* \| \*\*\* \| \*\*\* for you\./);
  });

  test('a very short password is masked where it stands alone, without garbling the words around it', async () => {
    const result = await rejectedWith('e', { detail: 'The password e is not accepted here.' });
    assert.match(result.message, /The password \*\*\* is not accepted here\./);
  });

  test('control characters in a server message and in its field names never reach the terminal', async () => {
    const result = await rejectedWith('correct-horse', { 'na\u001b[2Jme': ['Bad\u001b[31m red\r\nFAKE: uploaded\u0007 \u202eevil'] });
    const all = JSON.stringify(result);
    assert.doesNotMatch(result.message, /[\u0000-\u001f\u007f\u202e]/);
    for (const error of result.fieldErrors) {
      assert.doesNotMatch(error.message, /[\u0000-\u001f\u007f\u202e]/);
      for (const segment of error.path) assert.doesNotMatch(String(segment), /[\u0000-\u001f\u007f]/);
    }
    assert.match(all, /Bad\[31m red {2}FAKE: uploaded evil/);
  });

  test('redaction also holds for a secret split by a control character', () => {
    const redactor = new SecretRedactor();
    redactor.add('correct-horse');
    assert.equal(redactor.clean('was corr\u0000ect-horse'), 'was ***');
  });
});
