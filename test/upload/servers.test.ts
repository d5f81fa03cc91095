import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { resolveServer, upload, type UploadOptions } from '../../server/src/upload';
import { redactUrl } from '../../server/src/upload/redact';
import { fixedCredentials, loadFixture } from '../opentrack-server/testkit';

describe('resolveServer', () => {
  test('test and live bases per API', () => {
    assert.deepEqual(resolveServer('test', 'v1'), { base: 'https://test-api.opentrack.run/', live: false });
    assert.deepEqual(resolveServer('live', 'v1'), { base: 'https://api.opentrack.run/', live: true });
    assert.deepEqual(resolveServer('test', 'rest'), { base: 'https://test-data.opentrack.run/', live: false });
    assert.deepEqual(resolveServer('live', 'rest'), { base: 'https://data.opentrack.run/', live: true });
  });

  test('a custom URL is used as-is for either API, with a trailing slash', () => {
    assert.equal(resolveServer('https://ot.example.org/prefix', 'rest').base, 'https://ot.example.org/prefix/');
    assert.equal(resolveServer('https://ot.example.org/', 'v1').base, 'https://ot.example.org/');
  });

  test('a custom URL naming a production host counts as live, however it is spelled', () => {
    for (const url of ['https://data.opentrack.run/', 'https://data.opentrack.run./', 'https://DATA.OpenTrack.run', 'https://api.opentrack.run../', 'https://www.opentrack.run/']) {
      assert.equal(resolveServer(url, 'rest').live, true, url);
    }
    assert.equal(resolveServer('https://data.opentrack.run./', 'rest').base, 'https://data.opentrack.run/');
    assert.equal(resolveServer('https://test-data.opentrack.run./', 'rest').live, false);
    assert.equal(resolveServer('https://opentrack.run.example.org/', 'rest').live, false);
  });

  test('plain http only for loopback addresses', () => {
    for (const url of ['http://127.0.0.1:8000/', 'http://127.1.2.3/', 'http://localhost:9/', 'http://[::1]:80/']) {
      assert.equal(resolveServer(url, 'rest').base.startsWith('http://'), true, url);
    }
    for (const url of ['http://example.com/', 'http://10.0.0.1/', 'http://128.0.0.1/', 'http://localhost.example.com/']) {
      assert.throws(() => resolveServer(url, 'rest'), /Refusing plain http/, url);
    }
  });

  test('refuses user info, queries, other schemes and non-URLs', () => {
    assert.throws(() => resolveServer('https://me:pw@ot.example.org/', 'rest'), /must not contain a user name or password/);
    assert.throws(() => resolveServer('https://ot.example.org/?x=1', 'rest'), /query or fragment/);
    assert.throws(() => resolveServer('ftp://ot.example.org/', 'rest'), /Unsupported URL scheme/);
    assert.throws(() => resolveServer('staging', 'rest'), /neither "test", "live" nor a valid URL/);
  });
});

test('redactUrl masks query values and user info', () => {
  assert.equal(redactUrl('https://u:p@h.example/api/x/?token=abc&limit=5'), 'https://h.example/api/x/?token=***&limit=***');
});

describe('refusals happen before any request or login prompt', () => {
  const realFetch = globalThis.fetch;
  let fetchCalls = 0;
  before(() => {
    globalThis.fetch = (async () => {
      fetchCalls++;
      throw new Error('no request expected');
    }) as typeof fetch;
  });
  after(() => {
    globalThis.fetch = realFetch;
  });

  const refusedUpload = async (overrides: Partial<UploadOptions>) => {
    const credentials = fixedCredentials('someone', 'secret-password');
    const result = await upload({ documentText: loadFixture().text, api: 'rest', server: 'test', credentials, ...overrides });
    return { result, asked: credentials.asked };
  };

  test('plain http to a non-loopback host', async () => {
    const { result, asked } = await refusedUpload({ server: 'http://ot.example.org/' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.kind, 'refused');
    assert.match(result.ok ? '' : result.message, /Refusing plain http:\/\/ to ot\.example\.org/);
    assert.equal(asked, 0);
    assert.equal(fetchCalls, 0);
  });

  test('live without confirmation, named or by URL', async () => {
    for (const server of ['live', 'https://data.opentrack.run/', 'https://data.opentrack.run./']) {
      const { result, asked } = await refusedUpload({ server, api: 'rest' });
      assert.equal(!result.ok && result.kind, 'refused', server);
      assert.match(result.ok ? '' : result.message, /live OpenTrack server .* needs an explicit confirmation/);
      assert.equal(asked, 0);
    }
    assert.equal(fetchCalls, 0);
  });

  test('a document that is not JSON, or not an object', async () => {
    const notJson = await refusedUpload({ documentText: '{ "slug": ' });
    assert.equal(!notJson.result.ok && notJson.result.kind, 'invalid-document');
    const notObject = await refusedUpload({ documentText: '[]' });
    assert.match(notObject.result.ok ? '' : notObject.result.message, /must be one JSON object/);
    const badList = await refusedUpload({ documentText: JSON.stringify({ slug: 'x', teams: {} }) });
    assert.deepEqual(badList.result.ok ? [] : badList.result.fieldErrors, [{ path: ['teams'], message: '"teams" must be a list.' }]);
    assert.equal(fetchCalls, 0);
  });

  test('an already aborted signal', async () => {
    const { result, asked } = await refusedUpload({ signal: AbortSignal.abort() });
    assert.equal(!result.ok && result.kind, 'cancelled');
    assert.equal(asked, 0);
    assert.equal(fetchCalls, 0);
  });
});
