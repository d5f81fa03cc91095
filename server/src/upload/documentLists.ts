import { isJsonObject, type JsonObject } from './json';
import { UploadFailureError } from './result';

/** The objects of one of the document's lists (none when the list is absent). */
export function documentList(document: JsonObject, key: string): JsonObject[] {
  const list = document[key];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw invalidDocument(`"${key}" must be a list.`, [key]);
  const badIndex = list.findIndex((item) => !isJsonObject(item));
  if (badIndex >= 0) throw invalidDocument(`${key}[${badIndex}] must be an object.`, [key, badIndex]);
  return list as JsonObject[];
}

/** The document's id for an item (`team_id`, `competitor_id`, `event_id`), or its position. */
export function documentId(item: JsonObject, idKey: string, index: number): string {
  const id = item[idKey];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `#${index}`;
}

function invalidDocument(message: string, path: (string | number)[]): UploadFailureError {
  return new UploadFailureError('invalid-document', `The document cannot be uploaded: ${message}`, undefined, [{ path, message }]);
}
