import { randomBytes } from 'node:crypto';
import type { ApiName } from './state';

/** Tokens issued by either API; a v1 token is not valid on the REST API and vice versa. */
export class TokenRegistry {
  private readonly tokens = new Map<string, { api: ApiName; valid: boolean; user: string }>();

  issue(api: ApiName, user = ''): string {
    const token = randomBytes(20).toString('hex');
    this.tokens.set(token, { api, valid: true, user });
    return token;
  }

  isValid(api: ApiName, token: string): boolean {
    const entry = this.tokens.get(token);
    return entry !== undefined && entry.api === api && entry.valid;
  }

  /** The account a valid token was issued to. */
  userOf(token: string): string | undefined {
    return this.tokens.get(token)?.user;
  }

  expireAll(): void {
    for (const entry of this.tokens.values()) entry.valid = false;
  }

  /** For leak tests: every token ever issued. */
  all(): string[] {
    return [...this.tokens.keys()];
  }
}
