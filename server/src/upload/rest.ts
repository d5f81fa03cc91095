import type { UploadContext, UploadFlow } from './context';
import { documentId, documentList } from './documentLists';
import { drfFieldErrors, drfListFieldErrors, type FieldError } from './errors';
import type { JsonObject } from './json';
import { competitionPayload, eventPostingOrder, itemKeyToDocument } from './restPayloads';
import { createdId, expectSuccess } from './responseFailure';
import { restWebUrl } from './webUrl';

/**
 * The 2026 API creates the competition, then its teams and competitors (each a list in one POST),
 * then its events one by one. Competitors go before events because event results refer to them
 * by bib. Each step records what it created, so a failure can say exactly what already exists.
 *
 * Relay teams are not uploaded: the 2026 API documents no relay-team endpoint, and guessing one
 * (e.g. /api/relay-teams/) would fail after the competition already exists. The upload warns instead.
 */
export const uploadRest: UploadFlow = async (context, document) => {
  const { base, created, progress } = context;
  const teams = documentList(document, 'teams');
  const competitors = documentList(document, 'competitors');
  const events = documentList(document, 'events');
  const relayTeams = documentList(document, 'relay_teams');

  const competition = competitionPayload(document);
  progress.step('Creating the competition…', 20);
  const { answer, response } = await post(context, 'api/competitions/', competition.body, 'creating the competition', (body) =>
    drfFieldErrors(body, [], competition.keyToDocument),
  );
  const competitionId = createdId(answer, response, 'the competition');
  created.competition = { id: competitionId, webUrl: restWebUrl(answer, competition.body, base) };

  const forCompetition = (item: JsonObject) => ({ ...item, competition: competitionId });
  if (teams.length > 0) {
    progress.step(`Creating ${teams.length} teams…`, 10);
    await postList(context, 'teams', teams.map(forCompetition));
    created.teams = teams.map((team, i) => documentId(team, 'team_id', i));
  }
  if (competitors.length > 0) {
    progress.step(`Creating ${competitors.length} competitors…`, 20);
    await postList(context, 'competitors', competitors.map(forCompetition));
    created.competitors = competitors.map((competitor, i) => documentId(competitor, 'competitor_id', i));
  }
  for (const index of eventPostingOrder(events)) {
    const eventId = documentId(events[index], 'event_id', index);
    progress.step(`Creating event ${eventId}…`, 50 / events.length);
    await post(context, 'api/events/', forCompetition(events[index]), `creating event ${eventId}`, (body) =>
      drfFieldErrors(body, ['events', index], itemKeyToDocument),
    );
    created.events.push(eventId);
  }
  if (relayTeams.length > 0) {
    context.warn(
      `The ${relayTeams.length} relay teams were not uploaded: the 2026 OpenTrack API has no documented relay-team endpoint. Add them on the OpenTrack website, or upload with the v1 API.`,
    );
  }
  return created.competition;
};

async function post(context: UploadContext, path: string, json: unknown, action: string, mapFieldErrors: (body: unknown) => FieldError[]) {
  const response = await context.client.send({ method: 'POST', url: new URL(path, context.base).toString(), json });
  return { answer: expectSuccess(response, action, mapFieldErrors), response };
}

/** Teams and competitors are posted as one list each, in document order. */
async function postList(context: UploadContext, list: 'teams' | 'competitors', items: JsonObject[]): Promise<void> {
  await post(context, `api/${list}/`, items, `creating the ${list}`, (body) => drfListFieldErrors(body, [list], itemKeyToDocument));
}
