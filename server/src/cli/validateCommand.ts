import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Io } from './main';
import { expandFolders, formatJson, formatText, validateFile } from './validateFiles';
import { forTerminal } from '../shared/terminalText';

/** `opentrack validate`: the exit code (see usage). */
export function runValidate(args: string[], io: Io, usage: string): number {
  let format = 'text';
  let maxSemanticMB: number | undefined;
  const files: string[] = [];
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (options && arg === '--') options = false;
    else if (options && (arg === '--format' || arg.startsWith('--format='))) {
      format = arg.includes('=') ? arg.slice('--format='.length) : (args[++i] ?? '');
      if (format !== 'text' && format !== 'json') {
        io.stderr(`opentrack: --format must be "text" or "json", not "${forTerminal(format)}".`);
        return 2;
      }
    } else if (options && (arg === '--max-semantic-mb' || arg.startsWith('--max-semantic-mb='))) {
      const value = arg.includes('=') ? arg.slice('--max-semantic-mb='.length) : (args[++i] ?? '');
      maxSemanticMB = Number(value);
      if (value.trim() === '' || !Number.isFinite(maxSemanticMB) || maxSemanticMB <= 0) {
        io.stderr(`opentrack: --max-semantic-mb must be a size in MB above 0, not "${forTerminal(value)}".`);
        return 2;
      }
    } else if (options && arg.startsWith('-') && arg !== '-') {
      io.stderr(`opentrack: unknown option ${forTerminal(arg)} (put -- before a file name that starts with -).\n${usage}`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    io.stderr(`opentrack: no file to validate.\n${usage}`);
    return 2;
  }
  const { files: expanded, emptyFolders } = expandFolders(files);
  const reports = expanded.map((file) => validateFile(file, maxSemanticMB));
  for (const folder of emptyFolders) io.stderr(forTerminal(`opentrack: no *.opentrack.json file in ${folder}.`));
  const unreadable = reports.filter((r) => r.error !== undefined);
  for (const report of unreadable) io.stderr(forTerminal(report.error!));
  const internal = reports.some((r) => r.diagnostics.some((d) => d.code === 'OT902'));
  if (format === 'json') io.stdout(formatJson(reports));
  else {
    for (const report of reports) for (const line of formatText(report)) io.stdout(line);
    const checked = reports.length - unreadable.length;
    const count = (severity: DiagnosticSeverity): number => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
    io.stderr(`${checked} file${checked === 1 ? '' : 's'} checked: ${count(DiagnosticSeverity.Error)} errors, ${count(DiagnosticSeverity.Warning)} warnings.`);
  }
  if (internal) io.stderr('opentrack: some files could not be checked because of an internal error (OT902 above): they are not known to be valid.');
  if (expanded.length === 0) io.stderr('opentrack: no competition file to check.');
  if (unreadable.length > 0 || emptyFolders.length > 0 || internal || expanded.length === 0) return 2;
  return reports.some((r) => r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error)) ? 1 : 0;
}
