// The VS Code upload client's logic without VS Code: server errors → ranges, the SecretStorage-backed
// login (stored only once accepted, asked again once when rejected), sign-in, settings and names.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { competitionName } from '../../client/src/upload/competitionName';
import { locateFieldErrors } from '../../client/src/upload/errorRanges';
import { createLoginSession, type LoginPrompt, type LoginPromptRequest } from '../../client/src/upload/loginSession';
import { LoginVault, type SecretStore } from '../../client/src/upload/loginVault';
import { signIn } from '../../server/src/upload';
import { normalizeUploadSettings } from '../../client/src/upload/uploadSettings';
import type { UploadApi, UploadFailure, UploadResult } from '../../server/src/upload';
import type { OpenTrackServer } from '../opentrack-server/server';
import { editedFixture, LeakWatch, lineOf, loadFixture } from '../opentrack-server/testkit';

const leaks = new LeakWatch();
const fixture = loadFixture();

/** An in-memory SecretStorage that also lets a test look at what was stored. */
class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  async get(key: string) {
    return this.values.get(key);
  }
  async store(key: string, value: string) {
    this.values.set(key, value);
  }
  async delete(key: string) {
    this.values.delete(key);
  }
}

/** A prompt that answers from a script and records what it was asked. */
function scriptedPrompt(answers: ({ username: string; password: string } | undefined)[]): LoginPrompt & { asked: LoginPromptRequest[] } {
  const asked: LoginPromptRequest[] = [];
  const prompt = async (request: LoginPromptRequest) => {
    asked.push(request);
    assert.ok(asked.length <= answers.length, `asked ${asked.length} times, more than scripted`);
    return answers[asked.length - 1];
  };
  return Object.assign(prompt, { asked });
}

function uploadWith(server: OpenTrackServer, vault: LoginVault, prompt: LoginPrompt | undefined, api: UploadApi = 'rest', documentText = fixture.text) {
  const session = createLoginSession({ vault, base: server.url, prompt });
  return leaks.upload({ documentText, api, server: server.url, credentials: session.credentials, tokenStore: session.tokenStore, timeoutMs: 5000 });
}

function failed(result: UploadResult): UploadFailure {
  assert.equal(result.ok, false, 'the upload should have failed');
  return result as UploadFailure;
}

function succeeded(result: UploadResult): void {
  assert.ok(result.ok, result.ok ? '' : `upload failed: ${result.message}`);
}

/** The text a located error covers. */
const covered = (text: string, { offset, length }: { offset: number; length: number }) => text.slice(offset, offset + length);

