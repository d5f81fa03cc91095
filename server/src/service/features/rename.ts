import { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { CompetitionDocument } from '../document';
import { ID_NAMES, isIdTaken } from './ids';
import { idAtCursor, locatedOccurrences } from './navigation';
import { spanRange, stringContents } from './spans';

/** A rename the service refuses; the LSP adapter turns the message into a ResponseError. */
export class RenameError extends Error {}

const NOT_AN_ID = 'Only ids can be renamed: a bib (competitor_id), an event_id, a team_id or a relay_team_id.';

/** The range of the id's text (inside the quotes) and its current value; refuses anything else. */
export function prepareRename(document: CompetitionDocument, position: Position): { range: Range; placeholder: string } {
  const target = idAtCursor(document, document.textDocument.offsetAt(position));
  if (!target) throw new RenameError(NOT_AN_ID);
  return { range: spanRange(document.textDocument, stringContents(document.text, target.span)), placeholder: target.ref.id };
}

/**
 * Renames an id everywhere it is defined or referenced — only those strings, never equal text
 * elsewhere. Refuses an empty name and a name another id of the same kind already has (the
 * two would merge).
 */
export function rename(document: CompetitionDocument, position: Position, newName: string): WorkspaceEdit {
  const target = idAtCursor(document, document.textDocument.offsetAt(position));
  if (!target) throw new RenameError(NOT_AN_ID);
  const { ref } = target;
  if (newName === ref.id) return { changes: {} };
  if (newName.trim() === '') throw new RenameError(`A ${ID_NAMES[ref.kind]} cannot be empty.`);
  if (isIdTaken(document.model, ref, newName)) {
    const scope = ref.kind === 'relayTeam' ? ` in event "${ref.eventId}"` : '';
    throw new RenameError(`The ${ID_NAMES[ref.kind]} "${newName}" already exists${scope}. Renaming would merge two different ids; choose another name.`);
  }
  const escaped = JSON.stringify(newName).slice(1, -1);
  const edits = locatedOccurrences(document, ref).map((o) =>
    TextEdit.replace(spanRange(document.textDocument, stringContents(document.text, o.span)), escaped),
  );
  return { changes: { [document.textDocument.uri]: edits } };
}
