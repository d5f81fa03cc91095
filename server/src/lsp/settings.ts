import { Connection } from 'vscode-languageserver';
import { globProblem, SeverityOverrides, ValidationSettings } from '../service';
import * as l10n from '@vscode/l10n';

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
  /** Unusable globs already reported: a settings error is reported once, not per file. */
  private readonly reportedGlobs = new Set<string>();
  supportsConfiguration = false;

  /** `report` tells the user about a settings error (once per error); the faulty entry is ignored. */
  constructor(
    private readonly connection: Connection,
    private readonly report: (message: string) => void = () => undefined,
  ) {}

  get(uri: string): Promise<ServerSettings> {
    if (!this.supportsConfiguration) return Promise.resolve(DEFAULTS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'opentrack' })
        .then((raw: Partial<ServerSettings> | null) => this.checked({ ...DEFAULTS, ...(raw ?? {}) }), () => DEFAULTS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** The settings with unusable `opentrack.files` entries reported (once each) and left out. */
  private checked(settings: ServerSettings): ServerSettings {
    const entries: unknown[] = Array.isArray(settings.files) ? settings.files : [settings.files];
    const files = entries.filter((glob): glob is string => {
      const problem = globProblem(glob);
      if (problem === undefined) return true;
      const key = JSON.stringify(glob) ?? String(glob);
      if (!this.reportedGlobs.has(key)) {
        this.reportedGlobs.add(key);
        this.report(l10n.t('The pattern {0} in the setting "opentrack.files" is ignored: {1}.', key, problem));
      }
      return false;
    });
    return { ...settings, files };
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
