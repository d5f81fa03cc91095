// The competition page an upload links to (`/en-gb/x/<year>/<country>/<slug>/`): what the stand-in holds,
// as a small HTML page. Links are relative, so it also works behind code-server's port proxy.
import type { JsonObject } from '../../server/src/upload/json';
import type { ApiAnswer } from './routing';
import type { ReceivedState } from './state';

export function competitionPage(state: ReceivedState, path: string): ApiAnswer {
  const slug = path.split('/').filter(Boolean)[4];
  const competition = state.competitions.find((stored) => stored.representation.slug === slug);
  if (!competition) return { status: 404, body: page('Not found', `<p>No competition "${escape(slug ?? '')}" on this server.</p>`) };
  const events = state.events.filter((event) => event.competition === competition.id).map((event) => event.representation);
  const competitors = state.competitors.filter((competitor) => competitor.competition === competition.id).length;
  const name = String(competition.representation.full_name ?? slug);
  const body = [
    `<h1>${escape(name)}</h1>`,
    `<p>${escape(String(competition.representation.date ?? ''))} · ${competitors} competitors · ${events.length} events</p>`,
    ...events.map(eventSection),
  ].join('\n');
  return { status: 200, body: page(name, body) };
}

function eventSection(event: JsonObject): string {
  const units = Array.isArray(event.units) ? (event.units as JsonObject[]) : [];
  const rows = units.flatMap((unit) =>
    (Array.isArray(unit.results) ? (unit.results as JsonObject[]) : []).map(
      (result) =>
        `<tr><td>${escape(String(unit.round ?? ''))}/${escape(String(unit.heat ?? ''))}</td><td>${escape(String(result.place ?? ''))}</td><td>${escape(String(result.bib ?? ''))}</td><td class="performance">${escape(String(result.performance ?? ''))}</td></tr>`,
    ),
  );
  return `<h2>${escape(String(event.event_id ?? ''))} ${escape(String(event.name ?? event.event_code ?? ''))}</h2>\n<table><tr><th>Round/heat</th><th>Place</th><th>Bib</th><th>Performance</th></tr>${rows.join('')}</table>`;
}

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escape(title)} · OpenTrack stand-in</title></head><body>\n${body}\n</body></html>\n`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
