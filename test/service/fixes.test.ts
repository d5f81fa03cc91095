import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { codeActions } from '../../server/src/service';
import { diagnose } from '../helpers/service';
import { repoRoot } from '../helpers/repo';

/** Golden cases: input document, the diagnostic code to fix, the fix title; output in NAME.golden.json. */
const CASES: Array<{ name: string; code: string; title: string }> = [
  { name: 'rounds-separator', code: 'OT101', title: 'Change to "2,1"' },
  { name: 'performance-best-trial', code: 'OT203', title: 'Set performance to 5.74 — best of 2 valid trials' },
  { name: 'performance-highest-cleared', code: 'OT203', title: 'Set performance to 1.55 — highest of 2 cleared heights' },
  { name: 'height-add', code: 'OT302', title: 'Add 1.45 to "heights" — 1 trial is at this height' },
  { name: 'height-move', code: 'OT302', title: 'Move this trial to 1.50 — the nearest listed height' },
  { name: 'places-recompute', code: 'OT403', title: 'Recompute places for this unit — ranked by performance, 2 places change' },
  { name: 'trailing-comma', code: 'OT002', title: 'Remove it' },
  { name: 'python-literal', code: 'OT004', title: 'Change to false' },
  { name: 'slug', code: 'OT013', title: 'Change to "golden-meet-2026"' },
  { name: 'event-code', code: 'OT702', title: 'Change to "LJ"' },
  { name: 'property-name', code: 'OT703', title: 'Change to "first_name"' },
  { name: 'entered-code', code: 'OT604', title: 'Change to "LJ" — the code of event "H1"' },
  { name: 'type-conversion', code: 'OT010', title: 'Change to 1' },
  { name: 'trial-add-result', code: 'OT201', title: 'Add a result for bib "3" with performance 5.02 — from its trials' },
  { name: 'trial-remove', code: 'OT201', title: 'Remove the trials of bib "3"' },
  { name: 'heights-missing', code: 'OT301', title: 'Add "heights" 1.50, 1.55, 1.60 — the heights of the trials' },
];

const folder = join(repoRoot(), 'test', 'fixtures', 'fixes');
// `npm run test:update-golden` (UPDATE_GOLDEN=1) rewrites the expected outputs: review the diff before committing.
const update = process.env.UPDATE_GOLDEN === '1';

/** The output must equal the committed golden file; a missing one is a failure, never silently written. */
function assertGolden(goldenPath: string, output: string): void {
  if (update) writeFileSync(goldenPath, output);
  assert.ok(existsSync(goldenPath), `${goldenPath} is missing: run npm run test:update-golden and review it`);
  assert.equal(output, readFileSync(goldenPath, 'utf8'));
}

