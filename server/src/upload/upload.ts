import { createAuthorizedClient, createMemoryTokenStore, type CredentialsProvider, type TokenStore } from './auth';
import { StepProgress, type UploadFlow } from './context';
import { createHttpClient, formatRequest } from './http';
import { isJsonObject, type JsonObject } from './json';
import { SecretRedactor } from './redact';
import { uploadRest } from './rest';
import { describeCreated, emptyCreated, UploadFailureError, type UploadResult } from './result';
import { resolveServer, type ServerChoice, type UploadApi } from './servers';
import { uploadV1 } from './v1';

export interface UploadOptions {
  /** The file's text; parsed as strict JSON unless `document` is given. */
  documentText: string;
  /** The document already parsed by the caller (e.g. a JSONC parser); takes precedence over the text. */
  document?: unknown;
  api: UploadApi;
  server: ServerChoice;
  /** Must be true to upload to OpenTrack's live servers; the front ends ask the user first. */
  confirmedLive?: boolean;
  credentials: CredentialsProvider;
  /** Keeps tokens between uploads; by default a token lives for this upload only. */
  tokenStore?: TokenStore;
  /** Aborting cancels the request in flight and stops the upload. */
  signal?: AbortSignal;
  /** Per request; default 30 s, at most 10 min. */
  timeoutMs?: number;
  /** VS Code-style progress: increments add up to at most 100. */
  onProgress?: (message: string, increment: number) => void;
  /** One line per request and per notable event. Passwords and tokens never appear. */
  log?: (line: string) => void;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

const FLOWS: Record<UploadApi, UploadFlow> = { v1: uploadV1, rest: uploadRest };

/** Uploads one competition document. Never throws: every outcome is an `UploadResult`. */
export async function upload(options: UploadOptions): Promise<UploadResult> {
  const redactor = new SecretRedactor();
  const log = (line: string) => options.log?.(redactor.redact(line));
  const created = emptyCreated();
  const warnings: string[] = [];
  try {
    const { api } = options;
    const server = resolveServer(options.server, api);
    if (server.live && !options.confirmedLive) {
      throw new UploadFailureError('refused', `Uploading to the live OpenTrack server ${server.base} needs an explicit confirmation.`);
    }
    const document = parseDocument(options);
    if (options.signal?.aborted) throw new UploadFailureError('cancelled', 'Upload cancelled.');

    const http = createHttpClient({
      timeoutMs: Number.isFinite(options.timeoutMs) ? (options.timeoutMs as number) : DEFAULT_TIMEOUT_MS,
      signal: options.signal,
      // The 2026 API checks the Referer of writes (Django's CSRF check); its examples send it everywhere.
      headers: api === 'rest' ? { Referer: server.base } : undefined,
      onRequest: (record) => log(formatRequest(record)),
    });
    const client = createAuthorizedClient({
      api,
      base: server.base,
      http,
      credentials: options.credentials,
      tokenStore: options.tokenStore ?? createMemoryTokenStore(),
      redactor,
      log,
    });
    const progress = new StepProgress((message, increment) => options.onProgress?.(redactor.redact(message), increment));
    const warn = (message: string) => {
      warnings.push(redactor.redact(message));
      log(`Warning: ${message}`);
    };

    log(`Uploading to ${server.base} with the ${api} API.`);
    const competition = await FLOWS[api]({ client, base: server.base, created, progress, warn }, document);
    progress.finish('Uploaded.');
    log(`Uploaded competition ${competition.id}: ${competition.webUrl}`);
    return { ok: true, created: { ...created, competition }, warnings };
  } catch (error) {
    const failure =
      error instanceof UploadFailureError
        ? error
        : new UploadFailureError('unexpected', `The upload failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    const alreadyCreated = describeCreated(created);
    const message = redactor.redact(
      alreadyCreated ? `${failure.message} Already created on OpenTrack: ${alreadyCreated}.` : failure.message,
    );
    log(`Upload failed: ${message}`);
    return {
      ok: false,
      kind: failure.kind,
      status: failure.status,
      message,
      fieldErrors: failure.fieldErrors.map((fieldError) => ({ ...fieldError, message: redactor.redact(fieldError.message) })),
      created,
      warnings,
    };
  }
}

function parseDocument(options: UploadOptions): JsonObject {
  let document = options.document;
  if (document === undefined) {
    try {
      document = JSON.parse(options.documentText);
    } catch (error) {
      throw new UploadFailureError('invalid-document', `The document is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (!isJsonObject(document)) {
    throw new UploadFailureError('invalid-document', 'The document must be one JSON object describing a competition.');
  }
  return document;
}
