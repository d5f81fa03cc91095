// The 2026 Django REST Framework API: token login, then one endpoint per resource.
import { randomUUID } from 'node:crypto';
import { isJsonObject, type JsonObject } from '../../server/src/upload/json';
import { drfValidationBody } from './errorBodies';
import { answer, loginFields, paginate, type ApiAnswer, type ApiRequest, type Routes, type ServerContext } from './routing';
import type { StoredItem } from './state';
import {
  checkCompetition,
  checkCompetitor,
  checkEvent,
  checkTeam,
  competitionFields,
  duplicateIndexes,
  within,
  type Issue,
} from './validation';

type ItemKind = 'teams' | 'competitors' | 'events';

const ID_KEYS: Record<ItemKind, string> = { teams: 'team_id', competitors: 'competitor_id', events: 'event_id' };
const ITEM_CHECKS: Record<ItemKind, (item: JsonObject) => Issue[]> = {
  teams: checkTeam,
  competitors: checkCompetitor,
  events: checkEvent,
};

export function restRoutes(context: ServerContext): Routes {
  const write = (handle: (request: ApiRequest) => ApiAnswer) => (request: ApiRequest) =>
    tokenCheck(context, request, true) ?? writeCheck(request) ?? handle(request);
  const list = (items: (request: ApiRequest) => JsonObject[]) => (request: ApiRequest) =>
    tokenCheck(context, request, false) ?? paginate(items(request), request.url);
  const itemsOf = (kind: ItemKind) => (request: ApiRequest) => {
    const competition = request.url.searchParams.get('competition');
    return context.state[kind].filter((item) => competition === null || item.competition === competition).map((item) => item.representation);
  };

  return {
    'POST /api/get-auth-token/': (request) => login(context, request),
    'GET /api/hello/': (request) =>
      tokenCheck(context, request, true) ?? answer(200, { message: `Hello, Test Organiser ${context.credentials.username}!` }),
    'POST /api/competitions/': write((request) => createCompetition(context, request)),
    'POST /api/teams/': write((request) => createList(context, request, 'teams')),
    'POST /api/competitors/': write((request) => createList(context, request, 'competitors')),
    'POST /api/events/': write((request) => createEvent(context, request)),
    'GET /api/competitions/': list(() => context.state.competitions.map((competition) => competition.representation)),
    'GET /api/teams/': list(itemsOf('teams')),
    'GET /api/competitors/': list(itemsOf('competitors')),
    'GET /api/events/': list(itemsOf('events')),
  };
}

function login(context: ServerContext, request: ApiRequest): ApiAnswer {
  const { username, password } = loginFields(request);
  if (username === undefined || password === undefined) {
    const missing = { username, password };
    return answer(
      400,
      Object.fromEntries(Object.entries(missing).flatMap(([key, value]) => (value === undefined ? [[key, ['This field is required.']]] : []))),
    );
  }
  if (username !== context.credentials.username || password !== context.credentials.password) {
    return answer(400, { non_field_errors: ['Unable to log in with provided credentials.'] });
  }
  context.state.tokensIssued++;
  return answer(200, { token: context.tokens.issue('rest') });
}

/** DRF TokenAuthentication: a bad token always fails; no token fails only where login is required. */
function tokenCheck(context: ServerContext, request: ApiRequest, required: boolean): ApiAnswer | undefined {
  const { authorization } = request;
  const challenge = { 'WWW-Authenticate': 'Token' };
  if (authorization?.scheme.toLowerCase() === 'token') {
    return context.tokens.isValid('rest', authorization.token) ? undefined : answer(401, { detail: 'Invalid token.' }, challenge);
  }
  return required ? answer(401, { detail: 'Authentication credentials were not provided.' }, challenge) : undefined;
}

/** What a write must satisfy before its body is looked at: a Referer (CSRF check) and a JSON body. */
function writeCheck(request: ApiRequest): ApiAnswer | undefined {
  if (!request.hasReferer) return answer(403, { detail: 'CSRF Failed: Referer checking failed - no Referer.' });
  if (request.unsupportedType !== undefined) {
    return answer(415, { detail: `Unsupported media type "${request.unsupportedType}" in request.` });
  }
  if (request.jsonError !== undefined) return answer(400, { detail: `JSON parse error - ${request.jsonError}` });
  return undefined;
}

