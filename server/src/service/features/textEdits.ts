import { TextEdit, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FixEdit } from '../findings';
import { NodeSpans, locatePaths } from '../json/locate';
import { JsonPath, pathKey } from '../json/path';
import { Member, membersAt as listMembers } from '../json/members';

/** Layout of the document, so inserted JSON looks like the surrounding JSON. */
interface Layout {
  eol: string;
  unit: string;
}

function detectLayout(text: string): Layout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /\n([ \t]+)\S/.exec(text);
  return { eol, unit: indented?.[1]?.startsWith('\t') ? '\t' : ' '.repeat(Math.min(indented?.[1]?.length ?? 2, 8) || 2) };
}

function formatValue(value: unknown, indent: string, layout: Layout): string {
  return JSON.stringify(value, null, layout.unit).split('\n').join(layout.eol + indent);
}

const pathsOf = (edit: FixEdit): JsonPath[] => (edit.op === 'replaceSpan' ? [] : edit.op === 'remove' ? [edit.path.slice(0, -1)] : [edit.path]);

/**
 * Turns the document-level edits of fixes into text edits, for one version of a document. The
 * layout is read once, the paths of all fixes are located in one scan (`prepare`) and line
 * starts come from the document's line index, so many fixes cost one pass over the text.
 */
export class TextEditBuilder {
  private readonly text: string;
  private readonly layout: Layout;
  private readonly located = new Map<string, NodeSpans | undefined>();
  private readonly members = new Map<number, { members: Member[]; close: number }>();

  constructor(private readonly document: TextDocument) {
    this.text = document.getText();
    this.layout = detectLayout(this.text);
  }

  /** Locates, in one scan, every path the given edits need that is not located yet. */
  prepare(edits: Iterable<FixEdit>): void {
    const wanted = new Map<string, JsonPath>();
    for (const edit of edits) {
      for (const path of pathsOf(edit)) {
        const key = pathKey(path);
        if (!this.located.has(key)) wanted.set(key, path);
      }
    }
    if (wanted.size === 0) return;
    const spans = locatePaths(this.text, [...wanted.values()]);
    let i = 0;
    for (const key of wanted.keys()) this.located.set(key, spans[i++]);
  }

  /** The text edits of one fix; removals of neighbouring array elements are merged so that edits never overlap. */
  edits(edits: readonly FixEdit[], ownRange: Range): TextEdit[] {
    this.prepare(edits);
    const { text, layout } = this;
    const range: RangeOf = (start, end) => Range.create(this.document.positionAt(start), this.document.positionAt(end));
    const indentAt: IndentOf = (offset) => this.indentAt(offset);
    const membersAt = (offset: number): { members: Member[]; close: number } => {
      let found = this.members.get(offset);
      if (!found) this.members.set(offset, (found = listMembers(text, offset)));
      return found;
    };
    const out: TextEdit[] = [];
    const removals = new Map<string, { container: number; names: Set<string | number> }>();

    for (const edit of edits) {
      if (edit.op === 'replaceSpan') {
        out.push(TextEdit.replace(ownRange, edit.text));
        continue;
      }
      if (edit.op === 'remove') {
        const key = pathKey(edit.path.slice(0, -1));
        const parent = this.located.get(key);
        if (!parent) continue;
        const entry = removals.get(key) ?? { container: parent.value.offset, names: new Set() };
        entry.names.add(edit.path[edit.path.length - 1]!);
        removals.set(key, entry);
        continue;
      }
      const spans = this.located.get(pathKey(edit.path));
      if (!spans) continue;
      const { offset, length } = spans.value;
      switch (edit.op) {
        case 'replace':
          out.push(TextEdit.replace(range(offset, offset + length), formatValue(edit.value, indentAt(offset), layout)));
          break;
        case 'renameKey':
          if (spans.key) out.push(TextEdit.replace(range(spans.key.offset, spans.key.offset + spans.key.length), JSON.stringify(edit.name)));
          break;
        case 'insert':
          out.push(insertElement(text, membersAt(offset), offset, edit.index, edit.value, layout, range, indentAt));
          break;
        case 'addProperty':
          out.push(addProperty(membersAt(offset), offset, edit.name, edit.value, layout, range, indentAt));
          break;
      }
    }
    for (const { container, names } of removals.values()) out.push(...removeMembers(membersAt(container).members, names, range));
    return out;
  }

