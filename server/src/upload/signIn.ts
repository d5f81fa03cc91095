// Sign-in: log in to OpenTrack and check the token, without uploading anything (the same login,
// token scheme, redaction and request log as an upload).
import { createAuthorizedClient, type CredentialsProvider, type TokenStore } from './auth';
import { createHttpClient, formatRequest } from './http';
import { SecretRedactor } from './redact';
import { failureFromResponse } from './responseFailure';
import { UploadFailureError, type FailureKind } from './result';
import { resolveServer, type ServerChoice, type UploadApi } from './servers';

export interface SignInOptions {
  api: UploadApi;
  server: ServerChoice;
  credentials: CredentialsProvider;
  tokenStore: TokenStore;
  signal?: AbortSignal;
  timeoutMs: number;
  /** Redacted lines, as the upload's log. */
  log?: (line: string) => void;
}

export type SignInResult = { ok: true; base: string } | { ok: false; kind: FailureKind; status?: number; message: string };

/**
 * A request that needs the login: the REST API's `hello` checks the token itself; the v1 gateway has no
 * such endpoint, so its token request alone is the check and `ping` only proves the server answers.
 */
const CHECK_PATH: Record<UploadApi, string> = { rest: 'api/hello/', v1: 'api/v1/ping/' };

/** Never throws. Live servers need no confirmation here: signing in changes nothing on the server. */
export async function signIn(options: SignInOptions): Promise<SignInResult> {
  const redactor = new SecretRedactor();
  const log = (line: string) => options.log?.(redactor.redact(line));
  try {
    const { base } = resolveServer(options.server, options.api);
    const http = createHttpClient({
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      headers: options.api === 'rest' ? { Referer: base } : undefined,
      onRequest: (record) => log(formatRequest(record)),
    });
    const client = createAuthorizedClient({
      api: options.api,
      base,
      http,
      credentials: options.credentials,
      tokenStore: options.tokenStore,
      redactor,
      log,
    });
    log(`Signing in to ${base} with the ${options.api} API.`);
    const response = await client.send({ method: 'GET', url: new URL(CHECK_PATH[options.api], base).toString() });
    if (!response.ok) throw failureFromResponse(response, 'checking the login', []);
    log('Signed in.');
    return { ok: true, base };
  } catch (error) {
    const failure =
      error instanceof UploadFailureError
        ? error
        : new UploadFailureError('unexpected', `Signing in failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    const message = redactor.redact(failure.message.replace(/^Upload cancelled/, 'Sign-in cancelled'));
    log(`Sign-in failed: ${message}`);
    return { ok: false, kind: failure.kind, status: failure.status, message };
  }
}
