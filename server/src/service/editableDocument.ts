import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { TextChange, TextVersion } from './textVersion';
import { lineOf, lineStarts, offsetIn, positionIn } from './textSnapshot';

/** Changes kept unjoined at most: past this, the next change joins the text first. */
const MAX_PENDING = 64;
/** Versions whose changes are remembered, for the incremental parse of a later version. */
const LOG_VERSIONS = 64;
/** Characters of inserted text the log keeps at most: past it, the oldest versions are forgotten (a 5 MB paste is not kept 64 times). */
const LOG_CHARS = 1 << 20;

/**
 * An editor's document as incremental sync updates it (the text, positions and offsets that
 * `TextDocument.create` gives for the text after each change), built for large files:
 * - an edit does not copy the text: changes are kept and joined once, when the text is read.
 *   A string copy per change made a burst of 1,000 keystrokes on a 2.5 MB meet take 11 s;
 * - the line index is updated per change, and serves the snapshot of the current version;
 * - it remembers the changes of the last versions, so that the parse of one version can be
 *   patched into the next (`changesSince`).
 */
export class EditableDocument implements TextDocument {
  private base: string;
  private pending: TextChange[] = [];
  private lineOffsets: Uint32Array | undefined;
  private current: TextVersion | undefined;
  /** Each version's changes from the one before; undefined: replaced whole. */
  private log: { version: number; changes: readonly TextChange[] | undefined }[] = [];
  private logChars = 0;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    text: string,
  ) {
    this.base = text;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lines().length;
  }

  /** The current version's text, immutable; joined when first read. */
  snapshot(): TextVersion {
    return (this.current ??= new TextVersion(this.base, this.pending));
  }

  /** The line index while the document is still at `version`, if known; it changes in place on the next edit. */
  linesAt(version: number): Uint32Array | undefined {
    return version === this.currentVersion ? this.lineOffsets : undefined;
  }

  getText(range?: Range): string {
    const text = this.join();
    return range ? text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  positionAt(offset: number): Position {
    return positionIn(this.lines(), this.snapshot(), offset);
  }

  offsetAt(position: Position): number {
    return offsetIn(this.lines(), this.snapshot(), position);
  }

  /** The changes from `version` to the current version, in order; undefined when not remembered. */
  changesSince(version: number): TextChange[] | undefined {
    if (version === this.currentVersion) return [];
    const at = this.log.findIndex((entry) => entry.version === version);
    if (at < 0) return undefined;
    const changes: TextChange[] = [];
    for (const entry of this.log.slice(at + 1)) {
      if (!entry.changes) return undefined;
      for (const change of entry.changes) changes.push(change);
    }
    return changes;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    if (this.log.length === 0) this.log.push({ version: this.currentVersion, changes: [] });
    // A feature that read the current version's text joined it: start from that text.
    const joined = this.current?.joined;
    if (joined !== undefined && this.pending.length > 0) {
      this.base = joined;
      this.pending = [];
    }
    let applied: TextChange[] | undefined = [];
    const batch = changes.length > MAX_PENDING ? this.descendingBatch(changes) : undefined;
    if (batch) {
      this.applyBatch(batch);
      applied = undefined;
    } else for (const change of changes) {
      if ('range' in change) {
        const made = this.applyIncremental(change.range, change.text);
        applied?.push(made);
      } else {
        const made = this.replaceWhole(change.text);
        if (made) applied?.push(made);
      }
    }
    this.currentVersion = version;
    this.log.push({ version, changes: applied });
    this.logChars += insertedChars(applied);
    // The version before the current one is kept whatever its changes cost: it is what the next parse patches.
    while (this.log.length > LOG_VERSIONS || (this.log.length > 2 && this.logChars > LOG_CHARS)) this.logChars -= insertedChars(this.log.shift()!.changes);
  }

  /**
   * Many changes in one notification, each before the one it follows (VS Code's replace-all and
   * multi-cursor edits come so): all are in the coordinates of the current text, so they are
   * offsets found now and applied in one pass. Undefined for any other order, a position past its
   * line's end, or a change right after a lone "\r" (whose meaning would depend on the changes before it).
   */
  private descendingBatch(changes: readonly TextDocumentContentChangeEvent[]): TextChange[] | undefined {
    const lines = this.lines();
    const offsetOf = (position: Position): number | undefined => {
      const offset = this.offsetAt(position);
      return position.line >= 0 && position.line < lines.length && position.character >= 0 && offset === lines[position.line]! + position.character ? offset : undefined;
    };
    const batch: TextChange[] = [];
    let limit = Infinity;
    for (const change of changes) {
      if (!('range' in change)) return undefined;
      const { start, end } = wellFormed(change.range);
      const [from, to] = [offsetOf(start), offsetOf(end)];
      // After a lone "\r", a change could join it to a "\n" and move the lines the changes before it are given in.
      if (from === undefined || to === undefined || to > limit || this.snapshot().charCodeAt(from - 1) === CR) return undefined;
      batch.push({ offset: from, removed: to - from, text: change.text });
      limit = from;
    }
    return batch;
  }

  private applyBatch(batch: readonly TextChange[]): void {
    const text = this.join();
    const parts: string[] = [];
    let at = 0;
    for (let i = batch.length - 1; i >= 0; i--) {
      const { offset, removed, text: inserted } = batch[i]!;
      parts.push(text.slice(at, offset), inserted);
      at = offset + removed;
    }
    parts.push(text.slice(at));
    this.base = parts.join('');
    this.pending = [];
    this.lineOffsets = undefined;
    this.current = undefined;
  }

  private applyIncremental(range: Range, text: string): TextChange {
    const { start, end } = wellFormed(range);
    if (this.pending.length >= MAX_PENDING) this.join();
    const offset = this.offsetAt(start);
    return this.apply({ offset, removed: this.offsetAt(end) - offset, text });
  }

  /**
   * A text sent whole (by an editor without incremental sync, a formatter, a paste over
   * everything) as the one change it makes to the current text, found by comparing the two:
   * a version that differs in one value is then patched like a keystroke, not parsed anew.
   * Undefined when the text is unchanged.
   */
  private replaceWhole(text: string): TextChange | undefined {
    const change = changedSpan(this.join(), text);
    if (change) this.apply(change);
    this.base = text;
    this.pending = [];
    this.current = undefined;
    return change;
  }

  private apply(change: TextChange): TextChange {
    const { offset: startOffset, removed, text } = change;
    const endOffset = startOffset + removed;
    const before = this.snapshot();
    // Lines are counted on offsets, not on the positions sent (which may lie past the end).
    const lines = this.lines();
    const startLine = lineOf(lines, startOffset);
    const endLine = lineOf(lines, endOffset);
    this.pending = [...this.pending, change]; // a new array: snapshots keep theirs
    this.current = undefined;
    // A "\r" meeting a "\n" across the change's edges joins two line breaks into one, or an edge
    // inside a "\r\n" (as a text sent whole may give) splits one: rare (files with "\r"), so the
    // index is found again rather than patched.
    const crlfAt = (offset: number): boolean => before.charCodeAt(offset - 1) === CR && before.charCodeAt(offset) === LF;
    const joinsBreaks =
      (before.charCodeAt(startOffset - 1) === CR && (text.charCodeAt(0) === LF || (text === '' && before.charCodeAt(endOffset) === LF))) ||
      (text.charCodeAt(text.length - 1) === CR && before.charCodeAt(endOffset) === LF) ||
      crlfAt(startOffset) ||
      crlfAt(endOffset);
    if (joinsBreaks) this.lineOffsets = undefined;
    else this.updateLines(startLine, endLine, change);
    return change;
  }

  /**
   * The line index update the library makes, in a typed array: the lines the change replaced
   * give way to the line starts in its text; the lines after it move.
   */
  private updateLines(startLine: number, endLine: number, { offset, removed, text }: TextChange): void {
    let lines = this.lines();
    const added = lineStarts(text, false, offset);
    if (endLine - startLine === added.length) {
      lines.set(added, startLine + 1);
    } else {
      const kept = lines.subarray(endLine + 1);
      const resized = new Uint32Array(startLine + 1 + added.length + kept.length);
      resized.set(lines.subarray(0, startLine + 1));
      resized.set(added, startLine + 1);
      resized.set(kept, startLine + 1 + added.length);
      this.lineOffsets = lines = resized;
    }
    const diff = text.length - removed;
    if (diff !== 0) for (let i = startLine + 1 + added.length; i < lines.length; i++) lines[i] = lines[i]! + diff;
  }

  private lines(): Uint32Array {
    return (this.lineOffsets ??= lineStarts(this.join()));
  }

  private join(): string {
    const text = this.snapshot().text;
    if (this.pending.length > 0) {
      this.base = text;
      this.pending = [];
    }
    return text;
  }
}

