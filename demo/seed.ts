import type { BrowserContext } from 'playwright-core';

/** Fictional history for the demo, so the badge and popup have something to show. */
export async function seedDemoData(_context: BrowserContext, _extensionId: string): Promise<void> {
  // Filled in once the extension can import a backup.
}
