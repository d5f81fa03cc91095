import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { codeActions } from '../../server/src/service/features/codeActions';
import { diagnose } from '../helpers/service';
import { repoRoot } from '../helpers/repo';

/** Golden cases: input document, the diagnostic code to fix, the fix title; output in NAME.golden.json. */
const CASES: Array<{ name: string; code: string; title: string }> = [
  { name: 'rounds-separator', code: 'OT101', title: 'Change to "2,1"' },
  { name: 'performance-best-trial', code: 'OT203', title: 'Set performance to "5.74"' },
  { name: 'performance-highest-cleared', code: 'OT203', title: 'Set performance to "1.55"' },
  { name: 'height-add', code: 'OT302', title: 'Add 1.45 to "heights"' },
  { name: 'height-move', code: 'OT302', title: 'Move this trial to 1.50' },
  { name: 'places-recompute', code: 'OT403', title: 'Recompute places for this unit' },
  { name: 'trailing-comma', code: 'OT002', title: 'Remove it' },
  { name: 'python-literal', code: 'OT004', title: 'Change to false' },
  { name: 'slug', code: 'OT013', title: 'Change to "golden-meet-2026"' },
  { name: 'event-code', code: 'OT702', title: 'Change to "LJ"' },
  { name: 'property-name', code: 'OT703', title: 'Change to "first_name"' },
  { name: 'entered-code', code: 'OT604', title: 'Change to "LJ"' },
  { name: 'type-conversion', code: 'OT010', title: 'Change to 1' },
  { name: 'trial-add-result', code: 'OT201', title: 'Add a result for bib "3"' },
  { name: 'trial-remove', code: 'OT201', title: 'Remove the trials of bib "3"' },
  { name: 'heights-missing', code: 'OT301', title: 'Add "heights" from the trials' },
];

const folder = join(repoRoot(), 'test', 'fixtures', 'fixes');
// UPDATE_GOLDEN=1 rewrites the expected outputs (review the diff before committing).
const update = process.env.UPDATE_GOLDEN === '1';

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
      const goldenPath = join(folder, `${c.name}.golden.json`);
      if (update || !existsSync(goldenPath)) writeFileSync(goldenPath, output);
      assert.equal(output, readFileSync(goldenPath, 'utf8'));
      JSON.parse(output); // strict JSON after the fix
      const after = diagnose(output);
      assert.equal(after.filter((d) => d.code === c.code && d.range.start.line === target.range.start.line).length, 0, 'the fixed diagnostic is gone');
      const newCodes = after.filter((d) => !before.some((b) => b.code === d.code)).map((d) => `${String(d.code)} ${d.message}`);
      assert.deepEqual(newCodes, [], 'no new kind of diagnostic');
      assert.ok(after.length < before.length);
    });
  }

  test('the obvious fix is marked preferred', () => {
    const input = readFileSync(join(folder, 'height-add.input.json'), 'utf8');
    const diagnostics = diagnose(input);
    const actions = actionsFor(input, diagnostics.find((d) => d.code === 'OT302')!, diagnostics);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Add 1.45 to "heights"', true], ['Move this trial to 1.50', false]]);
  });

  test('source.fixAll applies every safe fix at once and leaves valid JSON', () => {
    const input = readFileSync(join(folder, 'fix-all.input.json'), 'utf8');
    const before = diagnose(input);
    const [fixAll] = codeActions(TextDocument.create('file:///meet.opentrack.json', 'json', 1, input), [], ['source.fixAll'], before);
    assert.ok(fixAll, 'a fix-all action');
    assert.equal(fixAll.kind, 'source.fixAll.opentrack');
    const output = applyEdits(input, editsOf(fixAll));
    const goldenPath = join(folder, 'fix-all.golden.json');
    if (update || !existsSync(goldenPath)) writeFileSync(goldenPath, output);
    assert.equal(output, readFileSync(goldenPath, 'utf8'));
    JSON.parse(output);
    assert.deepEqual(diagnose(output).map((d) => d.code), []);
  });

  test('no fixes for diagnostics of other sources or unknown codes', () => {
    const input = readFileSync(join(folder, 'rounds-separator.input.json'), 'utf8');
    const target = diagnose(input).find((d) => d.code === 'OT101')!;
    assert.deepEqual(actionsFor(input, { ...target, source: 'json' }, []), []);
    assert.deepEqual(actionsFor(input, { ...target, code: 'OT999' }, []), []);
  });
});
