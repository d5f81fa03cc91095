// `opentrack upload FILE …`: validate, then upload through the shared upload core.
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatPath } from '../service';
import { stripControlCharacters } from '../shared/terminalText';
import {
  DEFAULT_TIMEOUT_MS,
  describeChange,
  MAX_TIMEOUT_MS,
  previewUpload,
  resolveServer,
  summarizePlan,
  upload,
  type PlannedChange,
  type PreviewResult,
  type UploadPlan,
  type UploadOptions,
  type CredentialsProvider,
  type DocumentPath,
  type FieldError,
  type LoginCredentials,
  type UploadApi,
  type UploadResult,
} from '../upload';

export interface CliIo {
  /** One line per call, without its newline (as the other subcommands write). */
  stdout(line: string): void;
  stderr(line: string): void;
  env: NodeJS.ProcessEnv;
  /** The login prompt reads stdin and writes its questions and echo, unbroken, to `terminal`. */
  stdin: NodeJS.ReadableStream;
  terminal: NodeJS.WritableStream;
  /** Whether stdin and `terminal` are a terminal, i.e. whether the user can be asked for a login. */
  isTTY: boolean;
}

/** The parts of an LSP diagnostic the CLI prints (0-based positions; severity 1 error … 4 hint). */
export interface CliDiagnostic {
  range: { start: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  message: string;
}

export interface UploadCliDeps {
  validate(text: string, uri: string): readonly CliDiagnostic[] | Promise<readonly CliDiagnostic[]>;
  /** Where a JSON path is in the text (0-based), to print server errors as FILE:line:col. */
  locate(text: string, path: DocumentPath): { line: number; character: number } | undefined;
}

const UPLOAD_USAGE = `Usage: opentrack upload FILE [options]

Validates FILE, then uploads it to OpenTrack. The login comes from OPENTRACK_USERNAME and
OPENTRACK_PASSWORD, or is asked for when run in a terminal.

When the competition is already on OpenTrack (same slug), the REST API updates it with only what
differs; the v1 API cannot update, so nothing is sent. An update is asked for in a terminal;
elsewhere it needs --yes.

Options:
  --server test|live|URL  where to upload (default: test)
  --api v1|rest           the v1 API, one nested document (default), or the 2026 REST API
  --dry-run               print what would be created, updated and deleted; send nothing
  --yes                   confirm an upload to the live server, and the update of an existing competition
  --delete                also delete what the file no longer has (events, competitors, teams)
  --force                 upload even if validation finds errors
  --timeout SECONDS       per request (default: ${DEFAULT_TIMEOUT_MS / 1000}, at most ${MAX_TIMEOUT_MS / 1000})
  --verbose               print every request (passwords and tokens are never printed)
  --help                  show this help

Exit codes: 0 uploaded (or, with --dry-run, planned), 1 not uploaded or failed, 2 usage error.
`;

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

interface UploadArgs {
  file: string;
  server: string;
  api: UploadApi;
  yes: boolean;
  dryRun: boolean;
  delete: boolean;
  force: boolean;
  timeoutMs: number;
  verbose: boolean;
}

/** Runs the subcommand; `argv` are the arguments after `upload`. Returns the exit code. */
export async function runUpload(argv: string[], io: CliIo, deps: UploadCliDeps): Promise<number> {
  const fail = (message: string, code: number) => {
    io.stderr(`opentrack upload: ${message}`);
    return code;
  };
  let args: UploadArgs | 'help';
  try {
    args = parseUploadArgs(argv);
  } catch (error) {
    return fail(`${(error as Error).message}\nRun "opentrack upload --help" for usage.`, EXIT_USAGE);
  }
  if (args === 'help') {
    io.stdout(UPLOAD_USAGE);
    return EXIT_OK;
  }
  const { file } = args;

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, EXIT_USAGE);
  }
  let text: string;
  try {
    // Bytes that are not UTF-8 would be sent as U+FFFD: the server would not get what the file says.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return fail(`${file} is not valid UTF-8, so its text cannot be uploaded as it is; save it as UTF-8. Nothing was uploaded.`, EXIT_FAILED);
  }

  const diagnostics = await deps.validate(text, pathToFileURL(resolvePath(file)).href);
  for (const diagnostic of diagnostics.filter((d) => d.severity === 1 || d.severity === 2)) {
    const code = diagnostic.code === undefined ? '' : ` [${diagnostic.code}]`;
    // Messages quote document keys and values: no control character reaches the terminal.
    const message = stripControlCharacters(diagnostic.message);
    io.stderr(`${position(file, diagnostic.range.start)} ${diagnostic.severity === 1 ? 'error' : 'warning'}: ${message}${code}`);
  }
  const errorCount = diagnostics.filter((d) => d.severity === 1).length;
  if (errorCount > 0 && !args.force && !args.dryRun) {
    return fail(`${file} has ${errorCount} error${errorCount === 1 ? '' : 's'}; nothing was uploaded (--force uploads anyway).`, EXIT_FAILED);
  }

  let live: boolean;
  try {
    live = resolveServer(args.server, args.api).live;
  } catch (error) {
    return fail((error as Error).message, EXIT_FAILED);
  }
  if (live && !args.yes && !args.dryRun) return fail('refusing to upload to the live OpenTrack server without --yes.', EXIT_FAILED);

  const credentials = credentialsFrom(io);
  if (!credentials) return fail('set OPENTRACK_USERNAME and OPENTRACK_PASSWORD, or run in a terminal to be asked.', EXIT_USAGE);

  const options: UploadOptions = {
    documentText: text,
    api: args.api,
    server: args.server,
    confirmedLive: args.yes,
    credentials,
    timeoutMs: args.timeoutMs,
    onProgress: (message) => io.stderr(message),
    log: args.verbose ? (line) => io.stderr(`  ${line}`) : undefined,
  };
  if (args.dryRun) return reportPlan(await previewUpload(options), file, text, io, deps);
  const result = await upload({
    ...options,
    decideUpdate: (plan) => decideUpdate(plan, args, io),
    confirmDeletions: (deletions) => confirmDeletions(deletions, args, io),
  });
  return report(result, file, text, io, deps);
}

