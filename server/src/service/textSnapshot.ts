import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { TextVersion } from './textVersion';

/**
 * One immutable version of a document, as `TextDocument.create` gives (same positions and
 * offsets). Its text is joined, and its line index found, only when first needed (a version
 * without problems may need neither); while the editor document is at this version, its line
 * index serves.
 */
export class TextSnapshot implements TextDocument {
  private readonly source: TextVersion;
  private lineOffsets: Uint32Array | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    text: string | TextVersion,
    /** The editor document's own line index while it is still at this version (it changes in place later). */
    private readonly liveLines?: () => Uint32Array | undefined,
  ) {
    this.source = typeof text === 'string' ? new TextVersion(text) : text;
  }

  getText(range?: Range): string {
    const text = this.source.text;
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  get lineCount(): number {
    return this.lines().length;
  }

  positionAt(offset: number): Position {
    return positionIn(this.lines(), this.source, offset);
  }

  offsetAt(position: Position): number {
    return offsetIn(this.lines(), this.source, position);
  }

  private lines(): Uint32Array {
    return this.lineOffsets ?? this.liveLines?.() ?? (this.lineOffsets = lineStarts(this.source.text));
  }
}

/** What positions need of a text: its length and single characters (a version need not be joined for them). */
interface Characters {
  readonly length: number;
  charCodeAt(offset: number): number;
}

/** The position of an offset, as `TextDocument.positionAt` gives it, from the offsets of the line starts. */
export function positionIn(lines: ArrayLike<number>, text: Characters, offset: number): Position {
  offset = Math.max(Math.min(offset, text.length), 0);
  const line = lineOf(lines, offset);
  const lineOffset = lines[line]!;
  return { line, character: beforeLineEnd(text, offset, lineOffset) - lineOffset };
}

/** The line an offset is on: the last line starting at or before it (binary search). */
export function lineOf(lines: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (lines[mid]! > offset) high = mid;
    else low = mid + 1;
  }
  return Math.max(low - 1, 0);
}

/** The offset of a position, as `TextDocument.offsetAt` gives it (clamped to the line and the text). */
export function offsetIn(lines: ArrayLike<number>, text: Characters, position: Position): number {
  if (position.line >= lines.length) return text.length;
  if (position.line < 0) return 0;
  const lineOffset = lines[position.line]!;
  if (position.character <= 0) return lineOffset;
  const nextLineOffset = position.line + 1 < lines.length ? lines[position.line + 1]! : text.length;
  return beforeLineEnd(text, Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
}

/** An offset inside or after a line break moves back to the end of the line's text. */
function beforeLineEnd(text: Characters, offset: number, lineOffset: number): number {
  while (offset > lineOffset && isLineBreak(text.charCodeAt(offset - 1))) offset--;
  return offset;
}

/**
 * The offset of each line's start ("\r\n", "\n" and a lone "\r" each end a line), shifted by
 * `base`; with `atLineStart`, the text's own start comes first. Counted, then filled into a typed
 * array, with `indexOf` when the text has no "\r": pushing to an array, or a loop over every
 * character, was a fifth of an edit's time on a large file.
 */
export function lineStarts(text: string, atLineStart = true, base = 0): Uint32Array {
  const first = atLineStart ? 1 : 0;
  if (text.indexOf('\r') < 0) {
    let count = first;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
    const lines = new Uint32Array(count);
    lines[0] = base;
    let i = first;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines[i++] = base + at + 1;
    return lines;
  }
  const found: number[] = atLineStart ? [base] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (!isLineBreak(ch)) continue;
    if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
    found.push(base + i + 1);
  }
  return Uint32Array.from(found);
}

function isLineBreak(ch: number): boolean {
  return ch === 13 || ch === 10;
}
