import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createRouter } from '@/background/router';
import type { ProfileApi } from '@/components/profile/api';
import { ProfileApp } from '@/components/profile/ProfileApp';
import { TiekeeperError } from '@/domain/errors';
import { DAY_MS } from '@/domain/constants';
import type { CommandName, Response } from '@/messaging/protocol';
import type { ProfileRef } from '@/sites/types';
import type { TiekeeperDb } from '@/storage/db';
import { browserDeps, freshDb } from '../storage/helpers';

/** A saved note's text, as opposed to the text still in a field. */
const NOTE = '.tk-note-body';
const NOW = new Date('2026-06-15T10:00:00+02:00').getTime();
const anna: ProfileRef = { site: 'linkedin', key: 'anna-schmidt', url: 'https://www.linkedin.com/in/anna-schmidt/', name: 'Anna Schmidt' };
const sender = { id: 'ext', url: anna.url, tab: { id: 1 } } as unknown as Browser.runtime.MessageSender;

/** The panel's API wired to the real background handlers and a database of its own. */
function apiFor(db: TiekeeperDb): ProfileApi {
  const handle = createRouter({ ...browserDeps(), db, now: () => NOW, extensionOrigin: 'chrome-extension://ext/', extensionId: 'ext' });
  const send = async (cmd: CommandName, input: unknown) => {
    const response = (await handle({ cmd, input }, sender)) as Response;
    if (!response.ok) throw TiekeeperError.fromPayload(response.error);
    return response.value as never;
  };
  return {
    cachedSummary: async () => null,
    watchSummary: () => () => {},
    load: (ref) => send('profile.get', { site: ref.site, key: ref.key }),
    ensure: (ref) => send('profile.ensure', ref),
    updateContact: (id, patch) => send('contact.update', { id, patch }),
    addNote: (contactId, body) => send('note.add', { contactId, body }),
    editNote: (id, body) => send('note.edit', { id, body }),
    deleteNote: (id) => send('note.delete', { id }),
    restoreNote: (note) => send('note.restore', { note }),
    logInteraction: (input) => send('interaction.log', input),
    snooze: (id, until) => send('contact.snooze', { id, until }),
    openDashboard: async () => {},
  };
}

function renderApp(db: TiekeeperDb) {
  const panelContainer = document.createElement('div');
  document.body.append(panelContainer);
  const opens = new Set<() => void>();
  render(
    <ProfileApp
      api={apiFor(db)}
      profile={anna}
      panelContainer={panelContainer}
      now={() => NOW}
      onOpenRequest={(open) => {
        opens.add(open);
        return () => opens.delete(open);
      }}
    />,
  );
  const badge = () => screen.getByRole('button', { name: /^Tiekeeper, Anna Schmidt:/ });
  const panel = () => within(panelContainer).getByRole('dialog');
  return { badge, panel, panelContainer, openByShortcut: () => act(() => opens.forEach((open) => open())) };
}

describe('badge and panel on a profile page', () => {
  let db: TiekeeperDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => {
    cleanup();
    document.body.replaceChildren();
  });

  it('invites to add a note for someone new, and the first note creates them', async () => {
    const { badge, panel } = renderApp(db);
    await waitFor(() => expect(badge().textContent).toContain('Add a note'));
    fireEvent.click(badge());
    expect(within(panel()).getByLabelText('Name')).toHaveProperty('value', 'Anna Schmidt');
    fireEvent.change(within(panel()).getByLabelText('New note'), { target: { value: 'Two kids.\nLikes sailing.' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(within(panel()).getByText(/Two kids\./, { selector: NOTE }).textContent).toBe('Two kids.\nLikes sailing.'));
    await waitFor(() => expect(badge().textContent).toContain('No contact yet'));
    expect(await db.contacts.count()).toBe(1);
  });

  it('shows a note with markup as literal text', async () => {
    const { badge, panel } = renderApp(db);
    await waitFor(() => badge());
    fireEvent.click(badge());
    fireEvent.change(within(panel()).getByLabelText('New note'), { target: { value: '<img src=x onerror=alert(1)>' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(within(panel()).getByText('<img src=x onerror=alert(1)>', { selector: NOTE })).toBeTruthy());
    expect(panel().querySelector('img')).toBeNull();
  });

  it('edits and deletes a note, and undo brings it back with its date', async () => {
    const { badge, panel } = renderApp(db);
    await waitFor(() => badge());
    fireEvent.click(badge());
    fireEvent.change(within(panel()).getByLabelText('New note'), { target: { value: 'First version' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Add note' }));
    await waitFor(() => within(panel()).getByText('First version', { selector: NOTE }));
    fireEvent.click(within(panel()).getByRole('button', { name: 'Edit note' }));
    fireEvent.change(within(panel()).getAllByLabelText('Edit note')[0]!, { target: { value: 'Second version' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Save' }));
    await waitFor(() => within(panel()).getByText('Second version', { selector: NOTE }));
    const [before] = await db.notes.toArray();

    fireEvent.click(within(panel()).getByRole('button', { name: 'Delete note' }));
    await waitFor(() => expect(within(panel()).queryByText('Second version', { selector: NOTE })).toBeNull());
    fireEvent.click(within(panel()).getByRole('button', { name: 'Undo' }));
    await waitFor(() => within(panel()).getByText('Second version', { selector: NOTE }));
    expect(await db.notes.toArray()).toEqual([before]);
  });

  it('logs "in touch today" and sets a rhythm: the badge follows at once', async () => {
    const { badge, panel } = renderApp(db);
    await waitFor(() => badge());
    fireEvent.click(badge());
    fireEvent.click(within(panel()).getByLabelText('Call'));
    fireEvent.click(within(panel()).getByRole('button', { name: 'In touch today' }));
    await waitFor(() => expect(badge().textContent).toContain('Last contact today'));
    fireEvent.change(within(panel()).getByLabelText('Keep-in-touch rhythm'), { target: { value: '91' } });
    await waitFor(async () => expect((await db.contacts.toArray())[0]?.nextDueAt).toBe(NOW + 91 * DAY_MS));
    const [interaction] = await db.interactions.toArray();
    expect(interaction).toMatchObject({ kind: 'call', at: NOW });
  });

  it('logs a contact on an earlier day', async () => {
    const { badge, panel } = renderApp(db);
    await waitFor(() => badge());
    fireEvent.click(badge());
    fireEvent.change(within(panel()).getByLabelText('When'), { target: { value: '2026-06-01' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(badge().textContent).toContain('Last contact 2 weeks ago'));
  });

  it('opens with the keyboard shortcut and closes with Escape, returning focus to the badge', async () => {
    const { badge, panelContainer, openByShortcut } = renderApp(db);
    await waitFor(() => badge());
    openByShortcut();
    const dialog = within(panelContainer).getByRole('dialog');
    expect(document.activeElement).toBe(within(dialog).getByLabelText('New note'));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(within(panelContainer).queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(badge());
  });

  it('says so when a change could not be saved, and keeps what the user typed', async () => {
    const { badge, panel } = renderApp(db);
    await waitFor(() => badge());
    fireEvent.click(badge());
    const field = within(panel()).getByLabelText('New note');
    fireEvent.change(field, { target: { value: 'x'.repeat(19_999) + 'yz' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(within(panel()).getByRole('alert').textContent).toMatch(/20[,.]?000|long/i));
    expect((field as HTMLTextAreaElement).value).toHaveLength(20_001);
  });
});
