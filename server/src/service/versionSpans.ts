import { NodeSpans, ReportSpan, Span, locatePaths, reportSpans, reportSpansInValue } from './json/locate';
import { JsonPath, pathKey } from './json/path';
import type { ValueEdit } from './incrementalParse';
import type { ValueRegion } from './json/valueRegion';

/**
 * The spans one version has located (where to report on a path, the key and value of a node),
 * remembered. A version patched from the previous one (a keystroke in a value) takes the
 * previous one's, moved by the edit: a problem that stays, or the outline, is not located again
 * while the user types elsewhere, and the text need not be joined.
 */
export class VersionSpans {
  private readonly report = new Map<string, ReportSpan>();
  private readonly nodes = new Map<string, NodeSpans>();

  constructor(
    private readonly text: () => string,
    /** Whether the text gives no key twice in an object: locating may stop at the last path found. */
    private readonly uniqueKeys: () => boolean,
    private previous?: { spans: VersionSpans; edit: ValueEdit },
    /** The value the edit that made this version changed, as it is now. */
    private readonly edited?: ValueRegion,
  ) {}

  /** See `reportSpans` in json/locate. */
  reportSpans(targets: ReadonlyArray<{ path: JsonPath; onKey?: boolean }>): ReportSpan[] {
    return this.remembered(
      this.report,
      targets.map(({ path, onKey }) => (onKey ? 'k' : 'v') + pathKey(path)),
      (spans, edit) => (edit.isContainer && !spans.exact ? undefined : movedReport(spans, edit)),
      (missing) => this.locateReports(missing.map((i) => targets[i]!)),
      (spans) => spans.report,
    ) as ReportSpan[];
  }

  /**
   * Paths in the edited value are located in its text alone: a problem that appears where the
   * user types (a performance half typed) costs the value, not a walk of the whole text (nor
   * joining it). The others, and those whose span may lie outside the value, in the whole text.
   */
  private locateReports(targets: ReadonlyArray<{ path: JsonPath; onKey?: boolean }>): ReportSpan[] {
    const result: (ReportSpan | undefined)[] = new Array(targets.length);
    const region = this.edited;
    if (region) {
      const inside: number[] = [];
      targets.forEach(({ path }, i) => {
        if (path.length >= region.path.length && region.path.every((segment, j) => path[j] === segment)) inside.push(i);
      });
      if (inside.length > 0) {
        const relative = inside.map((i) => ({ path: targets[i]!.path.slice(region.path.length), onKey: targets[i]!.onKey }));
        reportSpansInValue(region.raw, relative, this.uniqueKeys()).forEach((span, j) => {
          if (span) result[inside[j]!] = { ...span, offset: span.offset + region.start };
        });
      }
    }
    const rest: number[] = [];
    for (let i = 0; i < targets.length; i++) if (!result[i]) rest.push(i);
    if (rest.length > 0) reportSpans(this.text(), rest.map((i) => targets[i]!), this.uniqueKeys()).forEach((span, j) => (result[rest[j]!] = span));
    return result as ReportSpan[];
  }

  /** See `locatePaths` in json/locate (paths not in the text give undefined). */
  locatePaths(paths: readonly JsonPath[]): (NodeSpans | undefined)[] {
    return this.remembered(
      this.nodes,
      paths.map(pathKey),
      movedNode,
      (missing) => locatePaths(this.text(), missing.map((i) => paths[i]!)),
      (spans) => spans.nodes,
    );
  }

  /**
   * For the next version, which reads only this version's spans. This one then forgets the
   * version before it (what it took from it is in its own memo): versions do not chain, each
   * keeping the text and spans of every version before it alive (a text sent whole is a text of its own).
   */
  carry(edit: ValueEdit): { spans: VersionSpans; edit: ValueEdit } {
    this.previous = undefined;
    return { spans: this, edit };
  }

  private remembered<T>(
    memo: Map<string, T>,
    keys: readonly string[],
    move: (spans: T, edit: ValueEdit) => T | undefined,
    locate: (missing: number[]) => (T | undefined)[],
    previousMemo: (spans: VersionSpans) => ReadonlyMap<string, T>,
  ): (T | undefined)[] {
    const missing: number[] = [];
    const result = keys.map((key, i) => {
      let spans = memo.get(key);
      if (spans === undefined && this.previous) {
        const before = previousMemo(this.previous.spans).get(key);
        spans = before && move(before, this.previous.edit);
        if (spans) memo.set(key, spans);
      }
      if (spans === undefined) missing.push(i);
      return spans;
    });
    if (missing.length > 0) {
      const located = locate(missing);
      missing.forEach((i, j) => {
        const spans = (result[i] = located[j]);
        if (spans !== undefined) memo.set(keys[i]!, spans);
      });
    }
    return result;
  }
}

/**
 * A span of the previous version in the next: before the edited value (or on a container's
 * opening bracket), after it, or around it (the edited value itself, or one of its containers).
 * A span inside an edited container is located again.
 */
function moved(span: Span, { start, removed, inserted, isContainer }: ValueEdit): Span | undefined {
  const end = start + removed;
  if (span.offset + span.length <= (isContainer ? start + 1 : start)) return span;
  if (span.offset >= end) return { offset: span.offset + inserted - removed, length: span.length };
  if (span.offset <= start && span.offset + span.length >= end) return { offset: span.offset, length: span.length + inserted - removed };
  return undefined;
}

function movedReport(span: ReportSpan, edit: ValueEdit): ReportSpan | undefined {
  const at = moved(span, edit);
  return at && { ...at, exact: span.exact };
}

function movedNode(spans: NodeSpans, edit: ValueEdit): NodeSpans | undefined {
  const value = moved(spans.value, edit);
  if (!value) return undefined;
  if (!spans.key) return { value };
  const key = moved(spans.key, edit);
  return key && { key, value };
}
