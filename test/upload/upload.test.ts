import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryTokenStore, type UploadApi, type UploadFailure, type UploadOptions, type UploadResult } from '../../server/src/upload';
import type { OpenTrackServer } from '../opentrack-server/server';
import { editedFixture, fixedCredentials, LeakWatch, lineOf, loadFixture, locate } from '../opentrack-server/testkit';

const leaks = new LeakWatch();
const fixture = loadFixture();

function uploadTo(server: OpenTrackServer, api: UploadApi, overrides: Partial<UploadOptions> = {}): Promise<UploadResult> {
  return leaks.upload({
    documentText: fixture.text,
    api,
    server: server.url,
    credentials: fixedCredentials(server.credentials.username, server.credentials.password),
    timeoutMs: 5000,
    ...overrides,
  });
}

function failed(result: UploadResult): UploadFailure {
  assert.equal(result.ok, false, 'the upload should have failed');
  return result as UploadFailure;
}

function succeeded(result: UploadResult) {
  assert.ok(result.ok, result.ok ? '' : `upload failed: ${result.message}`);
  return result;
}

const listOf = (key: string) => fixture.document[key] as Record<string, unknown>[];
const ids = (key: string, idKey: string) => listOf(key).map((item) => item[idKey]);

describe('v1 upload', () => {
  test('posts the whole nested document once, as it is in the file', () =>
    leaks.withServer(async (server) => {
      const result = succeeded(await uploadTo(server, 'v1'));
      const [stored] = server.state.competitions;
      assert.deepEqual(stored.received, fixture.document);
      assert.equal(result.created.competition.id, stored.id);
      assert.equal(result.created.competition.webUrl, stored.representation.url);
      assert.deepEqual(result.created.teams, ids('teams', 'team_id'));
      assert.deepEqual(result.created.competitors, ids('competitors', 'competitor_id'));
      assert.deepEqual(result.created.events, ids('events', 'event_id'));
      assert.deepEqual(
        server.state.requests.map(({ method, path, status, authorization, contentType }) => [method, path, status, authorization, contentType]),
        [
          ['POST', '/api/v1/auth/token', 200, 'none', 'application/x-www-form-urlencoded'],
          ['GET', '/api/v1/competitions/', 200, 'Bearer', undefined],
          ['POST', '/api/v1/competitions/', 201, 'Bearer', 'application/json'],
        ],
      );
    }));

  test('a wrong password gives a plain message and the status, after one attempt', () =>
    leaks.withServer(async (server) => {
      const result = failed(await uploadTo(server, 'v1', { credentials: fixedCredentials(server.credentials.username, 'wrong') }));
      assert.equal(result.kind, 'credentials');
      assert.equal(result.status, 401);
      assert.equal(result.message, 'OpenTrack rejected the username or password (HTTP 401): Incorrect username or password.');
      assert.equal(server.state.requests.length, 1);
      assert.deepEqual(server.state.competitions, []);
    }));

  test('a 422 is mapped to document paths, which the locator turns into lines', () =>
    leaks.withServer(async (server) => {
      const edited = editedFixture((document) => {
        document.events[1].rounds = '2,x';
        document.events[2].units[0].round = 'one';
      });
      const result = failed(await uploadTo(server, 'v1', { documentText: edited.text }));
      assert.equal(result.kind, 'rejected');
      assert.equal(result.status, 422);
      assert.deepEqual(
        result.fieldErrors.map((fieldError) => fieldError.path),
        [
          ['events', 1, 'rounds'],
          ['events', 2, 'units', 0, 'round'],
        ],
      );
      assert.match(result.message, /rejected the data while creating the competition \(HTTP 422\) \(2 problems\): events\[1\]\.rounds: /);
      assert.equal(locate(edited.text, result.fieldErrors[0].path)?.line, lineOf(edited.text, '"rounds": "2,x"'));
      assert.equal(locate(edited.text, result.fieldErrors[1].path)?.line, lineOf(edited.text, '"round": "one"'));
    }));

  test('a second upload of the same slug sends nothing and says that v1 cannot update, offering the REST API', () =>
    leaks.withServer(async (server) => {
      succeeded(await uploadTo(server, 'v1'));
      const writes = server.state.writes.length;
      const result = failed(await uploadTo(server, 'v1', { decideUpdate: async () => 'update' }));
      assert.equal(result.kind, 'exists');
      assert.deepEqual(result.fieldErrors, []);
      assert.match(result.message, /already exists on .*The v1 API documents no way to update a competition, so nothing was sent; upload with the REST API/);
      assert.equal(server.state.writes.length, writes);
      assert.equal(server.state.competitions.length, 1);
    }));
});

