import { TextEdit, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FixEdit } from '../findings';
import { locatePaths } from '../json/locate';
import { JsonPath } from '../json/path';
import { Member, membersAt } from '../json/members';

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

/** Indentation of the line that contains `offset`. */
function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

function formatValue(value: unknown, indent: string, layout: Layout): string {
  return JSON.stringify(value, null, layout.unit).split('\n').join(layout.eol + indent);
}

/**
 * Turns the document-level edits of a fix into text edits. Paths are located in one scan;
 * removals of neighbouring array elements are merged so that edits never overlap.
 */
export function toTextEdits(document: TextDocument, edits: readonly FixEdit[], ownRange: Range): TextEdit[] {
  const text = document.getText();
  const layout = detectLayout(text);
  const pathsOf = (edit: FixEdit): JsonPath[] =>
    edit.op === 'replaceSpan' ? [] : edit.op === 'remove' ? [edit.path.slice(0, -1)] : [edit.path];
  const allPaths = edits.flatMap(pathsOf);
  const located = locatePaths(text, allPaths);
  const spanOf = new Map(allPaths.map((path, i) => [JSON.stringify(path), located[i]]));
  const range = (start: number, end: number): Range => Range.create(document.positionAt(start), document.positionAt(end));
  const out: TextEdit[] = [];
  const removals = new Map<string, { container: number; names: Set<string | number> }>();

  for (const edit of edits) {
    if (edit.op === 'replaceSpan') {
      out.push(TextEdit.replace(ownRange, edit.text));
      continue;
    }
    if (edit.op === 'remove') {
      const parent = spanOf.get(JSON.stringify(edit.path.slice(0, -1)));
      if (!parent) continue;
      const key = JSON.stringify(edit.path.slice(0, -1));
      const entry = removals.get(key) ?? { container: parent.value.offset, names: new Set() };
      entry.names.add(edit.path[edit.path.length - 1]!);
      removals.set(key, entry);
      continue;
    }
    const spans = spanOf.get(JSON.stringify(edit.path));
    if (!spans) continue;
    const { offset, length } = spans.value;
    switch (edit.op) {
      case 'replace':
        out.push(TextEdit.replace(range(offset, offset + length), formatValue(edit.value, indentAt(text, offset), layout)));
        break;
      case 'renameKey':
        if (spans.key) out.push(TextEdit.replace(range(spans.key.offset, spans.key.offset + spans.key.length), JSON.stringify(edit.name)));
        break;
      case 'insert':
        out.push(insertElement(text, offset, edit.index, edit.value, layout, range));
        break;
      case 'addProperty':
        out.push(addProperty(text, offset, edit.name, edit.value, layout, range));
        break;
    }
  }
  for (const { container, names } of removals.values()) out.push(...removeMembers(text, container, names, range));
  return out;
}

type RangeOf = (start: number, end: number) => Range;

/** Inserts into a list, on its own line when the list is laid out one item per line. */
function insertElement(text: string, arrayOffset: number, index: number, value: unknown, layout: Layout, range: RangeOf): TextEdit {
  const { members, close } = membersAt(text, arrayOffset);
  if (members.length === 0) {
    const indent = indentAt(text, arrayOffset);
    const multiline = typeof value === 'object' && value !== null;
    if (!multiline) return TextEdit.replace(range(arrayOffset + 1, close), JSON.stringify(value));
    const inner = indent + layout.unit;
    return TextEdit.replace(range(arrayOffset + 1, close), `${layout.eol}${inner}${formatValue(value, inner, layout)}${layout.eol}${indent}`);
  }
  const first = members[0]!;
  const multiline = text.slice(arrayOffset, first.start).includes('\n');
  const indent = multiline ? indentAt(text, first.start) : '';
  const separator = multiline ? `,${layout.eol}${indent}` : ', ';
  const formatted = multiline ? formatValue(value, indent, layout) : JSON.stringify(value);
  if (index < members.length) {
    const before = members[index]!;
    return TextEdit.insert(range(before.start, before.start).start, `${formatted}${separator}`);
  }
  const last = members[members.length - 1]!;
  return TextEdit.insert(range(last.end, last.end).start, `${separator}${formatted}`);
}

function addProperty(text: string, objectOffset: number, name: string, value: unknown, layout: Layout, range: RangeOf): TextEdit {
  const { members, close } = membersAt(text, objectOffset);
  const existing = members.find((m) => m.name === name);
  if (existing) {
    return TextEdit.replace(range(existing.value.offset, existing.value.offset + existing.value.length), formatValue(value, indentAt(text, existing.start), layout));
  }
  const last = members[members.length - 1];
  const indent = last ? indentAt(text, last.start) : indentAt(text, objectOffset) + layout.unit;
  const property = `${JSON.stringify(name)}: ${formatValue(value, indent, layout)}`;
  if (!last) return TextEdit.replace(range(objectOffset + 1, close), `${layout.eol}${indent}${property}${layout.eol}${indentAt(text, objectOffset)}`);
  return TextEdit.insert(range(last.end, last.end).start, `,${layout.eol}${indent}${property}`);
}

/** Removes members; consecutive runs are removed with their separators, without overlaps. */
function removeMembers(text: string, containerOffset: number, names: Set<string | number>, range: RangeOf): TextEdit[] {
  const { members } = membersAt(text, containerOffset);
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
