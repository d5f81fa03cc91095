/**
 * The shapes a real competition file comes in, made from one generated meet: pretty and
 * minified, valid, with one defect near the end, with a syntax error, full of findings, with
 * hundreds of safe slips for Fix All, CRLF and CR-only line ends, and a list of empty objects.
 * Shared by the benchmark and the scaling test, so both measure the same texts.
 */
import { generateCompetition, serialise } from './generate';
import { JsonObject } from './meetTypes';

export type ShapeName =
  | 'pretty'
  | 'minified'
  | 'pretty, one defect'
  | 'minified, one defect'
  | 'pretty, syntax error'
  | 'minified, syntax error'
  | 'pretty, dense findings'
  | 'minified, dense findings'
  | 'pretty, Fix All slips'
  | 'minified, Fix All slips'
  | 'CRLF'
  | 'CR only'
  | 'empty competitors';

type Entries = Array<{ event_code?: string }>;

function competitorsOf(meet: JsonObject): Array<{ events_entered?: Entries }> {
  return meet.competitors as Array<{ events_entered?: Entries }>;
}

/** The last competitor enters an event under a lowercase code: one finding, near the end of the text. */
function oneDefect(meet: JsonObject): JsonObject {
  const copy = structuredClone(meet);
  const entries = competitorsOf(copy).at(-1)!.events_entered!;
  entries[0]!.event_code = entries[0]!.event_code!.toLowerCase();
  return copy;
}

/** Every entry of every competitor under a lowercase code: a finding (with a safe fix) per entry. */
function denseFindings(meet: JsonObject): JsonObject {
  const copy = structuredClone(meet);
  for (const competitor of competitorsOf(copy)) for (const entry of competitor.events_entered ?? []) entry.event_code = entry.event_code?.toLowerCase();
  return copy;
}

/** A trailing comma after the last property of the document: the whole text goes through the tolerant parser. */
function syntaxError(text: string): string {
  const close = text.lastIndexOf('}');
  let end = close;
  while (/\s/.test(text[end - 1]!)) end--;
  return `${text.slice(0, end)},${text.slice(end)}`;
}

/** A trailing comma after the last object of every list: hundreds of syntax slips on top of the dense findings. */
function trailingCommas(text: string): string {
  return text.replace(/}(\s*)]/g, '},$1]');
}

const minify = (meet: JsonObject): string => JSON.stringify(meet);

/** The text of one shape for a meet of `competitors` competitors (seed 1). */
export function shapeText(shape: ShapeName, competitors: number): string {
  const meet = generateCompetition({ competitors, seed: 1 });
  switch (shape) {
    case 'pretty':
      return serialise(meet);
    case 'minified':
      return minify(meet);
    case 'pretty, one defect':
      return serialise(oneDefect(meet));
    case 'minified, one defect':
      return minify(oneDefect(meet));
    case 'pretty, syntax error':
      return syntaxError(serialise(meet));
    case 'minified, syntax error':
      return syntaxError(minify(meet));
    case 'pretty, dense findings':
      return serialise(denseFindings(meet));
    case 'minified, dense findings':
      return minify(denseFindings(meet));
    case 'pretty, Fix All slips':
      return trailingCommas(serialise(denseFindings(meet)));
    case 'minified, Fix All slips':
      return trailingCommas(minify(denseFindings(meet)));
    case 'CRLF':
      return serialise(meet).replace(/\n/g, '\r\n');
    case 'CR only':
      return serialise(meet).replace(/\n/g, '\r');
    case 'empty competitors': {
      // An empty object per 32 bytes of the meet: far more invalid items than any real file.
      const size = serialise(meet).length;
      return JSON.stringify({ ...meet, competitors: Array.from({ length: Math.round(size / 32) }, () => ({})) });
    }
  }
}
