import type { Diagnostic } from 'vscode-languageserver-types';

/** The custom requests between the VS Code client and the server (no runtime dependencies, so the client can import it). */

/** Name of the custom request that says whether (and why) a document is treated as a competition. */
export const DOCUMENT_KIND_REQUEST = 'opentrack/documentKind';

/** The language id VS Code gives competition files (`*.opentrack.json`, or any JSON file switched to it). */
export const OPENTRACK_LANGUAGE_ID = 'opentrack-json';

/**
 * Why a document is a competition: its name, the `opentrack.files` setting, its content (a `$schema`
 * naming ours included), or only its language (a JSON file the user switched to `opentrack-json`).
 */
export type CompetitionReason = 'name' | 'setting' | 'content' | 'language';

/** `text` only for a document the server does not have (a plain JSON file): without it, content is not considered. */
export interface DocumentKindParams {
  uri: string;
  text?: string;
}

export interface DocumentKind {
  reason: CompetitionReason | undefined;
}

/** Name of the custom request the client's upload command calls before uploading. */
export const VALIDATE_REQUEST = 'opentrack/validate';

export interface ValidateResult {
  isCompetition: boolean;
  errors: number;
  warnings: number;
  diagnostics: Diagnostic[];
}

/** Name of the custom request that renders a competition for the preview (the whole page, or one section of a large meet). */
export const PREVIEW_REQUEST = 'opentrack/preview';

export interface PreviewParams {
  uri: string;
  /** A section rendered on demand (`event:3`, `competitors`, `teams`); the whole page when absent. */
  section?: string;
}

/** A row of the preview: its `data-path` and the offsets of its JSON in the rendered version. */
export type PreviewRow = [path: string, start: number, end: number];

export type PreviewResult =
  | { kind: 'page'; html: string; rows: PreviewRow[]; lazy: boolean; version: number }
  | { kind: 'section'; section: string; html: string; rows: PreviewRow[]; version: number }
  /** The JSON has syntax errors: the preview keeps its last good page and says why. */
  | { kind: 'broken'; message: string; version: number }
  | { kind: 'closed' };
