import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createRouter } from '../../../background/router';
import type { Response } from '../../../messaging/protocol';
import type { MarkerView, SentResult } from '../../../messaging/site-activity';
import { ensureContactForProfile, updateContact } from '../../../storage/contacts';
import { getSettings, updateSettings } from '../../../storage/settings';
import { browserDeps, days, freshDb, linkedinRef, T0 } from '../storage/helpers';

const EXT_ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const tab = { id: 7, index: 0, windowId: 1 } as Browser.tabs.Tab;
const onSite = (url: string) => ({ id: EXT_ID, url, tab: { ...tab, url }, frameId: 0 }) as Browser.runtime.MessageSender;
const linkedinThread = onSite('https://www.linkedin.com/messaging/thread/2-abc/');
const xingChat = onSite('https://www.xing.com/chats/123');
const jana = { url: 'https://www.linkedin.com/in/Jana-Beispiel/', name: ' Jana\n Beispiel ' };

function setup(now = T0) {
  const deps = browserDeps();
  const db = freshDb();
  const handle = createRouter({ ...deps, db, now: () => now, extensionOrigin: ORIGIN, extensionId: EXT_ID });
  const call = async <T>(cmd: string, input: unknown, sender = linkedinThread): Promise<T> => {
    const response = (await handle({ cmd, input }, sender)) as Response<T>;
    if (!response.ok) throw new Error(`${cmd}: ${response.error.code}`);
    return response.value;
  };
  return { db, deps, handle, call };
}