describe('server errors → ranges', () => {
  const text = '{\n  "full_name": "Meet",\n  "events": [\n    { "event_id": "1", "units": [ { "round": "x" } ] },\n    { "event_id": "2" }\n  ]\n}\n';

  test('a scalar: its value; an object or array with a key: the key', () => {
    const [scalar, list] = locateFieldErrors(text, [
      { path: ['events', 0, 'units', 0, 'round'], message: 'Bad round.' },
      { path: ['events'], message: 'Too few events.' },
    ]);
    assert.equal(covered(text, scalar), '"x"');
    assert.equal(scalar.message, 'events[0].units[0].round: Bad round.');
    assert.equal(scalar.exact, true);
    assert.equal(covered(text, list), '"events"');
  });

  test('an array item (no key): its opening brace only', () => {
    const [item] = locateFieldErrors(text, [{ path: ['events', 1], message: 'Bad event.' }]);
    assert.equal(covered(text, item), '{');
    assert.equal(item.offset, text.indexOf('{ "event_id": "2"'));
  });

  test('a missing field or index: the closest existing ancestor, and the message names the full path', () => {
    const [field, index, deep] = locateFieldErrors(text, [
      { path: ['events', 1, 'rounds'], message: 'This field is required.' },
      { path: ['events', 5, 'name'], message: 'Unknown.' },
      { path: ['slug'], message: 'This field is required.' },
    ]);
    assert.equal(covered(text, field), '{');
    assert.equal(field.offset, text.indexOf('{ "event_id": "2"'));
    assert.equal(field.exact, false);
    assert.equal(field.message, 'events[1].rounds: This field is required.');
    assert.equal(covered(text, index), '"events"');
    assert.equal(deep.offset, 0);
    assert.equal(covered(text, deep), '{');
  });

  test('no path: the opening brace of the document, never the whole file', () => {
    const padded = `\n\n  ${text}`;
    const [root] = locateFieldErrors(padded, [{ path: [], message: 'A competition with this slug already exists.' }]);
    assert.deepEqual(root, { offset: padded.indexOf('{'), length: 1, message: 'A competition with this slug already exists.', exact: true });
  });

  test('empty text: a zero-width range at the start; duplicates are reported once', () => {
    assert.deepEqual(locateFieldErrors('', [{ path: ['a'], message: 'm' }]), [{ offset: 0, length: 0, message: 'a: m', exact: false }]);
    assert.equal(locateFieldErrors(text, [{ path: ['events'], message: 'm' }, { path: ['events'], message: 'm' }]).length, 1);
  });

  test('the errors of a real rejected upload land on the lines of the fields', () =>
    leaks.withServer(async (server) => {
      const edited = editedFixture((document) => {
        document.events[1].rounds = '2,x';
        document.events[2].units[0].round = 'one';
      });
      const vault = new LoginVault(new MemorySecrets());
      await vault.storeLogin(server.url, server.credentials);
      const result = failed(await uploadWith(server, vault, undefined, 'v1', edited.text));
      const located = locateFieldErrors(edited.text, result.fieldErrors);
      const lineAt = (offset: number) => edited.text.slice(0, offset).split('\n').length - 1;
      assert.deepEqual(
        located.map(({ offset }) => lineAt(offset)),
        [lineOf(edited.text, '"rounds": "2,x"'), lineOf(edited.text, '"round": "one"')],
      );
      assert.ok(located.every(({ length }) => length > 0 && length < 20));
    }));
});

