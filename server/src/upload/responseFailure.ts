import { formatPath } from '../shared/jsonPaths';
import type { FieldError } from './errors';
import type { HttpResponse } from './http';
import { isJsonObject, type JsonObject } from './json';
import { UploadFailureError } from './result';

/** Statuses whose body lists field problems (DRF 400, FastAPI 422, conflicts). */
function isValidationStatus(status: number): boolean {
  return status === 400 || status === 409 || status === 422;
}

/**
 * The answer's JSON object when the request succeeded; otherwise throws the failure, with the body's
 * field problems placed in the document by `mapFieldErrors` (an API-specific mapping from ./errors).
 */
export function expectSuccess(response: HttpResponse, action: string, mapFieldErrors: (body: unknown) => FieldError[]): JsonObject {
  if (!response.ok) {
    throw failureFromResponse(response, action, isValidationStatus(response.status) ? mapFieldErrors(response.body) : []);
  }
  return isJsonObject(response.body) ? response.body : {};
}

/** The `id` OpenTrack gave a created resource (a UUID string or an integer). */
export function createdId(answer: JsonObject, response: HttpResponse, what: string): string {
  const { id } = answer;
  if (typeof id === 'string' || typeof id === 'number') return String(id);
  throw new UploadFailureError('server', `OpenTrack created ${what} but its answer has no id (HTTP ${response.status}).`, response.status);
}

/**
 * Turns a non-2xx answer into a plain-words failure. `action` completes "while …",
 * e.g. "creating the competition"; `fieldErrors` come from the API-specific body mapping.
 */
export function failureFromResponse(response: HttpResponse, action: string, fieldErrors: FieldError[]): UploadFailureError {
  const { status } = response;
  const said = serverSays(response, fieldErrors);
  if (isValidationStatus(status)) {
    const count = fieldErrors.length > 1 ? ` (${fieldErrors.length} problems)` : '';
    return new UploadFailureError('rejected', `OpenTrack rejected the data while ${action} (HTTP ${status})${count}${said}`, status, fieldErrors);
  }
  if (status === 401) {
    return new UploadFailureError('credentials', `OpenTrack did not accept the login while ${action} (HTTP 401)${said}`, status);
  }
  if (status === 403) {
    return new UploadFailureError(
      'rejected',
      `OpenTrack refused ${action} (HTTP 403)${said} The account needs meeting-director rights on the competition, or federation access to create competitions.`,
      status,
    );
  }
  if (status === 404) {
    return new UploadFailureError('rejected', `OpenTrack has no such endpoint while ${action} (HTTP 404); check the server URL and API.`, status);
  }
  if (status >= 300 && status < 400) {
    return new UploadFailureError('rejected', `OpenTrack redirected the request while ${action} (HTTP ${status}); check the server URL.`, status);
  }
  // OpenTrack documents "500: Permission Denied" as its usual answer to a missing permission.
  const hint = /permission denied/i.test(said) ? ' OpenTrack answers this way when the account lacks permission.' : '';
  return new UploadFailureError('server', `The OpenTrack server failed while ${action} (HTTP ${status})${said}${hint}`, status);
}

/**
 * The server's own explanation as the end of a sentence — ": Detail." — taken from a `detail`, the first
 * field problem, or an HTML page's title; just "." when the answer explains nothing.
 */
export function serverSays(response: HttpResponse, fieldErrors: FieldError[]): string {
  const detail = serverDetail(response, fieldErrors);
  if (!detail) return '.';
  return /[.!?]$/.test(detail) ? `: ${detail}` : `: ${detail}.`;
}

function serverDetail(response: HttpResponse, fieldErrors: FieldError[]): string | undefined {
  const { body, text } = response;
  if (isJsonObject(body) && typeof body.detail === 'string') return body.detail;
  if (fieldErrors.length > 0) {
    const [{ path, message }] = fieldErrors;
    return path.length > 0 ? `${formatPath(path)}: ${message}` : message;
  }
  if (body !== undefined) return undefined;
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
  const plain = (title ?? (text.trimStart().startsWith('<') ? '' : text)).replace(/\s+/g, ' ').trim();
  return plain ? plain.slice(0, 200) : undefined;
}
