import type { UploadFlow } from './context';
import { fastApiFieldErrors } from './errors';
import { createdId, expectSuccess } from './responseFailure';
import { documentId, documentList } from './documentLists';
import { v1WebUrl } from './webUrl';

/** The 2020 gateway takes the whole nested document in one POST, so it is created entirely or not at all. */
export const uploadV1: UploadFlow = async ({ client, base, created, progress }, document) => {
  const ids = (list: string, idKey: string) => documentList(document, list).map((item, i) => documentId(item, idKey, i));
  const teams = ids('teams', 'team_id');
  const competitors = ids('competitors', 'competitor_id');
  const events = ids('events', 'event_id');

  progress.step('Uploading the competition…', 100);
  const response = await client.send({ method: 'POST', url: new URL('api/v1/competitions/', base).toString(), json: document });
  const answer = expectSuccess(response, 'creating the competition', fastApiFieldErrors);

  created.competition = { id: createdId(answer, response, 'the competition'), webUrl: v1WebUrl(answer, base) };
  Object.assign(created, { teams, competitors, events });
  return created.competition;
};