describe('login kept in secret storage', () => {
  test('asked on first use and stored only once OpenTrack accepted it; the token is reused without asking', () =>
    leaks.withServer(async (server) => {
      const secrets = new MemorySecrets();
      const vault = new LoginVault(secrets);
      // Not stored while only typed in.
      const typedOnly = createLoginSession({ vault, base: server.url, prompt: scriptedPrompt([server.credentials]) });
      assert.deepEqual(await typedOnly.credentials.getCredentials(), server.credentials);
      assert.equal(await vault.getLogin(server.url), undefined);

      const prompt = scriptedPrompt([server.credentials]);
      succeeded(await uploadWith(server, vault, prompt));
      assert.deepEqual(await vault.getLogin(server.url), server.credentials);
      assert.deepEqual(prompt.asked, [{ base: server.url, username: undefined, retry: false }]);
      assert.equal(server.state.tokensIssued, 1);

      // Second upload: the stored token, no login request, no prompt.
      const before = server.state.requests.length;
      succeeded(await uploadWith(server, vault, scriptedPrompt([]), 'rest', editedFixture((d) => void (d.slug = 'second')).text));
      assert.equal(server.state.tokensIssued, 1);
      assert.ok(server.state.requests.slice(before).every((request) => request.path !== '/api/get-auth-token/'));
      // Secrets are keyed by the server base URL.
      assert.deepEqual([...secrets.values.keys()].sort(), [`opentrack.login:${server.url}`, `opentrack.tokens:${server.url}`]);
    }));

  test('an expired token is replaced with the stored login, without asking', () =>
    leaks.withServer(async (server) => {
      const vault = new LoginVault(new MemorySecrets());
      succeeded(await uploadWith(server, vault, scriptedPrompt([server.credentials]), 'v1'));
      server.control({ expireTokens: true });
      succeeded(await uploadWith(server, vault, scriptedPrompt([]), 'v1', editedFixture((d) => void (d.slug = 'again')).text));
      assert.equal(server.state.tokensIssued, 2);
    }));

  test('a rejected stored password is forgotten and asked for once more; the new one is kept', () =>
    leaks.withServer(async (server) => {
      const vault = new LoginVault(new MemorySecrets());
      await vault.storeLogin(server.url, { username: server.credentials.username, password: 'stale' });
      const prompt = scriptedPrompt([server.credentials]);
      succeeded(await uploadWith(server, vault, prompt));
      assert.deepEqual(prompt.asked, [{ base: server.url, username: server.credentials.username, retry: true }]);
      assert.deepEqual(await vault.getLogin(server.url), server.credentials);
    }));

  test('a typed password rejected twice is never stored, and the upload says so', () =>
    leaks.withServer(async (server) => {
      const vault = new LoginVault(new MemorySecrets());
      const wrong = { username: server.credentials.username, password: 'wrong' };
      const prompt = scriptedPrompt([wrong, { ...wrong, password: 'wrong again' }]);
      const result = failed(await uploadWith(server, vault, prompt, 'v1'));
      assert.equal(result.kind, 'credentials');
      assert.equal(result.status, 401);
      assert.deepEqual(
        prompt.asked.map((request) => request.retry),
        [false, true],
      );
      assert.equal(await vault.getLogin(server.url), undefined);
      assert.equal(await vault.has(server.url), false);
    }));

  test('without a prompt (tests, automation): only the stored login; none stored cancels the upload', () =>
    leaks.withServer(async (server) => {
      const vault = new LoginVault(new MemorySecrets());
      const result = failed(await uploadWith(server, vault, undefined));
      assert.equal(result.kind, 'cancelled');
      assert.equal(server.state.requests.length, 0);
    }));

  test('sign out forgets the login and every token of that server only', async () => {
    const secrets = new MemorySecrets();
    const vault = new LoginVault(secrets);
    await vault.storeLogin('https://a.example/', { username: 'u', password: 'p' });
    await vault.tokenStore('https://a.example/').set('v1 https://a.example/', 't1');
    await vault.tokenStore('https://a.example/').set('rest https://a.example/', 't2');
    await vault.storeLogin('https://b.example/', { username: 'u', password: 'q' });
    assert.equal(await vault.tokenStore('https://a.example/').get('rest https://a.example/'), 't2');
    await vault.forget('https://a.example/');
    assert.equal(await vault.has('https://a.example/'), false);
    assert.deepEqual(await vault.getLogin('https://b.example/'), { username: 'u', password: 'q' });
  });

  test('token writes do not lose each other when they overlap', async () => {
    const vault = new LoginVault(new MemorySecrets());
    const tokens = vault.tokenStore('https://a.example/');
    await Promise.all([tokens.set('one', '1'), tokens.set('two', '2'), tokens.set('three', '3')]);
    await tokens.delete('two');
    assert.deepEqual([await tokens.get('one'), await tokens.get('two'), await tokens.get('three')], ['1', undefined, '3']);
  });
});

