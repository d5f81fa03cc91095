import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { repoRoot } from './repo';

export interface ClientOptions {
  /** Advertise LSP 3.17 pull diagnostics. */
  pull: boolean;
  /** Answer workspace/configuration with these `opentrack` settings. */
  settings?: Record<string, unknown>;
  /** Sent as the initialize request's initializationOptions. */
  initializationOptions?: unknown;
  /** Extra environment variables of the server process. */
  env?: Record<string, string>;
  /** Node flags of the server process (SERVER_NODE_FLAGS: as the VS Code client starts it). */
  nodeFlags?: readonly string[];
}

/** A minimal LSP client driving the built dist/server.js over stdio, as any editor would. */
export class LspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: Array<(p: PublishDiagnosticsParams) => boolean> = [];
  settings: Record<string, unknown>;
  refreshRequests = 0;
  stderr = '';

  constructor(private readonly options: ClientOptions) {
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [...(options.nodeFlags ?? []), join(repoRoot(), 'dist', 'server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      for (let i = this.waiters.length - 1; i >= 0; i--) if (this.waiters[i]!(params)) this.waiters.splice(i, 1);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      return null;
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(): Promise<any> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      ...(this.options.initializationOptions !== undefined && { initializationOptions: this.options.initializationOptions }),
      capabilities: {
        workspace: { configuration: true, diagnostics: { refreshSupport: true } },
        textDocument: {
          ...(this.options.pull && { diagnostic: { dynamicRegistration: false } }),
          publishDiagnostics: { versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** `json` is what editors without the `opentrack-json` language send. */
  open(uri: string, text: string, version = 1, languageId = 'json'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** Changes written in one go, as they arrive when an editor sends a burst: the server reads them together. */
  changeBurst(uri: string, versions: ReadonlyArray<{ version: number; contentChanges: unknown[] }>): void {
    const frames = versions.map(({ version, contentChanges }) => {
      const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges } });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    });
    this.process.stdin!.write(frames.join(''));
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    return report.items;
  }

  /** Resolves with the next publication for `uri` that satisfies `accept`. */
  nextPublish(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push((p) => (p.uri === uri && accept(p) ? (resolve(p), true) : false)));
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      if (this.process.exitCode === null) await new Promise((resolve) => this.process.once('exit', resolve));
    }
  }
}
