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

test('competition files have a language of their own: JSON highlighting, no comments, menus and commands follow it', () => {
  const [language] = manifest.contributes.languages;
  assert.deepEqual([language.id, language.filenamePatterns], ['opentrack-json', ['*.opentrack.json']]);
  const [grammar] = manifest.contributes.grammars;
  assert.equal(grammar.language, 'opentrack-json');
  const tmLanguage = JSON.parse(readRepoFile(grammar.path));
  assert.equal(tmLanguage.scopeName, grammar.scopeName);
  assert.deepEqual(tmLanguage.patterns, [{ include: 'source.json' }], 'the highlighting is JSON\'s own grammar');
  const configuration = JSON.parse(readRepoFile(language.configuration));
  assert.equal(configuration.comments, undefined, 'strict JSON: toggling a comment must not write one');
  assert.deepEqual(configuration.brackets, [['{', '}'], ['[', ']']]);
  const whens = [...manifest.contributes.menus.commandPalette, ...manifest.contributes.menus['editor/title']].filter((m: { command: string }) => m.command === 'opentrack.upload').map((m: { when: string }) => m.when);
  assert.ok(whens.length > 0 && whens.every((when: string) => when.includes('resourceLangId == opentrack-json')), JSON.stringify(whens));
  assert.equal(manifest.contributes.snippets, undefined, 'skeletons come from completion only, never twice');
  assert.equal(manifest.contributes.configurationDefaults['[opentrack-json]']['editor.defaultFormatter'], `${manifest.publisher}.${manifest.name}`);
  assert.ok(manifest.categories.includes('Formatters') && !manifest.categories.includes('Snippets'));
});
