// A local stand-in for OpenTrack's two upload APIs, for tests and demos. It listens on 127.0.0.1 only.
//   v1:   POST /api/v1/auth/token (form), GET /api/v1/ping/, POST|GET /api/v1/competitions/
//   rest: POST /api/get-auth-token/ (form), GET /api/hello/,
//         POST|GET /api/competitions/, /api/teams/, /api/competitors/, /api/events/
//         GET|PUT|PATCH|DELETE /api/{teams,competitors,events}/<id>/, GET|PATCH /api/competitions/<id>/,
//         GET|PATCH /api/units/<id>/ (units are listed inside their event)
//   pages: GET /en-gb/x/<year>/<country>/<slug>/, the competition page an upload links to
//   admin (never delayed or failed): POST /__control (ControlSettings JSON), GET /__state
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FailureSwitches, type ControlSettings } from './control';
import { restRoutes } from './restApi';
import { answer, type ApiAnswer, type ApiRequest, type Routes, type ServerContext } from './routing';
import { emptyState, type ReceivedState } from './state';
import { TokenRegistry } from './tokens';
import { competitionPage } from './competitionPage';
import { v1Routes } from './v1Api';

export type { ControlSettings, EndpointRejection } from './control';
export type { ReceivedState, RequestLogEntry, StoredCompetition, StoredItem } from './state';

export const DEFAULT_CREDENTIALS = { username: 'organiser@example.com', password: 'correct-horse' } as const;
/** Another organiser: can log in, but gets 403 on competitions it did not create. */
export const OTHER_ORGANISER = { username: 'rival@example.com', password: 'battery-staple' } as const;

export interface OpenTrackServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  username?: string;
  password?: string;
  /** The largest page the REST lists answer (default 1000), to exercise pagination. */
  maxPageSize?: number;
  /** Failure switches in force from the start. */
  control?: ControlSettings;
}

export interface OpenTrackServer {
  /** `http://127.0.0.1:PORT/`, the base URL of both APIs. */
  url: string;
  credentials: { username: string; password: string };
  /** Everything received so far (live: read it after awaiting the client). */
  state: ReceivedState;
  control(settings: ControlSettings): void;
  /** Every token handed out, so tests can check that none leaks into output. */
  issuedTokens(): string[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function startOpenTrackServer(options: OpenTrackServerOptions = {}): Promise<OpenTrackServer> {
  const credentials = {
    username: options.username ?? DEFAULT_CREDENTIALS.username,
    password: options.password ?? DEFAULT_CREDENTIALS.password,
  };
  const state = emptyState();
  const tokens = new TokenRegistry();
  const switches = new FailureSwitches();
  let base = '';
  const context: ServerContext = { state, tokens, credentials, accounts: [credentials, { ...OTHER_ORGANISER }], maxPageSize: options.maxPageSize ?? 1000, base: () => base };
  const routes: Routes = { ...v1Routes(context), ...restRoutes(context) };
  const control = (settings: ControlSettings) => {
    if (switches.apply(settings)) tokens.expireAll();
    if (settings.clearData) for (const list of [state.competitions, state.teams, state.competitors, state.events]) list.length = 0;
  };
  if (options.control) control(options.control);

  async function handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = incoming.method ?? 'GET';
    const url = new URL(incoming.url ?? '/', base);
    const text = await readBody(incoming);
    if (url.pathname === '/__control' && method === 'POST') {
      control(JSON.parse(text || '{}') as ControlSettings);
      return send(response, answer(200, { ok: true }));
    }
    if (url.pathname === '/__state' && method === 'GET') return send(response, answer(200, state));
    if (method === 'GET' && url.pathname.startsWith('/en-gb/x/')) return send(response, competitionPage(state, url.pathname));

    if (switches.delayMs > 0 && !(await delayUnlessClosed(switches.delayMs, response))) return;
    const request = decodeRequest(incoming, url, text);
    const reply = switches.forcedAnswer(method, url.pathname) ?? route(routes, method, url.pathname)(request);
    if (method !== 'GET' && !url.pathname.includes('auth') && reply.status < 300) {
      state.writes.push({ method, path: url.pathname, status: reply.status, body: request.body });
    }
    state.requests.push({
      method,
      path: url.pathname,
      status: reply.status,
      authorization: authorizationKind(request),
      referer: request.hasReferer,
      contentType: incoming.headers['content-type'],
    });
    // A dropped answer: the request was carried out, then the connection breaks before or after the headers.
    const drop = switches.dropAnswer(method, url.pathname);
    if (drop === 'before-headers') return void response.destroy();
    if (drop === 'after-headers') {
      response.writeHead(reply.status, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      response.write('{"id":');
      return void setImmediate(() => response.destroy());
    }
    send(response, reply);
  }

  const server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else send(response, answer(error instanceof SyntaxError ? 400 : 500, { detail: String(error) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  return {
    url: base,
    credentials,
    state,
    control,
    issuedTokens: () => tokens.all(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets and delayed answers would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

function route(routes: Routes, method: string, exactPath: string): (request: ApiRequest) => ApiAnswer {
  // `/api/events/1001/` is served by the `/api/events/{id}/` handler.
  const path = routes[`${method} ${exactPath}`] ? exactPath : exactPath.replace(/^(\/api\/[a-z-]+\/)[^/]+\/$/, '$1{id}/');
  const handler = routes[`${method} ${path}`];
  if (handler) return handler;
  const known = Object.keys(routes).some((key) => key.endsWith(` ${path}`));
  return () => (known ? answer(405, { detail: `Method "${method}" not allowed.` }) : answer(404, { detail: 'Not found.' }));
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function decodeRequest(incoming: IncomingMessage, url: URL, text: string): ApiRequest {
  const contentType = (incoming.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const isForm = contentType === 'application/x-www-form-urlencoded';
  const match = /^(\S+)\s+(.+)$/.exec(incoming.headers.authorization ?? '');
  const request: ApiRequest = {
    method: incoming.method ?? 'GET',
    url,
    body: undefined,
    isForm,
    authorization: match ? { scheme: match[1], token: match[2] } : undefined,
    hasReferer: Boolean(incoming.headers.referer),
  };
  if (text === '') return request;
  if (isForm) return { ...request, body: Object.fromEntries(new URLSearchParams(text)) };
  // FastAPI and DRF both read a body without Content-Type as JSON (the v1 examples send none).
  if (contentType !== '' && contentType !== 'application/json') return { ...request, unsupportedType: contentType };
  try {
    return { ...request, body: JSON.parse(text) };
  } catch (error) {
    return { ...request, jsonError: (error as Error).message };
  }
}

function authorizationKind(request: ApiRequest): 'Bearer' | 'Token' | 'other' | 'none' {
  const scheme = request.authorization?.scheme.toLowerCase();
  if (scheme === undefined) return 'none';
  return scheme === 'bearer' ? 'Bearer' : scheme === 'token' ? 'Token' : 'other';
}

/** Resolves true after `ms`, or false as soon as the client gives up (then nothing is processed). */
function delayUnlessClosed(ms: number, response: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      response.off('close', onClose);
      resolve(true);
    }, ms);
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    response.once('close', onClose);
  });
}

function send(response: ServerResponse, reply: ApiAnswer): void {
  const isText = typeof reply.body === 'string';
  response.writeHead(reply.status, {
    'Content-Type': isText ? 'text/html; charset=utf-8' : 'application/json',
    ...reply.headers,
  });
  response.end(isText ? (reply.body as string) : reply.body === undefined ? undefined : JSON.stringify(reply.body));
}
