// The upload settings as the commands use them, whatever the user typed into settings.json. No vscode import.
import { MAX_TIMEOUT_MS, type ServerChoice, type UploadApi } from '../../../server/src/upload';

export interface UploadSettings {
  /** `test`, `live` or a base URL (checked later by `resolveServer`). */
  server: ServerChoice;
  api: UploadApi;
  timeoutMs: number;
}

export const DEFAULT_UPLOAD_SETTINGS: UploadSettings = { server: 'test', api: 'v1', timeoutMs: 30_000 };

/** The raw values of `opentrack.server`, `opentrack.api` and `opentrack.uploadTimeoutSeconds`. */
export interface RawUploadSettings {
  server?: unknown;
  api?: unknown;
  uploadTimeoutSeconds?: unknown;
}

export function normalizeUploadSettings(raw: RawUploadSettings): UploadSettings {
  return { server: normalizeServer(raw.server), api: normalizeApi(raw.api), timeoutMs: normalizeTimeout(raw.uploadTimeoutSeconds) };
}

function normalizeServer(value: unknown): ServerChoice {
  if (typeof value !== 'string' || value.trim() === '') return DEFAULT_UPLOAD_SETTINGS.server;
  const trimmed = value.trim();
  const keyword = trimmed.toLowerCase();
  return keyword === 'test' || keyword === 'live' ? keyword : trimmed;
}

function normalizeApi(value: unknown): UploadApi {
  return value === 'rest' || value === 'v1' ? value : DEFAULT_UPLOAD_SETTINGS.api;
}

function normalizeTimeout(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return DEFAULT_UPLOAD_SETTINGS.timeoutMs;
  return Math.min(Math.max(Math.round(value * 1000), 1000), MAX_TIMEOUT_MS);
}
