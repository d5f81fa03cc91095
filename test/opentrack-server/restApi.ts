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
    tokenCheck(context, request, false) ?? paginate(items(request), request.url, context.maxPageSize);
  const itemsOf = (kind: ItemKind) => (request: ApiRequest) => {
    const competition = request.url.searchParams.get('competition');
    return context.state[kind].filter((item) => competition === null || item.competition === competition).map((item) => item.representation);
  };
  const competitions = (request: ApiRequest) => {
    const search = request.url.searchParams.get('search');
    return context.state.competitions
      .map((competition) => competition.representation)
      .filter((competition) => search === null || [competition.slug, competition.full_name].some((text) => String(text).includes(search)));
  };
  const one = (handle: (request: ApiRequest) => ApiAnswer) => (request: ApiRequest) => tokenCheck(context, request, false) ?? handle(request);

  return {
    'POST /api/get-auth-token/': (request) => login(context, request),
    'GET /api/hello/': (request) =>
      tokenCheck(context, request, true) ?? answer(200, { message: `Hello, Test Organiser ${context.credentials.username}!` }),
    'POST /api/competitions/': write((request) => createCompetition(context, request)),
    'POST /api/teams/': write((request) => createList(context, request, 'teams')),
    'POST /api/competitors/': write((request) => createList(context, request, 'competitors')),
    'POST /api/events/': write((request) => createEvent(context, request)),
    'GET /api/competitions/': list(competitions),
    'GET /api/competitions/{id}/': one((request) => readCompetition(context, request)),
    'PATCH /api/competitions/{id}/': write((request) => changeCompetition(context, request)),
    'GET /api/units/{id}/': one((request) => withUnit(context, request, (found) => answer(200, found.unit))),
    'PATCH /api/units/{id}/': write((request) => patchUnit(context, request)),
    ...itemRoutes(context, write, one),
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
  if (!context.accounts.some((account) => account.username === username && account.password === password)) {
    return answer(400, { non_field_errors: ['Unable to log in with provided credentials.'] });
  }
  context.state.tokensIssued++;
  return answer(200, { token: context.tokens.issue('rest', username) });
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
  context.state.competitions.push({ id, api: 'rest', received: body, representation, owner: userOf(context, request) });
  return answer(201, representation);
}

/** Teams and competitors: a JSON list in, a list of created records out (or one error entry per item). */
function createList(context: ServerContext, request: ApiRequest, kind: 'teams' | 'competitors'): ApiAnswer {
  const body = request.body;
  if (!Array.isArray(body)) return answer(400, { non_field_errors: [`Expected a list of items but got type "${typeName(body)}".`] });
  const items = body.map((item) => (isJsonObject(item) ? item : {}));
  const denied = items.map((item) => ownerCheck(context, request, String(item.competition))).find(Boolean);
  if (denied) return denied;
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
  const denied = ownerCheck(context, request, String(body.competition));
  if (denied) return denied;
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
  const id = kind === 'competitors' ? randomUUID() : nextNumber++;
  const stored: StoredItem = {
    id,
    competition: String(item.competition),
    api: 'rest',
    received: item,
    representation: { ...item, id, url: new URL(`api/${kind}/${id}/`, context.base()).toString() },
  };
  if (kind === 'events') stored.representation.units = withUnitIds(context, stored.representation.units);
  context.state[kind].push(stored);
  return stored;
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'NoneType';
  return typeof value === 'object' ? 'dict' : typeof value === 'string' ? 'str' : typeof value;
}

/** Integer ids of teams, events and units; never reused, even after a delete. */
let nextNumber = 1000;

/** Units are nested in their event; each gets its own id and `url` (`/api/units/<id>/`), as OpenTrack's events list them. */
function withUnitIds(context: ServerContext, units: unknown): JsonObject[] {
  if (!Array.isArray(units)) return [];
  return units.filter(isJsonObject).map((unit) => {
    if (typeof unit.id === 'number') return unit;
    const id = nextNumber++;
    return { ...unit, id, url: new URL(`api/units/${id}/`, context.base()).toString() };
  });
}

function userOf(context: ServerContext, request: ApiRequest): string {
  return (request.authorization && context.tokens.userOf(request.authorization.token)) ?? '';
}

/** Only the organiser who created a competition may change it or its items (DRF's answer otherwise). */
function ownerCheck(context: ServerContext, request: ApiRequest, competitionId: string): ApiAnswer | undefined {
  const competition = context.state.competitions.find((stored) => stored.id === competitionId);
  if (!competition || competition.owner === userOf(context, request)) return undefined;
  return answer(403, { detail: 'You do not have permission to perform this action.' });
}

