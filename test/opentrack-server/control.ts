/** Failure switches, set through `server.control(…)` or `POST /__control` with the same JSON. */
export interface ControlSettings {
  /** Answer the next N API requests with HTTP 500. */
  failNext?: number;
  /** The 500 body: DRF's JSON `{"detail": "Permission Denied"}` (default) or a Django HTML error page. */
  failWith?: 'json' | 'html';
  /** Invalidate every token issued so far (new logins still work). */
  expireTokens?: boolean;
  /** Delay every API answer by this many milliseconds; 0 turns it off. */
  delayMs?: number;
  /** Replace the list of endpoint rejections. */
  reject?: EndpointRejection[];
  /** Carry out matching requests, then break the connection instead of answering (once each). */
  drop?: { method?: string; path: string; when: 'before-headers' | 'after-headers' }[];
  /** Forget every stored competition, team, competitor and event (the request log stays). */
  clearData?: boolean;
  /** Back to normal: no failures, delays or rejections (tokens and data are kept). */
  reset?: boolean;
}

export interface EndpointRejection {
  /** Any method when absent. */
  method?: string;
  /** Exact path, e.g. `/api/events/`. */
  path: string;
  status: number;
  /** Sent as JSON, or as-is when a string. */
  body: unknown;
  /** Reject only this many times (unlimited when absent). */
  times?: number;
}

export interface InjectedAnswer {
  status: number;
  body: unknown;
}

const HTML_500 =
  '<!doctype html>\n<html lang="en"><head><title>Server Error (500)</title></head><body><h1>Server Error (500)</h1><p></p></body></html>\n';

/** Holds the current switches and decides whether a request gets a forced answer. */
export class FailureSwitches {
  private failNext = 0;
  private failWith: 'json' | 'html' = 'json';
  private rejections: EndpointRejection[] = [];
  private drops: NonNullable<ControlSettings['drop']> = [];
  delayMs = 0;

  /** Applies settings; returns true when tokens must be expired (the token registry lives elsewhere). */
  apply(settings: ControlSettings): boolean {
    if (settings.reset) {
      this.failNext = 0;
      this.failWith = 'json';
      this.rejections = [];
      this.drops = [];
      this.delayMs = 0;
    }
    if (settings.drop !== undefined) this.drops = settings.drop.map((drop) => ({ ...drop }));
    if (settings.failNext !== undefined) this.failNext = settings.failNext;
    if (settings.failWith !== undefined) this.failWith = settings.failWith;
    if (settings.delayMs !== undefined) this.delayMs = settings.delayMs;
    if (settings.reject !== undefined) this.rejections = settings.reject.map((rejection) => ({ ...rejection }));
    return settings.expireTokens === true;
  }

  /** Whether (and how) to break the connection instead of answering this request; each drop is used once. */
  dropAnswer(method: string, path: string): 'before-headers' | 'after-headers' | undefined {
    const drop = this.drops.find((d) => d.path === path && (d.method === undefined || d.method === method));
    if (!drop) return undefined;
    this.drops = this.drops.filter((d) => d !== drop);
    return drop.when;
  }

  /** The forced answer for this request, if a switch applies (each use counts down). */
  forcedAnswer(method: string, path: string): InjectedAnswer | undefined {
    if (this.failNext > 0) {
      this.failNext--;
      return { status: 500, body: this.failWith === 'html' ? HTML_500 : { detail: 'Permission Denied' } };
    }
    const rejection = this.rejections.find((r) => r.path === path && (r.method === undefined || r.method === method));
    if (!rejection) return undefined;
    if (rejection.times !== undefined && --rejection.times <= 0) {
      this.rejections = this.rejections.filter((r) => r !== rejection);
    }
    return { status: rejection.status, body: rejection.body };
  }
}
