import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, positionInValue } from './support';

suite('Hover', () => {
  test('a result bib names the athlete', async () => {
    const document = await openFixture('valid.opentrack.json');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', document.uri, positionInValue(document, '"bib": "102"'),
    );
    const text = hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');
    assert.match(text, /Grace[\s\S]*Hopper/, `hover text: ${text}`);
  });
});
