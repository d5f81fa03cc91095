import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as l10n from '@vscode/l10n';
import ts from 'typescript';
import { Position } from 'vscode-languageserver-types';
import { completion, DiagnosticData } from '../../server/src/service';
import { bundleLocation, loadTranslations } from '../../server/src/lsp/l10n';
import { diagnose, documentOf } from '../helpers/service';
import { LspClient } from '../helpers/lspClient';
import { repoRoot } from '../helpers/repo';

/** A German bundle for a few real messages, keyed by their English text as @vscode/l10n-dev extracts them. */
const BUNDLE = {
  'Unknown property "{0}": it is not part of OpenTrack\'s documented format.': 'Unbekannte Eigenschaft "{0}": sie gehört nicht zum dokumentierten Format von OpenTrack.',
  'Did you mean "{0}"?': 'Meinten Sie "{0}"?',
  'Change to "{0}"': 'Ändern in "{0}"',
  Throws: 'Würfe',
};

const typo = { full_name: 'Meet', slug: 'meet', short_nmae: 'M' };
const unknownProperty = (): { message: string; fixTitle: string | undefined } => {
  const diagnostic = diagnose(typo).find((d) => d.code === 'OT703')!;
  return { message: diagnostic.message, fixTitle: (diagnostic.data as DiagnosticData | undefined)?.fixes?.[0]?.title };
};

describe('translated messages', () => {
  after(() => l10n.config({ contents: {} }));

  test('a configured bundle translates rule messages and fix titles; an empty one brings English back', () => {
    l10n.config({ contents: BUNDLE });
    assert.deepEqual(unknownProperty(), {
      message: 'Unbekannte Eigenschaft "short_nmae": sie gehört nicht zum dokumentierten Format von OpenTrack. Meinten Sie "short_name"?',
      fixTitle: 'Ändern in "short_name"',
    });
    l10n.config({ contents: {} });
    assert.deepEqual(unknownProperty(), {
      message: "Unknown property \"short_nmae\": it is not part of OpenTrack's documented format. Did you mean \"short_name\"?",
      fixTitle: 'Change to "short_name"',
    });
  });

  test('texts kept in module constants are translated when shown, not when the module loads', () => {
    const text = '{ "events": [ { "event_code": "" } ] }';
    const groups = (): Set<string | undefined> => {
      const items = completion(documentOf(text), Position.create(0, text.indexOf('""') + 1)).items;
      return new Set(items.map((i) => i.labelDetails?.description));
    };
    assert.ok(groups().has('Throws'));
    l10n.config({ contents: BUNDLE });
    assert.ok(groups().has('Würfe'));
    l10n.config({ contents: {} });
  });
});

describe('loading the bundle in the server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opentrack-l10n-'));
  const bundleFile = join(dir, 'bundle.l10n.de.json');
  writeFileSync(bundleFile, JSON.stringify(BUNDLE));
  after(() => {
    l10n.config({ contents: {} });
    rmSync(dir, { recursive: true, force: true });
  });

  test('the client option comes first, then VS Code\'s VSCODE_L10N_BUNDLE_LOCATION; none means English', () => {
    const env = { VSCODE_L10N_BUNDLE_LOCATION: 'file:///env.json' };
    assert.equal(bundleLocation({ l10nBundle: 'file:///option.json' }, env), 'file:///option.json');
    assert.equal(bundleLocation({}, env), 'file:///env.json');
    assert.equal(bundleLocation(undefined, env), 'file:///env.json');
    assert.equal(bundleLocation({ l10nBundle: '' }, {}), undefined);
    assert.equal(bundleLocation(null, { VSCODE_L10N_BUNDLE_LOCATION: '' }), undefined);
  });

  for (const [kind, location] of [['file URI', pathToFileURL(bundleFile).toString()], ['file path', bundleFile]]) {
    test(`a bundle given as a ${kind} is loaded`, async () => {
      const logged: string[] = [];
      await loadTranslations(location, (m) => logged.push(m));
      assert.deepEqual(logged, []);
      assert.match(unknownProperty().message, /^Unbekannte Eigenschaft/);
      l10n.config({ contents: {} });
    });
  }

  test('a bundle that cannot be read is logged and the messages stay in English', async () => {
    const logged: string[] = [];
    await loadTranslations(join(dir, 'missing.json'), (m) => logged.push(m));
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /Could not load the translations/);
    assert.match(unknownProperty().message, /^Unknown property/);
  });

  const uri = 'file:///work/typo.opentrack.json';
  const text = JSON.stringify(typo, null, 2);
  const firstMessage = async (client: LspClient): Promise<string | undefined> => {
    try {
      await client.initialize();
      await client.open(uri, text);
      return (await client.pull(uri)).find((d) => d.code === 'OT703')?.message;
    } finally {
      await client.stop();
    }
  };

  test('the language server translates with the bundle the client passes in initializationOptions', async () => {
    const client = new LspClient({ pull: true, initializationOptions: { l10nBundle: pathToFileURL(bundleFile).toString() } });
    assert.equal(await firstMessage(client), 'Unbekannte Eigenschaft "short_nmae": sie gehört nicht zum dokumentierten Format von OpenTrack. Meinten Sie "short_name"?');
  });

  test('the language server honours VSCODE_L10N_BUNDLE_LOCATION, and speaks English without a bundle', async () => {
    const translated = new LspClient({ pull: true, env: { VSCODE_L10N_BUNDLE_LOCATION: pathToFileURL(bundleFile).toString() } });
    assert.match((await firstMessage(translated))!, /^Unbekannte Eigenschaft/);
    const english = new LspClient({ pull: true, env: { VSCODE_L10N_BUNDLE_LOCATION: '' } });
    assert.match((await firstMessage(english))!, /^Unknown property/);
  });
});

