import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allRules } from '../../server/src/service';
import { readRepoFile } from '../helpers/repo';

const manifestText = readRepoFile('package.json');
const manifest = JSON.parse(manifestText);
const nls = JSON.parse(readRepoFile('package.nls.json'));

test('the rules setting lists every rule with its default severity, so settings.json completes codes', () => {
  const listed = manifest.contributes.configuration.properties['opentrack.rules'].properties;
  assert.deepEqual(Object.keys(listed).sort(), allRules().map((r) => r.code).sort());
  for (const rule of allRules()) assert.match(listed[rule.code].markdownDescription, new RegExp(`^\`${rule.name}\` \\(default: ${rule.severity}\\)`));
});

test('every command is in the OpenTrack category with a localised title', () => {
  for (const command of manifest.contributes.commands) {
    assert.equal(command.category, 'OpenTrack', command.command);
    assert.match(command.title, /^%[\w.]+%$/, command.command);
  }
});

test('every %placeholder% of the manifest has an English text', () => {
  const keys = [...manifestText.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]!);
  assert.ok(keys.length > 10);
  assert.deepEqual(keys.filter((key) => typeof nls[key] !== 'string'), []);
});

test('activation is for competition files and JSON documents only (to offer the switch), never *', () => {
  assert.deepEqual(manifest.activationEvents, ['onLanguage:opentrack-json', 'onLanguage:json']);
  assert.ok(manifest.engines.vscode.startsWith('^1.100'), 'installs into VS Code 1.100 (code-server 4.100.3)');
});
