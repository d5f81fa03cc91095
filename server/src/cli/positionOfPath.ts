import { TextDocument } from 'vscode-languageserver-textdocument';
import { JsonPath, reportSpans } from '../service';

/** The 0-based position where a problem at `path` is reported (its closest existing ancestor if missing). */
export function positionOfPath(text: string, path: JsonPath): { line: number; character: number } {
  return TextDocument.create('file:///document.json', 'json', 1, text).positionAt(reportSpans(text, [{ path }])[0]!.offset);
}
