import { Position, SelectionRange } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Span } from '../json/locate';
import { SyntaxKind, createScanner } from 'jsonc-parser';
import { spanRange, stringContents } from './spans';

interface Container {
  open: number;
  /** Start of the member being read (`"key": value` or an array item), -1 between members. */
  memberStart: number;
  memberEnd: number;
}

/**
 * Expand Selection: from the word or string under the cursor to its contents, the whole value,
 * its `"key": value` member, the enclosing object or array, and outwards to the document.
 */
export function selectionRanges(document: TextDocument, positions: readonly Position[]): SelectionRange[] {
  const text = document.getText();
  return positions.map((position) => {
    const spans = enclosingSpans(text, document.offsetAt(position));
    let range: SelectionRange | undefined;
    for (let i = spans.length - 1; i >= 0; i--) range = SelectionRange.create(spanRange(document, spans[i]!), range);
    return range ?? SelectionRange.create({ start: position, end: position });
  });
}

/**
 * The spans around `offset`, innermost first, without repeats; one scan (jsonc-parser's scanner:
 * linear on a minified file too) that stops once the outermost closes.
 */
function enclosingSpans(text: string, offset: number): Span[] {
  const found: Span[] = [];
  const add = (start: number, end: number): void => {
    if (start <= offset && offset <= end && !found.some((s) => s.offset === start && s.length === end - start)) found.push({ offset: start, length: end - start });
  };
  const stack: Container[] = [];
  const endMember = (container: Container | undefined): void => {
    if (container && container.memberStart >= 0) add(container.memberStart, container.memberEnd);
    if (container) container.memberStart = -1;
  };
  const scanner = createScanner(text, true);
  for (let tok = scanner.scan(); tok !== SyntaxKind.EOF; tok = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    const top = stack[stack.length - 1];
    if (tok === SyntaxKind.CommaToken) {
      endMember(top);
      continue;
    }
    if (tok === SyntaxKind.CloseBraceToken || tok === SyntaxKind.CloseBracketToken) {
      if (!top) continue;
      endMember(top);
      stack.pop();
      add(top.open, end);
      extend(stack[stack.length - 1], top.open, end);
      // Past the cursor and back at the top level: nothing further out remains.
      if (stack.length === 0 && end >= offset) break;
      continue;
    }
    extend(top, start, end);
    if (tok === SyntaxKind.OpenBraceToken || tok === SyntaxKind.OpenBracketToken) {
      stack.push({ open: start, memberStart: -1, memberEnd: -1 });
    } else if (tok !== SyntaxKind.ColonToken) {
      if (tok === SyntaxKind.StringLiteral) {
        const contents = stringContents(text, { offset: start, length: end - start });
        if (contents.length > 0) add(contents.offset, contents.offset + contents.length);
      }
      add(start, end);
    }
  }
  return found.sort((a, b) => a.length - b.length);
}

/** The member being read in `container` now reaches `end` (it starts at `start` when new). */
function extend(container: Container | undefined, start: number, end: number): void {
  if (!container) return;
  if (container.memberStart < 0) container.memberStart = start;
  container.memberEnd = end;
}
