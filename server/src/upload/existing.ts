// Finding the competition already on OpenTrack (by the id remembered from the last upload, else by slug),
// and reading what the server holds for it, following the pagination links.
import type { AuthorizedClient } from './auth';
import { isJsonObject, type JsonObject } from './json';
import { failureFromResponse } from './responseFailure';
import { UploadFailureError, type CreatedCompetition } from './result';
import type { UploadApi } from './servers';
import type { ServerSnapshot } from './uploadPlan';
import { restWebUrl, v1WebUrl } from './webUrl';

export interface ExistingCompetition extends CreatedCompetition {
  record: JsonObject;
}

/** The competition with this file's slug (or remembered id) on the server; undefined when there is none. */
export async function findExisting(
  client: AuthorizedClient,
  api: UploadApi,
  base: string,
  document: JsonObject,
  knownId: string | undefined,
): Promise<ExistingCompetition | undefined> {
  const slug = typeof document.slug === 'string' && document.slug !== '' ? document.slug : undefined;
  if (api === 'v1') {
    // The gateway lists competitions as a plain array, filtered by country and date (no search by slug).
    // If the listing fails the upload goes on: the gateway itself refuses a second competition with the slug.
    const url = new URL('api/v1/competitions/', base);
    if (typeof document.country_id === 'string') url.searchParams.set('country', document.country_id);
    if (typeof document.date === 'string') url.searchParams.set('from_date', document.date);
    const response = await client.send({ method: 'GET', url: url.toString() });
    if (!response.ok) return undefined;
    const list = Array.isArray(response.body) ? response.body.filter(isJsonObject) : [];
    const record = list.find((item) => (knownId !== undefined && String(item.id) === knownId) || (slug !== undefined && item.slug === slug));
    return record && { id: String(record.id), webUrl: v1WebUrl(record, base), record };
  }
  if (knownId !== undefined) {
    const response = await client.send({ method: 'GET', url: new URL(`api/competitions/${encodeURIComponent(knownId)}/`, base).toString() });
    if (response.ok && isJsonObject(response.body)) {
      return { id: String(response.body.id ?? knownId), webUrl: restWebUrl(response.body, response.body, base), record: response.body };
    }
    // Deleted on the server: look for the slug instead.
    if (!response.ok && response.status !== 404) throw failureFromResponse(response, 'looking for the competition on OpenTrack', []);
  }
  if (slug === undefined) return undefined;
  const url = new URL('api/competitions/', base);
  url.searchParams.set('search', slug);
  const record = (await readAll(client, base, url.toString(), 'looking for the competition on OpenTrack')).find((item) => item.slug === slug);
  return record && { id: String(record.id), webUrl: restWebUrl(record, record, base), record };
}

/** The competition's teams, competitors and events (with their units) as the REST API lists them. */
export async function readSnapshot(client: AuthorizedClient, base: string, existing: ExistingCompetition): Promise<ServerSnapshot> {
  const list = (name: string) => {
    const url = new URL(`api/${name}/`, base);
    url.searchParams.set('competition', existing.id);
    url.searchParams.set('limit', '500');
    return readAll(client, base, url.toString(), `reading the ${name} already on OpenTrack`);
  };
  return { competition: existing.record, teams: await list('teams'), competitors: await list('competitors'), events: await list('events') };
}

/** A bound on pages, so a server whose `next` never ends cannot keep the upload going. */
const MAX_PAGES = 1000;

/** Every item of a DRF list, following `next` (only on the same server: the request carries the token). */
async function readAll(client: AuthorizedClient, base: string, first: string, action: string): Promise<JsonObject[]> {
  const items: JsonObject[] = [];
  let next: string | undefined = first;
  for (let page = 0; next !== undefined; page++) {
    if (page >= MAX_PAGES) throw new UploadFailureError('server', `OpenTrack's list did not end after ${MAX_PAGES} pages while ${action}.`);
    const response = await client.send({ method: 'GET', url: next });
    if (!response.ok) throw failureFromResponse(response, action, []);
    const body = response.body;
    const results = Array.isArray(body) ? body : isJsonObject(body) && Array.isArray(body.results) ? body.results : undefined;
    if (!results) throw new UploadFailureError('server', `OpenTrack answered with something other than a list while ${action}.`, response.status);
    items.push(...results.filter(isJsonObject));
    const link = isJsonObject(body) && typeof body.next === 'string' ? body.next : undefined;
    if (link !== undefined && new URL(link, base).origin !== new URL(base).origin) {
      throw new UploadFailureError('server', `OpenTrack's list pointed to another server (${new URL(link, base).host}) while ${action}; not followed.`);
    }
    next = link === undefined ? undefined : new URL(link, base).toString();
  }
  return items;
}
