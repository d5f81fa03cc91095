import { Diagnostic, DocumentDiagnosticReport, DocumentDiagnosticReportKind } from 'vscode-languageserver';

interface Reported {
  resultId: string;
  items: readonly Diagnostic[];
  /** The items as they went out, made on first comparison. */
  json?: string;
}

/**
 * The pull reports of each document. Typing elsewhere in a document full of problems leaves its
 * list as it was: a client that holds the list under its `resultId` (VS Code sends it with each
 * pull) gets `unchanged` instead of the whole list encoded, sent and decoded again. Lists are
 * compared as the JSON they travel as: the native serialiser is faster than any walk in script,
 * and what the client holds is exactly that text.
 */
export class DiagnosticReports {
  private readonly reported = new Map<string, Reported>();
  private lastResultId = 0;

  report(uri: string, previousResultId: string | undefined, items: Diagnostic[]): DocumentDiagnosticReport {
    const reported = this.reported.get(uri);
    if (reported && reported.resultId === previousResultId) {
      if (reported.items === items) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: reported.resultId };
      const json = JSON.stringify(items);
      if ((reported.json ??= JSON.stringify(reported.items)) === json) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: reported.resultId };
      return this.full(uri, items, json);
    }
    return this.full(uri, items);
  }

  forget(uri: string): void {
    this.reported.delete(uri);
  }

  private full(uri: string, items: Diagnostic[], json?: string): DocumentDiagnosticReport {
    const resultId = String(++this.lastResultId);
    this.reported.set(uri, { resultId, items, json });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }
}
