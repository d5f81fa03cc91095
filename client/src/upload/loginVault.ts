// Where OpenTrack logins and tokens live: VS Code's SecretStorage (encrypted by the OS keychain), one
// entry pair per server base URL. Nothing here touches settings, logs or messages. No vscode import,
// so the unit tests drive it with an in-memory store.
import type { LoginCredentials, TokenStore } from '../../../server/src/upload';

/** The part of `vscode.SecretStorage` used here. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

const LOGIN_PREFIX = 'opentrack.login:';
const TOKENS_PREFIX = 'opentrack.tokens:';

/** Logins (user name + password) and tokens, keyed by the server's base URL (`https://test-data.opentrack.run/`). */
export class LoginVault {
  /** Read-modify-write of a server's token map must not interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly secrets: SecretStore) {}

  async getLogin(base: string): Promise<LoginCredentials | undefined> {
    const parsed = parseJson(await this.secrets.get(LOGIN_PREFIX + base));
    if (typeof parsed?.username === 'string' && typeof parsed.password === 'string' && parsed.username !== '') {
      return { username: parsed.username, password: parsed.password };
    }
    return undefined;
  }

  storeLogin(base: string, login: LoginCredentials): Promise<void> {
    return this.serial(() => this.secrets.store(LOGIN_PREFIX + base, JSON.stringify({ username: login.username, password: login.password })));
  }

  deleteLogin(base: string): Promise<void> {
    return this.serial(() => this.secrets.delete(LOGIN_PREFIX + base));
  }

  /** Whether anything (login or token) is stored for the server. */
  async has(base: string): Promise<boolean> {
    return (await this.secrets.get(LOGIN_PREFIX + base)) !== undefined || (await this.secrets.get(TOKENS_PREFIX + base)) !== undefined;
  }

  /** Sign out: the login and every token of the server. */
  forget(base: string): Promise<void> {
    return this.serial(async () => {
      await this.secrets.delete(LOGIN_PREFIX + base);
      await this.secrets.delete(TOKENS_PREFIX + base);
    });
  }

  /**
   * The upload core's TokenStore for one server. The core names its tokens (per API); they are kept in one
   * secret per server so that signing out needs no list of keys (SecretStorage cannot enumerate).
   */
  tokenStore(base: string): TokenStore {
    const key = TOKENS_PREFIX + base;
    const read = async (): Promise<Record<string, string>> => {
      const parsed = parseJson(await this.secrets.get(key)) ?? {};
      return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    };
    const write = async (tokens: Record<string, string>): Promise<void> => {
      if (Object.keys(tokens).length === 0) await this.secrets.delete(key);
      else await this.secrets.store(key, JSON.stringify(tokens));
    };
    return {
      get: async (name) => (await this.queue.then(read, read))[name],
      set: (name, token) => this.serial(async () => write({ ...(await read()), [name]: token })),
      delete: (name) =>
        this.serial(async () => {
          const tokens = await read();
          if (!(name in tokens)) return;
          delete tokens[name];
          await write(tokens);
        }),
    };
  }

  private serial(work: () => PromiseLike<void>): Promise<void> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
