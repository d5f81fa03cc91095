import { drfFieldErrors } from './errors';
import type { HttpClient, HttpRequest, HttpResponse } from './http';
import { isJsonObject } from './json';
import type { SecretRedactor } from './redact';
import { failureFromResponse, serverSays } from './responseFailure';
import { UploadFailureError } from './result';
import type { UploadApi } from './servers';

export interface LoginCredentials {
  username: string;
  password: string;
}

/** Supplies the login: the VS Code side prompts, the CLI reads the environment or the terminal. */
export interface CredentialsProvider {
  /** undefined when the user declines, which cancels the upload. */
  getCredentials(): Promise<LoginCredentials | undefined>;
  /** Called when OpenTrack rejects the login; when present, `getCredentials` is asked exactly once more. */
  onRejected?(message: string): void | Promise<void>;
}

/** Keeps tokens between uploads (e.g. in VS Code's SecretStorage) so the user logs in only when one is rejected. */
export interface TokenStore {
  get(key: string): Promise<string | undefined> | string | undefined;
  set(key: string, token: string): Promise<void> | void;
  delete(key: string): Promise<void> | void;
}

export function createMemoryTokenStore(): TokenStore {
  const tokens = new Map<string, string>();
  return {
    get: (key) => tokens.get(key),
    set: (key, token) => void tokens.set(key, token),
    delete: (key) => void tokens.delete(key),
  };
}

interface TokenScheme {
  path: string;
  responseKey: string;
  header: 'Bearer' | 'Token';
}

const SCHEMES: Record<UploadApi, TokenScheme> = {
  v1: { path: 'api/v1/auth/token', responseKey: 'access_token', header: 'Bearer' },
  rest: { path: 'api/get-auth-token/', responseKey: 'token', header: 'Token' },
};

/** Sends requests with the API's Authorization header. */
export interface AuthorizedClient {
  send(request: HttpRequest): Promise<HttpResponse>;
}

export interface AuthorizedClientOptions {
  api: UploadApi;
  base: string;
  http: HttpClient;
  credentials: CredentialsProvider;
  tokenStore: TokenStore;
  redactor: SecretRedactor;
  log: (line: string) => void;
}

/**
 * Reuses a stored token until OpenTrack rejects it; on a 401 with a stored token it logs in once more
 * and repeats the request (a token that was fresh a moment ago would only be rejected again).
 */
export function createAuthorizedClient(options: AuthorizedClientOptions): AuthorizedClient {
  const { api, base, http, tokenStore, redactor } = options;
  const scheme = SCHEMES[api];
  const storeKey = `${api} ${base}`;
  const sendWith = (request: HttpRequest, token: string) =>
    http({ ...request, headers: { ...request.headers, Authorization: `${scheme.header} ${token}` } });

  async function login(): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const credentials = await options.credentials.getCredentials();
      if (!credentials) throw new UploadFailureError('cancelled', 'Upload cancelled: no OpenTrack login was given.');
      redactor.add(credentials.password);
      const response = await http({ method: 'POST', url: new URL(scheme.path, base).toString(), form: { ...credentials }, changesNothing: true });
      const token = isJsonObject(response.body) ? response.body[scheme.responseKey] : undefined;
      if (response.ok && typeof token === 'string' && token !== '') {
        redactor.add(token);
        await tokenStore.set(storeKey, token);
        return token;
      }
      if (response.ok) throw new UploadFailureError('server', 'OpenTrack answered the login without a token.', response.status);
      // v1 answers 401, the REST API 400 ("Unable to log in with provided credentials.").
      if (![400, 401, 403].includes(response.status)) throw failureFromResponse(response, 'logging in', []);
      const said = serverSays(response, drfFieldErrors(response.body, []));
      const message = `OpenTrack rejected the username or password (HTTP ${response.status})${said}`;
      if (attempt > 1 || !options.credentials.onRejected) {
        throw new UploadFailureError('credentials', message, response.status);
      }
      await options.credentials.onRejected(redactor.redact(message));
    }
  }

  return {
    async send(request) {
      const saved = await tokenStore.get(storeKey);
      redactor.add(saved);
      const response = await sendWith(request, saved ?? (await login()));
      if (response.status !== 401 || saved === undefined) return response;
      options.log('OpenTrack rejected the saved login token; logging in again.');
      await tokenStore.delete(storeKey);
      return sendWith(request, await login());
    },
  };
}
