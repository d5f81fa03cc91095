import { Location, Position } from 'vscode-languageserver-types';
import { CompetitionDocument } from '../document';
import { Span } from '../json/locate';
import { JsonPath } from '../json/path';
import { contextAtOffset } from '../json/offset';
import { IdOccurrence, IdRef, idAtPath, occurrencesOf } from './ids';
import { valueAt } from './paths';
import { spanRange, valueSpans } from './spans';

/** The id string under the cursor: what it names, whether it is the definition, and its token. */
export interface IdAtCursor {
  ref: IdRef;
  definition: boolean;
  path: JsonPath;
  span: Span;
}

export function idAtCursor(document: CompetitionDocument, offset: number): IdAtCursor | undefined {
  const value = contextAtOffset(document.text, offset).value;
  if (!value?.isString) return undefined;
  // The scan and the parse agree on paths except in badly broken text: then offer nothing.
  if (valueAt(document.parsed.value, value.path) !== value.text) return undefined;
  const id = idAtPath(document.model, value.path, value.text);
  if (!id) return undefined;
  const { definition, ...ref } = id;
  return { ref, definition, path: value.path, span: value.span };
}

/** Every occurrence of the id with the span of its string token, located in one scan. */
export function locatedOccurrences(document: CompetitionDocument, ref: IdRef): Array<IdOccurrence & { span: Span }> {
  const occurrences = occurrencesOf(document.model, ref);
  const spans = valueSpans(document.text, occurrences.map((o) => o.path));
  return occurrences.flatMap((occurrence, i) => (spans[i] ? [{ ...occurrence, span: spans[i]! }] : []));
}

function toLocations(document: CompetitionDocument, occurrences: ReadonlyArray<{ span: Span }>): Location[] {
  return occurrences.map((o) => Location.create(document.textDocument.uri, spanRange(document.textDocument, o.span)));
}

/** Go to definition: the competitor, event, team or relay team an id names (itself on a definition). */
export function definition(document: CompetitionDocument, position: Position): Location[] {
  const target = idAtCursor(document, document.textDocument.offsetAt(position));
  if (!target) return [];
  return toLocations(document, locatedOccurrences(document, target.ref).filter((o) => o.definition));
}

/** Find all references of the id under the cursor, with or without its definition. */
export function references(document: CompetitionDocument, position: Position, includeDeclaration: boolean): Location[] {
  const target = idAtCursor(document, document.textDocument.offsetAt(position));
  if (!target) return [];
  return toLocations(document, locatedOccurrences(document, target.ref).filter((o) => includeDeclaration || !o.definition));
}
