import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { repoRoot } from '../helpers/repo';
import { competitionFiles, expectedResults, readJson, readRows } from '../helpers/htmlRows';

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(repoRoot(), 'dist', 'cli.js'), ...args], { encoding: 'utf8', cwd: repoRoot(), maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'opentrack-render-'));

describe('opentrack render', () => {
  // The renderer's own tests read back every sample; here the command on the fullest sample and OpenTrack's example.
  test('writes one self-contained page that shows every result (place, athlete, mark)', () => {
    for (const file of competitionFiles().filter((f) => /complete-meet|api_create_full_competition/.test(f))) {
      const output = join(dir, `${basename(file)}.html`);
      const result = cli('render', file, '-o', output);
      assert.equal(result.status, 0, result.stderr);
      const html = readFileSync(output, 'utf8');
      assert.match(html, /^<!DOCTYPE html>/);
      assert.doesNotMatch(html, /<script|<link|src=|https?:\/\//i, 'no scripts, no external resources');
      const rows = readRows(html);
      for (const expected of expectedResults(readJson(file))) {
        const row = rows.get(expected.path);
        assert.ok(row, `${basename(file)} ${expected.path}`);
        assert.equal((row.cells.get('place') ?? '').replace(/^=/, ''), expected.place);
        assert.equal(row.cells.get('mark') ?? '', expected.mark);
        assert.ok(row.cells.get('athlete')!.startsWith(expected.name));
      }
    }
  });

  test('to stdout without -o; broken JSON still renders what can be read, with a warning', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"full_name": "Broken <Meet>", "events": [],}');
    const result = cli('render', broken);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /<h1[^>]*>Broken &lt;Meet&gt;<\/h1>/);
    assert.match(result.stderr, /syntax errors/);
  });

  test('usage errors and unreadable files: exit 2, one line, no stack', () => {
    for (const args of [['render'], ['render', 'a.json', 'b.json'], ['render', '--frobnicate', 'a.json'], ['render', join(dir, 'missing.json')], ['render', 'samples/running.opentrack.json', '-o']]) {
      const result = cli(...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    }
    writeFileSync(join(dir, 'array.json'), '[1, 2]');
    assert.match(cli('render', join(dir, 'array.json')).stderr, /not a JSON object/);
  });
});
