import * as assert from 'assert';
import * as vscode from 'vscode';
import { startOpenTrackServer, type OpenTrackServer } from '../opentrack-server/server';
import type { OpenTrackApi } from '../../client/src/extension';
import { describeChange, type PreviewResult, type UploadResult } from '../../server/src/upload';
import { extensionId, openFixture, positionInValue, replaceInDocument, revert, waitLimitMs } from './support';

/** Server-side errors carry their own source, apart from the language server's. */
const SERVER_SOURCE = 'OpenTrack server';

function serverDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SERVER_SOURCE);
}

function waitForServerDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const done = (diagnostics: vscode.Diagnostic[]): void => {
      subscription.dispose();
      clearTimeout(timer);
      resolve(diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(() => {
      const found = serverDiagnostics(uri);
      if (found.length > 0) done(found);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no diagnostics from the OpenTrack server on ${uri.path} within ${waitLimitMs} ms`));
    }, waitLimitMs);
    const found = serverDiagnostics(uri);
    if (found.length > 0) done(found);
  });
}

suite('Upload', () => {
  let openTrack: OpenTrackServer;
  let previousServer: string | undefined;

  suiteSetup(async () => {
    // Its own stand-in, so the suite runs the same under code-server and @vscode/test-electron.
    openTrack = await startOpenTrackServer({ port: 0 });
    const settings = vscode.workspace.getConfiguration('opentrack');
    previousServer = settings.inspect<string>('server')?.globalValue;
    await settings.update('server', openTrack.url, vscode.ConfigurationTarget.Global);
    await settings.update('api', 'v1', vscode.ConfigurationTarget.Global);
    // The test hooks exist only because VS Code runs this suite (ExtensionMode.Test); production gets none.
    const api = await vscode.extensions.getExtension<OpenTrackApi | undefined>(extensionId)!.activate();
    assert.ok(api, 'activate() returns the test hooks under the test runner');
    await api.testing.storeCredentials(openTrack.url, openTrack.credentials.username, openTrack.credentials.password, 'v1');
    await api.testing.storeCredentials(openTrack.url, openTrack.credentials.username, openTrack.credentials.password, 'rest');
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('opentrack').update('server', previousServer, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('opentrack').update('api', undefined, vscode.ConfigurationTarget.Global);
    await openTrack?.close();
  });

  test('opentrack.upload sends the open competition to the server', async () => {
    const document = await openFixture('valid.opentrack.json');
    const result = await vscode.commands.executeCommand<UploadResult | undefined>('opentrack.upload', { uri: document.uri.toString(), interactive: false });
    assert.ok(result?.ok, `upload failed: ${JSON.stringify(result)}`);
    // The server received exactly the document (v1: the whole nested competition).
    assert.deepEqual(openTrack.state.competitions.map((c) => c.received), [JSON.parse(document.getText())]);
  });

  test('a rejected upload puts the server error on the offending line', async () => {
    openTrack.control({
      clearData: true,
      reject: [{
        method: 'POST',
        path: '/api/v1/competitions/',
        status: 422,
        body: { detail: [{ loc: ['body', 'events', 0, 'rounds'], msg: 'Enter heats per round separated by commas.', type: 'value_error' }] },
      }],
    });
    const document = await openFixture('valid.opentrack.json');
    const roundsLine = positionInValue(document, '"rounds": "2,1"').line;
    const pending = waitForServerDiagnostics(document.uri);
    const result = await vscode.commands.executeCommand<UploadResult | undefined>('opentrack.upload', { uri: document.uri.toString(), interactive: false });
    assert.ok(result && !result.ok, `expected a rejection: ${JSON.stringify(result)}`);
    assert.equal(result.status, 422);
    const [diagnostic, ...others] = await pending;
    assert.equal(others.length, 0);
    assert.equal(diagnostic!.range.start.line, roundsLine);
    assert.match(diagnostic!.message, /Enter heats per round separated by commas/);
    openTrack.control({ reset: true });
  });

  test('a complaint about no particular field is a notification, not a mark at line 1', async () => {
    openTrack.control({ clearData: true, reject: [{ method: 'POST', path: '/api/v1/competitions/', status: 400, body: { detail: 'Something about the whole request.' } }] });
    const document = await openFixture('valid.opentrack.json');
    const result = await vscode.commands.executeCommand<UploadResult | undefined>('opentrack.upload', { uri: document.uri.toString(), interactive: false });
    assert.ok(result && !result.ok);
    assert.deepEqual(result.fieldErrors.map((error) => error.path), [[]]);
    assert.deepEqual(serverDiagnostics(document.uri), []);
    openTrack.control({ reset: true });
  });

  test('REST: upload, edit a result, preview lists exactly that change, upload again updates the same competition', async () => {
    await vscode.workspace.getConfiguration('opentrack').update('api', 'rest', vscode.ConfigurationTarget.Global);
    const document = await openFixture('valid.opentrack.json');
    const slug = (JSON.parse(document.getText()) as { slug: string }).slug;
    // The v1 test above created this slug on the stand-in; the REST one is a competition of its own.
    await replaceInDocument(document, `"slug": "${slug}"`, `"slug": "${slug}-rest"`);
    try {
      const args = { uri: document.uri.toString(), interactive: false, update: true };
      const first = await vscode.commands.executeCommand<UploadResult | undefined>('opentrack.upload', args);
      assert.ok(first?.ok && first.outcome === 'created', JSON.stringify(first));

      const [performance] = /"performance": "[^"]+"/.exec(document.getText()) ?? [];
      assert.ok(performance, 'the fixture has a result');
      await replaceInDocument(document, performance, '"performance": "99.99"');
      const preview = await vscode.commands.executeCommand<PreviewResult | undefined>('opentrack.previewUpload', { uri: document.uri.toString(), interactive: false });
      assert.ok(preview?.ok, JSON.stringify(preview));
      assert.equal(preview.plan.changes.length, 1);
      assert.match(describeChange(preview.plan.changes[0]), /^update unit .* \(results\)$/);

      const second = await vscode.commands.executeCommand<UploadResult | undefined>('opentrack.upload', args);
      assert.ok(second?.ok && second.outcome === 'updated', JSON.stringify(second));
      assert.equal(second.created.competition.id, first.created.competition.id);
      assert.equal(openTrack.state.competitions.filter((competition) => competition.representation.slug === `${slug}-rest`).length, 1);
      const page = await fetch(second.created.competition.webUrl);
      assert.match(await page.text(), /99\.99/);
    } finally {
      await revert(document);
      await vscode.workspace.getConfiguration('opentrack').update('api', 'v1', vscode.ConfigurationTarget.Global);
    }
  });
});
