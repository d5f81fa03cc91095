// F1 finds "OpenTrack: Upload Competition"; running it asks for a login and uploads to the local stand-in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quickOpen, runCommandFromPalette } from './workbench.mjs';

/** Switch off while opentrack.upload is not in the packaged extension. */
const uploadCommandShipped = true;

const uploadedFile = 'valid.opentrack.json';

async function answer(page, input, text) {
  await input.waitFor();
  await input.fill(text);
  await page.keyboard.press('Enter');
}

/** The slugs the stand-in stored, from its GET /__state. */
async function receivedSlugs(openTrack) {
  const state = await (await fetch(`${openTrack.url}/__state`)).json();
  return state.competitions.map((competition) => competition.received.slug);
}

export const uploadCommandCheck = {
  name: 'Command palette: OpenTrack: Upload Competition signs in and uploads to the stand-in',
  enabled: uploadCommandShipped,
  async run(page, { openTrack, workspaceDir }) {
    await quickOpen(page, uploadedFile);
    await runCommandFromPalette(page, 'OpenTrack: Upload Competition');
    const loginPrompt = page.locator('.quick-input-widget').filter({ hasText: 'Sign in to OpenTrack' });
    await answer(page, loginPrompt.locator('input:not([type="password"])'), openTrack.username);
    await answer(page, loginPrompt.locator('input[type="password"]'), openTrack.password);
    const outcome = page.locator('.notifications-toasts .notification-toast').filter({ hasText: /Uploaded "|failed|cancelled/ });
    const text = await outcome.first().innerText();
    if (!text.includes('Uploaded "')) throw new Error(`upload did not succeed: ${text}`);
    const { slug } = JSON.parse(readFileSync(join(workspaceDir, uploadedFile), 'utf8'));
    const slugs = await receivedSlugs(openTrack);
    if (!slugs.includes(slug)) throw new Error(`the stand-in did not store ${slug}; it has ${JSON.stringify(slugs)}`);
  },
};
