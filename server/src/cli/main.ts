#!/usr/bin/env node
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { fileURLToPath } from 'node:url';
import { FileReport, expandFolders, formatJson, formatText, validateFile, validateText } from './validateFiles';
import { runUpload } from './upload';
import { positionOfPath } from './positionOfPath';

const USAGE = `Usage:
  opentrack validate [--format text|json] FILE|FOLDER...
  opentrack upload FILE [--server test|live|URL] [--api v1|rest] [--yes] [--force] [--timeout SECONDS]

Exit codes: 0 no errors, 1 errors found (or upload failed), 2 usage error or unreadable file.`;

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

function runValidate(args: string[], io: Io): number {
  let format = 'text';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--format' || arg.startsWith('--format=')) {
      format = arg.includes('=') ? arg.slice('--format='.length) : (args[++i] ?? '');
      if (format !== 'text' && format !== 'json') {
        io.stderr(`opentrack: --format must be "text" or "json", not "${format}".`);
        return 2;
      }
    } else if (arg.startsWith('-')) {
      io.stderr(`opentrack: unknown option ${arg}.\n${USAGE}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    io.stderr(`opentrack: no file to validate.\n${USAGE}`);
    return 2;
  }
  const reports: FileReport[] = [];
  let unreadable = false;
  for (const file of expandFolders(files)) {
    try {
      reports.push(validateFile(file));
    } catch (error) {
      io.stderr((error as Error).message);
      unreadable = true;
    }
  }
  if (format === 'json') io.stdout(formatJson(reports));
  else {
    for (const report of reports) for (const line of formatText(report)) io.stdout(line);
    const count = (severity: DiagnosticSeverity): number => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
    io.stderr(`${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${count(DiagnosticSeverity.Error)} errors, ${count(DiagnosticSeverity.Warning)} warnings.`);
  }
  if (unreadable) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error)) ? 1 : 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate':
      return runValidate(rest, io);
    case 'upload':
      return runUpload(
        rest,
        { ...io, env: process.env, stdin: process.stdin, terminal: process.stderr, isTTY: !!(process.stdin.isTTY && process.stderr.isTTY) },
        {
          validate: (text, uri) => validateText(fileURLToPath(uri), text),
          locate: positionOfPath,
        },
      );
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
  const io: Io = { stdout: (text) => process.stdout.write(`${text}\n`), stderr: (text) => process.stderr.write(`${text}\n`) };
  main(process.argv.slice(2), io).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      io.stderr(`opentrack: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}
