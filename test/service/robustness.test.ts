import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../helpers/service';
import { fullExample } from '../helpers/repo';
import { RULE_FAMILIES } from '../../server/src/service';
import { RuleFamily } from '../../server/src/service/rules/rule';

test('a failing rule family is logged, reported once, and the other rules still report', () => {
  const families = RULE_FAMILIES as RuleFamily[];
  const failing: RuleFamily = { name: 'exploding', rules: [], check: () => { throw new Error('boom'); } };
  families.unshift(failing, failing);
  const logged: string[] = [];
  try {
    const doc = fullExample();
    doc.events[1].rounds = '2;1';
    const diagnostics = diagnose(doc, { onRuleError: (family, error) => logged.push(`${family}: ${(error as Error).message}`) });
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['OT101', 'OT902']);
    assert.deepEqual(logged, ['exploding: boom', 'exploding: boom']);
  } finally {
    families.splice(0, 2);
  }
});

test('a file above the semantic size limit says so and still gets syntax and schema checks', () => {
  const doc = fullExample();
  doc.slug = 'Not A Slug';
  doc.events[1].rounds = '2;1';
  const codes = diagnose(doc, { maxSemanticSize: 1000 }).map((d) => d.code);
  assert.deepEqual(codes.sort(), ['OT013', 'OT013', 'OT901'], 'slug and rounds by the schema, and the note');
});

test('a flood of problems is capped with a note saying how many more there are', () => {
  const doc = fullExample();
  doc.competitors = Array.from({ length: 50 }, (_, i) => ({ competitor_id: 'X', first_name: `A${i}` }));
  const total = diagnose(doc).length;
  const diagnostics = diagnose(doc, { maxProblems: 30 });
  assert.equal(diagnostics.length, 31);
  assert.equal(diagnostics[30]!.code, 'OT903');
  assert.equal(diagnostics[30]!.message, `${total - 30} more problems are not shown. Fix the ones above first.`);
});

test('past twice the number shown, checking stops and the note says so', () => {
  const doc = fullExample();
  doc.competitors = Array.from({ length: 50 }, () => ({}));
  const diagnostics = diagnose(doc, { maxProblems: 10 });
  assert.equal(diagnostics.length, 11);
  assert.deepEqual(diagnostics.slice(0, 10).map((d) => d.code), Array(10).fill('OT011'));
  assert.equal(diagnostics[10]!.code, 'OT903');
  assert.match(diagnostics[10]!.message, /^Too many problems: checking stopped after \d+\. Fix the ones above first\.$/);
});

test('once the budget is spent the checks stop: later rule families do not run, the diagnostics are the same', () => {
  const families = RULE_FAMILIES as RuleFamily[];
  let reported = 0;
  let laterRuns = 0;
  const flood: RuleFamily = { name: 'flood', rules: [], check: (context) => { for (let i = 0; i < 500; i++, reported++) context.report({ code: 'OT101', message: `x${i}`, path: ['full_name'] }); } };
  const later: RuleFamily = { name: 'later', rules: [], check: () => void laterRuns++ };
  families.unshift(flood, later);
  try {
    const diagnostics = diagnose(fullExample(), { maxProblems: 10 });
    assert.deepEqual(diagnostics.slice(0, 10).map((d) => d.message), Array.from({ length: 10 }, (_, i) => `x${i}`));
    assert.match(diagnostics[10]!.message, /^Too many problems: checking stopped after 20\./);
    assert.equal(reported, 20, 'the flood stopped at the first finding past the budget (twice the number shown)');
    assert.equal(laterRuns, 0);
    // Fix All asks for every problem: no budget, every family runs.
    reported = 0;
    diagnose(fullExample(), { maxProblems: Infinity });
    assert.deepEqual([reported, laterRuns], [500, 1]);
  } finally {
    families.splice(0, 2);
  }
});

test('severity overrides and off', () => {
  const doc = fullExample();
  doc.events[1].rounds = '2;1';
  assert.deepEqual(diagnose(doc, { rules: { OT101: 'error' } }).map((d) => [d.code, d.severity]), [['OT101', 1]]);
  // A milder (or silenced) rule no longer replaces the schema error on the same value.
  assert.deepEqual(diagnose(doc, { rules: { OT101: 'hint' } }).map((d) => [d.code, d.severity]), [['OT013', 1], ['OT101', 4]]);
  assert.deepEqual(diagnose(doc, { rules: { OT101: 'off' } }).map((d) => d.code), ['OT013']);
});

test('a valid list nested 100,000 deep where an event belongs: one type error and the depth limit, no stack overflow', () => {
  const deep = '['.repeat(100000) + ']'.repeat(100000);
  const diagnostics = diagnose(`{"full_name": "x", "events": ${deep}}`);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.message]), [
    ['OT010', 'Item 0 of "events" must be an object `{...}`, not a list.'],
    ['OT007', 'Nesting deeper than 1000 levels is not checked. No competition needs it; flatten the data.'],
  ]);
});
