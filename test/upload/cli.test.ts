import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { runUpload, type CliDiagnostic, type UploadCliDeps } from '../../server/src/cli/upload';
import type { OpenTrackServer } from '../opentrack-server/server';
import { editedFixture, LeakWatch, lineOf, loadFixture, locate } from '../opentrack-server/testkit';

const leaks = new LeakWatch();
const folder = mkdtempSync(join(tmpdir(), 'opentrack-upload-cli-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function writeDocument(name: string, text: string): string {
  const file = join(folder, name);
  writeFileSync(file, text);
  return file;
}

const fixtureFile = writeDocument('full-competition.json', loadFixture().text);

/** Stands in for the language service: bad JSON, and a made-up `x_invalid` key, are errors. */
const deps: UploadCliDeps = {
  validate(text): CliDiagnostic[] {
    const error = (path: (string | number)[], code: string, message: string): CliDiagnostic => ({
      range: { start: locate(text, path) ?? { line: 0, character: 0 } },
      severity: 1,
      code,
      message,
    });
    try {
      const document = JSON.parse(text) as Record<string, unknown>;
      return 'x_invalid' in document ? [error(['x_invalid'], 'unknown-property', 'x_invalid is not an OpenTrack field.')] : [];
    } catch {
      return [error([], 'syntax', 'Not JSON.')];
    }
  },
  locate,
};

interface CliRun {
  code: number;
  stdout: string[];
  stderr: string[];
  terminal: string;
}

/** Runs the subcommand with captured output; `answer` replies to terminal questions (a TTY session). */
async function cli(args: string[], options: { env?: NodeJS.ProcessEnv; answer?: (question: string) => string | undefined } = {}): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let terminal = '';
  const stdin = new PassThrough();
  const terminalStream = new Writable({
    write(chunk, _encoding, done) {
      terminal += String(chunk);
      const reply = options.answer?.(String(chunk));
      if (reply !== undefined) stdin.write(`${reply}\n`);
      done();
    },
  });
  const code = await runUpload(
    args,
    { stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line), env: options.env ?? {}, stdin, terminal: terminalStream, isTTY: options.answer !== undefined },
    deps,
  );
  leaks.record(...stdout, ...stderr, terminal);
  return { code, stdout, stderr, terminal };
}

const loginEnv = (server: OpenTrackServer) => ({ OPENTRACK_USERNAME: server.credentials.username, OPENTRACK_PASSWORD: server.credentials.password });

describe('opentrack upload: usage', () => {
  test('--help prints the usage and exits 0', async () => {
    const run = await cli(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout.join('\n'), /^Usage: opentrack upload FILE \[options\]/);
  });

  for (const [args, message] of [
    [[], /missing FILE/],
    [['a.json', 'b.json'], /give exactly one FILE/],
    [[fixtureFile, '--bogus'], /Unknown option '--bogus'/],
    [[fixtureFile, '--api', 'v2'], /--api must be "rest" or "v1", not "v2"/],
    [[fixtureFile, '--timeout', '0'], /--timeout must be a number of seconds above 0/],
    [[fixtureFile, '--timeout', 'soon'], /--timeout must be a number of seconds above 0/],
  ] as const) {
    test(`exit 2 for: ${args.join(' ') || '(no arguments)'}`, async () => {
      const run = await cli([...args]);
      assert.equal(run.code, 2);
      assert.match(run.stderr.join('\n'), message);
      assert.deepEqual(run.stdout, []);
    });
  }

  test('an unreadable file exits 2 with one line', async () => {
    const run = await cli([join(folder, 'missing.json')]);
    assert.equal(run.code, 2);
    assert.deepEqual(run.stderr, [`opentrack upload: cannot read ${join(folder, 'missing.json')}: ENOENT`]);
  });

  test('missing credentials outside a terminal exit 2 before any request', () =>
    leaks.withServer(async (server) => {
      const run = await cli([fixtureFile, '--server', server.url]);
      assert.equal(run.code, 2);
      assert.match(run.stderr.join('\n'), /set OPENTRACK_USERNAME and OPENTRACK_PASSWORD/);
      assert.deepEqual(server.state.requests, []);
    }));
});

