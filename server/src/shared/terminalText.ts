/**
 * Control characters (C0, DEL, C1) and bidirectional marks and overrides, which a document or a
 * server could use to move the cursor, recolour, rewrite or reorder what a terminal or a log shows.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print: every control character shown as a visible `\uXXXX` escape, nothing lost. */
export function forTerminal(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Text safe to print on one line, for messages from a server: line breaks and tabs become spaces,
 * every other control character is removed.
 */
export function stripControlCharacters(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ').replace(UNPRINTABLE, '');
}
