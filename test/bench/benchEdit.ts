/**
 * The edit the bench types: the last digit of a race winner's time, near the middle of the
 * document, lowered by one (then restored, alternately). A winner who was strictly faster than
 * the runner-up stays first either way, so every version of the document stays valid.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Range } from 'vscode-languageserver-types';
import { locatePaths } from '../../server/src/service/json/locate';
import { parseJson } from '../../server/src/service/json/parse';

export interface BenchEdit {
  /** The one character that changes. */
  range: Range;
  original: string;
  replacement: string;
  /** The whole text after the edit (for the in-process baseline, which takes whole texts). */
  editedText: string;
  /** Where it is, for the report: e.g. "events[12].units[40].results[0].performance". */
  description: string;
}

type Json = Record<string, unknown>;

export function chooseEdit(text: string): BenchEdit {
  const competition = parseJson(text).value as { events: Json[] }; // tolerant: the text may be a broken shape
  const paths: (string | number)[][] = [];
  competition.events.forEach((event, e) => {
    if (event.parent !== undefined) return; // combined-event results carry points derived from the time
    (event.units as Json[]).forEach((unit, u) => {
      const [winner, second] = (unit.results ?? []) as Json[];
      if (unit.distance === undefined || !winner || !second || winner.place !== 1 || (second.place as number) <= 1) return;
      if (/[1-9]$/.test(String(winner.performance))) paths.push(['events', e, 'units', u, 'results', 0, 'performance']);
    });
  });
  const spans = locatePaths(text, paths);
  let best = -1;
  spans.forEach((span, i) => {
    if (span && (best < 0 || Math.abs(span.value.offset - text.length / 2) < Math.abs(spans[best]!.value.offset - text.length / 2))) best = i;
  });
  if (best < 0) throw new Error('No race winner to edit in the generated document');
  const value = spans[best]!.value;
  const digitOffset = value.offset + value.length - 2; // the last character before the closing quote
  const original = text.charAt(digitOffset);
  const replacement = String(Number(original) - 1);
  const document = TextDocument.create('file:///edit', 'json', 1, text);
  const path = paths[best]!;
  return {
    range: Range.create(document.positionAt(digitOffset), document.positionAt(digitOffset + 1)),
    original,
    replacement,
    editedText: text.slice(0, digitOffset) + replacement + text.slice(digitOffset + 1),
    description: `events[${String(path[1])}].units[${String(path[3])}].results[0].performance at line ${document.positionAt(digitOffset).line + 1}`,
  };
}
