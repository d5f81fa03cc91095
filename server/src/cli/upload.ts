// `opentrack upload FILE …`: validate, then upload through the shared upload core.
import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatPath } from '../service/json/path';
import {
  DEFAULT_TIMEOUT_MS,
  MAX_TIMEOUT_MS,
  resolveServer,
  upload,
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

Options:
  --server test|live|URL  where to upload (default: test)
  --api v1|rest           the v1 API, one nested document (default), or the 2026 REST API
  --yes                   confirm an upload to the live server
  --force                 upload even if validation finds errors
  --timeout SECONDS       per request (default: ${DEFAULT_TIMEOUT_MS / 1000}, at most ${MAX_TIMEOUT_MS / 1000})
  --verbose               print every request (passwords and tokens are never printed)
  --help                  show this help
`;

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

interface UploadArgs {
  file: string;
  server: string;
  api: UploadApi;
  yes: boolean;
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

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, EXIT_USAGE);
  }

  const diagnostics = await deps.validate(text, pathToFileURL(resolvePath(file)).href);
  for (const diagnostic of diagnostics.filter((d) => d.severity === 1 || d.severity === 2)) {
    const code = diagnostic.code === undefined ? '' : ` [${diagnostic.code}]`;
    io.stderr(`${position(file, diagnostic.range.start)} ${diagnostic.severity === 1 ? 'error' : 'warning'}: ${diagnostic.message}${code}`);
  }
  const errorCount = diagnostics.filter((d) => d.severity === 1).length;
  if (errorCount > 0 && !args.force) {
    return fail(`${file} has ${errorCount} error${errorCount === 1 ? '' : 's'}; nothing was uploaded (--force uploads anyway).`, EXIT_FAILED);
  }

  let live: boolean;
  try {
    live = resolveServer(args.server, args.api).live;
  } catch (error) {
    return fail((error as Error).message, EXIT_FAILED);
  }
  if (live && !args.yes) return fail('refusing to upload to the live OpenTrack server without --yes.', EXIT_FAILED);

  const credentials = credentialsFrom(io);
  if (!credentials) return fail('set OPENTRACK_USERNAME and OPENTRACK_PASSWORD, or run in a terminal to be asked.', EXIT_USAGE);

  const result = await upload({
    documentText: text,
    api: args.api,
    server: args.server,
    confirmedLive: args.yes,
    credentials,
    timeoutMs: args.timeoutMs,
    onProgress: (message) => io.stderr(message),
    log: args.verbose ? (line) => io.stderr(`  ${line}`) : undefined,
  });
  return report(result, file, text, io, deps);
}

function parseUploadArgs(argv: string[]): UploadArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      server: { type: 'string', default: 'test' },
      api: { type: 'string', default: 'v1' },
      yes: { type: 'boolean', default: false },
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
    force: values.force as boolean,
    timeoutMs: seconds * 1000,
    verbose: values.verbose as boolean,
  };
}

function report(result: UploadResult, file: string, text: string, io: CliIo, deps: UploadCliDeps): number {
  for (const warning of result.warnings) io.stderr(`warning: ${warning}`);
  if (result.ok) {
    const { competition, teams, competitors, events } = result.created;
    io.stdout(`Uploaded competition ${competition.id}: ${teams.length} teams, ${competitors.length} competitors, ${events.length} events.`);
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
