import { stripControlCharacters } from '../shared/terminalText';

const MASK = '***';

/** Below this length a secret is masked only where it stands alone, never inside words it happens to spell. */
const SHORT_SECRET = 6;

/**
 * Remembers the password and every token seen during an upload and masks them in any text that
 * leaves the upload core (log lines, progress, messages), including server answers that echo them,
 * raw or encoded (URL, form, HTML, JSON).
 */
export class SecretRedactor {
  private secrets: string[] = [];
  private pattern: RegExp | undefined;

  add(secret: string | undefined): void {
    if (!secret) return;
    const spellings = encodings(secret).filter((spelling) => !this.secrets.includes(spelling));
    if (spellings.length === 0) return;
    // Longest first, so a secret that contains another is masked whole.
    this.secrets = [...this.secrets, ...spellings].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(this.secrets.map(secretPattern).join('|'), 'gu');
  }

  redact(text: string): string {
    return this.pattern ? text.replace(this.pattern, MASK) : text;
  }

  /** The text fit for a terminal or a log: secrets masked and control characters gone (in either order of tricks). */
  clean(text: string): string {
    return this.redact(stripControlCharacters(this.redact(text)));
  }
}

function encodings(secret: string): string[] {
  const html = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const spellings = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    html,
    html.replace(/"/g, '&quot;').replace(/'/g, '&#x27;'),
    html.replace(/"/g, '&#34;').replace(/'/g, '&#39;'),
    JSON.stringify(secret).slice(1, -1),
  ];
  return [...new Set(spellings)];
}

function secretPattern(secret: string): string {
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return secret.length < SHORT_SECRET ? `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])` : escaped;
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