function createCompetition(context: ServerContext, request: ApiRequest): ApiAnswer {
  const body = request.body;
  if (!isJsonObject(body)) return answer(400, { non_field_errors: [`Invalid data. Expected a dictionary, but got ${typeName(body)}.`] });
  const issues = checkCompetition(body, 'rest');
  if (context.state.competitions.some((competition) => competition.received.slug === body.slug)) {
    issues.push({ path: ['slug'], kind: 'unique', detail: 'competition with this slug already exists.' });
  }
  if (issues.length > 0) return answer(400, drfValidationBody(issues, body));

  const id = randomUUID();
  const representation = {
    ...competitionFields(body),
    id,
    url: new URL(`api/competitions/${id}/`, context.base()).toString(),
    home_page_url: new URL(`en-gb/x/${String(body.year)}/${String(body.country)}/${String(body.slug)}/`, context.base()).toString(),
  };
  context.state.competitions.push({ id, api: 'rest', received: body, representation });
  return answer(201, representation);
}

/** Teams and competitors: a JSON list in, a list of created records out (or one error entry per item). */
function createList(context: ServerContext, request: ApiRequest, kind: 'teams' | 'competitors'): ApiAnswer {
  const body = request.body;
  if (!Array.isArray(body)) return answer(400, { non_field_errors: [`Expected a list of items but got type "${typeName(body)}".`] });
  const items = body.map((item) => (isJsonObject(item) ? item : {}));
  const issues = [
    ...body.flatMap((item, index) =>
      isJsonObject(item)
        ? within([index], itemIssues(context, kind, item))
        : [{ path: [index], kind: 'object' as const, detail: `Invalid data. Expected a dictionary, but got ${typeName(item)}.` }],
    ),
    ...uniqueSetIssues(context, kind, items),
  ];
  if (issues.length > 0) return answer(400, drfValidationBody(issues, body));
  return answer(201, items.map((item) => store(context, kind, item).representation));
}

function createEvent(context: ServerContext, request: ApiRequest): ApiAnswer {
  const body = request.body;
  if (!isJsonObject(body)) return answer(400, { non_field_errors: [`Invalid data. Expected a dictionary, but got ${typeName(body)}.`] });
  const issues = [...itemIssues(context, 'events', body), ...uniqueSetIssues(context, 'events', [body]).map((issue) => ({ ...issue, path: [] }))];
  if (issues.length > 0) return answer(400, drfValidationBody(issues, body));
  return answer(201, store(context, 'events', body).representation);
}

function itemIssues(context: ServerContext, kind: ItemKind, item: JsonObject): Issue[] {
  const competition = item.competition;
  const competitionIssues: Issue[] =
    competition === undefined || competition === null
      ? [{ path: ['competition'], kind: 'missing' }]
      : context.state.competitions.some((stored) => stored.id === competition)
        ? []
        : [{ path: ['competition'], kind: 'format', detail: `Invalid pk "${String(competition)}" - object does not exist.` }];
  return [...competitionIssues, ...ITEM_CHECKS[kind](item)];
}

/** The (competition, id) pair must be unique among stored records and within the posted list. */
function uniqueSetIssues(context: ServerContext, kind: ItemKind, items: JsonObject[]): Issue[] {
  const idKey = ID_KEYS[kind];
  const pair = (item: JsonObject) => (item[idKey] === undefined ? {} : { pair: `${String(item.competition)} ${String(item[idKey])}` });
  const taken = new Set(context.state[kind].map((stored) => pair(stored.representation).pair));
  return duplicateIndexes(items.map(pair), 'pair', taken).map((index) => ({
    path: [index],
    kind: 'unique' as const,
    detail: `The fields competition, ${idKey} must make a unique set.`,
  }));
}

function store(context: ServerContext, kind: ItemKind, item: JsonObject): StoredItem {
  // Competitor ids look like UUIDs in OpenTrack's examples; team and event ids are integers.
  const id = kind === 'competitors' ? randomUUID() : 1000 + context.state[kind].length;
  const stored: StoredItem = {
    id,
    competition: String(item.competition),
    api: 'rest',
    received: item,
    representation: { ...item, id, url: new URL(`api/${kind}/${id}/`, context.base()).toString() },
  };
  context.state[kind].push(stored);
  return stored;
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'NoneType';
  return typeof value === 'object' ? 'dict' : typeof value === 'string' ? 'str' : typeof value;
}