describe('opentrack upload: refusals', () => {
  test('a file with validation errors is not uploaded; errors print as FILE:line:col', () =>
    leaks.withServer(async (server) => {
      const text = JSON.stringify({ ...loadFixture().document, x_invalid: true }, null, 2);
      const file = writeDocument('invalid.json', text);
      const run = await cli([file, '--server', server.url], { env: loginEnv(server) });
      assert.equal(run.code, 1);
      assert.equal(run.stderr[0], `${file}:${lineOf(text, '"x_invalid"') + 1}:16 error: x_invalid is not an OpenTrack field. [unknown-property]`);
      assert.match(run.stderr[1], /has 1 error; nothing was uploaded \(--force uploads anyway\)\.$/);
      assert.deepEqual(server.state.requests, []);

      const forced = await cli([file, '--server', server.url, '--force'], { env: loginEnv(server) });
      assert.equal(forced.code, 0);
      assert.equal(server.state.competitions.length, 1);
    }));

  test('--server live without --yes is refused', async () => {
    const run = await cli([fixtureFile, '--server', 'live'], { env: { OPENTRACK_USERNAME: 'u', OPENTRACK_PASSWORD: 'p' } });
    assert.equal(run.code, 1);
    assert.deepEqual(run.stderr, ['opentrack upload: refusing to upload to the live OpenTrack server without --yes.']);
  });

  test('plain http to another computer is refused', async () => {
    const run = await cli([fixtureFile, '--server', 'http://ot.example.org/'], { env: { OPENTRACK_USERNAME: 'u', OPENTRACK_PASSWORD: 'p' } });
    assert.equal(run.code, 1);
    assert.match(run.stderr.join('\n'), /Refusing plain http:\/\/ to ot\.example\.org/);
  });
});

describe('opentrack upload: against the stand-in server', () => {
  for (const api of ['rest', 'v1'] as const) {
    test(`${api}: success prints what was created and the link, exit 0`, () =>
      leaks.withServer(async (server) => {
        const run = await cli([fixtureFile, '--server', server.url, '--api', api], { env: loginEnv(server) });
        assert.equal(run.code, 0, run.stderr.join('\n'));
        const [competition] = server.state.competitions;
        assert.deepEqual(run.stdout, [
          `Uploaded competition ${competition.id}: 2 teams, 4 competitors, 6 events.`,
          String(api === 'rest' ? competition.representation.home_page_url : competition.representation.url),
        ]);
        assert.equal(run.stderr.some((line) => line.startsWith('warning: The 2 relay teams were not uploaded')), api === 'rest');
      }));
  }

  test('server field errors print at their line in the file', () =>
    leaks.withServer(async (server) => {
      const { text } = editedFixture((document) => {
        document.events[1].rounds = '2,x';
      });
      const file = writeDocument('bad-rounds.json', text);
      const run = await cli([file, '--server', server.url, '--api', 'v1'], { env: loginEnv(server) });
      assert.equal(run.code, 1);
      assert.ok(run.stderr.includes(`${file}:${lineOf(text, '"rounds": "2,x"') + 1}:23 Enter heats per round separated by commas, such as "2,1".`), run.stderr.join('\n'));
      assert.match(run.stderr[run.stderr.length - 1], /^opentrack upload: OpenTrack rejected the data while creating the competition \(HTTP 422\)/);
    }));

  test('a wrong password exits 1 with the server message', () =>
    leaks.withServer(async (server) => {
      const run = await cli([fixtureFile, '--server', server.url, '--api', 'rest'], { env: { ...loginEnv(server), OPENTRACK_PASSWORD: 'wrong-password' } });
      assert.equal(run.code, 1);
      assert.equal(run.stderr[run.stderr.length - 1], 'opentrack upload: OpenTrack rejected the username or password (HTTP 400): Unable to log in with provided credentials.');
    }));

  test('--timeout bounds a slow server', { timeout: 10_000 }, () =>
    leaks.withServer(
      async (server) => {
        const run = await cli([fixtureFile, '--server', server.url, '--timeout', '0.2'], { env: loginEnv(server) });
        assert.equal(run.code, 1);
        assert.match(run.stderr[run.stderr.length - 1], /did not answer within 200 ms/);
      },
      { control: { delayMs: 30_000 } },
    ));

  test('in a terminal it asks for the login without echoing the password; --verbose logs requests', () =>
    leaks.withServer(async (server) => {
      const run = await cli([fixtureFile, '--server', server.url, '--api', 'rest', '--verbose'], {
        answer: (question) =>
          question.includes('OpenTrack username: ') ? server.credentials.username : question.includes('OpenTrack password: ') ? server.credentials.password : undefined,
      });
      assert.equal(run.code, 0, run.stderr.join('\n'));
      assert.match(run.terminal, /OpenTrack username: organiser@example\.com/);
      assert.match(run.terminal, /OpenTrack password: \n$/);
      assert.ok(run.stderr.some((line) => /^ {2}POST http:\/\/127\.0\.0\.1:\d+\/api\/get-auth-token\/ → 200 \(\d+ ms\)$/.test(line)));
    }));

  test('in a terminal, a rejected password is asked for once more', () =>
    leaks.withServer(async (server) => {
      const passwords = ['wrong-once', server.credentials.password];
      const run = await cli([fixtureFile, '--server', server.url, '--api', 'rest'], {
        env: { OPENTRACK_USERNAME: server.credentials.username },
        answer: (question) => (question.includes('OpenTrack password: ') ? passwords.shift() : undefined),
      });
      assert.equal(run.code, 0, run.stderr.join('\n'));
      assert.ok(run.stderr.includes('OpenTrack rejected the username or password (HTTP 400): Unable to log in with provided credentials.'));
      assert.equal(run.terminal.split('OpenTrack password: ').length, 3);
    }));
});

