import type { JsonObject } from '../../server/src/upload/json';

export type ApiName = 'v1' | 'rest';

export interface StoredCompetition {
  id: string;
  api: ApiName;
  /** The body exactly as received (for v1, the whole nested document). */
  received: JsonObject;
  /** What the server answered, as the GET endpoints list it. */
  representation: JsonObject;
  /** The account that created it; only that account may change it (others get 403). */
  owner: string;
}

export interface StoredItem {
  id: string | number;
  competition: string;
  api: ApiName;
  /** The item as received: a REST list item (with `competition`) or a v1 nested item. */
  received: JsonObject;
  representation: JsonObject;
}

/** One handled request. Never holds header values or bodies, so it can be printed safely. */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  authorization: 'Bearer' | 'Token' | 'other' | 'none';
  referer: boolean;
  contentType?: string;
}

/** Everything the stand-in received; `GET /__state` returns it as JSON. */
export interface ReceivedState {
  competitions: StoredCompetition[];
  teams: StoredItem[];
  competitors: StoredItem[];
  events: StoredItem[];
  requests: RequestLogEntry[];
  /** Every write's body, in order (for checks of request shapes). */
  writes: { method: string; path: string; status: number; body: unknown }[];
  /** How many logins succeeded (the tokens themselves stay private). */
  tokensIssued: number;
}

export function emptyState(): ReceivedState {
  return { competitions: [], teams: [], competitors: [], events: [], requests: [], writes: [], tokensIssued: 0 };
}
