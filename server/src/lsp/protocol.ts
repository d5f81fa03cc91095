import type { Diagnostic } from 'vscode-languageserver-types';

/** The custom requests between the VS Code client and the server (no runtime dependencies, so the client can import it). */

/** Name of the custom request that says whether (and why) a document is treated as a competition. */
export const DOCUMENT_KIND_REQUEST = 'opentrack/documentKind';

/** Why a document is a competition: its name, the `opentrack.files` setting, or its content (a `$schema` naming ours included). */
export type CompetitionReason = 'name' | 'setting' | 'content';

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
