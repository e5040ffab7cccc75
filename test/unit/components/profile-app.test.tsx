import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createRouter } from '../../../background/router';
import { commandProfileApi, type ProfileApi, type SendCommand } from '../../../components/profile/api';
import { ProfilePanel } from '../../../components/sidepanel/SidePanelApp';
import { badgeView } from '../../../i18n/badge-status';
import { summaryForProfile } from '../../../storage/summaries';
import { TiekeeperError } from '../../../domain/errors';
import { DAY_MS } from '../../../domain/constants';
import type { Response } from '../../../messaging/protocol';
import type { ProfileRef } from '../../../sites/types';
import type { TiekeeperDb } from '../../../storage/db';
import { ensureContactForProfile } from '../../../storage/contacts';
import { browserDeps, freshDb } from '../storage/helpers';

/** A saved note's text, as opposed to the text still in a field. */
const NOTE = '.tk-note-body';
const NOW = new Date('2026-06-15T10:00:00+02:00').getTime();
const anna: ProfileRef = { site: 'linkedin', key: 'anna-schmidt', url: 'https://www.linkedin.com/in/anna-schmidt/', name: 'Anna Schmidt' };
const sender = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' } as unknown as Browser.runtime.MessageSender;

/** The panel's API wired to the real background handlers and a database of its own. */
function apiFor(db: TiekeeperDb, now: () => number = () => NOW): ProfileApi {
  const handle = createRouter({ ...browserDeps(), db, now, extensionOrigin: 'chrome-extension://ext/', extensionId: 'ext' });
  const send: SendCommand = async (cmd, input) => {
    const response = (await handle({ cmd, input }, sender)) as Response;
    if (!response.ok) throw TiekeeperError.fromPayload(response.error);
    return response.value as never;
  };
  return commandProfileApi(send);
}

function renderApp(db: TiekeeperDb, now: () => number = () => NOW) {
  let closed = 0;
  render(<ProfilePanel profile={anna} api={apiFor(db, now)} db={db} now={now} onClose={() => closed++} />);
  const panel = () => screen.getByRole('dialog');
  /** What the badge on Anna's profile page says now (the background's words for it). */
  const badge = async () => badgeView(await summaryForProfile(db, anna.site, anna.key), now(), '').label;
  return { badge, panel, closed: () => closed };
}