describe('REST upload', () => {
  test('creates the competition with 2026 names, then teams, competitors and events of the document', () =>
    leaks.withServer(async (server) => {
      const result = succeeded(await uploadTo(server, 'rest'));
      const [competition] = server.state.competitions;
      const { competitors, events, teams, relay_teams, country_id, organiser_id, wa_rankings_category_id, ...sameNames } = fixture.document;
      assert.deepEqual(competition.received, {
        ...sameNames,
        country: country_id,
        organiser: organiser_id,
        wa_rankings_category: wa_rankings_category_id,
        year: '2020',
      });
      const withCompetition = (items: unknown) => (items as object[]).map((item) => ({ ...item, competition: competition.id }));
      assert.deepEqual(server.state.teams.map((team) => team.received), withCompetition(teams));
      assert.deepEqual(server.state.competitors.map((competitor) => competitor.received), withCompetition(competitors));
      assert.deepEqual(server.state.events.map((event) => event.received), withCompetition(events));

      assert.equal(result.created.competition.webUrl, competition.representation.home_page_url);
      assert.deepEqual(result.created.events, ids('events', 'event_id'));
      assert.equal((relay_teams as unknown[]).length, 2);
      assert.match(result.warnings.join('\n'), /The 2 relay teams were not uploaded/);

      const requests = server.state.requests;
      assert.deepEqual(
        requests.map(({ method, path }) => `${method} ${path}`),
        ['POST /api/get-auth-token/', 'GET /api/competitions/', 'POST /api/competitions/', 'POST /api/teams/', 'POST /api/competitors/', ...(events as unknown[]).map(() => 'POST /api/events/')],
      );
      assert.ok(requests.every((request) => request.referer));
      assert.ok(requests.slice(1).every((request) => request.authorization === 'Token'));
      assert.ok(requests.slice(2).every((request) => request.contentType === 'application/json'));
    }));

  test('a wrong password gives the DRF message and status 400', () =>
    leaks.withServer(async (server) => {
      const result = failed(await uploadTo(server, 'rest', { credentials: fixedCredentials(server.credentials.username, 'nope') }));
      assert.equal(result.kind, 'credentials');
      assert.equal(result.status, 400);
      assert.equal(result.message, 'OpenTrack rejected the username or password (HTTP 400): Unable to log in with provided credentials.');
    }));

  test('a rejected password is asked for once more, then the upload goes on', () =>
    leaks.withServer(async (server) => {
      const passwords = ['wrong', server.credentials.password];
      const rejections: string[] = [];
      const result = await uploadTo(server, 'rest', {
        credentials: {
          getCredentials: async () => ({ username: server.credentials.username, password: passwords.shift() as string }),
          onRejected: (message) => void rejections.push(message),
        },
      });
      succeeded(result);
      assert.equal(rejections.length, 1);
      leaks.record(...rejections);
    }));

  test('a second rejection ends the upload', () =>
    leaks.withServer(async (server) => {
      let asked = 0;
      const result = failed(
        await uploadTo(server, 'rest', {
          credentials: {
            getCredentials: async () => ({ username: server.credentials.username, password: `wrong-${++asked}` }),
            onRejected: () => undefined,
          },
        }),
      );
      assert.equal(result.kind, 'credentials');
      assert.equal(asked, 2);
    }));

  test('no credentials given cancels the upload', () =>
    leaks.withServer(async (server) => {
      const result = failed(await uploadTo(server, 'rest', { credentials: { getCredentials: async () => undefined } }));
      assert.equal(result.kind, 'cancelled');
      assert.deepEqual(server.state.requests, []);
    }));

  test('a 400 on the competitors list points into the document and lists what was already created', () =>
    leaks.withServer(async (server) => {
      const edited = editedFixture((document) => {
        document.competitors[1].events_entered[1].event_id = '';
      });
      const result = failed(await uploadTo(server, 'rest', { documentText: edited.text }));
      assert.equal(result.status, 400);
      assert.deepEqual(result.fieldErrors, [{ path: ['competitors', 1, 'events_entered', 1, 'event_id'], message: 'This field may not be blank.' }]);
      assert.equal(locate(edited.text, result.fieldErrors[0].path)?.line, lineOf(edited.text, '"event_id": ""'));

      const competitionId = server.state.competitions[0].id;
      assert.deepEqual(result.created, {
        competition: { id: competitionId, webUrl: server.state.competitions[0].representation.home_page_url },
        teams: ['BEL', 'THH'],
        competitors: [],
        events: [],
      });
      assert.match(result.message, new RegExp(`Already created on OpenTrack: competition ${competitionId} \\(.*\\), 2 teams \\(BEL, THH\\)\\.$`));
    }));

  test('a 400 on an event points at that event; the events before it are reported as created', () =>
    leaks.withServer(async (server) => {
      const edited = editedFixture((document) => {
        document.events[2].rounds = '1,0';
      });
      const result = failed(await uploadTo(server, 'rest', { documentText: edited.text }));
      assert.deepEqual(result.fieldErrors.map((fieldError) => fieldError.path), [['events', 2, 'rounds']]);
      assert.deepEqual(result.created.events, ['M01', '003']);
      assert.equal(result.created.competitors.length, 4);
      assert.match(result.message, /while creating event H3 \(HTTP 400\): events\[2\]\.rounds: /);
    }));

  test('errors on renamed or duplicate competition fields point at the document key', () =>
    leaks.withServer(async (server) => {
      const edited = editedFixture((document) => {
        document.country_id = 826;
      });
      const renamed = failed(await uploadTo(server, 'rest', { documentText: edited.text }));
      assert.deepEqual(renamed.fieldErrors, [{ path: ['country_id'], message: 'Not a valid string.' }]);
      assert.equal(locate(edited.text, renamed.fieldErrors[0].path)?.line, lineOf(edited.text, '"country_id"'));
      assert.deepEqual(renamed.created, { teams: [], competitors: [], events: [] });

      succeeded(await uploadTo(server, 'rest'));
      // The same slug again is found before anything is posted: not a field error, and no second competition.
      const again = failed(await uploadTo(server, 'rest'));
      assert.equal(again.kind, 'exists');
      assert.deepEqual(again.fieldErrors, []);
      assert.equal(server.state.competitions.length, 1);
    }));

  test('a 403 explains the permission needed', () =>
    leaks.withServer(
      async (server) => {
        const result = failed(await uploadTo(server, 'rest'));
        assert.equal(result.status, 403);
        assert.match(result.message, /refused creating event M01 \(HTTP 403\): You do not have permission to perform this action\. The account needs meeting-director rights/);
        assert.deepEqual(result.fieldErrors, []);
      },
      { control: { reject: [{ method: 'POST', path: '/api/events/', status: 403, body: { detail: 'You do not have permission to perform this action.' } }] } },
    ));
});

