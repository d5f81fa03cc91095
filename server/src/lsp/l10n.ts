import * as l10n from '@vscode/l10n';
import { fileURLToPath } from 'node:url';

/**
 * Where the translations for the editor's display language are: the bundle the client passes
 * (`initializationOptions.l10nBundle`, the extension's `vscode.l10n.uri`), else the variable VS Code's
 * own language servers read. Undefined for English (no bundle).
 */
export function bundleLocation(initializationOptions: unknown, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const option = (initializationOptions as { l10nBundle?: unknown } | null | undefined)?.l10nBundle;
  if (typeof option === 'string' && option !== '') return option;
  return env.VSCODE_L10N_BUNDLE_LOCATION || undefined;
}

/**
 * Loads a translation bundle (a file path, or a `file:`, `http:` or `https:` URI) so that every
 * message made afterwards is translated. Call it before the first message is made: messages already
 * made stay as they are. Failures leave the messages in English.
 */
export async function loadTranslations(location: string | undefined, log: (message: string) => void): Promise<void> {
  if (!location) return;
  try {
    if (/^https?:/i.test(location)) await l10n.config({ uri: location });
    else l10n.config({ fsPath: /^file:/i.test(location) ? fileURLToPath(location) : location });
  } catch (error) {
    log(`Could not load the translations from ${location}; messages stay in English: ${String(error)}`);
  }
}
