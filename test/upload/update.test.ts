// Uploading a competition that is already on OpenTrack: found by slug, compared, only the differences sent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeChange, previewUpload, type UploadOptions, type UploadResult } from '../../server/src/upload';
import { OTHER_ORGANISER, type OpenTrackServer } from '../opentrack-server/server';
import { editedFixture, fixedCredentials, LeakWatch, loadFixture } from '../opentrack-server/testkit';

const leaks = new LeakWatch();
const fixture = loadFixture();

function options(server: OpenTrackServer, overrides: Partial<UploadOptions> = {}): UploadOptions {
  return {
    documentText: fixture.text,
    api: 'rest',
    server: server.url,
    credentials: fixedCredentials(server.credentials.username, server.credentials.password),
    timeoutMs: 5000,
    ...overrides,
  };
}

async function firstUpload(server: OpenTrackServer): Promise<void> {
  const result = await leaks.upload(options(server));
  assert.ok(result.ok && result.outcome === 'created', JSON.stringify(result));
}

/** The fixture with the 100 m heat 2 winner's time changed: one unit's results differ. */
const newTime = editedFixture((document) => {
  document.events[1].units[1].results[0].performance = '10.99';
});

const update = async () => 'update' as const;

function writesSince(server: OpenTrackServer, count: number) {
  return server.state.writes.slice(count).map(({ method, path, body }) => ({ method, path: path.replace(/\/\d+\/$/, '/N/'), body }));
}

describe('re-upload of an existing competition (REST)', () => {
  test('a changed result: the dry run names that unit, the update PATCHes only its results', () =>
    leaks.withServer(async (server) => {
      await firstUpload(server);
      const writes = server.state.writes.length;

      const preview = await previewUpload(options(server, { documentText: newTime.text }));
      assert.ok(preview.ok, JSON.stringify(preview));
      assert.deepEqual(preview.plan.changes.map(describeChange), ['update unit 003 round 1 heat 2 (results)']);
      assert.equal(server.state.writes.length, writes, 'the dry run wrote nothing');

      let asked = 0;
      const result = await leaks.upload(options(server, { documentText: newTime.text, decideUpdate: async (plan) => (asked++, assert.equal(plan.changes.length, 1), 'update') }));
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.outcome, 'updated');
      assert.equal(asked, 1);
      assert.deepEqual(writesSince(server, writes), [
        { method: 'PATCH', path: '/api/units/N/', body: { results: (newTime.document.events as any)[1].units[1].results } },
      ]);
      assert.equal(server.state.competitions.length, 1);
      const stored = server.state.events.find((event) => event.representation.event_id === '003')!;
      assert.equal((stored.representation.units as any)[1].results[0].performance, '10.99');
      assert.equal(result.created.competition.webUrl, server.state.competitions[0].representation.home_page_url);

      // The page the upload links to shows the new time.
      const page = await fetch(result.created.competition.webUrl);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<td class="performance">10\.99<\/td>/);
    }));

  test('the same file again sends nothing and says it is up to date', () =>
    leaks.withServer(async (server) => {
      await firstUpload(server);
      const writes = server.state.writes.length;
      const result = await leaks.upload(options(server, { decideUpdate: update }));
      assert.ok(result.ok && result.outcome === 'unchanged', JSON.stringify(result));
      assert.equal(server.state.writes.length, writes);
    }));

  test('without an answer to the update question nothing is written, and the message says why no second competition', () =>
    leaks.withServer(async (server) => {
      await firstUpload(server);
      const writes = server.state.writes.length;
      const result = await leaks.upload(options(server, { documentText: newTime.text }));
      assert.ok(!result.ok);
      assert.equal(result.kind, 'exists');
      assert.deepEqual(result.fieldErrors, []);
      assert.match(result.message, /already exists .* and was not updated\. A second competition is not created/);
      assert.equal(server.state.writes.length, writes);
    }));

  test('new, changed and removed items: POST list, PUT full record, PATCH event fields; deletes only when confirmed', () =>
    leaks.withServer(async (server) => {
      await firstUpload(server);
      const edited = editedFixture((document) => {
        document.teams[0].team_name = 'Belgium';
        document.competitors.push({ competitor_id: '99', first_name: 'New', last_name: 'Runner' });
        document.competitors.splice(3, 1);
        document.events[2].name = 'Long jump, renamed';
        document.events.splice(5, 1);
      });
      const writes = server.state.writes.length;
      const kept = await leaks.upload(options(server, { documentText: edited.text, decideUpdate: update }));
      assert.ok(kept.ok, JSON.stringify(kept));
      assert.deepEqual(kept.changes.map(describeChange), ['update team BEL (team_name)', 'create competitor 99', 'update event H3 (name)']);
      assert.match(kept.warnings.join('\n'), /Not deleted \(not confirmed\): event 27, competitor 4\./);
      const competition = server.state.competitions[0].id;
      const team = { ...(edited.document.teams as any)[0], competition };
      assert.deepEqual(writesSince(server, writes), [
        { method: 'PUT', path: '/api/teams/N/', body: team },
        { method: 'POST', path: '/api/competitors/', body: [{ competitor_id: '99', first_name: 'New', last_name: 'Runner', competition }] },
        { method: 'PATCH', path: '/api/events/N/', body: { name: 'Long jump, renamed' } },
      ]);

      let named: string[] = [];
      const deleted = await leaks.upload(
        options(server, { documentText: edited.text, decideUpdate: update, confirmDeletions: async (list) => ((named = list.map(describeChange)), true) }),
      );
      assert.ok(deleted.ok, JSON.stringify(deleted));
      assert.deepEqual(named, ['delete event 27', 'delete competitor 4']);
      assert.deepEqual(
        server.state.writes.slice(-2).map(({ method, path, status }) => [method, path.replace(/\/[^/]+\/$/, '/ID/'), status]),
        [
          ['DELETE', '/api/events/ID/', 204],
          ['DELETE', '/api/competitors/ID/', 204],
        ],
      );
      assert.equal(server.state.events.some((event) => event.representation.event_id === '27'), false);
    }));

  test('lists are read page by page', () =>
    leaks.withServer(
      async (server) => {
        await firstUpload(server);
        const preview = await previewUpload(options(server, { documentText: newTime.text }));
        assert.ok(preview.ok);
        assert.deepEqual(preview.plan.changes.map(describeChange), ['update unit 003 round 1 heat 2 (results)']);
        const competitorPages = server.state.requests.filter((request) => request.method === 'GET' && request.path === '/api/competitors/');
        assert.equal(competitorPages.length, 2, 'four competitors in pages of three');
      },
      { maxPageSize: 3 },
    ));

  test("another organiser's token gets 403, with what the account needs", () =>
    leaks.withServer(async (server) => {
      await firstUpload(server);
      const result = await leaks.upload(
        options(server, { documentText: newTime.text, decideUpdate: update, credentials: fixedCredentials(OTHER_ORGANISER.username, OTHER_ORGANISER.password) }),
      );
      assert.ok(!result.ok);
      assert.equal(result.status, 403);
      assert.match(result.message, /refused updating unit 003 round 1 heat 2 \(HTTP 403\): You do not have permission/);
    }));

  test('a remembered id finds the competition after its slug changed in the file', () =>
    leaks.withServer(async (server) => {
      await firstUpload(server);
      const renamed = editedFixture((document) => {
        document.slug = 'api-test-renamed';
      });
      const preview = await previewUpload(options(server, { documentText: renamed.text, knownCompetitionId: server.state.competitions[0].id }));
      assert.ok(preview.ok);
      assert.equal(preview.plan.existing?.id, server.state.competitions[0].id);
      assert.deepEqual(preview.plan.changes.map(describeChange), ['update competition api-test-renamed (slug)']);
    }));
});

