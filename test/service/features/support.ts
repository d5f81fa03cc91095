import { join } from 'node:path';
import { Position } from 'vscode-languageserver-types';
import { CompetitionDocument } from '../../../server/src/service';
import { readRepoFile, repoRoot } from '../../helpers/repo';
import { documentOf } from '../../helpers/service';

export const URI = 'file:///meet.opentrack.json';

/** A competition document of a text (parsed once, as the server's cache does). */
export const makeDocument = (text: string): CompetitionDocument => documentOf(text, URI);

/** A document written with one `|` marking the cursor: the document (without it) and the cursor. */
export function withCursor(marked: string): { document: CompetitionDocument; offset: number; position: Position; text: string } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error('mark the cursor with exactly one |');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = makeDocument(text);
  return { document, offset, position: document.textDocument.positionAt(offset), text };
}

/** Offsets of the n-th occurrence (from 0) of a search string. */
export function offsetOf(text: string, search: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(search, at + 1);
    if (at < 0) throw new Error(`"${search}" occurrence ${occurrence} not found`);
  }
  return at;
}

/** A file of the repository. */
export function repoFile(...segments: string[]): string {
  return join(repoRoot(), ...segments);
}

export function sample(name: string): string {
  return readRepoFile('samples', name);
}

/** The text with the n-th occurrence of `search` replaced (the replacement usually carries the `|`). */
export function replaceIn(text: string, search: string, replacement: string, occurrence = 0): string {
  const at = offsetOf(text, search, occurrence);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

/** A small meet with every cross-reference kind: bibs, event ids, teams, relays, a combined event. */
export const MEET = JSON.stringify(
  {
    full_name: 'Test Meet',
    slug: 'test-meet',
    country_id: 'GBR',
    date: '2025-06-14',
    finish_date: '2025-06-14',
    events: [
      {
        event_id: '1',
        event_code: '100',
        name: '100 metres MEN',
        genders: 'M',
        rounds: '2,1',
        units: [
          { round: 1, heat: 1, results: [{ place: 1, bib: '1', performance: '10.50' }, { place: 2, bib: '2', performance: '10.70' }] },
          { round: 1, heat: 2, results: [{ place: 1, bib: '3', performance: '10.90' }] },
        ],
      },
      {
        event_id: 'F1',
        event_code: 'HJ',
        name: 'High Jump MEN',
        genders: 'M',
        rounds: '1',
        units: [
          {
            round: 1,
            heat: 1,
            heights: ['1.80', '1.85', '1.90'],
            results: [{ place: 1, bib: '2', performance: '1.85' }, { place: 2, bib: '1', performance: '1.80' }],
            trials: [
              { bib: '1', height: '1.80', result: 'o' },
              { bib: '2', height: '1.80', result: 'o' },
              { bib: '1', height: '1.85', result: 'x' },
              { bib: '2', height: '1.85', result: 'o' },
            ],
          },
        ],
      },
      {
        event_id: 'R1',
        event_code: '4x100',
        name: '4x100 metres Relay MEN',
        genders: 'M',
        rounds: '1',
        units: [{ round: 1, heat: 1, results: [{ place: 1, bib: 'HAV-A', performance: '41.00' }, { place: 2, bib: 'RVR', performance: '42.00' }] }],
      },
      { event_id: 'D1', event_code: 'DEC', name: 'Decathlon MEN', genders: 'M', rounds: '1', units: [], results: [{ bib: '1' }, { bib: '3' }] },
      {
        event_id: 'D2',
        event_code: '110H',
        name: 'Decathlon 110 metres hurdles',
        parent: 'D1',
        rounds: '1',
        units: [{ round: 1, heat: 1, results: [{ place: 1, bib: '1', performance: '14.00', points: 975 }, { place: 2, bib: '3', performance: '14.01', points: 970 }] }],
      },
    ],
    competitors: [
      { competitor_id: '1', first_name: 'Andrew', last_name: 'Robinson', gender: 'M', team_id: 'HAV', events_entered: [{ event_id: '1', event_code: '100' }, { event_id: 'F1', event_code: 'HJ' }] },
      { competitor_id: '2', first_name: 'Ben', last_name: 'Stone', gender: 'M', team_id: 'HAV', events_entered: [{ event_id: 'F1', event_code: 'HJ' }] },
      { competitor_id: '3', first_name: 'Carl', last_name: 'Ude', gender: 'M', team_id: 'RVR', events_entered: [{ event_id: '1', event_code: '100' }] },
      { competitor_id: '4', first_name: 'Dan', last_name: 'Vale', gender: 'M', team_id: 'RVR', events_entered: [] },
    ],
    teams: [
      { team_id: 'HAV', team_name: 'Havenfield Harriers' },
      { team_id: 'RVR', team_name: 'Riverside AC' },
    ],
    relay_teams: [{ event_id: 'R1', relay_team_id: 'HAV-A', team_id: 'HAV', name: 'Havenfield A', runners: ['1', '2'] }],
  },
  null,
  2,
);
