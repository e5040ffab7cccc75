import { afterEach } from 'vitest';
import { TiekeeperDb } from '../../../storage/db';
import type { ProfileRef } from '../../../sites/types';
import type { Introduction, Nudge } from '../../../domain/model';
import { DAY_MS } from '../../../domain/constants';
import { ensureContactForProfile, remindContact, snoozeContact, updateContact } from '../../../storage/contacts';
import { logInteraction } from '../../../storage/interactions';
import { addNote } from '../../../storage/notes';
import { updateSettings } from '../../../storage/settings';

/** A fixed clock: Monday 1 June 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 5, 1, 9);
export const days = (n: number) => n * DAY_MS;

const open: TiekeeperDb[] = [];

/** A database of its own for each test, so tests never see each other's rows. */
export function freshDb(): TiekeeperDb {
  const db = new TiekeeperDb(`test-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

export function linkedinRef(key: string, extra: Partial<ProfileRef> = {}): ProfileRef {
  return { site: 'linkedin', key, url: `https://www.linkedin.com/in/${key}`, ...extra };
}

/** A small but complete data set: every table, an introduction, a snooze, settings. */
export async function seed(db: TiekeeperDb): Promise<void> {
  await updateSettings(db, { defaultCadenceDays: 91, language: 'de' });
  const anna = (await ensureContactForProfile(db, linkedinRef('anna-schmidt', { name: 'Anna Schmidt', memberId: 'M1' }), T0)).contact;
  const ben = (
    await ensureContactForProfile(
      db,
      { site: 'xing', key: 'ben_otto', url: 'https://www.xing.com/profile/Ben_Otto', name: 'Ben Otto' },
      T0,
    )
  ).contact;
  await updateContact(db, anna.id, { tags: ['Wasser', 'Bremen'], hooks: 'Werder Bremen', howWeMet: 'Weser-Konferenz 2025' }, T0);
  await addNote(db, anna.id, 'Zwei Kinder; mag Segeln.\nFragt nach dem Förderantrag.', T0);
  await addNote(db, ben.id, '=HYPERLINK("http://evil.example")', T0 + 1);
  await logInteraction(db, { contactId: anna.id, kind: 'meeting', note: 'Kaffee', at: T0 - days(40) }, T0);
  await logInteraction(db, { contactId: ben.id, kind: 'favour-given', favour: 'referral', at: T0 - days(3) }, T0);
  await snoozeContact(db, ben.id, T0 + days(120), T0);
  // Later than Anna's rhythm: it changes no due time, and travels with backups.
  await remindContact(db, anna.id, { at: T0 + days(200), reason: 'Frag nach dem neuen Job' }, T0);
  const intro: Introduction = {
    id: 'intro-1', aId: anna.id, bId: ben.id, status: 'idea', note: 'Both into water policy', madeAt: null, createdAt: T0, updatedAt: T0,
  };
  await db.introductions.add(intro);
  const nudge: Nudge = { id: `${anna.id}@${T0}`, contactId: anna.id, dueAt: T0, shownAt: T0, via: 'single' };
  await db.nudges.add(nudge);
}


/** What the background's handlers need from the browser besides the database, recorded. */
export function browserDeps() {
  const openedTabs: string[] = [];
  const openedPanels: number[] = [];
  const tabProfiles = new Map<number, ProfileRef | null>();
  const markerTabs = new Set<number>();
  return {
    openedTabs,
    openedPanels,
    tabProfiles,
    markerTabs,
    openTab: async (url: string) => {
      openedTabs.push(url);
    },
    openPanel: async (tabId: number) => {
      openedPanels.push(tabId);
    },
    badges: {
      remember: async (tabId: number, ref: ProfileRef | null) => {
        tabProfiles.set(tabId, ref);
      },
      rememberMarkers: async (tabId: number) => {
        markerTabs.add(tabId);
      },
      viewFor: async (ref: ProfileRef) => ({ tone: 'new' as const, label: `badge of ${ref.key}`, detail: null, ariaLabel: `Tiekeeper, ${ref.name ?? ''}`, tooltip: null }),
    },
    // These tests are not about sync (test/unit/background/sync.test.ts is).
    sync: { run: async () => null, manual: () => Promise.reject(new Error('sync is not part of these tests')), stop: () => Promise.reject(new Error('sync is not part of these tests')) },
    dashboardUrl: (contactId: string | null) => `chrome-extension://test/dashboard.html${contactId ? `#/contact/${contactId}` : ''}`,
  };
}

/** Every synced table's rows, in id order: what two devices must agree on. */
export async function syncedRows(db: TiekeeperDb) {
  return {
    contacts: await db.contacts.toArray(),
    profiles: await db.profiles.toArray(),
    notes: await db.notes.toArray(),
    interactions: await db.interactions.toArray(),
    introductions: await db.introductions.toArray(),
    nudges: await db.nudges.toArray(),
  };
}
