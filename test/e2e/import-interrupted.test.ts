import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendFromPage } from '../../scripts/extension-page';
import { Harness } from './harness';

const ROWS = 30_000;

/** A Connections.csv of fictional people, as LinkedIn exports it. */
function connectionsCsv(rows: number): string {
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < rows; i++) lines.push(`Person,Number ${i},https://www.linkedin.com/in/person-number-${i},,Beispiel AG,Engineer,15 Jun 2026`);
  return lines.join('\r\n');
}

describe('an import cut short', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await Harness.start();
  });
  afterEach(async () => {
    harness.assertNoExtensionRequests();
    await harness.close();
  });

  it('leaves the database as it was, or fully imported, never half when the worker is killed', async () => {
    const dashboard = await harness.openExtensionPage('dashboard.html');
    const count = async () => (await sendFromPage(dashboard, 'contacts.list', {})).length;
    await sendFromPage(dashboard, 'import.apply', { kind: 'connections', text: connectionsCsv(3) });
    expect(await count()).toBe(3);

    // Start a large import over the import port; once the background reports that it is writing, kill it.
    const writing = dashboard.evaluate(
      (text) =>
        new Promise<string>((resolve) => {
          const chrome = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome;
          const port = chrome.runtime.connect({ name: 'tiekeeper-import' });
          port.onMessage.addListener((message: unknown) => resolve((message as { type: string }).type));
          port.onDisconnect.addListener(() => resolve('disconnected'));
          port.postMessage({ cmd: 'import.apply', input: { kind: 'connections', text } });
        }),
      connectionsCsv(ROWS),
    );
    expect(await writing).toBe('progress');
    const cdp = await harness.cdp(dashboard);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    const after = await count();
    // The file repeats the first three people, so a finished import holds exactly ROWS.
    expect([3, ROWS]).toContain(after);
    console.info(after === 3 ? 'The import was cut short and rolled back.' : 'The import finished before the worker stopped.');
  });
});
