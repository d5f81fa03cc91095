// The stand-in server itself: the documented shapes both APIs answer with, and its switches.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OpenTrackServer } from '../opentrack-server/server';
import { LeakWatch } from '../opentrack-server/testkit';

/** Used for starting and stopping servers; this file checks shapes, not output. */
const servers = new LeakWatch();

interface Call {
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
}

async function call(server: OpenTrackServer, method: string, path: string, { json, form, headers }: Call = {}) {
  const response = await fetch(new URL(path, server.url), {
    method,
    headers: {
      ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      ...headers,
    },
    body: form ? new URLSearchParams(form).toString() : json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: text.startsWith('<') ? text : (JSON.parse(text) as any) };
}

async function restToken(server: OpenTrackServer): Promise<Record<string, string>> {
  const { body } = await call(server, 'POST', '/api/get-auth-token/', { form: server.credentials });
  return { Authorization: `Token ${body.token}`, Referer: server.url };
}

async function createRestCompetition(server: OpenTrackServer, headers: Record<string, string>): Promise<string> {
  const json = { full_name: 'Meet', slug: 'meet', date: '2026-05-01', country: 'GBR', year: '2026' };
  const { status, body } = await call(server, 'POST', '/api/competitions/', { json, headers });
  assert.equal(status, 201);
  return body.id;
}

describe('stand-in v1 API', () => {
  test('listens on loopback only; ping answers without login', () =>
    servers.withServer(async (server) => {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      assert.deepEqual((await call(server, 'GET', '/api/v1/ping/')).body, { reply: 'pong', enviroment: 'otr_0' });
    }));

  test('token: form login, 401 for a wrong password, 422 without the form', () =>
    servers.withServer(async (server) => {
      const ok = await call(server, 'POST', '/api/v1/auth/token', { form: server.credentials });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.token_type, 'bearer');
      const wrong = await call(server, 'POST', '/api/v1/auth/token', { form: { ...server.credentials, password: 'x' } });
      assert.deepEqual([wrong.status, wrong.body], [401, { detail: 'Incorrect username or password' }]);
      const json = await call(server, 'POST', '/api/v1/auth/token', { json: server.credentials });
      assert.equal(json.status, 422);
      assert.deepEqual(json.body.detail[0].loc, ['body', 'username']);
    }));

  test('competitions need a valid bearer token', () =>
    servers.withServer(async (server) => {
      for (const headers of [{}, { Authorization: 'Bearer nonsense' }] as Record<string, string>[]) {
        const answer = await call(server, 'POST', '/api/v1/competitions/', { json: {}, headers });
        assert.deepEqual([answer.status, answer.body], [401, { detail: 'Could not validate credentials' }]);
        assert.equal(answer.headers.get('www-authenticate'), 'Bearer');
      }
    }));
});