/** Applies non-overlapping text edits from the end so offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const document = TextDocument.create('file:///x', 'json', 1, text);
  return TextDocument.applyEdits(document, [...edits]);
}

function actionsFor(text: string, diagnostic: Diagnostic, all: Diagnostic[], only?: string[]): CodeAction[] {
  return codeActions(TextDocument.create('file:///meet.opentrack.json', 'json', 1, text), [diagnostic], only, all);
}

function editsOf(action: CodeAction): TextEdit[] {
  return action.edit?.changes?.['file:///meet.opentrack.json'] ?? [];
}

describe('quick fixes (golden files)', () => {
  for (const c of CASES) {
    test(`${c.name}: ${c.code} → ${c.title}`, () => {
      const input = readFileSync(join(folder, `${c.name}.input.json`), 'utf8');
      const before = diagnose(input);
      const target = before.find((d) => d.code === c.code);
      assert.ok(target, `no ${c.code} in ${c.name}: ${before.map((d) => d.code).join(' ')}`);
      const actions = actionsFor(input, target, before);
      const action = actions.find((a) => a.title === c.title);
      assert.ok(action, `no fix "${c.title}"; offered: ${actions.map((a) => a.title).join(' | ')}`);
      assert.equal(action.kind, 'quickfix');
      const output = applyEdits(input, editsOf(action));
      assertGolden(join(folder, `${c.name}.golden.json`), output);
      JSON.parse(output); // strict JSON after the fix
      const after = diagnose(output);
      assert.equal(after.filter((d) => d.code === c.code && d.range.start.line === target.range.start.line).length, 0, 'the fixed diagnostic is gone');
      const newCodes = after.filter((d) => !before.some((b) => b.code === d.code)).map((d) => `${String(d.code)} ${d.message}`);
      assert.deepEqual(newCodes, [], 'no new kind of diagnostic');
      assert.ok(after.length < before.length);
    });
  }

  test('a safe fix is marked preferred; a fix that changes data never is', () => {
    const heights = readFileSync(join(folder, 'height-add.input.json'), 'utf8');
    const diagnostics = diagnose(heights);
    const actions = actionsFor(heights, diagnostics.find((d) => d.code === 'OT302')!, diagnostics);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [
      ['Add 1.45 to "heights" — 1 trial is at this height', false],
      ['Move this trial to 1.50 — the nearest listed height', false],
    ]);
    const rounds = readFileSync(join(folder, 'rounds-separator.input.json'), 'utf8');
    const roundsDiagnostics = diagnose(rounds);
    const [separator] = actionsFor(rounds, roundsDiagnostics.find((d) => d.code === 'OT101')!, roundsDiagnostics);
    assert.deepEqual([separator?.title, separator?.isPreferred], ['Change to "2,1"', true]);
  });

  test('source.fixAll applies every safe fix at once and leaves every data fix to the user', () => {
    const input = readFileSync(join(folder, 'fix-all.input.json'), 'utf8');
    const before = diagnose(input);
    const [fixAll] = codeActions(TextDocument.create('file:///meet.opentrack.json', 'json', 1, input), [], ['source.fixAll'], before);
    assert.ok(fixAll, 'a fix-all action');
    assert.equal(fixAll.kind, 'source.fixAll.opentrack');
    const output = applyEdits(input, editsOf(fixAll));
    assertGolden(join(folder, 'fix-all.golden.json'), output);
    JSON.parse(output);
    // What is left is a slug (the competition's address), an entry, a performance and a height: values that only the user can confirm.
    const left = diagnose(output);
    assert.deepEqual(left.map((d) => d.code), ['OT013', 'OT604', 'OT203', 'OT302']);
    for (const diagnostic of left) {
      const offered = actionsFor(output, diagnostic, left);
      assert.ok(offered.length > 0 && offered.every((a) => !a.isPreferred), `${String(diagnostic.code)} offers fixes, none preferred`);
    }
  });

  test('source.fixAll takes a fix that ends where the next one starts: a value and the trailing comma after it, in one go', () => {
    const events = Array.from({ length: 30 }, (_, i) => `{"event_id":"E${i}","event_code":"hj","rounds":"2;1",}`);
    const input = `{"full_name":"Mixed slips","events":[\n${events.join(',\n')}\n]}`;
    const before = diagnose(input);
    const slips = before.filter((d) => ['OT002', 'OT101', 'OT702'].includes(String(d.code)));
    assert.equal(slips.length, 90, before.map((d) => d.code).join(' '));
    const [fixAll] = codeActions(TextDocument.create('file:///meet.opentrack.json', 'json', 1, input), [], ['source.fixAll'], before);
    assert.equal(fixAll?.diagnostics?.length, 90, 'every slip fixed by ONE action');
    const output = applyEdits(input, editsOf(fixAll));
    JSON.parse(output);
    assert.ok(output.includes('{"event_id":"E0","event_code":"HJ","rounds":"2,1"}'), output.slice(0, 200));
    assert.deepEqual(diagnose(output).filter((d) => ['OT002', 'OT101', 'OT702'].includes(String(d.code))), []);
  });

  test('no fixes for diagnostics of other sources or unknown codes', () => {
    const input = readFileSync(join(folder, 'rounds-separator.input.json'), 'utf8');
    const target = diagnose(input).find((d) => d.code === 'OT101')!;
    assert.deepEqual(actionsFor(input, { ...target, source: 'json' }, []), []);
    assert.deepEqual(actionsFor(input, { ...target, code: 'OT999' }, []), []);
  });
});