const CR = 13;
const LF = 10;
/** Characters compared at once while looking for where two texts differ (a native comparison of slices). */
const CHUNK = 4096;

function insertedChars(changes: readonly TextChange[] | undefined): number {
  return changes?.reduce((sum, change) => sum + change.text.length, 0) ?? 0;
}

/**
 * The one change that turns `before` into `after`: their common start and end kept; undefined if
 * equal. Its text is a copy: a slice would keep all of `after` alive for as long as the change is remembered.
 */
export function changedSpan(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start + CHUNK <= shorter && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // The common end may not overlap the common start (in "aa" → "aaa", one "a" is added, not two).
  const room = shorter - start;
  let kept = 0;
  while (kept + CHUNK <= room && before.slice(before.length - kept - CHUNK, before.length - kept) === after.slice(after.length - kept - CHUNK, after.length - kept)) kept += CHUNK;
  while (kept < room && before.charCodeAt(before.length - kept - 1) === after.charCodeAt(after.length - kept - 1)) kept++;
  // Concatenating, then slicing, makes V8 copy the characters into a string of their own.
  return { offset: start, removed: before.length - kept - start, text: ` ${after.slice(start, after.length - kept)}`.slice(1) };
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

/** For LSP's `TextDocuments`: documents are created and updated as `EditableDocument`s. */
export const editableDocuments = {
  create: (uri: string, languageId: string, version: number, text: string): EditableDocument => new EditableDocument(uri, languageId, version, text),
  update: (document: EditableDocument, changes: TextDocumentContentChangeEvent[], version: number): EditableDocument => {
    document.update(changes, version);
    return document;
  },
};
