import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globProblem, looksLikeCompetition, matchesCompetitionName, mayBeCompetition } from '../../server/src/service';

test('file names: *.opentrack.json always, other files through the opentrack.files globs', () => {
  assert.ok(matchesCompetitionName('file:///work/Meet.OpenTrack.json', []));
  assert.ok(matchesCompetitionName('file:///work/my%20meet.opentrack.json', []));
  assert.ok(!matchesCompetitionName('file:///work/package.json', []));
  assert.ok(matchesCompetitionName('file:///work/meets/2026/spring.json', ['**/meets/**/*.json']));
  assert.ok(matchesCompetitionName('file:///work/spring.json', ['spring.json']));
  assert.ok(matchesCompetitionName('file:///work/a/results-1.json', ['**/results-?.json']));
  assert.ok(matchesCompetitionName('file:///work/x.json', ['{x,y}.json']));
  assert.ok(!matchesCompetitionName('file:///work/meets.json', ['**/meets/*.json']));
  assert.ok(!matchesCompetitionName('file:///work/tsconfig.json', ['**/meets/*.json']));
});

test('globs: character classes, commas after a group, relative folders, malformed URIs', () => {
  assert.ok(matchesCompetitionName('file:///work/b.json', ['[abc].json']));
  assert.ok(!matchesCompetitionName('file:///work/d.json', ['[abc].json']));
  assert.ok(matchesCompetitionName('file:///work/a,c.json', ['{a,b},c.json']));
  assert.ok(!matchesCompetitionName('file:///work/a.json', ['{a,b},c.json']));
  assert.ok(matchesCompetitionName('file:///work/x/meets/a.json', ['meets/*.json']));
  assert.ok(!matchesCompetitionName('file:///work/%E0%A4%A.json', ['b.json']), 'a malformed escape does not throw');
});

test('bad globs are named with the reason and match nothing; the others still match', () => {
  assert.match(globProblem('{a,b')!, /not closed/);
  assert.match(globProblem('a}')!, /no matching/);
  assert.match(globProblem('[ab')!, /not closed/);
  assert.match(globProblem(42)!, /not a string/);
  assert.equal(globProblem('**/meets/*.json'), undefined);
  assert.ok(!matchesCompetitionName('file:///work/a.json', ['{a,b', 'a,b}.json']));
  assert.ok(matchesCompetitionName('file:///work/meets/a.json', ['{a,b', '**/meets/*.json']));
});

test('content: an events list and a competition field, or our $schema', () => {
  assert.ok(looksLikeCompetition({ events: [], full_name: 'x' }));
  assert.ok(looksLikeCompetition({ events: [], competitors: [] }));
  assert.ok(looksLikeCompetition({ $schema: 'https://opentrack-tools.dev/schemas/opentrack-competition.schema.json' }));
  assert.ok(!looksLikeCompetition({ events: [] }), 'an events list alone is not enough');
  assert.ok(!looksLikeCompetition({ name: 'package', scripts: {} }));
  assert.ok(!looksLikeCompetition([{ events: [], full_name: 'x' }]));
  assert.ok(mayBeCompetition('{"events": []}'));
  assert.ok(!mayBeCompetition('{"compilerOptions": {}}'));
});
