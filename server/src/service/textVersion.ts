/** `removed` characters at `offset` replaced by `text`, in the coordinates of the text just before the change. */
export interface TextChange {
  readonly offset: number;
  readonly removed: number;
  readonly text: string;
}

/**
 * The text of one version: a base text and the changes made since, joined into one string only
 * when something reads the whole text. Building a string of a large file costs about 4 ms per
 * MB; a keystroke that leaves the document valid needs no text at all (see incrementalParse).
 */
export class TextVersion {
  private flat: string | undefined;

  constructor(
    private readonly base: string,
    private readonly changes: readonly TextChange[] = [],
  ) {
    if (changes.length === 0) this.flat = base;
    this.length = changes.reduce((length, change) => length + change.text.length - change.removed, base.length);
  }

  readonly length: number;

  get text(): string {
    return (this.flat ??= applyChanges(this.base, this.changes));
  }

  /** The joined text if something has read it, else undefined (reading it here would join it). */
  get joined(): string | undefined {
    return this.flat;
  }

  /** One character, without joining the text: the changes are walked from the last. */
  charCodeAt(offset: number): number {
    if (this.flat !== undefined) return this.flat.charCodeAt(offset);
    for (let i = this.changes.length - 1; i >= 0; i--) {
      const change = this.changes[i]!;
      if (offset < change.offset) continue;
      if (offset < change.offset + change.text.length) return change.text.charCodeAt(offset - change.offset);
      offset += change.removed - change.text.length;
    }
    return this.base.charCodeAt(offset);
  }
}

/** Applies changes in order to a list of pieces (slices of the base and inserted texts), then joins once. */
export function applyChanges(base: string, changes: readonly TextChange[]): string {
  let pieces = [base];
  for (const change of changes) pieces = splice(pieces, change);
  return pieces.join('');
}

function splice(pieces: readonly string[], { offset, removed, text }: TextChange): string[] {
  const result: string[] = [];
  const end = offset + removed;
  let inserted = false;
  let at = 0;
  for (const piece of pieces) {
    const pieceEnd = at + piece.length;
    if (at < offset) result.push(pieceEnd <= offset ? piece : piece.slice(0, offset - at));
    if (!inserted && pieceEnd >= offset) {
      if (text) result.push(text);
      inserted = true;
    }
    if (pieceEnd > end) result.push(at >= end ? piece : piece.slice(end - at));
    at = pieceEnd;
  }
  if (!inserted && text) result.push(text);
  return result;
}
