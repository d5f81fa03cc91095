import { Connection } from 'vscode-languageserver';
import { SeverityOverrides } from '../service/rules/registry';
import { ValidationSettings } from '../service';

/** The `opentrack.*` settings the server reads (scope: resource). */
export interface ServerSettings {
  files: string[];
  rules: SeverityOverrides;
  maxSemanticFileSizeMB: number;
}

const DEFAULTS: ServerSettings = { files: [], rules: {}, maxSemanticFileSizeMB: 20 };

/** Reads settings per document through workspace/configuration when the client supports it. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  supportsConfiguration = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<ServerSettings> {
    if (!this.supportsConfiguration) return Promise.resolve(DEFAULTS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'opentrack' })
        .then((raw: Partial<ServerSettings> | null) => ({ ...DEFAULTS, ...(raw ?? {}) }), () => DEFAULTS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  clear(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }
}

export function validationSettings(settings: ServerSettings): ValidationSettings {
  return {
    rules: settings.rules,
    maxSemanticSize: Math.max(1, settings.maxSemanticFileSizeMB) * 1024 * 1024,
  };
}
