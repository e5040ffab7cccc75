import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import type { Response } from '../../../messaging/protocol';
import { DB_NAME, TiekeeperDb } from '../../../storage/db';

afterEach(async () => {
  await new TiekeeperDb(DB_NAME).delete();
  vi.unstubAllGlobals();
});

describe('background entrypoint', () => {
  it('answers requests through runtime.onMessage and asks for persistent storage on install', async () => {
    const persist = vi.fn().mockResolvedValue(true);
    vi.stubGlobal('navigator', { ...navigator, storage: { persist } });
    // The fake browser has no ports; the import port itself is tested in router.test.ts.
    const onConnect = vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => {});
    background.main();
    expect(onConnect).toHaveBeenCalledOnce();

    const dashboard = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/dashboard.html') };
    const [response] = (await fakeBrowser.runtime.onMessage.trigger(
      { cmd: 'profile.ensure', input: { site: 'linkedin', key: 'anna', url: 'https://www.linkedin.com/in/anna' } },
      dashboard,
    )) as unknown as Response[];
    expect(response).toMatchObject({ ok: true, value: { contact: { displayName: '' } } });
    const content = { id: fakeBrowser.runtime.id, url: 'https://www.linkedin.com/in/anna', tab: { id: 1 } } as unknown as Browser.runtime.MessageSender;
    const [forbidden] = (await fakeBrowser.runtime.onMessage.trigger({ cmd: 'export.csv', input: {} }, content)) as unknown as Response[];
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(persist).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(persist).toHaveBeenCalledOnce();
  });

  it('keeps what the backup reminder goes by: install, the last export, "Not now", and a wipe starts over', async () => {
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation(() => {});
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2026, 11, 7, 9));
    try {
      background.main();
      const db = new TiekeeperDb(DB_NAME);
      const row = async () => db.syncMeta.get('backups');
      await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
      expect(await row()).toMatchObject({ since: Date.UTC(2026, 11, 7, 9), lastExportAt: null, dismissedAt: null });

      const dashboard = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/dashboard.html') };
      const send = async (cmd: string, input: object = {}, sender: object = dashboard) =>
        ((await fakeBrowser.runtime.onMessage.trigger({ cmd, input }, sender as Browser.runtime.MessageSender)) as unknown as Response[])[0];
      vi.setSystemTime(Date.UTC(2026, 11, 8, 9));
      expect(await send('backup.exported')).toMatchObject({ ok: true });
      vi.setSystemTime(Date.UTC(2026, 11, 9, 9));
      expect(await send('backup.remindLater')).toMatchObject({ ok: true });
      expect(await row()).toMatchObject({ since: Date.UTC(2026, 11, 7, 9), lastExportAt: Date.UTC(2026, 11, 8, 9), dismissedAt: Date.UTC(2026, 11, 9, 9) });
      // A site's content script can neither silence the reminder nor claim a backup.
      const content = { id: fakeBrowser.runtime.id, url: 'https://www.linkedin.com/in/anna', tab: { id: 1 } };
      expect(await send('backup.remindLater', {}, content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      vi.setSystemTime(Date.UTC(2026, 11, 10, 9));
      expect(await send('data.deleteAll', { confirm: true })).toMatchObject({ ok: true });
      expect(await row()).toMatchObject({ since: Date.UTC(2026, 11, 10, 9), lastExportAt: null, dismissedAt: null });
      db.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