describe('opentrack upload: the same competition again', () => {
  const changed = editedFixture((document) => {
    document.events[1].units[1].results[0].performance = '10.99';
  });

  test('--dry-run names the one changed unit and writes nothing; without --yes a script stops before writing; --yes updates', () =>
    leaks.withServer(async (server) => {
      const env = loginEnv(server);
      assert.equal((await cli([fixtureFile, '--server', server.url, '--api', 'rest'], { env })).code, 0);
      const file = writeDocument('changed.json', changed.text);
      const writes = server.state.writes.length;

      const dry = await cli([file, '--server', server.url, '--api', 'rest', '--dry-run'], { env });
      assert.equal(dry.code, 0, dry.stderr.join('\n'));
      const [competition] = server.state.competitions;
      assert.deepEqual(dry.stdout, [
        `Would update competition ${competition.id} (${String(competition.representation.home_page_url)}): 1 to update.`,
        '  update unit 003 round 1 heat 2 (results)',
        'Dry run: nothing was sent to OpenTrack.',
      ]);

      const stopped = await cli([file, '--server', server.url, '--api', 'rest'], { env });
      assert.equal(stopped.code, 1);
      assert.ok(stopped.stderr.includes('Not updated: run again with --yes to update it (--dry-run shows the changes without sending anything).'), stopped.stderr.join('\n'));
      assert.equal(server.state.writes.length, writes);

      const updated = await cli([file, '--server', server.url, '--api', 'rest', '--yes'], { env });
      assert.equal(updated.code, 0, updated.stderr.join('\n'));
      assert.deepEqual(updated.stdout, [
        `Updated competition ${competition.id}: 1 change sent.`,
        '  update unit 003 round 1 heat 2 (results)',
        String(competition.representation.home_page_url),
      ]);
      assert.deepEqual(server.state.writes.slice(writes).map(({ method, path }) => `${method} ${path.replace(/\d+/, 'N')}`), ['PATCH /api/units/N/']);
      assert.equal(server.state.competitions.length, 1);
    }));

  test('with v1 the second upload says plainly that it cannot update and names the REST API', () =>
    leaks.withServer(async (server) => {
      const env = loginEnv(server);
      assert.equal((await cli([fixtureFile, '--server', server.url], { env })).code, 0);
      const run = await cli([fixtureFile, '--server', server.url, '--yes'], { env });
      assert.equal(run.code, 1);
      assert.match(run.stderr[run.stderr.length - 1], /The v1 API documents no way to update a competition, so nothing was sent; upload with the REST API .*--api rest/);
      assert.equal(server.state.competitions.length, 1);
    }));

  test('a file that is not UTF-8 is refused before anything is sent', () =>
    leaks.withServer(async (server) => {
      const file = join(folder, 'latin1.json');
      writeFileSync(file, Buffer.concat([Buffer.from('{"slug": "a", "full_name": "Jos'), Buffer.from([0xe9]), Buffer.from('"}')]));
      const run = await cli([file, '--server', server.url], { env: loginEnv(server) });
      assert.equal(run.code, 1);
      assert.match(run.stderr.join('\n'), /is not valid UTF-8/);
      assert.deepEqual(server.state.requests, []);
    }));
});

test('no CLI output of this file holds a password or token', () => {
  leaks.assertNoSecrets();
});
