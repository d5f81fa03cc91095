import { Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Span, locatePaths } from '../json/locate';
import { JsonPath } from '../json/path';

export function spanRange(document: TextDocument, span: Span): Range {
  return Range.create(document.positionAt(span.offset), document.positionAt(span.offset + span.length));
}

/** The contents of a string token, without its quotes (an unterminated string has no closing one). */
export function stringContents(text: string, span: Span): Span {
  const quote = text.charCodeAt(span.offset);
  if (quote !== 34 && quote !== 39) return span;
  const closed = span.length >= 2 && text.charCodeAt(span.offset + span.length - 1) === quote;
  return { offset: span.offset + 1, length: span.length - (closed ? 2 : 1) };
}

/** The value spans of many paths, in one scan of the text (undefined where a path is missing). */
export function valueSpans(text: string, paths: readonly JsonPath[]): (Span | undefined)[] {
  return locatePaths(text, paths).map((spans) => spans?.value);
}
