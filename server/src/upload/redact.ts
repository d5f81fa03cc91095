const MASK = '***';

/**
 * Remembers the password and every token seen during an upload and masks them in any text that
 * leaves the upload core (log lines, progress, messages), including server answers that echo them.
 */
export class SecretRedactor {
  private secrets: string[] = [];

  add(secret: string | undefined): void {
    if (!secret || this.secrets.includes(secret)) return;
    // Longest first, so a secret that contains another is masked whole.
    this.secrets = [...this.secrets, secret].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    return this.secrets.reduce((masked, secret) => masked.split(secret).join(MASK), text);
  }
}

/** A URL fit for a log: no user info, and every query value masked (they may carry ids or keys). */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '<invalid URL>';
  }
  const names = [...url.searchParams.keys()];
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  const query = names.map((name) => `${encodeURIComponent(name)}=${MASK}`).join('&');
  return query ? `${url.toString()}?${query}` : url.toString();
}
