// Debian's chromium driven by playwright-core, with a throwaway profile and every console line recorded.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { stopOnInterrupt } from './cleanup.mjs';

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export const navigationTimeoutMs = 120_000;

/** Launches chromium with its profile and XDG folders inside `runDir`; the console goes to `consoleLog`. */
export async function launchBrowser({ runDir, env }) {
  const profileDir = join(runDir, 'chromium');
  mkdirSync(profileDir, { recursive: true });
  const consoleLog = join(runDir, 'browser-console.log');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    env,
    viewport: { width: 1400, height: 900 },
    // cleanup.mjs owns signals, so the browser and code-server stop in one place.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // A workbench's first load takes well over 30 s when several helpers share two cores.
  context.setDefaultNavigationTimeout(navigationTimeoutMs);
  context.on('console', (message) => appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
  let closed;
  const close = () => (closed ??= context.close().finally(() => forget()));
  const forget = stopOnInterrupt(close);
  return { context, consoleLog, close };
}
