// The login for one upload or sign-in: the upload core's CredentialsProvider and TokenStore for one server.
// A login typed by the user is kept only once OpenTrack has accepted it (the core stores the token it got
// for it); a rejected login is forgotten and asked for once more. No vscode import: the prompt is injected.
import type { CredentialsProvider, LoginCredentials, TokenStore } from '../../../server/src/upload';
import type { LoginVault } from './loginVault';

export interface LoginPromptRequest {
  /** The server base URL the login is for (shown to the user: the password goes there). */
  base: string;
  /** Pre-filled user name. */
  username?: string;
  /** True when OpenTrack has just rejected the previous login. */
  retry: boolean;
}

/** Asks the user; undefined when they cancel. */
export type LoginPrompt = (request: LoginPromptRequest) => Promise<LoginCredentials | undefined>;

export interface LoginSessionOptions {
  vault: LoginVault;
  base: string;
  /** Without a prompt the session uses what is stored and never asks (tests, automation). */
  prompt?: LoginPrompt;
  /** Sign-in: ask for a login even if one is stored, and ignore saved tokens so that it really is checked. */
  fresh?: boolean;
}

export interface LoginSession {
  credentials: CredentialsProvider;
  tokenStore: TokenStore;
  /** The user name of the login OpenTrack accepted during this session, if one was needed. */
  readonly acceptedUsername: string | undefined;
}

export function createLoginSession({ vault, base, prompt, fresh = false }: LoginSessionOptions): LoginSession {
  const tokens = vault.tokenStore(base);
  /** A login in use that is not stored yet (typed by the user). */
  let pending: LoginCredentials | undefined;
  /** The login last handed to the core, to pre-fill the user name after a rejection. */
  let lastUsername: string | undefined;
  let acceptedUsername: string | undefined;
  let rejected = false;
  /** Whether the login last handed to the core came from storage (so a rejection condemns the stored one). */
  let handedStored = false;

  const credentials: CredentialsProvider = {
    async getCredentials() {
      const stored = await vault.getLogin(base);
      if (stored && !fresh && !rejected) {
        lastUsername = stored.username;
        handedStored = true;
        return stored;
      }
      handedStored = false;
      if (!prompt) return undefined;
      const login = await prompt({ base, username: lastUsername ?? stored?.username, retry: rejected });
      if (!login) return undefined;
      pending = login;
      lastUsername = login.username;
      return login;
    },
  };
  if (prompt) {
    // Only an interactive session can ask again; otherwise the core reports the rejection as it is.
    credentials.onRejected = async () => {
      rejected = true;
      pending = undefined;
      // A stored password OpenTrack no longer accepts is forgotten; a mistyped one never replaced it.
      if (handedStored) await vault.deleteLogin(base);
    };
  }

  const tokenStore: TokenStore = {
    get: (name) => (fresh ? undefined : tokens.get(name)),
    async set(name, token) {
      // The core stores a token right after a successful login: the login it used is good.
      await tokens.set(name, token);
      acceptedUsername = lastUsername;
      if (pending) {
        const login = pending;
        pending = undefined;
        await vault.storeLogin(base, login);
      }
    },
    delete: (name) => tokens.delete(name),
  };

  return {
    credentials,
    tokenStore,
    get acceptedUsername() {
      return acceptedUsername;
    },
  };
}
