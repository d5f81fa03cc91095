import * as l10n from '@vscode/l10n';
import { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { CompetitionDocument } from '../document';
import { idName, isIdTaken } from './ids';
import { idAtCursor, locatedOccurrences } from './navigation';
import { spanRange, stringContents } from './spans';

/** A rename the service refuses; the LSP adapter turns the message into a ResponseError. */
export class RenameError extends Error {}

const notAnId = (): RenameError => new RenameError(l10n.t('Only ids can be renamed: a bib (competitor_id), an event_id, a team_id or a relay_team_id.'));

/** The range of the id's text (inside the quotes) and its current value; refuses anything else. */
export function prepareRename(document: CompetitionDocument, position: Position): { range: Range; placeholder: string } {
  const target = idAtCursor(document, document.textDocument.offsetAt(position));
  if (!target) throw notAnId();
  return { range: spanRange(document.textDocument, stringContents(document.text, target.span)), placeholder: target.ref.id };
}

/**
 * Renames an id everywhere it is defined or referenced — only those strings, never equal text
 * elsewhere. Refuses an empty name and a name another id of the same kind already has (the
 * two would merge).
 */
export function rename(document: CompetitionDocument, position: Position, newName: string): WorkspaceEdit {
  const target = idAtCursor(document, document.textDocument.offsetAt(position));
  if (!target) throw notAnId();
  const { ref } = target;
  if (newName === ref.id) return { changes: {} };
  if (newName.trim() === '') throw new RenameError(l10n.t('A {0} cannot be empty.', idName(ref.kind)));
  if (isIdTaken(document.model, ref, newName)) {
    throw new RenameError(
      ref.kind === 'relayTeam'
        ? l10n.t('The {0} "{1}" already exists in event "{2}". Renaming would merge two different ids; choose another name.', idName(ref.kind), newName, String(ref.eventId))
        : l10n.t('The {0} "{1}" already exists. Renaming would merge two different ids; choose another name.', idName(ref.kind), newName),
    );
  }
  const escaped = JSON.stringify(newName).slice(1, -1);
  const edits = locatedOccurrences(document, ref).map((o) =>
    TextEdit.replace(spanRange(document.textDocument, stringContents(document.text, o.span)), escaped),
  );
  return { changes: { [document.textDocument.uri]: edits } };
}
