/**
 * Just enough of an LSP client to time the server as an editor drives it: spawn it on stdio,
 * initialize with pull diagnostics, open a document, send incremental changes, pull diagnostics.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { Diagnostic, Range } from 'vscode-languageserver-types';
import { withTimeout } from './stats';

const REQUEST_TIMEOUT_MS = 120_000;

export interface MemoryUse {
  /** Resident set size now, MiB. */
  residentMiB: number;
  /** Highest resident set size so far, MiB. */
  peakMiB: number;
}

export class LanguageServerProcess {
  private stderrTail = '';
  /** The last pull report of each document, as an editor keeps it: its resultId goes with the next pull. */
  private readonly held = new Map<string, { resultId?: string; items: Diagnostic[] }>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: MessageConnection,
  ) {
    child.stderr?.on('data', (chunk: Buffer) => (this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000)));
  }

  /** Starts `node [nodeOptions] serverPath --stdio` and completes the initialize handshake. */
  static async start(serverPath: string, nodeOptions: readonly string[] = []): Promise<LanguageServerProcess> {
    const child = spawn(process.execPath, [...nodeOptions, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new LanguageServerProcess(child, connection);
    // Log messages and server-to-client requests (configuration, refresh) are not part of what is timed.
    connection.onNotification(() => undefined);
    connection.onRequest(() => null);
    child.on('exit', (code, signal) => {
      if (code !== 0 && code !== null) process.stderr.write(`Language server exited with ${code} ${signal ?? ''}\n${server.stderrTail}\n`);
    });
    connection.listen();
    const capabilities = { textDocument: { synchronization: { dynamicRegistration: false }, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } };
    await withTimeout(connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities }), REQUEST_TIMEOUT_MS, 'initialize');
    await connection.sendNotification('initialized', {});
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  open(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version, text } });
  }

  /** An incremental change: `text` replaces `range`. */
  change(uri: string, version: number, range: Range, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** The document's diagnostics, pulled as VS Code does: with the previous report's resultId, so an unchanged list need not be sent again. */
  async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const previousResultId = this.held.get(uri)?.resultId;
    const report = await withTimeout(
      this.connection.sendRequest<{ kind: string; items?: Diagnostic[]; resultId?: string }>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId !== undefined && { previousResultId }) }),
      REQUEST_TIMEOUT_MS,
      'textDocument/diagnostic',
    );
    const items = report.kind === 'unchanged' ? this.held.get(uri)?.items ?? [] : report.items ?? [];
    this.held.set(uri, { resultId: report.resultId, items });
    return items;
  }

  /** `source.fixAll` over the whole document: the number of diagnostics its action fixes, or 0. */
  async fixAll(uri: string): Promise<{ fixes: number; edits: Array<{ range: Range; newText: string }> }> {
    const actions = await withTimeout(
      this.connection.sendRequest<Array<{ diagnostics?: unknown[]; edit?: { changes?: Record<string, Array<{ range: Range; newText: string }>> } }>>('textDocument/codeAction', {
        textDocument: { uri },
        range: Range.create(0, 0, 0, 0),
        context: { diagnostics: [], only: ['source.fixAll'] },
      }),
      REQUEST_TIMEOUT_MS,
      'textDocument/codeAction',
    );
    const action = actions[0];
    return { fixes: action?.diagnostics?.length ?? 0, edits: action?.edit?.changes?.[uri] ?? [] };
  }

  /** Replaces the whole text (a new version). */
  replaceAll(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Memory of the server process, from /proc (Linux). */
  memory(): MemoryUse {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { residentMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  }

  /** shutdown + exit, as an editor does (lets --cpu-prof write its profile); kills after a grace period. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.child.exitCode !== null ? resolve() : this.child.once('exit', () => resolve())));
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 10_000, 'shutdown');
      await this.connection.sendNotification('exit');
      await withTimeout(exited, 10_000, 'exit');
    } catch {
      this.child.kill();
      await exited;
    } finally {
      this.connection.dispose();
    }
  }
}
