import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/repo';

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'cli.js'), ...args], { encoding: 'utf8', cwd: repoRoot() });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'opentrack-cli-'));
const broken = join(dir, 'broken.opentrack.json');
writeFileSync(broken, '{\n  "full_name": "CLI Meet",\n  "events": [{"event_id": "1", "event_code": "100", "rounds": "2;1"}],\n  "slug": "cli-meet",\n}\n');

describe('opentrack validate', () => {
  test('valid files: exit 0, nothing on stdout', () => {
    const result = cli('validate', 'samples/running.opentrack.json', 'test/fixtures/schema/valid/api_create_full_competition.json');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /2 files checked: 0 errors, 0 warnings/);
  });

  test('errors: file:line:col severity code message, exit 1', () => {
    const result = cli('validate', broken);
    assert.equal(result.status, 1);
    assert.deepEqual(result.stdout.trim().split('\n'), [
      `${broken}:3:63 error OT101 "rounds" must list the number of heats in each round, separated by commas (such as "1" or "2,1"), not "2;1". Did you mean "2,1"?`,
      `${broken}:4:21 error OT002 Trailing comma. Remove it: OpenTrack expects strict JSON.`,
    ]);
  });

  test('--format json carries the same fields for CI tools', () => {
    const result = cli('validate', '--format', 'json', broken);
    assert.equal(result.status, 1);
    const [first, second] = JSON.parse(result.stdout);
    const message = '"rounds" must list the number of heats in each round, separated by commas (such as "1" or "2,1"), not "2;1". Did you mean "2,1"?';
    assert.deepEqual(first, { file: broken, line: 3, column: 63, endLine: 3, endColumn: 68, severity: 'error', code: 'OT101', message });
    assert.equal(second.code, 'OT002');
  });

  test('unreadable files and usage errors: exit 2 with one line, no stack trace', () => {
    for (const args of [['validate', join(dir, 'missing.json')], ['validate'], ['validate', '--format', 'xml', broken], ['frobnicate']]) {
      const result = cli(...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    }
    assert.match(cli('validate', join(dir, 'missing.json')).stderr, /cannot read the file \(no such file\)/);
  });

  test('warnings alone exit 0', () => {
    const warned = join(dir, 'warn.opentrack.json');
    writeFileSync(warned, JSON.stringify({ full_name: 'W', events: [], notes: 'x' }));
    const result = cli('validate', warned);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /warning OT703 Unknown property "notes"/);
  });

  test('a folder stands for every *.opentrack.json below it', () => {
    const result = cli('validate', 'samples');
    assert.equal(result.status, 1, 'samples/broken.opentrack.json has errors');
    assert.match(result.stderr, /8 files checked: \d+ errors/);
    assert.ok(result.stdout.split('\n').filter(Boolean).every((line) => line.startsWith('samples/broken.opentrack.json:')));
  });
});
