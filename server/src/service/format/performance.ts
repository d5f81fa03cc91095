import { EventKind } from './eventCodes';

/** Statuses OpenTrack results carry instead of a mark or time. */
export const RESULT_STATUSES = ['DNS', 'DNF', 'DQ', 'NM', 'NH', 'NT'] as const;

const TIME = /^(?:(\d{1,2}):)?(?:(\d{1,2}):)?(\d{1,2}(?:\.\d{1,3})?)$/;
const METRES = /^\d{1,3}\.\d{1,2}$/;
const POINTS = /^\d{1,5}$/;

/** Seconds for a time such as `10.37`, `1:30.59` or `2:02:57.3`; undefined when malformed. */
export function parseTime(text: string): number | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  // With one colon the groups are m:ss, with two h:mm:ss.
  const seconds = Number(m[3]);
  const hours = m[2] === undefined ? 0 : Number(m[1]);
  const minutes = m[2] === undefined ? (m[1] === undefined ? 0 : Number(m[1])) : Number(m[2]);
  // Within a compound time, seconds and minutes must be below 60.
  if ((m[1] !== undefined && seconds >= 60) || (m[2] !== undefined && minutes >= 60)) return undefined;
  return hours * 3600 + minutes * 60 + seconds;
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
