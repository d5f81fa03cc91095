import { Diagnostic, DocumentDiagnosticReport, DocumentDiagnosticReportKind } from 'vscode-languageserver';

/**
 * The pull reports of each document. Typing elsewhere in a document full of problems leaves its
 * list as it was: `settle` then gives back the list already reported (the new objects die young
 * instead of being kept, and promoted by the garbage collector, with the version), and a client
 * that holds it under its `resultId` (VS Code sends it with each pull) gets `unchanged` instead of
 * the whole list encoded, sent and decoded again. Lists are compared as the JSON they travel as:
 * the native serialiser is faster than any walk in script, and what the client holds is that text.
 */
export class DiagnosticReports {
  private readonly reported = new Map<string, { resultId: string; items: readonly Diagnostic[] }>();
  private readonly json = new WeakMap<readonly Diagnostic[], string>();
  private lastResultId = 0;
  /** Whether the client sends back the resultIds it holds: comparing lists is of no use to one that does not. */
  private clientSendsIds = false;

  /** The list last reported for `uri` when `fresh` says the same, else `fresh`. */
  settle(uri: string, fresh: Diagnostic[]): Diagnostic[] {
    const reported = this.reported.get(uri)?.items;
    if (!reported || !this.clientSendsIds) return fresh;
    const json = JSON.stringify(fresh);
    if (this.jsonOf(reported) === json) return reported as Diagnostic[];
    this.json.set(fresh, json);
    return fresh;
  }

  /** A pull report of the list `diagnose` gives (settled): `unchanged` when the client holds this very list. */
  async report(uri: string, previousResultId: string | undefined, diagnose: () => Promise<Diagnostic[]>): Promise<DocumentDiagnosticReport> {
    if (previousResultId !== undefined) this.clientSendsIds = true;
    const items = await diagnose();
    const reported = this.reported.get(uri);
    if (reported && reported.resultId === previousResultId && reported.items === items) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: reported.resultId };
    }
    const resultId = String(++this.lastResultId);
    this.reported.set(uri, { resultId, items });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  forget(uri: string): void {
    this.reported.delete(uri);
  }

  private jsonOf(items: readonly Diagnostic[]): string {
    let json = this.json.get(items);
    if (json === undefined) this.json.set(items, (json = JSON.stringify(items)));
    return json;
  }
}
