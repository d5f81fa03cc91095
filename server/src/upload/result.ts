import type { FieldError } from './errors';
import type { PlannedChange } from './uploadPlan';

/** Why an upload stopped, for front ends that react differently (e.g. re-prompt on `credentials`). */
export type FailureKind =
  | 'refused' // stopped before any request: live without confirmation, insecure URL
  | 'invalid-document' // not JSON or not shaped like a competition
  | 'cancelled' // the AbortSignal fired or the user gave no credentials
  | 'credentials' // username/password or token rejected
  | 'timeout'
  | 'network' // nothing reached OpenTrack
  | 'unknown' // a write may have reached OpenTrack, but its answer never arrived
  | 'exists' // the competition is already on OpenTrack and was not updated (v1, or not confirmed)
  | 'rejected' // a 4xx answer: validation, permission, wrong URL
  | 'server' // a 5xx or unusable answer
  | 'unexpected'; // a bug on our side

export interface CreatedCompetition {
  id: string;
  /** The page to open in a browser. */
  webUrl: string;
}

/** What exists on the server, by the document's own ids (team_id, competitor_id, event_id). */
export interface CreatedResources {
  competition?: CreatedCompetition;
  teams: string[];
  competitors: string[];
  events: string[];
}

export interface UploadSuccess {
  ok: true;
  /** `created`: a new competition; `updated`: the changes were sent to the existing one; `unchanged`: nothing differed. */
  outcome: 'created' | 'updated' | 'unchanged';
  created: CreatedResources & { competition: CreatedCompetition };
  /** The changes OpenTrack accepted when updating (empty for a creation). */
  changes: PlannedChange[];
  warnings: string[];
}

export interface UploadFailure {
  ok: false;
  kind: FailureKind;
  /** The HTTP status of the answer that stopped the upload, if there was one. */
  status?: number;
  /** One plain-words sentence or two, ending with what had already been created, if anything. */
  message: string;
  fieldErrors: FieldError[];
  /** With the REST API, what was created before the failure (the v1 upload is all or nothing). */
  created: CreatedResources;
  /** The update changes OpenTrack had accepted before the failure. */
  changes: PlannedChange[];
  warnings: string[];
}

export type UploadResult = UploadSuccess | UploadFailure;

/** Thrown inside the upload core; `upload()` turns it into an `UploadFailure`. */
export class UploadFailureError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }
}

export function emptyCreated(): CreatedResources {
  return { teams: [], competitors: [], events: [] };
}

/** "competition 1c0f… (https://…), 2 teams (BEL, THH), 1 competitor (7)" — empty when nothing was created. */
export function describeCreated(created: CreatedResources): string {
  const parts: string[] = [];
  if (created.competition) parts.push(`competition ${created.competition.id} (${created.competition.webUrl})`);
  for (const [noun, ids] of [
    ['team', created.teams],
    ['competitor', created.competitors],
    ['event', created.events],
  ] as const) {
    if (ids.length > 0) parts.push(`${ids.length} ${noun}${ids.length === 1 ? '' : 's'} (${ids.join(', ')})`);
  }
  return parts.join(', ');
}
