import type { JsonObject } from './json';

/**
 * The page to open after a v1 upload: the answer's `url`, else the server base.
 * Only http(s) links are taken from an answer, since front ends open them in a browser.
 */
export function v1WebUrl(answer: JsonObject, base: string): string {
  return httpUrl(answer.url) ?? base;
}

/**
 * The page to open after a REST upload. The answer's `url` is the API resource, so prefer
 * `home_page_url`, then the documented page pattern `/en-gb/x/{year}/{country}/{slug}/`.
 */
export function restWebUrl(answer: JsonObject, posted: JsonObject, base: string): string {
  const home = httpUrl(answer.home_page_url);
  if (home) return home;
  const parts = [posted.year, posted.country, posted.slug];
  if (parts.every((part) => typeof part === 'string' && part !== '')) {
    return new URL(`en-gb/x/${parts.map((part) => encodeURIComponent(part as string)).join('/')}/`, base).toString();
  }
  return httpUrl(answer.url) ?? base;
}

function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