/** `--yes` updates; in a terminal the user is asked; otherwise the run stops before writing and says how to go on. */
async function decideUpdate(plan: UploadPlan & { existing: { webUrl: string } }, args: UploadArgs, io: CliIo): Promise<'update' | 'cancel'> {
  if (args.yes) return 'update';
  io.stderr(`The competition is already on OpenTrack (${plan.existing.webUrl}); updating it would ${summarizePlan(plan)}:`);
  for (const change of plan.changes) io.stderr(`  ${describeChange(change)}`);
  if (!io.isTTY) {
    io.stderr('Not updated: run again with --yes to update it (--dry-run shows the changes without sending anything).');
    return 'cancel';
  }
  const answer = await askYesNo(io, 'Update it? [y/N] ');
  return answer ? 'update' : 'cancel';
}

async function confirmDeletions(deletions: PlannedChange[], args: UploadArgs, io: CliIo): Promise<boolean> {
  if (args.delete) return true;
  if (!io.isTTY) {
    io.stderr(`Not deleting ${deletions.map((change) => `${change.kind} ${change.name}`).join(', ')}: pass --delete to delete what the file no longer has.`);
    return false;
  }
  return askYesNo(io, `Delete from OpenTrack: ${deletions.map((change) => `${change.kind} ${change.name}`).join(', ')}? [y/N] `);
}

async function askYesNo(io: CliIo, question: string): Promise<boolean> {
  const terminal = openTerminalPrompt(io);
  try {
    return /^y(es)?$/i.test((await terminal.ask(question, false))?.trim() ?? '');
  } finally {
    terminal.close();
  }
}

/** The dry run: every change on stdout, one a line; nothing was sent. */
function reportPlan(result: PreviewResult, file: string, text: string, io: CliIo, deps: UploadCliDeps): number {
  if (!result.ok) return report(result, file, text, io, deps);
  const { plan } = result;
  if (!plan.existing) {
    io.stdout(`Would create the competition on ${result.base}: ${summarizePlan(plan)}.`);
  } else if (!result.updatable) {
    io.stdout(`The competition is already on OpenTrack (${plan.existing.webUrl}); the v1 API cannot update it (use --api rest). Nothing would be sent.`);
  } else {
    io.stdout(`Would update competition ${plan.existing.id} (${plan.existing.webUrl}): ${summarizePlan(plan)}.`);
  }
  for (const change of plan.changes) io.stdout(`  ${describeChange(change)}`);
  io.stdout('Dry run: nothing was sent to OpenTrack.');
  return result.updatable ? EXIT_OK : EXIT_FAILED;
}

function parseUploadArgs(argv: string[]): UploadArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      server: { type: 'string', default: 'test' },
      api: { type: 'string', default: 'v1' },
      yes: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      delete: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new Error(positionals.length === 0 ? 'missing FILE.' : 'give exactly one FILE.');
  if (values.api !== 'rest' && values.api !== 'v1') throw new Error(`--api must be "rest" or "v1", not "${values.api}".`);
  const seconds = values.timeout === undefined ? DEFAULT_TIMEOUT_MS / 1000 : Number(values.timeout);
  if (!(seconds > 0 && seconds * 1000 <= MAX_TIMEOUT_MS)) {
    throw new Error(`--timeout must be a number of seconds above 0 and at most ${MAX_TIMEOUT_MS / 1000}.`);
  }
  return {
    file: positionals[0],
    server: values.server as string,
    api: values.api,
    yes: values.yes as boolean,
    dryRun: values['dry-run'] as boolean,
    delete: values.delete as boolean,
    force: values.force as boolean,
    timeoutMs: seconds * 1000,
    verbose: values.verbose as boolean,
  };
}

