import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo';

/** One table row read back from rendered HTML: its `data-path` and its cells by class (text, entities decoded). */
export interface HtmlRow {
  path: string;
  cells: Map<string, string>;
  classes: Map<string, string>;
}

function decode(html: string): string {
  return html
    .replace(/<div\b[^>]*>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The rows (`<tr … data-path="…">`) of rendered HTML, by path. */
export function readRows(html: string): Map<string, HtmlRow> {
  const rows = new Map<string, HtmlRow>();
  for (const row of html.matchAll(/<tr class="[^"]*" data-path="([^"]*)">(.*?)<\/tr>/gs)) {
    const cells = new Map<string, string>();
    const classes = new Map<string, string>();
    for (const cell of row[2]!.matchAll(/<td class="([^"]*)"[^>]*>(.*?)<\/td>/gs)) {
      const [name, ...more] = cell[1]!.split(' ');
      if (!cells.has(name!)) {
        cells.set(name!, decode(cell[2]!));
        classes.set(name!, more.join(' '));
      }
    }
    rows.set(row[1]!, { path: row[1]!, cells, classes });
  }
  return rows;
}

/** The samples and OpenTrack's examples that the renderer must show completely. */
export function competitionFiles(): string[] {
  const root = repoRoot();
  const samples = readdirSync(join(root, 'samples'))
    .filter((name) => name.endsWith('.json') && name !== 'broken.opentrack.json')
    .map((name) => join(root, 'samples', name));
  const valid = readdirSync(join(root, 'test', 'fixtures', 'schema', 'valid')).map((name) => join(root, 'test', 'fixtures', 'schema', 'valid', name));
  return [...samples, ...valid];
}

export function readJson(file: string): any {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Asserts-by-list: every result of every unit, with what its row must show (place, athlete or relay team, mark). */
export function expectedResults(doc: any): Array<{ path: string; place: string; name: string; mark: string }> {
  const expected: Array<{ path: string; place: string; name: string; mark: string }> = [];
  const competitors = new Map<string, any>((doc.competitors ?? []).map((c: any) => [c.competitor_id, c]));
  const relays = new Map<string, any>((doc.relay_teams ?? []).map((r: any) => [r.relay_team_id, r]));
  (doc.events ?? []).forEach((event: any, e: number) => {
    (event.units ?? []).forEach((unit: any, u: number) => {
      (unit.results ?? []).forEach((result: any, r: number) => {
        const person = competitors.get(result.bib);
        const name = person ? [person.first_name, person.last_name].filter(Boolean).join(' ') : (relays.get(result.bib)?.name ?? '');
        expected.push({ path: `events/${e}/units/${u}/results/${r}`, place: result.place === undefined ? '' : String(result.place), name, mark: result.performance ?? '' });
      });
    });
  });
  return expected;
}
