/** A location in a JSON document: property names and array indices from the root. */
export type JsonPath = ReadonlyArray<string | number>;

/** Decodes an RFC 6901 JSON Pointer (as in ajv's instancePath) into path segments. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => {
      const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment;
    });
}

/** A stable string key for a path, used to index located ranges. */
export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

/** Readable form for messages and logs: `events[0].units[1].round`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(document)' : out;
}
