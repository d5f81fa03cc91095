import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import * as l10n from '@vscode/l10n';
import { CompetitionDocument, DEFAULT_MAX_SEMANTIC_SIZE, parseJson, validateDocument } from '../service';
import { forTerminal } from '../shared/terminalText';

export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
  /** Why the file could not be checked (missing, unreadable, not a regular file). */
  error?: string;
}

/** A FileReport for a file that could not be checked. */
export function unreadableReport(file: string, error: string): FileReport {
  return { file, diagnostics: [], error };
}

const SEVERITY_NAMES: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

function severityName(severity: DiagnosticSeverity | undefined): string {
  return SEVERITY_NAMES[severity ?? DiagnosticSeverity.Error] ?? 'error';
}

/** Validates text as the editor does (same service, same rules); semantic checks up to `maxSemanticMB` megabytes. */
export function validateText(file: string, text: string, maxSemanticMB = DEFAULT_MAX_SEMANTIC_SIZE / MEGABYTE): Diagnostic[] {
  const textDocument = TextDocument.create(pathToFileURL(resolve(file)).toString(), 'json', 1, text);
  const diagnostics = validateDocument(new CompetitionDocument(textDocument, parseJson(text)), { maxSemanticSize: maxSemanticMB * MEGABYTE });
  // The service's size note names the editor's setting: here, the command line's option.
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== 'OT901') continue;
    diagnostic.message = l10n.t(
      'This file is {0} MB: too large to check fully. Syntax and schema are checked; semantic checks run on files up to {1} MB (`opentrack validate --max-semantic-mb {2}` checks this one fully).',
      (text.length / MEGABYTE).toFixed(1),
      String(maxSemanticMB),
      String(Math.ceil(text.length / MEGABYTE)),
    );
  }
  return diagnostics;
}

const MEGABYTE = 1024 * 1024;

/** What the command line named: the files to check, and the folders that hold no competition file. */
export interface Expanded {
  files: string[];
  emptyFolders: string[];
}

const COMPETITION_FILE = /\.opentrack\.json$/i;

/**
 * The files named on the command line, with every folder replaced by the `*.opentrack.json` files
 * below it (any case, through symbolic links, each real folder and file once so that a link loop ends;
 * sorted; `node_modules` and dot-folders skipped), so CI can pass a whole folder.
 */
export function expandFolders(paths: readonly string[]): Expanded {
  const files: string[] = [];
  const emptyFolders: string[] = [];
  const visited = new Set<string>();
  const walk = (folder: string): void => {
    const real = realpathSync(folder);
    if (visited.has(real)) return;
    visited.add(real);
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      const stats = entry.isSymbolicLink() ? statOrUndefined(path) : entry;
      if (!stats) continue;
      if (stats.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path);
      } else if (stats.isFile() && COMPETITION_FILE.test(entry.name) && !visited.has(realpathSync(path))) {
        visited.add(realpathSync(path));
        files.push(path);
      }
    }
  };
  for (const path of paths) {
    if (statOrUndefined(path)?.isDirectory()) {
      const before = files.length;
      try {
        walk(path);
      } catch {
        // An unreadable folder: validateFile says why.
        files.push(path);
      }
      if (files.length === before) emptyFolders.push(path);
    } else files.push(path);
  }
  return { files, emptyFolders };
}

function statOrUndefined(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Reads and validates a file; a file that cannot be read (or is not a regular file) gets a report with `error`. */
export function validateFile(file: string, maxSemanticMB?: number): FileReport {
  let text: string;
  try {
    // A FIFO or a device would block or never end: only regular files are read.
    if (!statSync(file).isFile()) return unreadableReport(file, `${file}: not a regular file.`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'unknown error');
    return unreadableReport(file, `${file}: cannot read the file (${reason}).`);
  }
  return { file, diagnostics: validateText(file, text, maxSemanticMB) };
}

/** `file:line:col severity code message`, lines and columns from 1. */
export function formatText(report: FileReport): string[] {
  // Messages quote the document (keys, values) and names come from the file system: no control characters reach the terminal.
  return report.diagnostics.map((d) =>
    forTerminal(`${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d.severity)} ${String(d.code)} ${d.message}`),
  );
}

/** The same fields as the text format, for CI tools; a file that could not be read is an error with code "unreadable". */
export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(
    reports.flatMap((r) =>
      r.error !== undefined
        ? [{ file: r.file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'unreadable', message: r.error }]
        : r.diagnostics.map((d) => ({
        file: r.file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: severityName(d.severity),
        code: d.code,
        message: d.message,
      })),
    ),
    null,
    2,
  );
}
