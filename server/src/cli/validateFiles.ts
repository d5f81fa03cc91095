import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { CompetitionDocument, validateDocument } from '../service';
import { parseJson } from '../service/json/parse';

export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
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

/** Validates text as the editor does (same service, same rules). */
export function validateText(file: string, text: string): Diagnostic[] {
  const textDocument = TextDocument.create(pathToFileURL(resolve(file)).toString(), 'json', 1, text);
  return validateDocument(new CompetitionDocument(textDocument, parseJson(text)));
}

/**
 * The files named on the command line, with every folder replaced by the `*.opentrack.json` files
 * below it (sorted; `node_modules` and dot-folders skipped), so CI can pass a whole folder.
 */
export function expandFolders(paths: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(join(folder, entry.name));
      else if (entry.isFile() && entry.name.endsWith('.opentrack.json')) files.push(join(folder, entry.name));
    }
  };
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      // Not there: validateFile says so.
    }
    if (isFolder) walk(path);
    else files.push(path);
  }
  return files;
}

/** Reads and validates a file; throws a one-line Error when it cannot be read. */
export function validateFile(file: string): FileReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : (code ?? 'unknown error')}).`);
  }
  return { file, diagnostics: validateText(file, text) };
}

/** `file:line:col severity code message`, lines and columns from 1. */
export function formatText(report: FileReport): string[] {
  return report.diagnostics.map(
    (d) => `${report.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d.severity)} ${String(d.code)} ${d.message}`,
  );
}

/** The same fields as the text format, for CI tools. */
export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(
    reports.flatMap((r) =>
      r.diagnostics.map((d) => ({
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
