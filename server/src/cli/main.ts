#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { validateText } from './validateFiles';
import { runValidate } from './validateCommand';
import { runUpload } from './upload';
import { positionOfPath } from './positionOfPath';
import { RENDER_USAGE, runRender } from './render';

const USAGE = `Usage:
  opentrack validate [--format text|json] [--max-semantic-mb MB] [--] FILE|FOLDER...
  opentrack upload FILE [--server test|live|URL] [--api v1|rest] [--yes] [--force] [--timeout SECONDS]
${RENDER_USAGE}

Exit codes: 0 no errors, 1 errors found (or upload failed), 2 usage error, unreadable file,
no competition file found, or an internal error (OT902).`;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate':
      return runValidate(rest, io, USAGE);
    case 'upload':
      return runUpload(
        rest,
        { ...io, env: process.env, stdin: process.stdin, terminal: process.stderr, isTTY: !!(process.stdin.isTTY && process.stderr.isTTY) },
        {
          validate: (text, uri) => validateText(fileURLToPath(uri), text),
          locate: positionOfPath,
        },
      );
    case 'render':
      return runRender(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.stdout(USAGE);
      return 0;
    default:
      io.stderr(command ? `opentrack: unknown command "${command}".\n${USAGE}` : USAGE);
      return 2;
  }
}

if (require.main === module) {
  // `opentrack validate … | head -1`: a closed pipe ends that output quietly, without a stack trace,
  // and the command still runs to the end, so that the exit code says what it found.
  const closed = new Set<NodeJS.WriteStream>();
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      closed.add(stream);
    });
  }
  const write = (stream: NodeJS.WriteStream, text: string) => closed.has(stream) || stream.write(`${text}\n`);
  const io: Io = { stdout: (text) => write(process.stdout, text), stderr: (text) => write(process.stderr, text) };
  main(process.argv.slice(2), io).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      io.stderr(`opentrack: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