describe('sign in', () => {
  for (const api of ['rest', 'v1'] as const) {
    test(`${api}: asks even with a stored login, checks it, and keeps the login and a fresh token`, () =>
      leaks.withServer(async (server) => {
        const vault = new LoginVault(new MemorySecrets());
        await vault.storeLogin(server.url, { username: server.credentials.username, password: 'old' });
        await vault.tokenStore(server.url).set(`${api} ${server.url}`, 'not-a-valid-token');
        const prompt = scriptedPrompt([server.credentials]);
        const session = createLoginSession({ vault, base: server.url, prompt, fresh: true });
        const lines: string[] = [];
        const result = await signIn({
          api,
          server: server.url,
          credentials: session.credentials,
          tokenStore: session.tokenStore,
          timeoutMs: 5000,
          log: (line) => lines.push(line),
        });
        leaks.record(...lines, JSON.stringify(result));
        assert.deepEqual(result, { ok: true, base: server.url });
        assert.equal(prompt.asked.length, 1);
        assert.equal(session.acceptedUsername, server.credentials.username);
        assert.deepEqual(await vault.getLogin(server.url), server.credentials);
        assert.ok(server.issuedTokens().includes((await vault.tokenStore(server.url).get(`${api} ${server.url}`)) as string));
        assert.ok(lines.some((line) => /^(POST|GET) http:\/\/127\.0\.0\.1:\d+\/api\/.* → 200 \(\d+ ms\)$/.test(line)), lines.join('\n'));
      }));
  }

  test('a rejected login: asked once more, then a plain failure, nothing stored', () =>
    leaks.withServer(async (server) => {
      const vault = new LoginVault(new MemorySecrets());
      const wrong = { username: 'someone@example.com', password: 'nope' };
      const prompt = scriptedPrompt([wrong, wrong]);
      const session = createLoginSession({ vault, base: server.url, prompt, fresh: true });
      const result = await signIn({ api: 'rest', server: server.url, credentials: session.credentials, tokenStore: session.tokenStore, timeoutMs: 5000 });
      leaks.record(JSON.stringify(result));
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.kind, 'credentials');
      assert.match(!result.ok ? result.message : '', /HTTP 400.*Unable to log in/);
      assert.equal(await vault.has(server.url), false);
    }));

  test('a mistyped sign-in leaves the stored login alone', () =>
    leaks.withServer(async (server) => {
      const vault = new LoginVault(new MemorySecrets());
      await vault.storeLogin(server.url, server.credentials);
      const wrong = { username: server.credentials.username, password: 'typo' };
      const session = createLoginSession({ vault, base: server.url, prompt: scriptedPrompt([wrong, undefined]), fresh: true });
      const result = await signIn({ api: 'v1', server: server.url, credentials: session.credentials, tokenStore: session.tokenStore, timeoutMs: 5000 });
      leaks.record(JSON.stringify(result));
      assert.equal(!result.ok && result.kind, 'cancelled');
      assert.deepEqual(await vault.getLogin(server.url), server.credentials);
    }));

  test('a refused server URL is a failure, not an exception', async () => {
    const vault = new LoginVault(new MemorySecrets());
    const session = createLoginSession({ vault, base: 'x', prompt: scriptedPrompt([]) });
    const result = await signIn({ api: 'rest', server: 'http://example.com/', credentials: session.credentials, tokenStore: session.tokenStore, timeoutMs: 1000 });
    assert.equal(!result.ok && result.kind, 'refused');
  });
});

describe('settings and names', () => {
  test('upload settings: defaults, keywords, clamped timeout', () => {
    assert.deepEqual(normalizeUploadSettings({}), { server: 'test', api: 'v1', timeoutMs: 30_000 });
    assert.deepEqual(normalizeUploadSettings({ server: ' Live ', api: 'rest', uploadTimeoutSeconds: 5 }), { server: 'live', api: 'rest', timeoutMs: 5000 });
    assert.equal(normalizeUploadSettings({ server: 'http://127.0.0.1:9/' }).server, 'http://127.0.0.1:9/');
    assert.equal(normalizeUploadSettings({ api: 'graphql' }).api, 'v1');
    assert.equal(normalizeUploadSettings({ uploadTimeoutSeconds: 10_000 }).timeoutMs, 600_000);
    assert.equal(normalizeUploadSettings({ uploadTimeoutSeconds: -1 }).timeoutMs, 30_000);
  });

  test('competition name: full_name, else the old fullName, else undefined', () => {
    assert.equal(competitionName(fixture.text), 'api-test full competition');
    assert.equal(competitionName('{"fullName": "Old \\"Meet\\""}'), 'Old "Meet"');
    assert.equal(competitionName('{"full_name": 3, "events": []}'), undefined);
    assert.equal(competitionName('{"full_name": "unterminated'), undefined);
  });
});

test('no password or token appears in any log line, progress message or result of this file', () => leaks.assertNoSecrets());
