import { EventEntry, JsonObject, asArray, asObject, asString } from '../model';
import { parseMetres } from '../format/performance';
import { isPositiveInteger } from './walk';
import { isImplausible } from '../format/worldRecords';

/** OpenTrack's default number of field attempts. */
const DEFAULT_ATTEMPTS = 6;

/** Why a trial does not count. Each reason is reported by one rule (or by the schema), at the trial. */
export type Rejection =
  /** The result (or a vertical height) is not a mark of this kind of event: the schema reports it. */
  | { reason: 'mark' }
  /** A vertical height that is not in the unit's `heights` (OT302). */
  | { reason: 'height-not-listed' }
  /** A second attempt at a height already cleared (OT303). */
  | { reason: 'after-clearance' }
  /** An attempt after three consecutive failures (OT304). */
  | { reason: 'after-elimination' }
  /** A mark beyond the world record (OT404). */
  | { reason: 'implausible' }
  /** An attempt after `r`. */
  | { reason: 'after-retirement' }
  /** An attempt number outside the unit's attempts (OT204). */
  | { reason: 'round-range'; limit: number }
  /** A second trial for one attempt number (OT205). */
  | { reason: 'duplicate-round' };

/** The best performance an athlete's accepted trials give, with the evidence for a fix title. */
export interface BestMark {
  mark: string | undefined;
  /** Accepted trials with a mark (horizontal, throws) or clearances (vertical). */
  count: number;
}

/**
 * A field unit's trials, judged once: which trials a rule rejects, and what the accepted ones
 * give. One cause, one diagnostic: a rejected trial counts toward no best mark or cleared
 * height, and values computed from the trials of an athlete with a rejected trial (such as
 * "performance is not the best trial") are not reported until the cause is fixed.
 */
export interface AttemptReview {
  vertical: boolean;
  limit: number;
  /** Rejected trials by index, in array order. */
  rejections: Map<number, Rejection>;
  /** Bibs with at least one rejected trial. */
  tainted: Set<string>;
  /** Per bib with trials: the best mark of its accepted trials. */
  best: Map<string, BestMark>;
}

const reviews = new WeakMap<JsonObject, { event: JsonObject; review: AttemptReview }>();

/**
 * The review of a unit's trials, computed once per unit and event object. Versions share the
 * objects an edit did not touch (incremental parse), and the review also reads the event
 * (kind, attempt limit): a unit kept by a version whose event changed is reviewed again.
 */
export function reviewAttempts(event: EventEntry, unit: JsonObject): AttemptReview {
  const cached = reviews.get(unit);
  if (cached?.event === event.value) return cached.review;
  const review = judge(event, unit);
  reviews.set(unit, { event: event.value, review });
  return review;
}

export function isVerticalUnit(event: EventEntry, unit: JsonObject): boolean {
  return event.kind === 'vertical' || asArray(unit.trials).some((t) => asObject(t)?.height !== undefined);
}

export function attemptLimit(event: EventEntry, unit: JsonObject): number {
  if (isPositiveInteger(unit.rounds)) return unit.rounds;
  if (isPositiveInteger(event.value.max_field_attempts)) return event.value.max_field_attempts;
  return DEFAULT_ATTEMPTS;
}

interface Jumper {
  cleared: Set<number>;
  failures: number;
  out: 'eliminated' | 'retired' | 'jump-off' | undefined;
  /** Attempt numbers seen, as bits (attempts are few): no string key per trial. */
  rounds: number;
}

function judge(event: EventEntry, unit: JsonObject): AttemptReview {
  const vertical = isVerticalUnit(event, unit);
  const limit = attemptLimit(event, unit);
  const listed = Array.isArray(unit.heights)
    ? // A height written as a number (4.2) is the schema's finding (OT010): its trials still match it by value.
      new Set(unit.heights.map((h) => (typeof h === 'string' ? parseMetres(h) : typeof h === 'number' ? h : undefined)).filter((v): v is number => v !== undefined))
    : undefined;
  const review: AttemptReview = { vertical, limit, rejections: new Map(), tainted: new Set(), best: new Map() };
  const jumpers = new Map<string, Jumper>();
  const bestMetres = new Map<string, number>();
  const trials = asArray(unit.trials);
  const retiredAt = vertical ? undefined : retirements(trials);
  const jumpOff = vertical ? jumpOffBibs(trials, listed) : undefined;
  for (let i = 0; i < trials.length; i++) {
    const trial = asObject(trials[i]);
    const bib = asString(trial?.bib);
    if (!trial || bib === undefined) continue;
    let jumper = jumpers.get(bib);
    if (!jumper) jumpers.set(bib, (jumper = { cleared: new Set(), failures: 0, out: undefined, rounds: 0 }));
    if (!review.best.has(bib)) review.best.set(bib, { mark: undefined, count: 0 });
    const inJumpOff = jumper.out === 'jump-off';
    const rejection = vertical ? judgeVertical(trial, jumper, listed) : judgeHorizontal(trial, jumper, limit, retiredAt!.get(bib));
    if (jumper.out === 'eliminated' && jumpOff!.has(bib)) jumper.out = 'jump-off';
    if (rejection) {
      review.rejections.set(i, rejection);
      review.tainted.add(bib);
      continue;
    }
    if (inJumpOff) continue;
    const mark = vertical ? (trial.result === 'o' ? asString(trial.height) : undefined) : asString(trial.result);
    const metres = mark === undefined ? undefined : parseMetres(mark);
    if (metres === undefined) continue;
    if (isImplausible(event.code, true, metres)) {
      review.rejections.set(i, { reason: 'implausible' });
      review.tainted.add(bib);
      continue;
    }
    const best = review.best.get(bib)!;
    best.count++;
    if (!(metres <= (bestMetres.get(bib) ?? -1))) {
      best.mark = mark;
      bestMetres.set(bib, metres);
    }
  }
  return review;
}

