import type { PreviewRow } from '../../../server/src/shared/protocol';

/**
 * The preview's rows by the offsets of their JSON, to find the innermost row around an offset
 * (a diagnostic, the cursor). JSON spans nest properly, so each row keeps its enclosing row and
 * a lookup is a binary search plus a walk up a few levels. No vscode: unit-tested on its own.
 */
export class RowIndex {
  private readonly byPath = new Map<string, PreviewRow>();
  private sorted: PreviewRow[] = [];
  private parents: number[] = [];
  private dirty = false;

  /** Replaces every row (a new page). */
  reset(rows: readonly PreviewRow[]): void {
    this.byPath.clear();
    this.add(rows);
  }

  /** Adds the rows of a section loaded on demand. */
  add(rows: readonly PreviewRow[]): void {
    for (const row of rows) this.byPath.set(row[0], row);
    this.dirty = true;
  }

  span(path: string): { start: number; end: number } | undefined {
    const row = this.byPath.get(path);
    return row && { start: row[1], end: row[2] };
  }

  /** The path of the innermost row whose JSON contains offset. */
  at(offset: number): string | undefined {
    this.build();
    let low = 0;
    let high = this.sorted.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid]![1] <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    for (let i = found; i >= 0; i = this.parents[i]!) if (offset < this.sorted[i]![2]) return this.sorted[i]![0];
    return undefined;
  }

  private build(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.sorted = [...this.byPath.values()].sort((a, b) => a[1] - b[1] || b[2] - a[2]);
    this.parents = new Array(this.sorted.length);
    const stack: number[] = [];
    this.sorted.forEach((row, i) => {
      while (stack.length > 0 && this.sorted[stack[stack.length - 1]!]![2] <= row[1]) stack.pop();
      this.parents[i] = stack.length > 0 ? stack[stack.length - 1]! : -1;
      stack.push(i);
    });
  }
}