  /** Indentation of the line that contains `offset`: from the line index, never a search back through a long line. */
  private indentAt(offset: number): string {
    const { line } = this.document.positionAt(offset);
    const lineStart = this.document.offsetAt({ line, character: 0 });
    let end = lineStart;
    while (end < offset && (this.text.charCodeAt(end) === 32 || this.text.charCodeAt(end) === 9)) end++;
    return this.text.slice(lineStart, end);
  }
}

type IndentOf = (offset: number) => string;
type RangeOf = (start: number, end: number) => Range;

/** Inserts into a list, on its own line when the list is laid out one item per line. */
function insertElement(
  text: string,
  { members, close }: { members: Member[]; close: number },
  arrayOffset: number,
  index: number,
  value: unknown,
  layout: Layout,
  range: RangeOf,
  indentAt: IndentOf,
): TextEdit {
  if (members.length === 0) {
    const indent = indentAt(arrayOffset);
    const multiline = typeof value === 'object' && value !== null;
    if (!multiline) return TextEdit.replace(range(arrayOffset + 1, close), JSON.stringify(value));
    const inner = indent + layout.unit;
    return TextEdit.replace(range(arrayOffset + 1, close), `${layout.eol}${inner}${formatValue(value, inner, layout)}${layout.eol}${indent}`);
  }
  const first = members[0]!;
  const multiline = text.slice(arrayOffset, first.start).includes('\n');
  const indent = multiline ? indentAt(first.start) : '';
  const separator = multiline ? `,${layout.eol}${indent}` : ', ';
  const formatted = multiline ? formatValue(value, indent, layout) : JSON.stringify(value);
  if (index < members.length) {
    const before = members[index]!;
    return TextEdit.insert(range(before.start, before.start).start, `${formatted}${separator}`);
  }
  const last = members[members.length - 1]!;
  return TextEdit.insert(range(last.end, last.end).start, `${separator}${formatted}`);
}

function addProperty(
  { members, close }: { members: Member[]; close: number },
  objectOffset: number,
  name: string,
  value: unknown,
  layout: Layout,
  range: RangeOf,
  indentAt: IndentOf,
): TextEdit {
  const existing = members.find((m) => m.name === name);
  if (existing) {
    return TextEdit.replace(range(existing.value.offset, existing.value.offset + existing.value.length), formatValue(value, indentAt(existing.start), layout));
  }
  const last = members[members.length - 1];
  const indent = last ? indentAt(last.start) : indentAt(objectOffset) + layout.unit;
  const property = `${JSON.stringify(name)}: ${formatValue(value, indent, layout)}`;
  if (!last) return TextEdit.replace(range(objectOffset + 1, close), `${layout.eol}${indent}${property}${layout.eol}${indentAt(objectOffset)}`);
  return TextEdit.insert(range(last.end, last.end).start, `,${layout.eol}${indent}${property}`);
}

/** Removes members; consecutive runs are removed with their separators, without overlaps. */
function removeMembers(members: readonly Member[], names: Set<string | number>, range: RangeOf): TextEdit[] {
  const removed = members.map((m: Member, i) => names.has(m.name ?? i));
  const edits: TextEdit[] = [];
  for (let a = 0; a < members.length; a++) {
    if (!removed[a]) continue;
    let b = a;
    while (b + 1 < members.length && removed[b + 1]) b++;
    if (b < members.length - 1) edits.push(TextEdit.del(range(members[a]!.start, members[b + 1]!.start)));
    else if (a > 0) edits.push(TextEdit.del(range(members[a - 1]!.end, members[b]!.end)));
    else edits.push(TextEdit.del(range(members[0]!.start, members[b]!.end)));
    a = b;
  }
  return edits;
}
