import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, positionInValue, replaceInDocument, revert } from './support';

/** Completion labels without the quotes a JSON string item may carry. */
async function completionLabels(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label).replace(/^"|"$/g, ''));
}

suite('Completion', () => {
  test('an empty result bib offers the competitors\' bibs', async () => {
    const document = await openFixture('valid.opentrack.json');
    try {
      await replaceInDocument(document, '"bib": "102"', '"bib": ""');
      const labels = await completionLabels(document, positionInValue(document, '"bib": ""'));
      for (const bib of ['101', '102', '103']) assert.ok(labels.includes(bib), `bib ${bib} missing from ${JSON.stringify(labels)}`);
    } finally {
      await revert(document);
    }
  });

  test('an empty event_code offers OpenTrack event codes', async () => {
    const document = await openFixture('valid.opentrack.json');
    try {
      await replaceInDocument(document, '"event_code": "LJ"', '"event_code": ""');
      const labels = await completionLabels(document, positionInValue(document, '"event_code": ""'));
      for (const code of ['100', 'LJ']) assert.ok(labels.includes(code), `event code ${code} missing from ${JSON.stringify(labels)}`);
    } finally {
      await revert(document);
    }
  });

  test('the ot- snippets are offered inside a competition', async () => {
    const document = await openFixture('valid.opentrack.json');
    try {
      await replaceInDocument(document, '"events": [', '"events": [\n    ot-');
      const typed = document.positionAt(document.getText().indexOf('ot-') + 3);
      const labels = await completionLabels(document, typed);
      for (const snippet of ['ot-running', 'ot-vertical-jump', 'ot-relay']) assert.ok(labels.includes(snippet), `${snippet} missing from ${JSON.stringify(labels)}`);
    } finally {
      await revert(document);
    }
  });
});