/** Attempts are chronological in the array: each athlete is tracked through the competition. */
function judgeVertical(trial: JsonObject, jumper: Jumper, listed: Set<number> | undefined): Rejection | undefined {
  const height = asString(trial.height);
  const metres = height === undefined ? undefined : parseMetres(height);
  if (metres === undefined || !['o', 'x', '-', 'r'].includes(trial.result as string)) {
    // Its outcome is unknown: it may have been a clearance, so no failure counts across it.
    jumper.failures = 0;
    return { reason: 'mark' };
  }
  if (listed && !listed.has(metres)) return { reason: 'height-not-listed' };
  // A jump-off attempt decides a place only: it is accepted, and its height is no performance.
  if (jumper.out === 'jump-off') return undefined;
  if (jumper.out) return { reason: jumper.out === 'retired' ? 'after-retirement' : 'after-elimination' };
  if (jumper.cleared.has(metres)) return { reason: 'after-clearance' };
  switch (trial.result) {
    case 'o':
      jumper.cleared.add(metres);
      jumper.failures = 0;
      break;
    case 'x':
      if (++jumper.failures >= 3) jumper.out = 'eliminated';
      break;
    case 'r':
      jumper.out = 'retired';
      break;
  }
  return undefined;
}

/**
 * Athletes tied for first continue after their third failure in a jump-off (WA: one attempt
 * per height, the bar lowered or raised). Recognised when at least two athletes, all eliminated
 * at the same height with the best height cleared, attempt again only once every one of them
 * is out; anything else stays an attempt after elimination.
 */
function jumpOffBibs(trials: unknown[], listed: Set<number> | undefined): Set<string> {
  const state = new Map<string, { best: number; failures: number; out?: { index: number; height: number }; next?: number; retired?: boolean }>();
  for (let i = 0; i < trials.length; i++) {
    const trial = asObject(trials[i]);
    const bib = asString(trial?.bib);
    const height = asString(trial?.height);
    const metres = height === undefined ? undefined : parseMetres(height);
    if (bib === undefined || metres === undefined || (listed && !listed.has(metres))) continue;
    let athlete = state.get(bib);
    if (!athlete) state.set(bib, (athlete = { best: -1, failures: 0 }));
    if (athlete.retired) continue;
    if (athlete.out) {
      athlete.next ??= i;
      continue;
    }
    if (trial!.result === 'o') {
      athlete.best = Math.max(athlete.best, metres);
      athlete.failures = 0;
    } else if (trial!.result === 'x') {
      if (++athlete.failures >= 3) athlete.out = { index: i, height: metres };
    } else if (trial!.result === 'r') athlete.retired = true;
    else if (trial!.result !== '-') athlete.failures = 0; // unknown: may have been a clearance
  }
  const continuers = [...state].filter(([, athlete]) => athlete.next !== undefined);
  if (continuers.length < 2) return new Set();
  const top = Math.max(...[...state.values()].map((athlete) => athlete.best));
  const [, first] = continuers[0]!;
  const lastOut = Math.max(...continuers.map(([, athlete]) => athlete.out!.index));
  const tied = continuers.every(([, athlete]) => athlete.best === top && athlete.out!.height === first.out!.height && athlete.next! > lastOut);
  return tied ? new Set(continuers.map(([bib]) => bib)) : new Set();
}

/** The attempt number at which each athlete of a horizontal unit retired (`r`): trials may be listed in any order. */
function retirements(trials: unknown[]): Map<string, number> {
  const retiredAt = new Map<string, number>();
  for (const item of trials) {
    const trial = asObject(item);
    const bib = asString(trial?.bib);
    if (bib === undefined || trial!.result !== 'r' || !isPositiveInteger(trial!.round)) continue;
    retiredAt.set(bib, Math.min(trial!.round, retiredAt.get(bib) ?? Infinity));
  }
  return retiredAt;
}

function judgeHorizontal(trial: JsonObject, jumper: Jumper, limit: number, retiredAt: number | undefined): Rejection | undefined {
  const round = trial.round;
  if (typeof round === 'number' && Number.isInteger(round) && (round < 1 || round > limit)) return { reason: 'round-range', limit };
  if (isPositiveInteger(round)) {
    const bit = round <= 30 ? 1 << round : 0;
    if (jumper.rounds & bit) return { reason: 'duplicate-round' };
    jumper.rounds |= bit;
  }
  const result = asString(trial.result);
  if (result === undefined || (parseMetres(result) === undefined && result !== 'x' && result !== '-' && result !== 'r')) return { reason: 'mark' };
  if (retiredAt !== undefined && isPositiveInteger(round) && round > retiredAt) return { reason: 'after-retirement' };
  return undefined;
}
