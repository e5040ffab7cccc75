import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../../scripts/chromium';
import { Harness, harnessForEachTest } from './harness';
import { DashboardPage, PopupPage, ProfileBadge } from './page-objects';

describe('the extension in Chromium', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it('loads a content script without the polyfill, React or zod: it runs on every page of both sites', () => {
    const script = readFileSync(path.join(EXTENSION_DIR, 'content-scripts/content.js'), 'utf8');
    // Markers each library carries in its built code: the polyfill's guard, React's element type, zod's issue code.
    for (const marker of ['webextension-polyfill', 'react.element', 'invalid_type']) expect(script).not.toContain(marker);
  });

  it('shows its badge on a fictional LinkedIn profile', async () => {
    const page = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const badge = await ProfileBadge.on(page, harness);
    await expect.poll(() => badge.text()).toContain('Add a note');
    expect(await badge.count()).toBe(1);
  });

  it('opens the popup', async () => {
    const popup = await PopupPage.open(harness);
    await expect.poll(() => popup.heading.textContent()).toContain('Tiekeeper');
  });

  it('opens the dashboard, which is also the options page', async () => {
    const dashboard = await DashboardPage.open(harness);
    await expect.poll(() => dashboard.heading.textContent()).toContain('Tiekeeper');
    const manifest = await harness.inWorker(() => (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.runtime.getManifest(), null);
    expect(manifest.options_ui?.page).toBe('dashboard.html');
  });
});