describe('the panel about a profile', () => {
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
    expect(await badge()).toBe('Add a note');
    await waitFor(() => panel());
    expect(within(panel()).getByLabelText('Name')).toHaveProperty('value', 'Anna Schmidt');
    fireEvent.change(within(panel()).getByLabelText('New note'), { target: { value: 'Two kids.\nLikes sailing.' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(within(panel()).getByText(/Two kids\./, { selector: NOTE }).textContent).toBe('Two kids.\nLikes sailing.'));
    await waitFor(async () => expect(await badge()).toContain('No contact yet'));
    expect(await db.contacts.count()).toBe(1);
  });

  it('shows a note with markup as literal text', async () => {
    const { panel } = renderApp(db);
    await waitFor(() => panel());
    fireEvent.change(within(panel()).getByLabelText('New note'), { target: { value: '<img src=x onerror=alert(1)>' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(panel().querySelector(NOTE)?.textContent).toBe('<img src=x onerror=alert(1)>'));
    expect(panel().querySelector('img')).toBeNull();
  });

  it('edits and deletes a note, and undo brings it back with its date', async () => {
    const { panel } = renderApp(db);
    await waitFor(() => panel());
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
    await waitFor(() => panel());
    fireEvent.click(within(panel()).getByLabelText('Call'));
    fireEvent.click(within(panel()).getByRole('button', { name: 'In touch today' }));
    await waitFor(async () => expect(await badge()).toContain('Last contact today'));
    fireEvent.change(within(panel()).getByLabelText('Keep-in-touch rhythm'), { target: { value: '91' } });
    await waitFor(async () => expect((await db.contacts.toArray())[0]?.nextDueAt).toBe(NOW + 91 * DAY_MS));
    const [interaction] = await db.interactions.toArray();
    expect(interaction).toMatchObject({ kind: 'call', at: NOW });
  });

  it('logs a contact on an earlier day', async () => {
    const { badge, panel } = renderApp(db);
    await waitFor(() => panel());
    fireEvent.change(within(panel()).getByLabelText('When'), { target: { value: '2026-06-01' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Save contact' }));
    await waitFor(async () => expect(await badge()).toContain('Last contact 2 weeks ago'));
  });

  it('opens ready for typing a note, and closes with Escape or its close button', async () => {
    const { panel, closed } = renderApp(db);
    const dialog = await waitFor(() => panel());
    // Focus moves in an effect after the panel is drawn: waited for, not assumed.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText('New note')));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(closed()).toBe(1);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(closed()).toBe(2);
  });

  it('says so when a change could not be saved, and keeps what the user typed', async () => {
    const { panel } = renderApp(db);
    await waitFor(() => panel());
    const field = within(panel()).getByLabelText('New note');
    fireEvent.change(field, { target: { value: 'x'.repeat(19_999) + 'yz' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(within(panel()).getByRole('alert').textContent).toMatch(/20[,.]?000|long/i));
    expect((field as HTMLTextAreaElement).value).toHaveLength(20_001);
  });
});

describe('give and take, introductions and meeting in person in the panel', () => {
  let db: TiekeeperDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(() => {
    cleanup();
    document.body.replaceChildren();
  });

  const open = async (now?: () => number) => {
    const app = renderApp(db, now);
    await waitFor(() => app.panel());
    return app;
  };

  it('logs asks in one click, says the balance in words, and suggests giving first when asking again', async () => {
    await ensureContactForProfile(db, anna, NOW);
    const [stored] = await db.contacts.toArray();
    await db.contacts.update(stored!.id, { hooks: 'FC Bayern, mentoring' });
    const { badge, panel } = await open();
    const ledger = () => panel().querySelector('.tk-ledger')?.textContent;
    await waitFor(() => expect(ledger()).toBe('Nothing given or asked yet'));

    fireEvent.change(within(panel()).getByLabelText('Kind of favour'), { target: { value: 'referral' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'You received' }));
    await waitFor(() => expect(ledger()).toBe('You asked once, gave nothing yet'));
    // The first ask of a tie is fine.
    expect(panel().querySelector('.tk-give-first')).toBeNull();

    fireEvent.click(within(panel()).getByRole('button', { name: 'You received' }));
    await waitFor(() => expect(ledger()).toBe('You asked twice, gave nothing yet'));
    const suggestion = await waitFor(() => within(panel()).getByText('Give first?').parentElement!);
    expect([...suggestion.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Ask about: FC Bayern, or share something that fits (an article, an event)',
      'Ask about: mentoring, or share something that fits (an article, an event)',
      'Recommend them, or endorse their skills',
      'Congratulate them on news: a new job, an anniversary',
      'Introduce them to someone who can help them',
    ]);
    await waitFor(async () => expect(await badge()).toBe('Last contact today · you asked twice'));
    expect((await db.interactions.toArray()).map((x) => [x.kind, x.favour])).toEqual([
      ['favour-received', 'referral'],
      ['favour-received', 'referral'],
    ]);
    expect(within(panel()).getByRole('list', { name: 'Recent contacts' }).textContent).toContain('Favour received · Referral');

    fireEvent.change(within(panel()).getByLabelText('Kind of favour'), { target: { value: 'recommendation' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'You gave' }));
    await waitFor(() => expect(ledger()).toBe('You asked twice, gave once'));
    expect(panel().querySelector('.tk-give-first')).toBeNull();
    await waitFor(async () => expect(await badge()).toBe('Last contact today · you asked twice, gave once'));
  });

  it('finds a contact to introduce to, saves the idea, and a made introduction shows on the timeline', async () => {
    const ben = (await ensureContactForProfile(db, { site: 'xing', key: 'ben_otto', url: 'https://www.xing.com/profile/Ben_Otto', name: 'Ben Otto', headline: 'Ingenieur' }, NOW)).contact;
    const { panel } = await open();
    fireEvent.change(within(panel()).getByLabelText('Introduce to…'), { target: { value: 'ot' } });
    const hit = await waitFor(() => within(panel()).getByRole('button', { name: /Ben Otto/ }));
    expect(hit.textContent).toBe('Ben Otto · Ingenieur');
    fireEvent.click(hit);
    expect(panel().querySelector('.tk-intro-planned')?.textContent).toBe('Introduce Anna Schmidt to Ben Otto');
    expect(within(panel()).queryByLabelText('Introduce to…')).toBeNull();
    fireEvent.change(within(panel()).getByLabelText('Why they should meet (optional)'), { target: { value: 'Both sail' } });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Save as idea' }));

    const status = await waitFor(() => within(panel()).getByLabelText('Status of the introduction to Ben Otto') as HTMLSelectElement);
    expect(status.value).toBe('idea');
    expect([...status.options].map((o) => o.text)).toEqual(['Idea', 'Asked Anna Schmidt', 'Asked Ben Otto', 'Made', 'Outcome noted']);
    const [intro] = await db.introductions.toArray();
    expect(intro).toMatchObject({ bId: ben.id, note: 'Both sail', status: 'idea' });

    fireEvent.change(status, { target: { value: 'made' } });
    await waitFor(() => expect(within(panel()).getByRole('list', { name: 'Recent contacts' }).textContent).toContain('Introduced to Ben Otto · today · Both sail'));
    expect(panel().querySelector('.tk-ledger')?.textContent).toBe('You gave once, asked nothing yet');
  });

  it('says so when nobody matches, and never searches for the person on the page', async () => {
    await ensureContactForProfile(db, anna, NOW);
    const { panel } = await open();
    fireEvent.change(within(panel()).getByLabelText('Introduce to…'), { target: { value: 'anna' } });
    await waitFor(() => expect(panel().querySelector('.tk-hits')?.textContent).toBe('Nobody in your contacts matches “anna”.'));
  });

  it('suggests meeting in person once the last three contacts of someone worth it were all remote', async () => {
    // A clock that moves, so that each contact is later than the one before.
    let tick = 0;
    const { panel } = await open(() => NOW + tick++ * 1000);
    fireEvent.click(within(panel()).getByLabelText('Worth meeting in person'));
    await waitFor(async () => expect((await db.contacts.toArray())[0]?.meetInPerson).toBe(true));
    for (const kind of ['Message', 'Call', 'Message']) {
      const before = await db.interactions.count();
      fireEvent.click(within(panel()).getByLabelText(kind));
      fireEvent.click(within(panel()).getByRole('button', { name: 'In touch today' }));
      await waitFor(async () => expect(await db.interactions.count()).toBe(before + 1));
    }
    await waitFor(() => expect(panel().querySelector('.tk-meet-suggestion')?.textContent).toMatch(/^None of your last 3 contacts was in person\./));
    fireEvent.click(within(panel()).getByLabelText('Meeting'));
    fireEvent.click(within(panel()).getByRole('button', { name: 'In touch today' }));
    await waitFor(() => expect(panel().querySelector('.tk-meet-suggestion')).toBeNull());
  });
});