describe('outcomes the tool cannot know', () => {
  for (const when of ['before-headers', 'after-headers'] as const) {
    test(`the connection breaks ${when === 'before-headers' ? 'before' : 'after'} the 201 headers of the create: unknown, with what to check; a retry finds the competition`, () =>
      leaks.withServer(async (server) => {
        server.control({ drop: [{ method: 'POST', path: '/api/competitions/', when }] });
        const result: UploadResult = await leaks.upload(options(server));
        assert.ok(!result.ok);
        assert.equal(result.kind, 'unknown');
        assert.match(result.message, /^The outcome is unknown: .*POST http:\/\/127\.0\.0\.1:\d+\/api\/competitions\/.* so OpenTrack may or may not have made the change\./);
        assert.match(result.message, /Check on http:\/\/127\.0\.0\.1:\d+\/api\/my-competitions\/ whether "api-test-slug-10" is there/);
        assert.doesNotMatch(result.message, /Could not reach/);
        assert.equal(server.state.competitions.length, 1, 'the stand-in did create it');

        const retry = await leaks.upload(options(server, { decideUpdate: update }));
        assert.ok(retry.ok, JSON.stringify(retry));
        assert.equal(retry.outcome, 'updated', 'the teams, competitors and events missing after the break are added');
        assert.equal(server.state.competitions.length, 1);
      }));
  }

  test('a server that refuses the connection is a network failure (nothing was sent)', async () => {
    const result = await leaks.upload({ ...options({ url: 'http://127.0.0.1:9/', credentials: { username: 'u', password: 'p' } } as OpenTrackServer) });
    assert.ok(!result.ok);
    assert.equal(result.kind, 'network');
  });
});

test('no output of this file holds a password or token', () => {
  leaks.assertNoSecrets();
});
