import { TextDocument } from 'vscode-languageserver-textdocument';
import { Position, Range } from 'vscode-languageserver-types';

/**
 * One immutable version of a document, as `TextDocument.create` gives (same positions and
 * offsets), but its line index is found with the native `indexOf` instead of a loop over every
 * character: every validation of a new version needs it, and on a large file that loop was a
 * fifth of the time from an edit to its diagnostics.
 */
export class TextSnapshot implements TextDocument {
  private lineOffsets: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly text: string,
  ) {}

  getText(range?: Range): string {
    return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  get lineCount(): number {
    return this.lines().length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.text.length), 0);
    const lines = this.lines();
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (lines[mid]! > offset) high = mid;
      else low = mid + 1;
    }
    const lineOffset = lines[low - 1]!;
    return { line: low - 1, character: this.beforeLineEnd(offset, lineOffset) - lineOffset };
  }

  offsetAt(position: Position): number {
    const lines = this.lines();
    if (position.line >= lines.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineOffset = lines[position.line]!;
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lines.length ? lines[position.line + 1]! : this.text.length;
    return this.beforeLineEnd(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }

  /** An offset inside or after a line break moves back to the end of the line's text. */
  private beforeLineEnd(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isLineBreak(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** The offset of each line's start; "\r\n", "\n" and a lone "\r" each end a line. */
  private lines(): number[] {
    if (this.lineOffsets) return this.lineOffsets;
    const text = this.text;
    const lines = [0];
    if (text.indexOf('\r') < 0) {
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines.push(at + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (!isLineBreak(ch)) continue;
        if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
        lines.push(i + 1);
      }
    }
    return (this.lineOffsets = lines);
  }
}

function isLineBreak(ch: number): boolean {
  return ch === 13 || ch === 10;
}
