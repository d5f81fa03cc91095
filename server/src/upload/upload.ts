import { createAuthorizedClient, createMemoryTokenStore, type AuthorizedClient, type CredentialsProvider, type TokenStore } from './auth';
import { StepProgress, type UploadContext, type UploadFlow } from './context';
import { unfaithfulValues, withoutBom } from './documentFidelity';
import { documentList } from './documentLists';
import { findExisting, readSnapshot, type ExistingCompetition } from './existing';
import { createHttpClient, formatRequest } from './http';
import { isJsonObject, type JsonObject } from './json';
import { SecretRedactor } from './redact';
import { uploadRest } from './rest';
import { applyChanges } from './restUpdate';
import { describeCreated, emptyCreated, UploadFailureError, type UploadFailure, type UploadResult } from './result';
import { resolveServer, type ResolvedServer, type ServerChoice, type UploadApi } from './servers';
import { describeChange, planCreate, planUpdate, type PlannedChange, type UploadPlan } from './uploadPlan';
import { uploadV1 } from './v1';

export interface UploadOptions {
  /** The file's text, exactly as validated; a leading byte order mark is ignored. */
  documentText: string;
  api: UploadApi;
  server: ServerChoice;
  /** Must be true to upload to OpenTrack's live servers; the front ends ask the user first. */
  confirmedLive?: boolean;
  credentials: CredentialsProvider;
  /** Keeps tokens between uploads; by default a token lives for this upload only. */
  tokenStore?: TokenStore;
  /** Aborting cancels the request in flight and stops the upload. */
  signal?: AbortSignal;
  /** Per request; default 30 s, at most 10 min. */
  timeoutMs?: number;
  /** VS Code-style progress: increments add up to at most 100. */
  onProgress?: (message: string, increment: number) => void;
  /** One line per request and per notable event. Passwords and tokens never appear. */
  log?: (line: string) => void;
  /** The competition id OpenTrack gave this file's last upload, to find it even if its slug changed. */
  knownCompetitionId?: string;
  /**
   * Asked once when the competition already exists (REST API): update it with the plan's changes, or
   * cancel. Without it an existing competition stops the upload before anything is written.
   */
  decideUpdate?: (plan: UploadPlan & { existing: { id: string; webUrl: string } }) => Promise<'update' | 'cancel'>;
  /** Asked before anything is deleted, with exactly what would be; without it nothing is deleted. */
  confirmDeletions?: (deletions: PlannedChange[]) => Promise<boolean>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

const FLOWS: Record<UploadApi, UploadFlow> = { v1: uploadV1, rest: uploadRest };

export type PreviewResult = { ok: true; api: UploadApi; base: string; plan: UploadPlan; updatable: boolean } | UploadFailure;

/** What an upload would do, read from the server without writing anything. Never throws. */
export function previewUpload(options: UploadOptions): Promise<PreviewResult> {
  return run(options, 'Preview', async ({ session, document, existing }) => {
    const { api, base } = session;
    if (!existing) return { ok: true, api, base, plan: planCreate(document), updatable: true };
    if (api === 'v1') return { ok: true, api, base, plan: { existing, changes: [] }, updatable: false };
    return { ok: true, api, base, plan: await updatePlan(session, document, existing), updatable: true };
  });
}

/** Uploads one competition document: creates it, or updates the copy already on OpenTrack. Never throws. */
export function upload(options: UploadOptions): Promise<UploadResult> {
  return run(options, 'Upload', async ({ session, document, existing }) => {
    const { api, base, context, log } = session;
    if (!existing) {
      log(`Sending a new competition: ${countByKind(planCreate(document).changes)}.`);
      const competition = await FLOWS[api](context, document);
      context.progress.finish('Uploaded.');
      log(`Uploaded competition ${competition.id}: ${competition.webUrl}`);
      return { ok: true, outcome: 'created', created: { ...context.created, competition }, changes: [], warnings: session.warnings };
    }
    if (api === 'v1') {
      throw new UploadFailureError(
        'exists',
        `The competition "${String(document.slug)}" already exists on ${base} (${existing.webUrl}). The v1 API documents no way to update a competition, so nothing was sent; upload with the REST API (setting opentrack.api "rest", or --api rest) to update it.`,
      );
    }
    const plan = await updatePlan(session, document, existing);
    const decision = options.decideUpdate ? await options.decideUpdate({ ...plan, existing: { id: existing.id, webUrl: existing.webUrl } }) : 'cancel';
    if (decision !== 'update') {
      throw new UploadFailureError(
        'exists',
        `The competition "${String(document.slug)}" already exists on ${base} (${existing.webUrl}) and was not updated. A second competition is not created: OpenTrack needs a unique slug, and two copies would split the meet's results.`,
      );
    }
    let changes = plan.changes;
    const deletions = changes.filter((change) => change.action === 'delete');
    if (deletions.length > 0 && !(options.confirmDeletions && (await options.confirmDeletions(deletions)))) {
      session.warn(`Not deleted (not confirmed): ${deletions.map((change) => `${change.kind} ${change.name}`).join(', ')}.`);
      changes = changes.filter((change) => change.action !== 'delete');
    }
    await applyChanges(context, changes, session.applied);
    context.progress.finish(session.applied.length > 0 ? 'Updated.' : 'Nothing to change.');
    log(`Updated competition ${existing.id} (${session.applied.length} changes sent): ${existing.webUrl}`);
    return {
      ok: true,
      outcome: session.applied.length > 0 ? 'updated' : 'unchanged',
      created: { ...context.created, competition: { id: existing.id, webUrl: existing.webUrl } },
      changes: session.applied,
      warnings: session.warnings,
    };
  });
}

async function updatePlan(session: Session, document: JsonObject, existing: ExistingCompetition): Promise<UploadPlan> {
  const plan = planUpdate(document, await readSnapshot(session.client, session.base, existing), session.base);
  session.log(`Plan: ${plan.changes.map(describeChange).join('; ') || 'no changes'}.`);
  // The page to open, as found (not the API resource the requests go to).
  return { ...plan, existing: { id: existing.id, webUrl: existing.webUrl } };
}

interface Session {
  api: UploadApi;
  base: string;
  client: AuthorizedClient;
  context: UploadContext;
  log: (line: string) => void;
  warn: (message: string) => void;
  warnings: string[];
  applied: PlannedChange[];
}

interface Prepared {
  session: Session;
  document: JsonObject;
  existing: ExistingCompetition | undefined;
}

/** Shared by upload and preview: checks, login, looking for the competition; turns every failure into an UploadFailure. */
async function run<T extends { ok: true }>(options: UploadOptions, verb: 'Upload' | 'Preview', work: (prepared: Prepared) => Promise<T>): Promise<T | UploadFailure> {
  const redactor = new SecretRedactor();
  const log = (line: string) => options.log?.(redactor.clean(line));
  const created = emptyCreated();
  const warnings: string[] = [];
  const applied: PlannedChange[] = [];
  let server: ResolvedServer | undefined;
  let document: JsonObject | undefined;
  try {
    const { api } = options;
    server = resolveServer(options.server, api);
    if (server.live && !options.confirmedLive && verb === 'Upload') {
      throw new UploadFailureError('refused', `Uploading to the live OpenTrack server ${server.base} needs an explicit confirmation.`);
    }
    document = parseDocument(options.documentText);
    if (options.signal?.aborted) throw new UploadFailureError('cancelled', `${verb} cancelled.`);

    const http = createHttpClient({
      timeoutMs: Number.isFinite(options.timeoutMs) ? (options.timeoutMs as number) : DEFAULT_TIMEOUT_MS,
      signal: options.signal,
      // The 2026 API checks the Referer of writes (Django's CSRF check); its examples send it everywhere.
      headers: api === 'rest' ? { Referer: server.base } : undefined,
      onRequest: (record) => log(formatRequest(record)),
    });
    const client = createAuthorizedClient({
      api,
      base: server.base,
      http,
      credentials: options.credentials,
      tokenStore: options.tokenStore ?? createMemoryTokenStore(),
      redactor,
      log,
    });
    const progress = new StepProgress((message, increment) => options.onProgress?.(redactor.clean(message), increment));
    const warn = (message: string) => {
      warnings.push(redactor.clean(message));
      log(`Warning: ${message}`);
    };
    const context: UploadContext = { client, base: server.base, created, progress, warn };
    log(`${verb} of "${String(document.slug ?? '')}" to ${server.base} with the ${api} API.`);
    progress.step('Looking for the competition on OpenTrack…', 0);
    const existing = await findExisting(client, api, server.base, document, options.knownCompetitionId);
    if (existing) log(`The competition already exists on OpenTrack: ${existing.id} (${existing.webUrl}).`);
    return await work({ session: { api, base: server.base, client, context, log, warn, warnings, applied }, document, existing });
  } catch (error) {
    const failure =
      error instanceof UploadFailureError
        ? error
        : new UploadFailureError('unexpected', `The ${verb.toLowerCase()} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    const parts = [failure.message];
    const alreadyCreated = describeCreated(created);
    if (alreadyCreated) parts.push(`Already created on OpenTrack: ${alreadyCreated}.`);
    if (applied.length > 0) parts.push(`Already changed on OpenTrack: ${applied.map(describeChange).join(', ')}.`);
    if (failure.kind === 'unknown') parts.push(whatToCheck(options.api, server?.base, document));
    const message = redactor.clean(parts.join(' '));
    log(`${verb} failed: ${message}`);
    return {
      ok: false,
      kind: failure.kind,
      status: failure.status,
      message,
      fieldErrors: failure.fieldErrors.map((fieldError) => ({
        path: fieldError.path.map((segment) => (typeof segment === 'string' ? redactor.clean(segment) : segment)),
        message: redactor.clean(fieldError.message),
      })),
      created,
      changes: applied,
      warnings,
    };
  }
}

/** "1 competition, 2 teams, 4 competitors, 6 events (15 results)": what a log may say about a request. */
function countByKind(changes: PlannedChange[]): string {
  const counts = new Map<string, number>();
  for (const change of changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  const results = changes.reduce((sum, change) => sum + (change.results ?? 0), 0);
  const parts = [...counts].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`);
  return `${parts.join(', ')}${results > 0 ? ` (${results} results)` : ''}`;
}

function whatToCheck(api: UploadApi, base: string | undefined, document: JsonObject | undefined): string {
  const slug = typeof document?.slug === 'string' ? `"${document.slug}"` : 'this competition';
  const where = base ? `${base}${api === 'rest' ? 'api/my-competitions/' : ''}` : 'OpenTrack';
  return `Check on ${where} whether ${slug} is there and what it holds before uploading again; the next upload looks for it by its slug first and does not create a second one.`;
}

function parseDocument(documentText: string): JsonObject {
  const text = withoutBom(documentText);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UploadFailureError('invalid-document', `The document is not valid JSON: ${(error as Error).message}`);
  }
  if (!isJsonObject(document)) {
    throw new UploadFailureError('invalid-document', 'The document must be one JSON object describing a competition.');
  }
  // The lists' shapes are checked before any request, so a malformed file sends nothing.
  for (const list of ['teams', 'competitors', 'events', 'relay_teams']) documentList(document, list);
  const unfaithful = unfaithfulValues(text);
  if (unfaithful.length > 0) {
    const [first] = unfaithful;
    throw new UploadFailureError(
      'invalid-document',
      `Nothing was uploaded: ${unfaithful.length === 1 ? 'one value' : `${unfaithful.length} values`} would reach OpenTrack differently from the file. ${first.message}`,
      undefined,
      unfaithful,
    );
  }
  return document;
}