for (const api of ['v1', 'rest'] as const) {
  describe(`${api}: failures common to both APIs`, () => {
    test('an expired token is replaced by one new login, then the upload succeeds', () =>
      leaks.withServer(async (server) => {
        const tokenStore = createMemoryTokenStore();
        succeeded(await uploadTo(server, api, { tokenStore }));
        server.control({ expireTokens: true });
        const second = editedFixture((document) => {
          document.slug = 'second-upload';
        });
        succeeded(await uploadTo(server, api, { tokenStore, documentText: second.text }));
        assert.equal(server.state.tokensIssued, 2);
        assert.equal(server.state.competitions.length, 2);
        assert.equal(server.state.requests.filter((request) => request.status === 401).length, 1);
      }));

    test('the stored token is reused while it is valid', () =>
      leaks.withServer(async (server) => {
        const tokenStore = createMemoryTokenStore();
        succeeded(await uploadTo(server, api, { tokenStore }));
        const second = editedFixture((document) => {
          document.slug = 'second-upload';
        });
        succeeded(await uploadTo(server, api, { tokenStore, documentText: second.text }));
        assert.equal(server.state.tokensIssued, 1);
      }));

    test('a 500 with DRF JSON says so in plain words', () =>
      leaks.withServer(
        async (server) => {
          const result = failed(await uploadTo(server, api));
          assert.equal(result.kind, 'server');
          assert.equal(result.status, 500);
          assert.match(result.message, /failed while logging in \(HTTP 500\): Permission Denied\. OpenTrack answers this way when the account lacks permission\./);
        },
        { control: { failNext: 1 } },
      ));

    test('a 500 HTML page is summarised by its title', () =>
      leaks.withServer(
        async (server) => {
          const result = failed(await uploadTo(server, api));
          assert.equal(result.message, 'The OpenTrack server failed while logging in (HTTP 500): Server Error (500).');
        },
        { control: { failNext: 1, failWith: 'html' } },
      ));

    test('a server slower than the timeout gives a timeout error quickly', { timeout: 10_000 }, () =>
      leaks.withServer(
        async (server) => {
          const started = Date.now();
          const result = failed(await uploadTo(server, api, { timeoutMs: 150 }));
          assert.equal(result.kind, 'timeout');
          assert.match(result.message, /^OpenTrack did not answer within 150 ms \(POST http:\/\/127\.0\.0\.1:\d+\/api\//);
          assert.ok(Date.now() - started < 3000, 'the timeout took too long');
        },
        { control: { delayMs: 30_000 } },
      ));

    test('aborting the signal cancels the request in flight', { timeout: 10_000 }, () =>
      leaks.withServer(
        async (server) => {
          const controller = new AbortController();
          const result = failed(
            await uploadTo(server, api, {
              signal: controller.signal,
              credentials: {
                getCredentials: async () => {
                  // Abort once the login request is on its way (the server holds it for 30 s).
                  setImmediate(() => controller.abort());
                  return server.credentials;
                },
              },
            }),
          );
          assert.equal(result.kind, 'cancelled');
          assert.equal(result.message, 'Upload cancelled.');
          assert.deepEqual(server.state.competitions, []);
        },
        { control: { delayMs: 30_000 } },
      ));

    test('a server that is not listening gives a network error', () =>
      leaks.withServer(async (server) => {
        await server.close();
        const result = failed(await uploadTo(server, api));
        assert.equal(result.kind, 'network');
        assert.match(result.message, /^Could not reach 127\.0\.0\.1:\d+: ECONNREFUSED\.$/);
      }));
  });
}

test('no password or token appears in any log line, progress message or result of this file', () => {
  leaks.assertNoSecrets();
});
