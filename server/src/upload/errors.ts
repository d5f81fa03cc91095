import { isJsonObject } from './json';

/** A location in the uploaded document, as object keys and array indexes from its root. */
export type DocumentPath = (string | number)[];

/** One server complaint, placed where the user can fix it in their own file. */
export interface FieldError {
  path: DocumentPath;
  message: string;
}

/**
 * Translates a key of a posted resource back to the document's key: the REST upload renames some
 * fields (`country_id` → `country`) and adds others (`competition`, `year`). `null` means the key
 * has no place in the document, so the complaint is reported at the resource itself.
 */
export type KeyToDocument = (postedKey: string) => string | null;

const keepKey: KeyToDocument = (key) => key;

/**
 * FastAPI 422 bodies: `{"detail": [{"loc": ["body", "events", 0, "rounds"], "msg": …}]}`.
 * `loc` starts with where the value came from; only `body` entries point into the document.
 */
export function fastApiFieldErrors(body: unknown): FieldError[] {
  if (!isJsonObject(body)) return [];
  if (typeof body.detail === 'string') return [{ path: [], message: body.detail }];
  if (!Array.isArray(body.detail)) return [];
  return body.detail.filter(isJsonObject).map((item) => ({
    path: Array.isArray(item.loc) && item.loc[0] === 'body' ? item.loc.slice(1).filter(isPathSegment) : [],
    message: typeof item.msg === 'string' ? item.msg : 'Invalid value.',
  }));
}

/**
 * Django REST Framework 400 bodies for one posted object: `{"field": ["msg"], "nested": [{}, {"x": ["msg"]}]}`,
 * placed under `at`, the object's path in the document. `non_field_errors` belong to the object itself;
 * a `detail` string concerns the whole request, so it goes to the document root.
 */
export function drfFieldErrors(body: unknown, at: DocumentPath, keyToDocument: KeyToDocument = keepKey): FieldError[] {
  if (isJsonObject(body) && typeof body.detail === 'string') return [{ path: [], message: body.detail }];
  const errors: FieldError[] = [];
  collect(body, at, keyToDocument, errors);
  return errors;
}

/**
 * DRF 400 bodies for a posted list: one entry per item (`[{}, {"competitor_id": […]}]`). The list is
 * posted in document order, so entry i belongs to item i of the document list at `listPath`.
 */
export function drfListFieldErrors(body: unknown, listPath: DocumentPath, keyToDocument: KeyToDocument = keepKey): FieldError[] {
  if (!Array.isArray(body)) return drfFieldErrors(body, listPath, keyToDocument);
  return body.flatMap((item, i) =>
    typeof item === 'string' ? [{ path: listPath, message: item }] : drfFieldErrors(item, [...listPath, i], keyToDocument),
  );
}

function collect(value: unknown, path: DocumentPath, keyToDocument: KeyToDocument, into: FieldError[]): void {
  if (typeof value === 'string') {
    into.push({ path, message: value });
  } else if (Array.isArray(value)) {
    // A list of strings is several messages for one field; a list of objects is one entry per array item.
    value.forEach((item, i) => collect(item, typeof item === 'string' ? path : [...path, i], keepKey, into));
  } else if (isJsonObject(value)) {
    for (const [key, nested] of Object.entries(value)) {
      collect(nested, [...path, ...documentSegment(key, keyToDocument)], keepKey, into);
    }
  }
}

function documentSegment(key: string, keyToDocument: KeyToDocument): DocumentPath {
  if (key === 'non_field_errors') return [];
  // DRF keys ListField/DictField errors by index as strings ("0").
  if (/^\d+$/.test(key)) return [Number(key)];
  const documentKey = keyToDocument(key);
  return documentKey === null ? [] : [documentKey];
}

function isPathSegment(segment: unknown): segment is string | number {
  return typeof segment === 'string' || typeof segment === 'number';
}
