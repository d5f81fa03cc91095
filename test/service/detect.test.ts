import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksLikeCompetition, matchesCompetitionName, mayBeCompetition } from '../../server/src/service';

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