describe('stand-in REST API', () => {
  test('token errors, hello, and the Referer check on writes', () =>
    servers.withServer(async (server) => {
      const wrong = await call(server, 'POST', '/api/get-auth-token/', { form: { ...server.credentials, password: 'x' } });
      assert.deepEqual([wrong.status, wrong.body], [400, { non_field_errors: ['Unable to log in with provided credentials.'] }]);
      assert.deepEqual((await call(server, 'GET', '/api/hello/')).body, { detail: 'Authentication credentials were not provided.' });
      assert.deepEqual((await call(server, 'GET', '/api/hello/', { headers: { Authorization: 'Token bad' } })).body, { detail: 'Invalid token.' });

      const { Authorization } = await restToken(server);
      assert.match((await call(server, 'GET', '/api/hello/', { headers: { Authorization } })).body.message, /^Hello, /);
      const noReferer = await call(server, 'POST', '/api/competitions/', { json: {}, headers: { Authorization } });
      assert.deepEqual([noReferer.status, noReferer.body], [403, { detail: 'CSRF Failed: Referer checking failed - no Referer.' }]);
    }));

  test('DRF error shapes: fields, list items, nested lists, unique sets', () =>
    servers.withServer(async (server) => {
      const headers = await restToken(server);
      const missing = await call(server, 'POST', '/api/competitions/', { json: { slug: 'Bad Slug' }, headers });
      assert.equal(missing.status, 400);
      assert.deepEqual(Object.keys(missing.body).sort(), ['country', 'date', 'full_name', 'slug', 'year']);

      const competition = await createRestCompetition(server, headers);
      const duplicate = await call(server, 'POST', '/api/competitions/', {
        json: { full_name: 'Meet', slug: 'meet', date: '2026-05-01', country: 'GBR', year: '2026' },
        headers,
      });
      assert.deepEqual(duplicate.body, { slug: ['competition with this slug already exists.'] });

      const competitors = await call(server, 'POST', '/api/competitors/', {
        json: [
          { competition, competitor_id: '1' },
          { competition, events_entered: [{ event_id: 'A' }, { event_code: '100' }] },
          { competition, competitor_id: '1' },
        ],
        headers,
      });
      assert.deepEqual(competitors.body, [
        {},
        { competitor_id: ['This field is required.'], events_entered: [{}, { event_id: ['This field is required.'] }] },
        { non_field_errors: ['The fields competition, competitor_id must make a unique set.'] },
      ]);
      const notList = await call(server, 'POST', '/api/teams/', { json: { competition, team_id: 'A' }, headers });
      assert.deepEqual(notList.body, { non_field_errors: ['Expected a list of items but got type "dict".'] });
      assert.deepEqual(server.state.competitors, []);
    }));

  test('created records carry ids and urls; lists paginate with limit and offset', () =>
    servers.withServer(async (server) => {
      const headers = await restToken(server);
      const competition = await createRestCompetition(server, headers);
      const teams = ['A', 'B', 'C'].map((team_id) => ({ competition, team_id }));
      const created = await call(server, 'POST', '/api/teams/', { json: teams, headers });
      assert.equal(created.status, 201);
      assert.deepEqual(
        created.body.map((team: { team_id: string; id: number; url: string }) => [team.team_id, typeof team.id, team.url.endsWith(`/api/teams/${team.id}/`)]),
        [
          ['A', 'number', true],
          ['B', 'number', true],
          ['C', 'number', true],
        ],
      );
      const event = await call(server, 'POST', '/api/events/', { json: { competition, event_id: '1', event_code: '100' }, headers });
      assert.equal(event.status, 201);

      const first = await call(server, 'GET', `/api/teams/?competition=${competition}&limit=2`);
      assert.equal(first.body.count, 3);
      assert.deepEqual(first.body.results.map((team: { team_id: string }) => team.team_id), ['A', 'B']);
      assert.equal(first.body.previous, null);
      const second = await call(server, 'GET', new URL(first.body.next).pathname + new URL(first.body.next).search);
      assert.deepEqual(second.body.results.map((team: { team_id: string }) => team.team_id), ['C']);
      assert.equal(second.body.next, null);
      assert.match(second.body.previous, /limit=2$/);
      assert.equal((await call(server, 'GET', '/api/teams/?competition=other')).body.count, 0);
    }));
});

describe('stand-in switches', () => {
  test('POST /__control forces 500s and endpoint rejections; GET /__state never shows secrets', () =>
    servers.withServer(
      async (server) => {
        assert.equal((await call(server, 'GET', '/api/v1/ping/')).status, 500);
        assert.equal((await call(server, 'GET', '/api/v1/ping/')).status, 200);
        await call(server, 'POST', '/__control', {
          json: { failNext: 1, failWith: 'html', reject: [{ path: '/api/hello/', status: 418, body: { detail: 'teapot' }, times: 1 }] },
        });
        const html = await call(server, 'GET', '/api/v1/ping/');
        assert.deepEqual([html.status, html.headers.get('content-type')], [500, 'text/html; charset=utf-8']);
        assert.deepEqual((await call(server, 'GET', '/api/hello/')).body, { detail: 'teapot' });
        assert.equal((await call(server, 'GET', '/api/hello/')).status, 401);

        const headers = await restToken(server);
        const state = await call(server, 'GET', '/__state');
        assert.equal(state.body.tokensIssued, 1);
        assert.ok(!state.text.includes(headers.Authorization.slice('Token '.length)));
        assert.ok(!state.text.includes(server.credentials.password));
        assert.deepEqual(
          state.body.requests.map((request: { path: string; status: number }) => `${request.path} ${request.status}`),
          ['/api/v1/ping/ 500', '/api/v1/ping/ 200', '/api/v1/ping/ 500', '/api/hello/ 418', '/api/hello/ 401', '/api/get-auth-token/ 200'],
        );
      },
      { username: 'someone@example.org', password: 'another-secret', control: { failNext: 1 } },
    ));

  test('expired tokens are refused; a delayed answer is dropped when the client gives up', () =>
    servers.withServer(async (server) => {
      const { Authorization } = await restToken(server);
      server.control({ expireTokens: true });
      assert.deepEqual((await call(server, 'GET', '/api/hello/', { headers: { Authorization } })).body, { detail: 'Invalid token.' });

      server.control({ delayMs: 30_000 });
      await assert.rejects(fetch(new URL('/api/v1/ping/', server.url), { signal: AbortSignal.timeout(50) }), { name: 'TimeoutError' });
      server.control({ reset: true });
      assert.equal((await call(server, 'GET', '/api/v1/ping/')).status, 200);
    }));
});

test('the leak watch notices a token in the output', async () => {
  const watch = new LeakWatch();
  await watch.withServer(async (server) => {
    const { body } = await call(server, 'POST', '/api/get-auth-token/', { form: server.credentials });
    watch.record(`a log line with ${body.token}`);
  });
  assert.throws(() => watch.assertNoSecrets(), /a secret leaked into: a log line with <SECRET>/);
});
