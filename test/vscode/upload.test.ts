import * as assert from 'assert';
import * as vscode from 'vscode';
import { startOpenTrackServer, type OpenTrackServer } from '../opentrack-server/server';
import type { OpenTrackApi } from '../../client/src/extension';
import type { UploadResult } from '../../server/src/upload';
import { extensionId, openFixture, positionInValue } from './support';

/** Server-side errors carry their own source, apart from the language server's. */
const SERVER_SOURCE = 'OpenTrack server';
const waitLimitMs = 20_000;

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
    const api = (await vscode.extensions.getExtension<OpenTrackApi>(extensionId)!.activate());
    await api.testing.storeCredentials(openTrack.url, openTrack.credentials.username, openTrack.credentials.password, 'v1');
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('opentrack').update('server', previousServer, vscode.ConfigurationTarget.Global);
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
});
