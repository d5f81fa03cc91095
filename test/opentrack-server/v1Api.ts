// The 2020 FastAPI gateway: OAuth2 password form → bearer token, one nested POST per competition.
import { randomUUID } from 'node:crypto';
import { fastApiValidationBody } from './errorBodies';
import { answer, loginFields, type ApiAnswer, type ApiRequest, type Routes, type ServerContext } from './routing';
import type { StoredItem } from './state';
import { isJsonObject, type JsonObject } from '../../server/src/upload/json';
import { checkCompetition, checkNestedLists, competitionFields } from './validation';

const NOT_AUTHENTICATED = { detail: 'Could not validate credentials' };

export function v1Routes(context: ServerContext): Routes {
  return {
    'POST /api/v1/auth/token': (request) => login(context, request),
    'GET /api/v1/ping/': () => answer(200, { reply: 'pong', enviroment: 'otr_0' }),
    'POST /api/v1/competitions/': (request) => authenticated(context, request) ?? createCompetition(context, request),
    'GET /api/v1/competitions/': (request) => listCompetitions(context, request),
  };
}

function login(context: ServerContext, request: ApiRequest): ApiAnswer {
  const { username, password } = request.isForm ? loginFields(request) : {};
  const missing = (['username', 'password'] as const).filter((key) => (key === 'username' ? username : password) === undefined);
  if (missing.length > 0) {
    return answer(422, { detail: missing.map((key) => ({ loc: ['body', key], msg: 'field required', type: 'value_error.missing' })) });
  }
  if (!context.accounts.some((account) => account.username === username && account.password === password)) {
    return answer(401, { detail: 'Incorrect username or password' }, { 'WWW-Authenticate': 'Bearer' });
  }
  context.state.tokensIssued++;
  return answer(200, { access_token: context.tokens.issue('v1', username), token_type: 'bearer' });
}

function authenticated(context: ServerContext, request: ApiRequest): ApiAnswer | undefined {
  const { authorization } = request;
  if (authorization?.scheme.toLowerCase() === 'bearer' && context.tokens.isValid('v1', authorization.token)) return undefined;
  return answer(401, NOT_AUTHENTICATED, { 'WWW-Authenticate': 'Bearer' });
}

function createCompetition(context: ServerContext, request: ApiRequest): ApiAnswer {
  if (request.jsonError !== undefined) {
    return answer(422, { detail: [{ loc: ['body', 0], msg: request.jsonError, type: 'value_error.jsondecode' }] });
  }
  const body = request.body;
  if (!isJsonObject(body)) return answer(422, { detail: [{ loc: ['body'], msg: 'value is not a valid dict', type: 'type_error.dict' }] });
  const issues = [...checkCompetition(body, 'v1'), ...checkNestedLists(body)];
  if (issues.length > 0) return answer(422, fastApiValidationBody(issues));
  if (context.state.competitions.some((competition) => competition.received.slug === body.slug)) {
    return answer(400, { detail: `A competition with slug '${String(body.slug)}' already exists.` });
  }

  const id = randomUUID();
  const representation = {
    ...competitionFields(body),
    id,
    url: new URL(`en-gb/x/${String(body.date).slice(0, 4)}/${String(body.country_id)}/${String(body.slug)}/`, context.base()).toString(),
  };
  context.state.competitions.push({ id, api: 'v1', received: body, representation, owner: context.tokens.userOf(request.authorization!.token) ?? '' });
  // The nested items become rows of their own, as the REST API would list them.
  const rows = (key: string): StoredItem[] =>
    ((body[key] as JsonObject[] | undefined) ?? []).map((item) => ({
      id: randomUUID(),
      competition: id,
      api: 'v1',
      received: item,
      representation: { ...item, competition: id },
    }));
  context.state.teams.push(...rows('teams'));
  context.state.competitors.push(...rows('competitors'));
  context.state.events.push(...rows('events'));
  return answer(201, representation);
}

/** `GET /api/v1/competitions/?country=NOR&from_date=2020-09-01` returns a plain list. */
function listCompetitions(context: ServerContext, request: ApiRequest): ApiAnswer {
  const country = request.url.searchParams.get('country');
  const fromDate = request.url.searchParams.get('from_date');
  const matches = context.state.competitions
    .map((competition) => competition.representation)
    .filter((competition) => !country || competition.country_id === country || competition.country === country)
    .filter((competition) => !fromDate || String(competition.date) >= fromDate);
  return answer(200, matches);
}
