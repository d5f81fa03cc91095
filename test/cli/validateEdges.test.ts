import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/repo';
import { runValidate } from '../../server/src/cli/validateCommand';
import { RULE_FAMILIES } from '../../server/src/service';
import { RuleFamily } from '../../server/src/service/rules/rule';

const CLI = join(repoRoot(), 'dist', 'cli.js');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: repoRoot(), timeout: 20000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'opentrack-cli-edges-'));
const sample = join(repoRoot(), 'samples', 'running.opentrack.json');

describe('opentrack validate: edge cases', () => {
  test('a folder without competition files is an error, not "0 files checked" with exit 0', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'package.json'), '{}');
    const result = cli('validate', empty);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no \*\.opentrack\.json file in .*empty/);
  });

  test('upper-case names and symbolic links are included; a link loop ends', () => {
    const folder = join(dir, 'linked');
    mkdirSync(join(folder, 'real'), { recursive: true });
    copyFileSync(sample, join(folder, 'real', 'MEET.OPENTRACK.JSON'));
    const other = join(dir, 'elsewhere');
    mkdirSync(other);
    copyFileSync(sample, join(other, 'b.opentrack.json'));
    symlinkSync(join(other, 'b.opentrack.json'), join(folder, 'link.opentrack.json'));
    symlinkSync(folder, join(folder, 'real', 'loop'));
    const result = cli('validate', folder);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^2 files checked/m);
  });

  test('missing and unreadable files are in --format json as errors, never a bare []', () => {
    const missing = join(dir, 'missing.opentrack.json');
    const result = cli('validate', '--format', 'json', missing, sample);
    assert.equal(result.status, 2);
    const [entry, ...rest] = JSON.parse(result.stdout);
    assert.equal(rest.length, 0);
    assert.equal(entry.file, missing);
    assert.equal(entry.severity, 'error');
    assert.equal(entry.code, 'unreadable');
    assert.match(entry.message, /no such file/);
  });

  test('a FIFO is refused with a message instead of hanging', { skip: process.platform === 'win32' }, () => {
    const fifo = join(dir, 'pipe.opentrack.json');
    spawnSync('mkfifo', [fifo]);
    const result = cli('validate', fifo);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /not a regular file/);
  });

  test('-- ends the options: a file name may start with a dash', () => {
    const dashed = join(dir, '-dashed.opentrack.json');
    copyFileSync(sample, dashed);
    assert.equal(cli('validate', '-dashed.opentrack.json').status, 2);
    const result = spawnSync(process.execPath, [CLI, 'validate', '--', '-dashed.opentrack.json'], { encoding: 'utf8', cwd: dir });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^1 file checked/m);
  });

  test('| head -1: a closed pipe ends quietly, without an EPIPE stack trace, and the exit code still says "errors found"', async () => {
    // Far more output than a pipe buffer holds: a thousand findings, five times, one of them an error.
    const noisy = join(dir, 'noisy.opentrack.json');
    writeFileSync(noisy, JSON.stringify({ full_name: 'x', slug: 'Not A Slug', events: [], competitors: Array.from({ length: 1000 }, (_, i) => ({ competitor_id: String(i), first_name: 'A', last_name: 'B', unknown_field: 1 })) }));
    const child = spawn(process.execPath, [CLI, 'validate', noisy, noisy, noisy, noisy, noisy], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
    assert.doesNotMatch(stderr, /EPIPE|\n\s+at /);
    assert.equal(status, 1, stderr);
  });

  test('control characters from the document never reach the terminal', () => {
    const hostile = join(dir, 'hostile.opentrack.json');
    writeFileSync(hostile, JSON.stringify({ full_name: 'x', events: [], ['\u001b[2J\u001b]0;pwned\u0007note\u202e']: 1 }));
    const result = cli('validate', hostile);
    assert.match(result.stdout, /OT703/);
    assert.doesNotMatch(result.stdout, /[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    assert.match(result.stdout, /\\u001b\[2J/);
  });

  test('an internal failure is a clear OT902 line naming the file, exit 2, and is in --format json', () => {
    const families = RULE_FAMILIES as RuleFamily[];
    families.unshift({ name: 'poisoned', rules: [], check: (context) => context.report({ code: 'OT101', message: 'x', path: null as never }) });
    try {
      for (const format of ['text', 'json']) {
        const out: string[] = [];
        const err: string[] = [];
        const status = runValidate(['--format', format, sample], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, 'usage');
        assert.equal(status, 2, format);
        assert.match(out.join('\n'), /OT902/, format);
        assert.match(out.join('\n'), /running\.opentrack\.json could not be checked/, format);
        if (format === 'json') assert.notDeepEqual(JSON.parse(out.join('\n')), []);
        else assert.match(err.join('\n'), /internal error/);
      }
    } finally {
      families.shift();
    }
  });

  test('above the semantic size limit, the note names the command line\'s option (not the editor\'s setting), and the option lifts the limit', () => {
    const run = (...args: string[]): { status: number; out: string; err: string } => {
      const out: string[] = [];
      const err: string[] = [];
      const status = runValidate([...args, broken], { stdout: (t) => out.push(t), stderr: (t) => err.push(t) }, 'usage');
      return { status, out: out.join('\n'), err: err.join('\n') };
    };
    const broken = join(repoRoot(), 'samples', 'broken.opentrack.json');
    const limited = run('--max-semantic-mb', '0.01');
    const note = limited.out.split('\n').find((line) => line.includes(' OT901 '));
    assert.ok(note, limited.out);
    assert.match(note, /This file is 0\.0 MB: too large to check fully\. Syntax and schema are checked; semantic checks run on files up to 0\.01 MB \(`opentrack validate --max-semantic-mb 1` checks this one fully\)\.$/);
    assert.doesNotMatch(limited.out, /opentrack\.maxSemanticFileSizeMB/);
    const full = run('--max-semantic-mb=1');
    assert.doesNotMatch(full.out, / OT901 /);
    assert.ok(full.out.split('\n').length > limited.out.split('\n').length, 'the semantic checks ran');
    for (const value of ['0', '-3', 'x', '']) {
      const refused = run('--max-semantic-mb', value);
      assert.equal(refused.status, 2, value);
      assert.match(refused.err, /--max-semantic-mb must be a size in MB above 0/);
    }
  });
});