describe('messages the user sends on a site', () => {
  it('asks first and logs nothing until the user says yes, then logs once a day', async () => {
    const { db, call } = setup();
    expect(await call<SentResult>('messages.sent', { to: [jana], group: false })).toMatchObject({
      status: 'ask',
      question: "Log messages you send as 'in touch'? Tiekeeper keeps only who and when, never what you wrote.",
    });
    expect(await db.interactions.count()).toBe(0);
    expect(await db.contacts.count()).toBe(0);

    await call('messages.consent', { allow: true });
    expect((await getSettings(db)).messageLog).toEqual({ linkedin: 'on', xing: 'ask' });
    const logged = await call<SentResult>('messages.sent', { to: [jana], group: false });
    expect(logged).toMatchObject({ status: 'logged', text: 'In touch today with Jana Beispiel: logged.', undo: 'Undo' });
    const [contact] = await db.contacts.toArray();
    expect(contact).toMatchObject({ displayName: 'Jana Beispiel', lastContactAt: T0 });
    expect((await db.profiles.toArray()).map((p) => p.id)).toEqual(['linkedin:jana-beispiel']);

    expect(await call<SentResult>('messages.sent', { to: [jana], group: false })).toEqual({ status: 'skipped' });
    expect(await db.interactions.count()).toBe(1);

    // The toast's undo takes it back.
    if (logged.status !== 'logged') throw new Error('not logged');
    await call('messages.undo', logged.entries[0]);
    expect(await db.interactions.count()).toBe(0);
  });

  it('keeps each site\'s answer apart, and logs nothing where the user said no', async () => {
    const { db, call } = setup();
    await call('messages.consent', { allow: false }, xingChat);
    expect((await getSettings(db)).messageLog).toEqual({ linkedin: 'ask', xing: 'off' });
    expect(await call('messages.sent', { to: [{ url: 'https://www.xing.com/profile/Sofia_Probst' }], group: false }, xingChat)).toEqual({ status: 'skipped' });
    expect(await db.contacts.count()).toBe(0);
  });

  it('takes only profiles of the tab\'s own site, keyed by the site\'s rule', async () => {
    const { db, call } = setup();
    await updateSettings(db, { messageLog: { linkedin: 'on', xing: 'on' } });
    const foreign = [
      { url: 'https://www.xing.com/profile/Sofia_Probst' },
      { url: 'https://linkedin.com.evil.example/in/mallory' },
      { url: 'http://www.linkedin.com/in/plain-http' },
      { url: 'https://www.linkedin.com/company/tiekeeper' },
      { url: 'not a url' },
    ];
    expect(await call('messages.sent', { to: foreign, group: false })).toEqual({ status: 'skipped' });
    expect(await db.contacts.count()).toBe(0);
    const { contact } = await ensureContactForProfile(db, linkedinRef('jana-beispiel', { name: 'Jana' }), T0 - days(10));
    await call('messages.sent', { to: [{ url: 'https://de.linkedin.com/in/jana-beispiel?trk=x' }], group: false });
    expect((await db.contacts.get(contact.id))?.lastContactAt).toBe(T0);
    expect(await db.contacts.count()).toBe(1);
  });

  it('logs group threads only when asked to, then for everyone in them', async () => {
    const { db, call } = setup();
    await updateSettings(db, { messageLog: { linkedin: 'on', xing: 'ask' } });
    const group = [jana, { url: 'https://www.linkedin.com/in/lukas-mustermann-4a1b2c/', name: 'Lukas Mustermann' }];
    expect(await call('messages.sent', { to: group, group: true })).toEqual({ status: 'skipped' });
    expect(await db.interactions.count()).toBe(0);
    await updateSettings(db, { messageLogGroups: true });
    expect(await call('messages.sent', { to: group, group: true })).toMatchObject({ text: 'In touch today with Jana Beispiel, Lukas Mustermann: logged.' });
    expect(await db.interactions.count()).toBe(2);
  });

  it('refuses a message with nobody in it, and senders that are no site tab', async () => {
    const { db, handle } = setup();
    expect(await handle({ cmd: 'messages.sent', input: { to: [], group: false } }, linkedinThread)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const panel = { id: EXT_ID, url: `${ORIGIN}sidepanel.html` } as Browser.runtime.MessageSender;
    expect(await handle({ cmd: 'messages.consent', input: { allow: true } }, panel)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handle({ cmd: 'messages.sent', input: { to: [jana], group: false } }, { ...linkedinThread, frameId: 2 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await getSettings(db)).messageLog.linkedin).toBe('ask');
  });
});

describe('markers in lists', () => {
  it('come back for known people only, with the badge\'s tone and words, in one answer', async () => {
    const { db, call, deps } = setup();
    const { contact } = await ensureContactForProfile(db, linkedinRef('jana-beispiel', { name: 'Jana Beispiel' }), T0 - days(100));
    await updateContact(db, contact.id, { cadenceDays: 30 }, T0 - days(100));
    await ensureContactForProfile(db, linkedinRef('lukas', { name: 'Lukas' }), T0);
    const markers = await call<MarkerView[]>('markers.get', { keys: ['jana-beispiel', 'unknown-person', 'lukas', 'jana-beispiel'] });
    expect(markers.map((m) => [m.key, m.tone])).toEqual([['jana-beispiel', 'overdue'], ['lukas', 'none']]);
    expect(markers[0]?.ariaLabel).toMatch(/^Tiekeeper, Jana Beispiel: Overdue by/);
    expect(markers[1]?.label).toBe('No contact yet');
    // The tab is told to ask again after the next change.
    expect([...deps.markerTabs]).toHaveLength(1);
  });

  it('open the panel about the person at once, on a list page', async () => {
    const { db, deps, handle } = setup();
    await ensureContactForProfile(db, linkedinRef('jana-beispiel', { name: 'Jana Beispiel' }), T0);
    const done = handle({ cmd: 'marker.open', input: { key: 'jana-beispiel' } }, onSite('https://www.linkedin.com/search/results/people/?keywords=jana'));
    expect(deps.openedPanels).toEqual([7]);
    await done;
    expect(deps.tabProfiles.get(7)).toMatchObject({ site: 'linkedin', key: 'jana-beispiel', name: 'Jana Beispiel' });
  });
});
