import { parseJsonOrUndefined } from './json';
import { redactUrl } from './redact';
import { UploadFailureError } from './result';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** Sent as `application/json`. */
  json?: unknown;
  /** Sent as `application/x-www-form-urlencoded` (the token endpoints want a form). */
  form?: Record<string, string>;
  /** A POST that changes nothing on the server (a login), so a lost answer is a plain failure. */
  changesNothing?: boolean;
}

export interface HttpResponse {
  status: number;
  ok: boolean;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  body: unknown;
  text: string;
}

/** One finished (or failed) request; `url` is already redacted and no header or body is included. */
export interface RequestRecord {
  method: string;
  url: string;
  status?: number;
  ms: number;
}

export interface HttpClientOptions {
  /** Per request, clamped to 1 ms … 10 min. */
  timeoutMs: number;
  /** Cancels the request in flight and every later one. */
  signal?: AbortSignal;
  /** Added to every request (the REST API wants `Referer`). */
  headers?: Record<string, string>;
  onRequest?: (record: RequestRecord) => void;
}

export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>;

export const MAX_TIMEOUT_MS = 10 * 60 * 1000;

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeoutMs = Math.min(Math.max(Math.round(options.timeoutMs), 1), MAX_TIMEOUT_MS);
  return async (request) => {
    const started = performance.now();
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let status: number | undefined;
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: { Accept: 'application/json', ...options.headers, ...contentHeaders(request), ...request.headers },
        body: encodeBody(request),
        signal,
        // Following a redirect could carry the Authorization header to another host; report it instead.
        redirect: 'manual',
      });
      status = response.status;
      const text = await response.text();
      return { status, ok: status >= 200 && status < 300, body: parseJsonOrUndefined(text), text };
    } catch (error) {
      const where = `${request.method} ${redactUrl(request.url)}`;
      const writes = request.method !== 'GET' && !request.changesNothing;
      // A write that may have reached OpenTrack may also have been carried out: its outcome is unknown.
      const mayHaveArrived = writes && (status !== undefined || !neverSent(error));
      if (options.signal?.aborted) {
        if (mayHaveArrived) throw unknownOutcome(`the upload was cancelled while OpenTrack handled ${where}`);
        throw new UploadFailureError('cancelled', 'Upload cancelled.');
      }
      if (timeout.aborted) {
        if (mayHaveArrived) throw unknownOutcome(`OpenTrack did not answer ${where} within ${formatSeconds(timeoutMs)}`);
        throw new UploadFailureError('timeout', `OpenTrack did not answer within ${formatSeconds(timeoutMs)} (${where}).`);
      }
      if (mayHaveArrived) throw unknownOutcome(`the connection to ${new URL(request.url).host} broke before OpenTrack's answer to ${where} arrived (${networkReason(error)})`);
      throw new UploadFailureError('network', `Could not reach ${new URL(request.url).host}: ${networkReason(error)}.`);
    } finally {
      options.onRequest?.({
        method: request.method,
        url: redactUrl(request.url),
        status,
        ms: Math.round(performance.now() - started),
      });
    }
  };
}

/** Errors raised before a byte of the request left this computer (no connection was made). */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function neverSent(error: unknown): boolean {
  const code = error instanceof Error ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' && (NOT_SENT_CODES.has(code) || code.startsWith('ERR_TLS') || code.includes('CERT'));
}

/** The upload core adds what to check before trying again. */
function unknownOutcome(what: string): UploadFailureError {
  return new UploadFailureError('unknown', `The outcome is unknown: ${what}, so OpenTrack may or may not have made the change.`);
}

function contentHeaders(request: HttpRequest): Record<string, string> {
  if (request.form) return { 'Content-Type': 'application/x-www-form-urlencoded' };
  if (request.json !== undefined) return { 'Content-Type': 'application/json' };
  return {};
}

function encodeBody(request: HttpRequest): string | undefined {
  if (request.form) return new URLSearchParams(request.form).toString();
  return request.json === undefined ? undefined : JSON.stringify(request.json);
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** fetch reports "fetch failed" and hides the useful part (ECONNREFUSED, ENOTFOUND, a TLS error) in `cause`. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** One log line per request: method, URL (already redacted), status and timing. */
export function formatRequest({ method, url, status, ms }: RequestRecord): string {
  return `${method} ${url} → ${status ?? 'no answer'} (${ms} ms)`;
}
