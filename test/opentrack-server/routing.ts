import type { ReceivedState } from './state';
import type { TokenRegistry } from './tokens';

/** A request as the API handlers see it, body already decoded. */
export interface ApiRequest {
  method: string;
  url: URL;
  /** Decoded JSON or form fields; undefined when there was no body. */
  body: unknown;
  /** Set when a JSON body did not parse. */
  jsonError?: string;
  /** Set when the Content-Type was neither JSON nor a form. */
  unsupportedType?: string;
  isForm: boolean;
  authorization?: { scheme: string; token: string };
  hasReferer: boolean;
}

export interface ApiAnswer {
  status: number;
  /** Sent as JSON, or as-is when a string (HTML pages). */
  body: unknown;
  headers?: Record<string, string>;
}

export type Handler = (request: ApiRequest) => ApiAnswer;

/** Handlers keyed by `METHOD /path/`. */
export type Routes = Record<string, Handler>;

export interface ServerContext {
  state: ReceivedState;
  tokens: TokenRegistry;
  credentials: { username: string; password: string };
  /** Every account that can log in (the organiser above, and another organiser). */
  accounts: { username: string; password: string }[];
  /** The largest page a list answers (DRF's max_limit), whatever `limit` asks for. */
  maxPageSize: number;
  /** `http://127.0.0.1:PORT/`, known once the server listens. */
  base(): string;
}

export function answer(status: number, body: unknown, headers?: Record<string, string>): ApiAnswer {
  return { status, body, headers };
}

/** DRF LimitOffsetPagination: `{count, next, previous, results}`, default limit 50. */
export function paginate(items: unknown[], url: URL, maxPageSize: number): ApiAnswer {
  const limit = Math.min(positiveInt(url.searchParams.get('limit'), 50), maxPageSize) || 1;
  const offset = positiveInt(url.searchParams.get('offset'), 0);
  const pageUrl = (pageOffset: number) => {
    const page = new URL(url);
    page.searchParams.set('limit', String(limit));
    if (pageOffset > 0) page.searchParams.set('offset', String(pageOffset));
    else page.searchParams.delete('offset');
    return page.toString();
  };
  return answer(200, {
    count: items.length,
    next: offset + limit < items.length ? pageUrl(offset + limit) : null,
    previous: offset > 0 ? pageUrl(Math.max(offset - limit, 0)) : null,
    results: items.slice(offset, offset + limit),
  });
}

function positiveInt(text: string | null, fallback: number): number {
  const value = Number(text);
  return text !== null && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** The form fields of a token request, or undefined when either is missing. */
export function loginFields(request: ApiRequest): { username?: string; password?: string } {
  const body = request.body as Record<string, unknown> | undefined;
  const field = (key: string) => (typeof body?.[key] === 'string' ? (body[key] as string) : undefined);
  return { username: field('username'), password: field('password') };
}
