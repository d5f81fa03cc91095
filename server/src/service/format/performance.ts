import { EventKind } from './eventCodes';

/** Statuses OpenTrack results carry instead of a mark or time. */
export const RESULT_STATUSES = ['DNS', 'DNF', 'DQ', 'NM', 'NH', 'NT'] as const;

const METRES = /^\d{1,3}\.\d{1,2}$/;
const POINTS = /^\d{1,5}$/;

/**
 * Seconds for a time such as `10.37`, `1:30.59` or `2:02:57.3`; undefined when malformed.
 * Fields before the seconds have 1–2 digits, the seconds 1–2 digits and up to 3 decimals;
 * within a compound time, minutes and seconds are below 60. A character loop: it runs for
 * every race result of every validation, and a regular expression match allocates.
 */
export function parseTime(text: string): number | undefined {
  let total = 0; // the completed fields, in seconds of their unit so far
  let field = 0; // the field being read
  let digits = 0;
  let colons = 0;
  let i = 0;
  for (; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      if (++digits > 2) return undefined;
      field = field * 10 + (ch - 48);
    } else if (ch === 58 && digits > 0 && colons < 2) {
      if (colons > 0 && field >= 60) return undefined;
      total = (total + field) * 60;
      field = 0;
      digits = 0;
      colons++;
    } else break;
  }
  if (digits === 0 || (colons > 0 && field >= 60)) return undefined;
  let fraction = 0;
  if (i < text.length) {
    const decimals = text.length - i - 1;
    if (text.charCodeAt(i) !== 46 || decimals < 1 || decimals > 3) return undefined;
    for (let scale = 0.1, j = i + 1; j < text.length; j++, scale /= 10) {
      const ch = text.charCodeAt(j);
      if (ch < 48 || ch > 57) return undefined;
      fraction += (ch - 48) * scale;
    }
  }
  return total + field + fraction;
}

/** Metres for a field mark such as `47.03`; undefined when malformed. */
export function parseMetres(text: string): number | undefined {
  return METRES.test(text) ? Number(text) : undefined;
}

export function isResultStatus(text: string): boolean {
  return (RESULT_STATUSES as readonly string[]).includes(text);
}

/**
 * A comparable value of a performance for the event kind: seconds for running (lower is better),
 * metres for field events (higher is better), points for combined events. Undefined for
 * statuses and malformed text.
 */
export function performanceValue(kind: EventKind, text: string): number | undefined {
  switch (kind) {
    case 'running':
    case 'relay':
      return parseTime(text);
    case 'horizontal':
    case 'throw':
    case 'vertical':
      return parseMetres(text);
    case 'combined':
    case 'custom':
      return POINTS.test(text) ? Number(text) : undefined;
  }
}

/** True when a larger value is the better performance. */
export function higherIsBetter(kind: EventKind): boolean {
  return kind !== 'running' && kind !== 'relay';
}
