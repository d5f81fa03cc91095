import { FoldingRange } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Scanner, Tok } from '../json/scanner';

/** As VS Code's JSON support: beyond this many ranges, the outermost ones are kept. */
export const MAX_FOLDING_RANGES = 5000;

interface Open {
  line: number;
  depth: number;
  close: Tok;
}

/**
 * Folding ranges of the objects and arrays that span lines, from one scan of the text; each range
 * ends on the line before its closing bracket, so that line stays visible when folded.
 */
export function foldingRanges(document: TextDocument, limit = MAX_FOLDING_RANGES): FoldingRange[] {
  const scanner = new Scanner(document.getText());
  const stack: Open[] = [];
  const found: Array<FoldingRange & { depth: number }> = [];
  let lastStartLine = -1;
  for (let tok = scanner.next(); tok !== Tok.EOF; tok = scanner.next()) {
    if (tok === Tok.OpenBrace || tok === Tok.OpenBracket) {
      stack.push({ line: document.positionAt(scanner.start).line, depth: stack.length, close: tok === Tok.OpenBrace ? Tok.CloseBrace : Tok.CloseBracket });
    } else if (tok === Tok.CloseBrace || tok === Tok.CloseBracket) {
      // Brackets left open inside (broken input) end with the first enclosing one that matches.
      let match = stack.length - 1;
      while (match >= 0 && stack[match]!.close !== tok) match--;
      if (match < 0) continue;
      const open = stack[match]!;
      stack.length = match;
      const line = document.positionAt(scanner.start).line;
      // `[{` on one line folds once (the first to close).
      if (line > open.line + 1 && open.line !== lastStartLine) {
        found.push({ startLine: open.line, endLine: line - 1, depth: open.depth });
        lastStartLine = open.line;
      }
    }
  }
  const kept = found.length > limit ? [...found].sort((a, b) => a.depth - b.depth).slice(0, limit) : found;
  return kept.sort((a, b) => a.startLine - b.startLine).map(({ startLine, endLine }) => ({ startLine, endLine }));
}
