// Applies an update plan with the REST API, change by change, recording each one as soon as OpenTrack accepted it.
import type { UploadContext } from './context';
import { drfFieldErrors, drfListFieldErrors } from './errors';
import { itemKeyToDocument } from './restPayloads';
import { expectSuccess } from './responseFailure';
import { describeChange, type PlannedChange } from './uploadPlan';

/** Sends each change that has a request; `applied` grows as they succeed, so a failure can say what was done. */
export async function applyChanges(context: UploadContext, changes: PlannedChange[], applied: PlannedChange[]): Promise<void> {
  const share = 100 / Math.max(changes.length, 1);
  for (const change of changes) {
    if (!change.request) continue;
    const { method, url, json } = change.request;
    context.progress.step(`${capitalize(describeChange(change))}…`, share);
    const response = await context.client.send({ method, url, json });
    const [list] = change.path;
    // Teams and competitors are created as one-item lists, whose errors come back as a list.
    const mapErrors = (body: unknown) =>
      method === 'POST' && Array.isArray(json) && typeof list === 'string'
        ? drfListFieldErrors(body, [list], itemKeyToDocument).map((error) => ({ ...error, path: [...change.path, ...error.path.slice(2)] }))
        : drfFieldErrors(body, change.path, itemKeyToDocument);
    expectSuccess(response, `${change.action === 'create' ? 'creating' : change.action === 'update' ? 'updating' : 'deleting'} ${change.kind} ${change.name}`, mapErrors);
    applied.push(change);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
