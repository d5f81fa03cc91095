// Helpers for tests that upload to the stand-in server: the fixture, a JSON locator, credentials, and a
// watch that collects every piece of output so a test can prove no password or token leaked into it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/repo';
import { positionOfPath } from '../../server/src/cli/positionOfPath';
import type { CredentialsProvider, UploadOptions, UploadResult } from '../../server/src/upload';
import { upload } from '../../server/src/upload';
import { startOpenTrackServer, type OpenTrackServer, type OpenTrackServerOptions } from './server';

const FIXTURE_PATH = 'test/fixtures/upload/full-competition.json';

export function loadFixture(): { text: string; document: Record<string, unknown> } {
  const text = readFileSync(join(repoRoot(), FIXTURE_PATH), 'utf8');
  return { text, document: JSON.parse(text) as Record<string, unknown> };
}

/** A deep copy of the fixture document, edited by `change` and pretty-printed like the fixture. */
export function editedFixture(change: (document: Record<string, any>) => void): { text: string; document: Record<string, unknown> } {
  const document = structuredClone(loadFixture().document);
  change(document);
  return { text: JSON.stringify(document, null, 4), document };
}

/** The CLI's `locate` dependency, as the CLI itself wires it. */
export const locate = positionOfPath;

/** The line (0-based) of the first occurrence of `needle`, for expectations. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} not found`);
  return text.slice(0, index).split('\n').length - 1;
}

export function fixedCredentials(username: string, password: string): CredentialsProvider & { asked: number } {
  const provider = {
    asked: 0,
    getCredentials: async () => {
      provider.asked++;
      return { username, password };
    },
  };
  return provider;
}

/** Collects every text a test produced (log lines, progress, results, CLI output) and the secrets in play. */
export class LeakWatch {
  readonly outputs: string[] = [];
  private readonly servers: OpenTrackServer[] = [];

  record(...texts: string[]): void {
    this.outputs.push(...texts);
  }

  /** Starts a stand-in server for `run` and always stops it; its password and tokens join the secrets checked. */
  async withServer<T>(run: (server: OpenTrackServer) => Promise<T>, options?: OpenTrackServerOptions): Promise<T> {
    const server = await startOpenTrackServer(options);
    this.servers.push(server);
    try {
      return await run(server);
    } finally {
      await server.close();
    }
  }

  /** Runs `upload` capturing its log, progress and whole result. */
  async upload(options: UploadOptions): Promise<UploadResult> {
    const result = await upload({
      ...options,
      log: (line) => {
        this.record(line);
        options.log?.(line);
      },
      onProgress: (message, increment) => {
        this.record(message);
        options.onProgress?.(message, increment);
      },
    });
    this.record(JSON.stringify(result));
    return result;
  }

  assertNoSecrets(): void {
    const secrets = this.servers.flatMap((server) => [server.credentials.password, ...server.issuedTokens()]);
    assert.ok(this.outputs.length > 0, 'nothing was recorded');
    for (const output of this.outputs) {
      for (const secret of secrets) {
        // The failure message masks the secret too: test reports are printed output.
        assert.ok(!output.includes(secret), `a secret leaked into: ${output.split(secret).join('<SECRET>').slice(0, 300)}`);
      }
    }
  }
}