function report(result: UploadResult, file: string, text: string, io: CliIo, deps: UploadCliDeps): number {
  for (const warning of result.warnings) io.stderr(`warning: ${warning}`);
  if (result.ok) {
    const { competition, teams, competitors, events } = result.created;
    if (result.outcome === 'created') {
      io.stdout(`Uploaded competition ${competition.id}: ${teams.length} teams, ${competitors.length} competitors, ${events.length} events.`);
    } else if (result.outcome === 'updated') {
      io.stdout(`Updated competition ${competition.id}: ${result.changes.length} change${result.changes.length === 1 ? '' : 's'} sent.`);
      for (const change of result.changes) io.stdout(`  ${describeChange(change)}`);
    } else {
      io.stdout(`Competition ${competition.id} is already up to date; nothing was sent.`);
    }
    io.stdout(competition.webUrl);
    return EXIT_OK;
  }
  for (const fieldError of result.fieldErrors) io.stderr(fieldErrorLine(fieldError, file, text, deps));
  io.stderr(`opentrack upload: ${result.message}`);
  return EXIT_FAILED;
}

/** `FILE:line:col message`; when the path cannot be found in the text, at 1:1 with the path spelled out. */
function fieldErrorLine({ path, message }: FieldError, file: string, text: string, deps: UploadCliDeps): string {
  const at = deps.locate(text, path);
  if (at) return `${position(file, at)} ${message}`;
  return `${position(file, { line: 0, character: 0 })} ${message}${path.length > 0 ? ` (at ${formatPath(path)})` : ''}`;
}

function position(file: string, at: { line: number; character: number }): string {
  return `${file}:${at.line + 1}:${at.character + 1}`;
}

/** From the environment, else asked on the terminal (once more if OpenTrack rejects it), else none. */
function credentialsFrom(io: CliIo): CredentialsProvider | undefined {
  const { OPENTRACK_USERNAME: username, OPENTRACK_PASSWORD: password } = io.env;
  if (username && password) return { getCredentials: async () => ({ username, password }) };
  if (!io.isTTY) return undefined;
  return {
    getCredentials: () => askForLogin(io, username),
    onRejected: (message) => io.stderr(message),
  };
}

async function askForLogin(io: CliIo, knownUsername: string | undefined): Promise<LoginCredentials | undefined> {
  const terminal = openTerminalPrompt(io);
  try {
    const username = knownUsername || (await terminal.ask('OpenTrack username: ', false))?.trim();
    if (!username) return undefined;
    const password = await terminal.ask('OpenTrack password: ', true);
    return password ? { username, password } : undefined;
  } finally {
    terminal.close();
  }
}

/**
 * Line-by-line questions on one readline interface (lines typed ahead are queued, not lost).
 * While a hidden question is open, readline's echo is swallowed, so the password never shows.
 * Ctrl+C or end of input answers undefined.
 */
function openTerminalPrompt(io: CliIo) {
  let hidden = false;
  const echo = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (!hidden) io.terminal.write(chunk);
      done();
    },
  });
  const readline = createInterface({ input: io.stdin, output: echo, terminal: true });
  const typedAhead: string[] = [];
  let waiting: ((line: string | undefined) => void) | undefined;
  let closed = false;
  const deliver = (line: string | undefined) => {
    const resolve = waiting;
    waiting = undefined;
    resolve?.(line);
  };
  readline.on('line', (line) => (waiting ? deliver(line) : typedAhead.push(line)));
  readline.on('SIGINT', () => readline.close());
  readline.on('close', () => {
    closed = true;
    deliver(undefined);
  });

  return {
    ask(question: string, hide: boolean): Promise<string | undefined> {
      // Mute first: an answer typed ahead may be echoed while the question is being written.
      hidden = hide;
      io.terminal.write(question);
      const answered = (line: string | undefined) => {
        if (hide) io.terminal.write('\n');
        hidden = false;
        return line;
      };
      if (typedAhead.length > 0 || closed) return Promise.resolve(answered(typedAhead.shift()));
      return new Promise((resolve) => {
        waiting = (line) => resolve(answered(line));
      });
    },
    close: () => readline.close(),
  };
}
