import { JsonPath } from '../json/path';

/** Escapes text for HTML content and double-quoted attributes: names in a meet are data, never markup. */
export function esc(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** "events/3/units/0/results/2": the `data-path` of a row, split on `/` (keys in a row path never contain one). */
export function pathAttribute(path: JsonPath): string {
  return path.join('/');
}

/** The rows one render emits, so that the caller can locate their JSON and map problems onto them. */
export class RowCollector {
  readonly paths: JsonPath[] = [];

  /** ` data-path="…"` for a row whose JSON is at path. */
  attr(path: JsonPath): string {
    this.paths.push(path);
    return ` data-path="${esc(pathAttribute(path))}"`;
  }
}

/** A table cell; `cls` names the column so that tests and styles can find it. */
export function td(cls: string, content: string, title?: string): string {
  return `<td class="${cls}"${title ? ` title="${esc(title)}"` : ''}>${content}</td>`;
}
