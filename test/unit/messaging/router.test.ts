import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { serveImportPort } from '../../../background/import-port';
import { createRouter, isQuotaError, type Handle } from '../../../background/router';
import { importWithProgress, send, TiekeeperError } from '../../../messaging/client';
import { IMPORT_PORT } from '../../../messaging/channels';
import { commands, type PortMessage, type Response } from '../../../messaging/protocol';
import type { TiekeeperDb } from '../../../storage/db';
import { freshDb, T0, browserDeps } from '../storage/helpers';

const EXT_ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${EXT_ID}/`;

type Sender = Browser.runtime.MessageSender;
const tab = { id: 7, index: 0, windowId: 1 } as Browser.tabs.Tab;
const senders = {
  dashboard: { id: EXT_ID, url: `${ORIGIN}dashboard.html`, tab } as Sender,
  popup: { id: EXT_ID, url: `${ORIGIN}popup.html` } as Sender,
  panel: { id: EXT_ID, url: `${ORIGIN}sidepanel.html` } as Sender,
  linkedin: { id: EXT_ID, url: 'https://www.linkedin.com/in/anna-schmidt/', tab, frameId: 0 } as Sender,
  xing: { id: EXT_ID, url: 'https://www.xing.com/profile/Anna_Schmidt', tab, frameId: 0 } as Sender,
  otherSite: { id: EXT_ID, url: 'https://linkedin.com.evil.example/in/x', tab, frameId: 0 } as Sender,
  otherExtension: { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' } as Sender,
};

function router(db: TiekeeperDb, now = T0): Handle {
  return createRouter({ ...browserDeps(), db, now: () => now, extensionOrigin: ORIGIN, extensionId: EXT_ID });
}

function expectError(response: Response, code: string, key?: string) {
  expect(response.ok).toBe(false);
  if (response.ok) return;
  expect(response.error.code).toBe(code);
  if (key) expect(response.error.key).toBe(key);
  return response.error;
}

const ensure = (handle: Handle, sender: Sender = senders.panel) =>
  handle(
    { cmd: 'profile.ensure', input: { site: 'linkedin', key: 'anna-schmidt', url: 'https://www.linkedin.com/in/anna-schmidt', name: 'Anna Schmidt' } },
    sender,
  );

describe('router: validation', () => {
  it('rejects unknown commands and malformed messages', async () => {
    const handle = router(freshDb());
    expectError(await handle({ cmd: 'contacts.dropTable', input: {} }, senders.dashboard), 'invalid', 'errorUnknownCommand');
    expectError(await handle({ cmd: 'toString' }, senders.dashboard), 'invalid', 'errorUnknownCommand');
    expectError(await handle('note.add', senders.dashboard), 'invalid', 'errorInvalidInput');
    expectError(await handle(null, senders.dashboard), 'invalid', 'errorInvalidInput');
  });

  it('names the path of bad input', async () => {
    const db = freshDb();
    const handle = router(db);
    const error = expectError(
      await handle({ cmd: 'interaction.log', input: { contactId: 'x', kind: 'telegram', at: -5 } }, senders.panel),
      'invalid',
      'errorInvalidInput',
    );
    const params = [error?.params, ...(error?.details ?? []).map((d) => d.params)].flat();
    expect(params).toEqual(expect.arrayContaining(['input.kind: invalid_value', 'input.at: too_small']));
    expectError(
      await handle({ cmd: 'profile.ensure', input: { site: 'linkedin', key: 'x', url: 'javascript:alert(1)' } }, senders.panel),
      'invalid',
    );
    expect(await db.contacts.count()).toBe(0);
  });

  it('runs a valid request and returns its output', async () => {
    const db = freshDb();
    const handle = router(db);
    const ensured = await ensure(handle);
    expect(ensured.ok).toBe(true);
    const contactId = ensured.ok ? (ensured.value as { contact: { id: string } }).contact.id : '';
    const added = await handle({ cmd: 'note.add', input: { contactId, body: 'Likes sailing' } }, senders.panel);
    expect(added).toMatchObject({ ok: true, value: { contactId, body: 'Likes sailing', createdAt: T0 } });
  });

  it('reports repository errors with their code and message key', async () => {
    const handle = router(freshDb());
    const error = expectError(await handle({ cmd: 'note.edit', input: { id: 'gone', body: 'x' } }, senders.panel), 'not-found');
    expect(error?.key).toBe('errorNoteNotFound');
    expectError(await handle({ cmd: 'note.add', input: { contactId: 'c', body: 'x'.repeat(20_001) } }, senders.panel), 'invalid', 'errorNoteTooLong');
  });
});

describe('router: who may send what', () => {
  const pagesOnly = Object.entries(commands)
    .filter(([, c]) => c.scope === 'pages')
    .map(([name]) => name);

  it('keeps whole-database commands to the extension pages', () => {
    expect(pagesOnly).toEqual(
      expect.arrayContaining(['export.csv', 'import.preview', 'import.apply', 'data.deleteAll', 'contacts.list']),
    );
    expect(commands['note.add'].scope).toBe('pages');
  });

  it('gives a content script only what its own tab shows, what the user does there, and the panel', () => {
    expect(Object.entries(commands).filter(([, c]) => c.scope === 'content').map(([name]) => name)).toEqual([
      'tab.profile', 'panel.open', 'messages.sent', 'messages.consent', 'messages.undo', 'markers.get', 'marker.open',
    ]);
  });

  it('answers a content script with the badge of the profile at its tab\'s address, whatever the page claims', async () => {
    const deps = browserDeps();
    const db = freshDb();
    const handle = createRouter({ ...deps, db, now: () => T0, extensionOrigin: ORIGIN, extensionId: EXT_ID });
    const claimed = { name: 'Anna Schmidt', headline: 'Ingenieurin', site: 'xing', key: 'someone_else', memberId: 'ACoAAB' };
    expect(await handle({ cmd: 'tab.profile', input: claimed }, senders.linkedin)).toEqual({
      ok: true,
      value: { tone: 'new', label: 'badge of anna-schmidt', detail: null, ariaLabel: 'Tiekeeper, Anna Schmidt', tooltip: null },
    });
    expect(deps.tabProfiles.get(7)).toEqual({
      site: 'linkedin', key: 'anna-schmidt', url: 'https://www.linkedin.com/in/anna-schmidt/', name: 'Anna Schmidt', headline: 'Ingenieurin',
    });
    // The tab moved on to a page that shows nobody: nothing is kept for it, and no badge.
    expect(await handle({ cmd: 'tab.profile', input: {} }, { ...senders.linkedin, url: 'https://www.linkedin.com/feed/' })).toEqual({ ok: true, value: null });
    expect(deps.tabProfiles.get(7)).toBeNull();
    // Not from a frame inside the page, not from a page of the extension.
    expectError(await handle({ cmd: 'tab.profile', input: {} }, { ...senders.linkedin, frameId: 3 }), 'forbidden');
    expectError(await handle({ cmd: 'tab.profile', input: {} }, senders.panel), 'forbidden');
    expectError(await handle({ cmd: 'panel.open', input: {} }, senders.dashboard), 'forbidden');
    expect(await db.contacts.count()).toBe(0);
  });

  it('opens the panel beside the tab the click came from, before anything else is awaited', () => {
    const deps = browserDeps();
    const handle = createRouter({ ...deps, db: freshDb(), now: () => T0, extensionOrigin: ORIGIN, extensionId: EXT_ID });
    // Synchronously: the browser opens a side panel only while the user's gesture lasts.
    void handle({ cmd: 'panel.open', input: {} }, senders.xing);
    expect(deps.openedPanels).toEqual([7]);
  });

  it.each(pagesOnly)('a content script gets "forbidden" for %s, and nothing changes', async (cmd) => {
    const db = freshDb();
    const handle = router(db);
    await ensure(handle);
    const input = cmd === 'data.deleteAll' ? { confirm: true } : cmd.startsWith('import') ? { kind: 'connections', text: 'x' } : {};
    expectError(await handle({ cmd, input }, senders.linkedin), 'forbidden', 'errorForbidden');
    expect(await db.contacts.count()).toBe(1);
  });

  it('extension pages may use the pages scope', async () => {
    const db = freshDb();
    const handle = router(db);
    expect((await ensure(handle, senders.panel)).ok).toBe(true);
    expect((await handle({ cmd: 'settings.get', input: {} }, senders.panel)).ok).toBe(true);
    expect((await ensure(handle, senders.popup)).ok).toBe(true);
    expect((await handle({ cmd: 'export.csv', input: {} }, senders.dashboard)).ok).toBe(true);
    expect((await handle({ cmd: 'contacts.due', input: {} }, senders.popup)).ok).toBe(true);
    expect((await handle({ cmd: 'data.deleteAll', input: { confirm: true } }, senders.dashboard)).ok).toBe(true);
    expect(await db.contacts.count()).toBe(0);
  });

  it('merges and splits only for the extension pages, with valid input', async () => {
    expect(pagesOnly).toEqual(expect.arrayContaining(['contacts.merge', 'contacts.split']));
    const db = freshDb();
    const handle = router(db);
    const anna = await ensure(handle);
    const xing = await handle(
      { cmd: 'profile.ensure', input: { site: 'xing', key: 'anna_schmidt', url: 'https://www.xing.com/profile/Anna_Schmidt', name: 'Anna Schmidt' } },
      senders.panel,
    );
    const idOf = (r: Response) => (r.ok ? (r.value as { contact: { id: string } }).contact.id : '');
    const merge = { cmd: 'contacts.merge', input: { keepId: idOf(anna), otherId: idOf(xing) } };
    const split = { cmd: 'contacts.split', input: { contactId: idOf(anna), profileId: 'xing:anna_schmidt' } };

    for (const sender of [senders.linkedin, senders.xing, senders.otherSite, senders.otherExtension]) {
      expectError(await handle(merge, sender), 'forbidden');
      expectError(await handle(split, sender), 'forbidden');
    }
    expect(await db.contacts.count()).toBe(2);
    expectError(await handle({ cmd: 'contacts.merge', input: { keepId: idOf(anna) } }, senders.dashboard), 'invalid', 'errorInvalidInput');
    expectError(await handle({ cmd: 'contacts.merge', input: { keepId: idOf(anna), otherId: idOf(anna) } }, senders.dashboard), 'invalid', 'errorMergeSame');

    expect(await handle(merge, senders.dashboard)).toMatchObject({ ok: true, value: { moved: { profiles: 1 } } });
    expect(await db.contacts.count()).toBe(1);
    expect(await handle(split, senders.dashboard)).toMatchObject({ ok: true, value: { created: { id: idOf(xing) } } });
    expect(await db.contacts.count()).toBe(2);
  });

  it('lets the panel search contacts for "introduce to…" with names and headlines only, and record introductions', async () => {
    const db = freshDb();
    const handle = router(db);
    const anna = await ensure(handle);
    const annaId = anna.ok ? (anna.value as { contact: { id: string } }).contact.id : '';
    const ben = await handle(
      { cmd: 'profile.ensure', input: { site: 'xing', key: 'ben_otto', url: 'https://www.xing.com/profile/Ben_Otto', name: 'Ben Otto', headline: 'Ingenieur' } },
      senders.panel,
    );
    const benId = ben.ok ? (ben.value as { contact: { id: string } }).contact.id : '';
    await handle({ cmd: 'note.add', input: { contactId: benId, body: 'Private' } }, senders.panel);
    await handle({ cmd: 'contact.update', input: { id: benId, patch: { hooks: 'Private hook' } } }, senders.panel);

    const found = await handle({ cmd: 'contacts.search', input: { query: 'ben', excludeId: annaId } }, senders.panel);
    expect(found).toEqual({ ok: true, value: [{ id: benId, displayName: 'Ben Otto', headline: 'Ingenieur' }] });
    expectError(await handle({ cmd: 'contacts.search', input: { query: 'x'.repeat(201) } }, senders.panel), 'invalid', 'errorInvalidInput');

    const created = await handle({ cmd: 'introduction.create', input: { aId: annaId, bId: benId, note: 'Water' } }, senders.panel);
    expect(created).toMatchObject({ ok: true, value: { aId: annaId, bId: benId, status: 'idea', note: 'Water' } });
    const introId = created.ok ? (created.value as { id: string }).id : '';
    expectError(await handle({ cmd: 'introduction.update', input: { id: introId, status: 'done' } }, senders.panel), 'invalid', 'errorInvalidInput');
    const made = await handle({ cmd: 'introduction.update', input: { id: introId, status: 'made' } }, senders.panel);
    expect(made).toMatchObject({ ok: true, value: { status: 'made', madeAt: T0 } });
    expect(await db.interactions.count()).toBe(2);
  });

  it('refuses senders that are not this extension on its sites', async () => {
    const db = freshDb();
    const handle = router(db);
    expectError(await ensure(handle, senders.otherExtension), 'forbidden');
    expectError(await ensure(handle, senders.otherSite), 'forbidden');
    expectError(await ensure(handle, { ...senders.linkedin, url: 'http://www.linkedin.com/in/x' }), 'forbidden');
    expectError(await ensure(handle, { id: EXT_ID } as Sender), 'forbidden');
    expect(await db.contacts.count()).toBe(0);
  });
});

describe('router: storage errors', () => {
  /** A database whose writes fail the way a full disk makes them fail. */
  function fullDisk(db: TiekeeperDb, error: () => Error): TiekeeperDb {
    db.use({
      stack: 'dbcore',
      name: 'full-disk',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return { ...table, mutate: () => Promise.reject(error()) };
        },
      }),
    });
    return db;
  }

  it.each([
    ['a DOMException', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    ["Dexie's QuotaExceededError", () => new Dexie.QuotaExceededError('full')],
    ['an aborted transaction caused by it', () => new Dexie.AbortError('aborted', new Dexie.QuotaExceededError('full'))],
  ])('maps %s to "quota"', async (_, error) => {
    const handle = router(fullDisk(freshDb(), error));
    expectError(await ensure(handle), 'quota', 'errorQuota');
  });

  it('finds a quota error among the failures of a bulk write', () => {
    const bulk = new Dexie.BulkError('1 of 2 failed', { 1: new DOMException('full', 'QuotaExceededError') });
    expect(isQuotaError(bulk)).toBe(true);
    expect(isQuotaError(new Dexie.ConstraintError('duplicate key'))).toBe(false);
  });

  it('reports anything unexpected as "internal" without details', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const handle = router(fullDisk(freshDb(), () => new TypeError('boom')));
    const error = expectError(await ensure(handle), 'internal', 'errorInternal');
    expect(error?.params).toEqual([]);
  });
});

describe('client', () => {
  it('send() returns the typed value or throws a TiekeeperError', async () => {
    const db = freshDb();
    const handle = router(db);
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((message: unknown) => handle(message, senders.dashboard)) as never);
    const state = await send('profile.ensure', {
      site: 'linkedin',
      key: 'anna-schmidt',
      url: 'https://www.linkedin.com/in/anna-schmidt',
    });
    expect(state.contact.id).toEqual(expect.any(String));
    const note = await send('note.add', { contactId: state.contact.id, body: 'Met at the Weser conference' });
    expect(note.body).toBe('Met at the Weser conference');
    const error = await send('note.delete', { id: 'missing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TiekeeperError);
    expect(error).toMatchObject({ code: 'not-found', key: 'errorNoteNotFound' });
  });

  it('send() turns a missing background into an "internal" error', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
    await expect(send('settings.get', {})).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('import port', () => {
  it('reports progress and then the result', async () => {
    const db = freshDb();
    const handle = router(db);
    const listeners: ((m: unknown) => void)[] = [];
    const posted: PortMessage[] = [];
    const pagePort = {
      name: IMPORT_PORT,
      sender: senders.dashboard,
      onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) },
      onDisconnect: { addListener: () => {} },
      postMessage: (m: PortMessage) => posted.push(m),
    } as unknown as Browser.runtime.Port;
    serveImportPort(pagePort, handle);
    const rows = Array.from({ length: 1500 }, (_, i) => `Person,${i},https://www.linkedin.com/in/person-${i},,,,01 Jan 2020`);
    const text = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\n');
    listeners.forEach((l) => l({ cmd: 'import.apply', input: { kind: 'connections', text } }));
    await vi.waitFor(() => expect(posted.at(-1)?.type).toBe('result'), { timeout: 10_000 });
    const progress = posted.filter((m) => m.type === 'progress');
    expect(progress.at(0)).toEqual({ type: 'progress', done: 0, total: 3000 });
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 3000, total: 3000 });
    expect(progress.length).toBeGreaterThan(2);
    expect(posted.at(-1)).toMatchObject({ type: 'result', response: { ok: true, value: { summary: { new: 1500 } } } });
    expect(await db.contacts.count()).toBe(1500);
  });

  it('importWithProgress() resolves with the summary sent over the port', async () => {
    const onProgress = vi.fn();
    let pageListener: (m: PortMessage) => void = () => {};
    const port = {
      onMessage: { addListener: (l: typeof pageListener) => (pageListener = l) },
      onDisconnect: { addListener: () => {} },
      disconnect: vi.fn(),
      postMessage: vi.fn(() => {
        pageListener({ type: 'progress', done: 5, total: 10 });
        pageListener({ type: 'result', response: { ok: false, error: { code: 'invalid', key: 'importEmpty', params: [], details: [] } } });
      }),
    };
    vi.spyOn(browser.runtime, 'connect').mockReturnValue(port as never);
    const result = importWithProgress({ kind: 'connections', text: '', rhythmDays: null }, onProgress);
    await expect(result).rejects.toMatchObject({ code: 'invalid', key: 'importEmpty' });
    expect(onProgress).toHaveBeenCalledWith({ done: 5, total: 10 });
    expect(port.disconnect).toHaveBeenCalled();
  });
});