/** Every TypeScript file of the language service. */
function serviceFiles(dir = join(repoRoot(), 'server', 'src', 'service')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? serviceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const isNamed = (node: ts.Node): boolean => ts.isIdentifier(node) && (node.text === 'message' || node.text === 'title');

/**
 * The expressions that become a diagnostic message, a fix title or another message: properties and
 * variables named `message` or `title`, the message of the parser's `report(code, message)` and
 * `earlyEnd(message)`, and of `new RenameError(message)`.
 */
function messageExpressions(file: ts.SourceFile): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && isNamed(node.name)) found.push(node.initializer);
    else if (ts.isVariableDeclaration(node) && node.initializer && isNamed(node.name)) found.push(node.initializer);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isNamed(node.left)) found.push(node.right);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(file);
      const [first, second] = node.arguments;
      if (/\breport$/.test(callee) && first && ts.isStringLiteral(first) && second) found.push(second);
      if (/\bearlyEnd$/.test(callee) && first) found.push(first);
    } else if (ts.isNewExpression(node) && node.expression.getText(file) === 'RenameError' && node.arguments?.[0]) found.push(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The expressions a function declaration returns (not those of functions nested in it). */
function returned(declaration: ts.FunctionDeclaration): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    else if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  if (declaration.body) ts.forEachChild(declaration.body, visit);
  return found;
}

/**
 * Whether a message is made by `l10n.t`: a call of it, a choice between such messages, a helper
 * given one (`withSuggestion(l10n.t(…), …)`) or a function of the file that only returns such
 * messages. Passing on a message made elsewhere (`p.message`, `fix.title`, a parameter named
 * `message`) is fine too; a string or template literal never is.
 */
function translated(expression: ts.Expression, file: ts.SourceFile, seen = new Set<ts.Node>()): boolean {
  const check = (e: ts.Expression): boolean => translated(e, file, seen);
  if (ts.isParenthesizedExpression(expression)) return check(expression.expression);
  if (ts.isConditionalExpression(expression)) return check(expression.whenTrue) && check(expression.whenFalse);
  if (ts.isCallExpression(expression)) {
    if (expression.expression.getText(file) === 'l10n.t' || expression.arguments.some(check)) return true;
    const name = expression.expression.getText(file);
    const declaration = file.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === name);
    if (!declaration || seen.has(declaration)) return false;
    seen.add(declaration);
    const results = returned(declaration);
    return results.length > 0 && results.every(check);
  }
  if (ts.isPropertyAccessExpression(expression)) return isNamed(expression.name);
  return isNamed(expression);
}

test('every message and fix title of the language service is made by l10n.t', () => {
  const untranslated: string[] = [];
  let checked = 0;
  for (const path of serviceFiles()) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const expression of messageExpressions(file)) {
      checked++;
      if (translated(expression, file)) continue;
      const { line } = file.getLineAndCharacterOfPosition(expression.getStart(file));
      untranslated.push(`${relative(repoRoot(), path)}:${line + 1}: ${expression.getText(file).slice(0, 80)}`);
    }
  }
  assert.ok(checked > 80, `only ${checked} messages found: is the check still looking at the right code?`);
  assert.deepEqual(untranslated, []);
});

test('the check catches a message written as a literal', () => {
  const file = ts.createSourceFile(
    'sample.ts',
    [
      "report({ code: 'OT1', message: `Bib ${bib}`, fixes: [{ title: ok ? l10n.t('A') : 'B' }] });",
      "this.report('OT1', l10n.t('C'), 0, 1); message = withSuggestion(l10n.t('D'), s);",
      "report({ code: 'OT2', message: good(x) }); report({ code: 'OT3', message: bad(x) });",
      "function good(x) { if (x) return l10n.t('E'); return l10n.t('F'); }",
      "function bad(x) { if (x) return l10n.t('E'); return `F${x}`; }",
    ].join('\n'),
    ts.ScriptTarget.ES2022,
    true,
  );
  assert.deepEqual(
    messageExpressions(file).map((e) => translated(e, file)),
    [false, false, true, true, true, false],
  );
});
