import { UploadFailureError } from './result';

/** The two upload APIs: the 2020 FastAPI gateway (one nested POST) and the 2026 Django REST API. */
export type UploadApi = 'v1' | 'rest';

/** `test`, `live`, or the base URL of another OpenTrack server (used as-is for either API). */
export type ServerChoice = 'test' | 'live' | (string & {});

export interface ResolvedServer {
  /** Base URL ending in `/`; endpoint paths are resolved against it. */
  base: string;
  /** True for OpenTrack's production hosts, however they were named. */
  live: boolean;
}

const KNOWN_BASES: Record<UploadApi, Record<'test' | 'live', string>> = {
  v1: { test: 'https://test-api.opentrack.run/', live: 'https://api.opentrack.run/' },
  rest: { test: 'https://test-data.opentrack.run/', live: 'https://data.opentrack.run/' },
};

/** OpenTrack's test hosts; every other host under opentrack.run is treated as live. */
const TEST_HOSTS = new Set(['test-api.opentrack.run', 'test-data.opentrack.run']);

export function resolveServer(server: ServerChoice, api: UploadApi): ResolvedServer {
  for (const named of ['test', 'live'] as const) {
    if (server === named) return { base: KNOWN_BASES[api][named], live: named === 'live' };
  }
  const url = parseCustomUrl(server);
  return { base: url.toString(), live: isLiveHost(url.hostname) };
}

/** `data.opentrack.run.` (fully qualified) and `DATA.opentrack.run` are the same host as `data.opentrack.run`. */
function isLiveHost(hostname: string): boolean {
  return (hostname === 'opentrack.run' || hostname.endsWith('.opentrack.run')) && !TEST_HOSTS.has(hostname);
}

function parseCustomUrl(server: string): URL {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw refuse(`"${server}" is neither "test", "live" nor a valid URL.`);
  }
  // The URL parser lower-cases the host; a trailing dot names the same host, so it is dropped.
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.replace(/\.+$/, '');
  if (url.username || url.password) {
    // Credentials in a URL end up in logs and shell history; they come from the credential prompt instead.
    throw refuse('The server URL must not contain a user name or password.');
  }
  if (url.search || url.hash) throw refuse('The server URL must not contain a query or fragment.');
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    // The password and token would cross the network in clear text.
    throw refuse(`Refusing plain http:// to ${url.host}: use https:// (http is allowed only for this computer).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse(`Unsupported URL scheme "${url.protocol}".`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** localhost, 127.0.0.0/8 (the URL parser normalises short forms like 127.1) and [::1]. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function refuse(message: string): UploadFailureError {
  return new UploadFailureError('refused', message);
}