function idInPath(request: ApiRequest): string {
  const segments = request.url.pathname.split('/').filter(Boolean);
  return decodeURIComponent(segments[segments.length - 1]);
}

function readCompetition(context: ServerContext, request: ApiRequest): ApiAnswer {
  const competition = context.state.competitions.find((stored) => stored.id === idInPath(request));
  return competition ? answer(200, competition.representation) : answer(404, { detail: 'Not found.' });
}

function changeCompetition(context: ServerContext, request: ApiRequest): ApiAnswer {
  const competition = context.state.competitions.find((stored) => stored.id === idInPath(request));
  if (!competition) return answer(404, { detail: 'Not found.' });
  const denied = ownerCheck(context, request, competition.id);
  if (denied) return denied;
  if (!isJsonObject(request.body)) return answer(400, { non_field_errors: ['Invalid data. Expected a dictionary.'] });
  const merged = { ...competition.representation, ...request.body, id: competition.id, url: competition.representation.url };
  const issues = checkCompetition(merged, 'rest');
  if (issues.length > 0) return answer(400, drfValidationBody(issues, request.body));
  competition.representation = merged;
  return answer(200, merged);
}

/** GET, PUT (the full record), PATCH (some fields) and DELETE of one team, competitor or event. */
function itemRoutes(
  context: ServerContext,
  write: (handle: (request: ApiRequest) => ApiAnswer) => (request: ApiRequest) => ApiAnswer,
  one: (handle: (request: ApiRequest) => ApiAnswer) => (request: ApiRequest) => ApiAnswer,
): Routes {
  const routes: Routes = {};
  for (const kind of ['teams', 'competitors', 'events'] as const) {
    const find = (request: ApiRequest) => context.state[kind].find((item) => String(item.id) === idInPath(request));
    const change = (replace: boolean) => (request: ApiRequest) => {
      const stored = find(request);
      if (!stored) return answer(404, { detail: 'Not found.' });
      const denied = ownerCheck(context, request, stored.competition);
      if (denied) return denied;
      if (!isJsonObject(request.body)) return answer(400, { non_field_errors: ['Invalid data. Expected a dictionary.'] });
      const { id, url } = stored.representation;
      const merged: JsonObject = replace ? { ...request.body, id, url } : { ...stored.representation, ...request.body, id, url };
      if (replace && merged.competition === undefined) return answer(400, drfValidationBody([{ path: ['competition'], kind: 'missing' }], request.body));
      const issues = ITEM_CHECKS[kind](merged);
      if (issues.length > 0) return answer(400, drfValidationBody(issues, request.body));
      if (kind === 'events') merged.units = withUnitIds(context, merged.units);
      stored.representation = merged;
      return answer(200, merged);
    };
    routes[`GET /api/${kind}/{id}/`] = one((request) => {
      const stored = find(request);
      return stored ? answer(200, stored.representation) : answer(404, { detail: 'Not found.' });
    });
    routes[`PUT /api/${kind}/{id}/`] = write(change(true));
    routes[`PATCH /api/${kind}/{id}/`] = write(change(false));
    routes[`DELETE /api/${kind}/{id}/`] = write((request) => {
      const stored = find(request);
      if (!stored) return answer(404, { detail: 'Not found.' });
      const denied = ownerCheck(context, request, stored.competition);
      if (denied) return denied;
      context.state[kind].splice(context.state[kind].indexOf(stored), 1);
      return answer(204, undefined);
    });
  }
  return routes;
}

interface FoundUnit {
  event: StoredItem;
  unit: JsonObject;
  index: number;
}

function withUnit(context: ServerContext, request: ApiRequest, handle: (found: FoundUnit) => ApiAnswer): ApiAnswer {
  const id = idInPath(request);
  for (const event of context.state.events) {
    const units = (event.representation.units as JsonObject[] | undefined) ?? [];
    const index = units.findIndex((unit) => String(unit.id) === id);
    if (index >= 0) return handle({ event, unit: units[index], index });
  }
  return answer(404, { detail: 'Not found.' });
}

/** A unit's results (and any other field) change on their own, as in OpenTrack's PATCH of a unit's `url`. */
function patchUnit(context: ServerContext, request: ApiRequest): ApiAnswer {
  return withUnit(context, request, ({ event, unit, index }) => {
    const denied = ownerCheck(context, request, event.competition);
    if (denied) return denied;
    if (!isJsonObject(request.body)) return answer(400, { non_field_errors: ['Invalid data. Expected a dictionary.'] });
    const merged = { ...unit, ...request.body, id: unit.id, url: unit.url };
    (event.representation.units as JsonObject[])[index] = merged;
    return answer(200, merged);
  });
}

