import { FoldingRange } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SyntaxKind, createScanner } from 'jsonc-parser';

/** As VS Code's JSON support: beyond this many ranges, the outermost ones are kept. */
export const MAX_FOLDING_RANGES = 5000;

interface Open {
  line: number;
  depth: number;
  close: SyntaxKind;
}

/**
 * Folding ranges of the objects and arrays that span lines, from one scan of the text; each range
 * ends on the line before its closing bracket, so that line stays visible when folded.
 * jsonc-parser's scanner: linear on a minified (one-line) file too.
 */
export function foldingRanges(document: TextDocument, limit = MAX_FOLDING_RANGES): FoldingRange[] {
  const scanner = createScanner(document.getText(), true);
  const stack: Open[] = [];
  const found: Array<FoldingRange & { depth: number }> = [];
  let lastStartLine = -1;
  for (let tok = scanner.scan(); tok !== SyntaxKind.EOF; tok = scanner.scan()) {
    if (tok === SyntaxKind.OpenBraceToken || tok === SyntaxKind.OpenBracketToken) {
      const close = tok === SyntaxKind.OpenBraceToken ? SyntaxKind.CloseBraceToken : SyntaxKind.CloseBracketToken;
      stack.push({ line: document.positionAt(scanner.getTokenOffset()).line, depth: stack.length, close });
    } else if (tok === SyntaxKind.CloseBraceToken || tok === SyntaxKind.CloseBracketToken) {
      // Brackets left open inside (broken input) end with the first enclosing one that matches.
      let match = stack.length - 1;
      while (match >= 0 && stack[match]!.close !== tok) match--;
      if (match < 0) continue;
      const open = stack[match]!;
      stack.length = match;
      const line = document.positionAt(scanner.getTokenOffset()).line;
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
