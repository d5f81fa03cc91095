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
