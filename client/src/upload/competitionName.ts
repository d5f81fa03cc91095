// The competition's own name, for the live-upload confirmation and the messages. No vscode import.
import { locatePath } from '../../../server/src/shared/jsonPaths';

/** `full_name` (or the old API's `fullName`, or `name`) when it is a non-empty string; undefined otherwise. */
export function competitionName(text: string): string | undefined {
  for (const key of ['full_name', 'fullName', 'name']) {
    const spans = locatePath(text, [key]);
    if (!spans || text[spans.value.offset] !== '"') continue;
    try {
      const value: unknown = JSON.parse(text.slice(spans.value.offset, spans.value.offset + spans.value.length));
      if (typeof value === 'string' && value.trim() !== '') return value.trim();
    } catch {
      // An unterminated string while the user types: try the next key.
    }
  }
  return undefined;
}
