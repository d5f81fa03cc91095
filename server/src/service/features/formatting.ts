import { EditResult, format } from 'jsonc-parser';
import { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** Above this many edits, one edit replacing the formatted text is cheaper for the editor to apply. */
const MAX_EDITS = 10_000;

/**
 * Format Document / Format Selection: jsonc-parser's formatter, which only changes whitespace, so
 * key order and every value stay as written. Indentation comes from the editor (which detects the
 * file's own), line endings and the final newline from the file.
 */
export function formatting(document: TextDocument, options: FormattingOptions, range?: Range): TextEdit[] {
  const text = document.getText();
  const start = range ? document.offsetAt(range.start) : 0;
  const end = range ? document.offsetAt(range.end) : text.length;
  const edits = format(text, range && { offset: start, length: end - start }, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    eol: lineEnding(text),
    insertFinalNewline: !range && (options.insertFinalNewline === true || /\n\s*$/.test(text.slice(-64))),
    keepLines: false,
  });
  if (edits.length <= MAX_EDITS) {
    return edits.map((edit) => TextEdit.replace(Range.create(document.positionAt(edit.offset), document.positionAt(edit.offset + edit.length)), edit.content));
  }
  const first = edits[0]!.offset;
  const last = edits[edits.length - 1]!;
  const stop = last.offset + last.length;
  return [TextEdit.replace(Range.create(document.positionAt(first), document.positionAt(stop)), applied(text, edits, first, stop))];
}

/** `text[from, to)` with the edits (in order, not overlapping) applied, in one pass: jsonc-parser's `applyEdits` is quadratic. */
function applied(text: string, edits: EditResult, from: number, to: number): string {
  const parts: string[] = [];
  let at = from;
  for (const edit of edits) {
    parts.push(text.slice(at, edit.offset), edit.content);
    at = edit.offset + edit.length;
  }
  parts.push(text.slice(at, to));
  return parts.join('');
}

/** The file's line ending: that of its first line (a one-line file gets `\n`). */
function lineEnding(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text.charCodeAt(newline - 1) === 13 ? '\r\n' : '\n';
}
