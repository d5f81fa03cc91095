import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { CompetitionDocument, parseJson, validateDocument, ValidationSettings } from '../../server/src/service';

export function documentOf(text: string, uri = 'file:///meet.opentrack.json', version = 1): CompetitionDocument {
  return new CompetitionDocument(TextDocument.create(uri, 'json', version, text), parseJson(text));
}

export function diagnose(input: string | object, settings?: ValidationSettings): Diagnostic[] {
  const text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
  return validateDocument(documentOf(text), settings);
}

/** The text a diagnostic's range covers. */
export function textAt(text: string, diagnostic: Diagnostic): string {
  const document = TextDocument.create('file:///x', 'json', 1, text);
  return document.getText(diagnostic.range);
}

/** Structured copy of a document with one change applied. */
export function mutate<T extends object>(document: T, change: (copy: any) => void): T {
  const copy = structuredClone(document);
  change(copy);
  return copy;
}
