import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, parseBackup, serializeBackup, type Backup } from '../../../domain/backup';
import { CONNECTIONS_HEADER, parseConnections, type ConnectionsFile } from '../../../domain/connections';
import { applyBackup, exportBackup, exportContactsCsv, previewBackup } from '../../../storage/backup';
import { applyConnections, previewConnections } from '../../../storage/connections';
import {
  deleteAll,
  ensureContactForProfile,
  getContactState,
  getProfileState,
  listContacts,
  snoozeContact,
  updateContact,
} from '../../../storage/contacts';
import { logInteraction } from '../../../storage/interactions';
import { addNote } from '../../../storage/notes';
import { getSettings, updateSettings } from '../../../storage/settings';
import { days, freshDb, linkedinRef, seed, T0 } from './helpers';

function connections(text: string): ConnectionsFile {
  const result = parseConnections(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function backup(text: string): Backup {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const withoutTime = (b: Backup) => ({ ...b, exportedAt: 0 });

describe('JSON backup', () => {
  it('holds every table but the nudges, in a versioned envelope', async () => {
    const db = freshDb();
    await seed(db);
    const exported = await exportBackup(db, T0 + 5);
    expect(exported).toMatchObject({ format: BACKUP_FORMAT, version: 1, exportedAt: T0 + 5 });
    expect(Object.keys(exported.data).sort()).toEqual(['contacts', 'interactions', 'introductions', 'notes', 'profiles', 'settings']);
    expect(exported.data.contacts).toHaveLength(2);
    expect(exported.data.settings).toMatchObject({ defaultCadenceDays: 91, language: 'de' });
  });

  it('round trip: export, wipe, import, export gives the same file apart from the time', async () => {
    const db = freshDb();
    await seed(db);
    const first = serializeBackup(await exportBackup(db, T0));
    expect(first).toContain('"reminderReason":"Frag nach dem neuen Job"');
    await deleteAll(db);
    expect(await listContacts(db)).toEqual([]);
    await applyBackup(db, backup(first), 'replace');
    const second = serializeBackup(await exportBackup(db, T0 + days(1)));
    expect(second).toBe(first.replace(`"exportedAt":${T0}`, `"exportedAt":${T0 + days(1)}`));
    expect(second).not.toBe(first);
    // Into a new installation, a merge restores the same (settings too, as none are saved yet).
    const other = freshDb();
    await applyBackup(other, backup(first), 'merge');
    expect(withoutTime(await exportBackup(other, 0))).toEqual(withoutTime(backup(first)));
  });

  it('restores working data: the due list and profile lookups use the restored indexes', async () => {
    const db = freshDb();
    await seed(db);
    const text = serializeBackup(await exportBackup(db, T0));
    const restored = freshDb();
    await applyBackup(restored, backup(text), 'replace');
    const state = await getProfileState(restored, { site: 'linkedin', key: 'anna-schmidt' });
    expect(state?.notes.map((n) => n.body)).toEqual(['Zwei Kinder; mag Segeln.\nFragt nach dem Förderantrag.']);
    expect(state?.contact.lastContactAt).toBe(T0 - days(40));
  });

  it('previews what merge and replace would do', async () => {
    const db = freshDb();
    await seed(db);
    const snapshot = backup(serializeBackup(await exportBackup(db, T0)));
    const anna = snapshot.data.contacts.find((c) => c.displayName === 'Anna Schmidt')!;
    await updateContact(db, anna.id, { company: 'Stadtwerke' }, T0 + days(1));
    await ensureContactForProfile(db, linkedinRef('carla'), T0 + days(1));

    const merge = await previewBackup(db, snapshot, 'merge');
    // The stored Anna is newer than the backup's: she stays as she is.
    expect(merge.contacts).toEqual({ new: 0, changed: 0, unchanged: 2, deleted: 0 });
    expect(merge.notes).toEqual({ new: 0, changed: 0, unchanged: 2, deleted: 0 });
    const replace = await previewBackup(db, snapshot, 'replace');
    expect(replace.contacts).toEqual({ new: 0, changed: 1, unchanged: 1, deleted: 1 });
    expect(replace.profiles).toEqual({ new: 0, changed: 0, unchanged: 2, deleted: 1 });
    expect(replace.settings).toEqual({ new: 0, changed: 0, unchanged: 1, deleted: 0 });
    expect((await listContacts(db)).length).toBe(3);
  });

  it('merge: the newer version of a record wins, nothing is deleted, settings stay', async () => {
    const db = freshDb();
    await seed(db);
    const old = backup(serializeBackup(await exportBackup(db, T0)));
    const anna = old.data.contacts.find((c) => c.displayName === 'Anna Schmidt')!;
    // Edited in the backup later than here: the backup wins.
    const newer = structuredClone(old);
    const annaInBackup = newer.data.contacts.find((c) => c.id === anna.id)!;
    annaInBackup.company = 'Hanse Wasser';
    annaInBackup.updatedAt = T0 + days(2);
    newer.data.settings.language = 'en';
    await ensureContactForProfile(db, linkedinRef('only-here'), T0);
    const counts = await applyBackup(db, newer, 'merge');
    expect(counts.contacts).toEqual({ new: 0, changed: 1, unchanged: 1, deleted: 0 });
    expect((await getContactState(db, anna.id))?.contact.company).toBe('Hanse Wasser');
    expect(await listContacts(db)).toHaveLength(3);
    expect((await getSettings(db)).language).toBe('de');

    // An older backup does not undo a newer edit here.
    await updateContact(db, anna.id, { company: 'Stadtwerke' }, T0 + days(3));
    await applyBackup(db, newer, 'merge');
    expect((await getContactState(db, anna.id))?.contact.company).toBe('Stadtwerke');
  });

  it('merge: an id from the backup never moves a note or an introduction to other people', async () => {
    const db = freshDb();
    await seed(db);
    const file = backup(serializeBackup(await exportBackup(db, T0)));
    const [anna, ben] = ['Anna Schmidt', 'Ben Otto'].map((name) => file.data.contacts.find((c) => c.displayName === name)!);
    const forged = structuredClone(file);
    const note = forged.data.notes.find((n) => n.contactId === anna!.id)!;
    Object.assign(note, { contactId: ben!.id, body: 'moved', updatedAt: T0 + days(5) });
    Object.assign(forged.data.introductions[0]!, { aId: ben!.id, bId: anna!.id, updatedAt: T0 + days(5) });

    const counts = await applyBackup(db, forged, 'merge');
    expect(counts.notes).toMatchObject({ changed: 0 });
    expect(counts.introductions).toMatchObject({ changed: 0 });
    const annaNotes = (await getContactState(db, anna!.id))!.notes;
    expect(annaNotes.map((n) => n.body)).toContain('Zwei Kinder; mag Segeln.\nFragt nach dem Förderantrag.');
    expect((await getContactState(db, ben!.id))!.notes.map((n) => n.body)).not.toContain('moved');
    expect(await db.introductions.get('intro-1')).toMatchObject({ aId: anna!.id, bId: ben!.id });
  });

  it('merge: the same person created on two computers becomes one contact, with both histories', async () => {
    const laptop = freshDb();
    const desktop = freshDb();
    const onLaptop = (await ensureContactForProfile(laptop, linkedinRef('anna'), T0)).contact;
    await addNote(laptop, onLaptop.id, 'from the laptop', T0);
    const onDesktop = (await ensureContactForProfile(desktop, linkedinRef('anna'), T0 + 1)).contact;
    await addNote(desktop, onDesktop.id, 'from the desktop', T0 + 1);
    await logInteraction(desktop, { contactId: onDesktop.id, kind: 'call' }, T0 + days(1));
    // Edited on the laptop last: the laptop's version of the contact wins.
    await updateContact(laptop, onLaptop.id, { cadenceDays: 30 }, T0 + days(2));
    await snoozeContact(laptop, onLaptop.id, T0 + days(60), T0 + days(2));

    const fromDesktop = backup(serializeBackup(await exportBackup(desktop, T0)));
    const counts = await applyBackup(laptop, fromDesktop, 'merge');
    expect(counts.notes.new).toBe(1);
    expect(counts.interactions.new).toBe(1);
    expect((await listContacts(laptop)).map((c) => c.id)).toEqual([onLaptop.id]);
    const state = await getContactState(laptop, onLaptop.id);
    expect(state?.notes.map((n) => n.body).sort()).toEqual(['from the desktop', 'from the laptop']);
    expect(state?.profiles).toHaveLength(1);
    // The merged call is a later contact than any known here: a new cycle, so the snooze ends.
    expect(state?.contact).toMatchObject({
      cadenceDays: 30,
      lastContactAt: T0 + days(1),
      snoozedUntil: null,
      nextDueAt: T0 + days(31),
    });
  });

  it('replace: wipes what the backup does not have, nudges included', async () => {
    const db = freshDb();
    await seed(db);
    const before = serializeBackup(await exportBackup(db, T0));
    await ensureContactForProfile(db, linkedinRef('later'), T0 + days(1));
    await applyBackup(db, backup(before), 'replace');
    expect(await getProfileState(db, { site: 'linkedin', key: 'later' })).toBeNull();
    expect(await db.nudges.count()).toBe(0);
    expect(serializeBackup(await exportBackup(db, T0))).toBe(before);
  });
});

const header = CONNECTIONS_HEADER;

describe('LinkedIn connections import', () => {
  const file = [
    header,
    'Anna,Schmidt,https://www.linkedin.com/in/anna-schmidt,,Stadtwerke,Hydrologin,15 Jun 2026',
    'Ben,Otto,https://www.linkedin.com/in/ben-otto,ben@example.org,,,03 Feb 2021',
  ].join('\n');

  it('creates contacts keyed by profile, without a rhythm', async () => {
    const db = freshDb();
    await updateSettings(db, { defaultCadenceDays: 30 });
    const summary = await applyConnections(db, connections(file), T0);
    expect(summary).toEqual({ new: 2, changed: 0, unchanged: 0, skippedNoUrl: 0, skippedEmpty: 0, duplicates: 0 });
    const anna = await getProfileState(db, { site: 'linkedin', key: 'anna-schmidt' });
    expect(anna?.contact).toMatchObject({
      displayName: 'Anna Schmidt',
      headline: 'Hydrologin',
      company: 'Stadtwerke',
      connectedAt: new Date(2026, 5, 15).getTime(),
      cadenceDays: null,
      nextDueAt: null,
    });
    expect(anna?.profiles[0]).toMatchObject({ url: 'https://www.linkedin.com/in/anna-schmidt/', seenName: 'Anna Schmidt', seenAt: null });
  });

  it('re-importing never duplicates and keeps what the user added', async () => {
    const db = freshDb();
    await applyConnections(db, connections(file), T0);
    const anna = (await getProfileState(db, { site: 'linkedin', key: 'anna-schmidt' }))!.contact;
    await updateContact(db, anna.id, { cadenceDays: 91, tags: ['Wasser'], hooks: 'Segeln', email: 'anna@example.org' }, T0);
    await addNote(db, anna.id, 'Kennt den Bürgermeister', T0);

    expect(await previewConnections(db, connections(file), T0 + 1)).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
    const updated = file.replace('Stadtwerke,Hydrologin', 'Hanse Wasser,Leiterin Hydrologie');
    const summary = await applyConnections(db, connections(updated), T0 + days(1));
    expect(summary).toMatchObject({ new: 0, changed: 1, unchanged: 1 });
    expect(await listContacts(db)).toHaveLength(2);
    const state = (await getContactState(db, anna.id))!;
    expect(state.contact).toMatchObject({
      company: 'Hanse Wasser',
      headline: 'Leiterin Hydrologie',
      // An empty e-mail cell does not erase the address the user typed in.
      email: 'anna@example.org',
      cadenceDays: 91,
      cadenceSetAt: T0,
      tags: ['Wasser'],
      hooks: 'Segeln',
      updatedAt: T0 + days(1),
    });
    expect(state.notes.map((n) => n.body)).toEqual(['Kennt den Bürgermeister']);
  });

  it('finds a person already known from their profile page', async () => {
    const db = freshDb();
    const visited = (await ensureContactForProfile(db, linkedinRef('anna-schmidt'), T0)).contact;
    const summary = await applyConnections(db, connections(file), T0 + 1);
    expect(summary).toMatchObject({ new: 1, changed: 1 });
    expect((await getContactState(db, visited.id))?.contact.displayName).toBe('Anna Schmidt');
    expect(await listContacts(db)).toHaveLength(2);
  });

  it('keeps names with HTML and script as the literal text they are', async () => {
    const db = freshDb();
    const text = `${header}\n"<img src=x onerror=alert(1)>","<script>alert(""x"")</script>",linkedin.com/in/weird,,"=1+1",,\n`;
    await applyConnections(db, connections(text), T0);
    const state = await getProfileState(db, { site: 'linkedin', key: 'weird' });
    expect(state?.contact.displayName).toBe('<img src=x onerror=alert(1)> <script>alert("x")</script>');
    expect(state?.contact.company).toBe('=1+1');
  });

  it('gives everyone imported a rhythm on request, first due times staggered, and keeps a rhythm the user set', async () => {
    const db = freshDb();
    await applyConnections(db, connections(file), T0);
    const anna = (await getProfileState(db, { site: 'linkedin', key: 'anna-schmidt' }))!.contact;
    await updateContact(db, anna.id, { cadenceDays: 30 }, T0);
    const more = [file, ...Array.from({ length: 20 }, (_, i) => `Person,Nr${i},https://www.linkedin.com/in/person-${i},,,,0${(i % 9) + 1} Mar 20${10 + i}`)].join('\n');

    expect(await previewConnections(db, connections(more), T0 + 1, 182)).toMatchObject({ new: 20, changed: 1, unchanged: 1 });
    const summary = await applyConnections(db, connections(more), T0 + 1, undefined, 182);
    expect(summary).toMatchObject({ new: 20, changed: 1, unchanged: 1 });

    const all = await listContacts(db);
    expect((await getContactState(db, anna.id))?.contact).toMatchObject({ cadenceDays: 30, cadenceSetAt: T0 });
    const given = all.filter((c) => c.id !== anna.id);
    expect(given).toHaveLength(21);
    for (const c of given) {
      expect(c.cadenceDays).toBe(182);
      expect(c.nextDueAt).toBe(c.firstDueAt);
      expect(c.nextDueAt!).toBeGreaterThan(T0 + 1);
      expect(c.nextDueAt!).toBeLessThan(T0 + 1 + days(182));
    }
    // One a little over every week: no two on the same day.
    const daysDue = new Set(given.map((c) => Math.floor((c.nextDueAt! - T0) / days(1))));
    expect(daysDue.size).toBe(21);
  });
});

describe('CSV export for Excel', () => {
  it('is UTF-8 with BOM, semicolons and CRLF, and defuses formulas', async () => {
    const db = freshDb();
    await seed(db);
    const ben = (await getProfileState(db, { site: 'xing', key: 'ben_otto' }))!.contact;
    await updateContact(db, ben.id, { company: '=HYPERLINK("http://evil.example";"click")', headline: '+49 421 123', hooks: '-2+3\n=SUM(A1)' }, T0);
    const csv = await exportContactsCsv(db);
    expect(csv.startsWith('\uFEFFName;Headline;Company;Email;Tags;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, two people, final line end
    expect(lines[1]).toBe(
      `Anna Schmidt;;;;Wasser, Bremen;91;2026-04-22;2026-07-22;;Weser-Konferenz 2025;Werder Bremen;no;no;https://www.linkedin.com/in/anna-schmidt;`,
    );
    expect(lines[2]).toContain(`;"'=HYPERLINK(""http://evil.example"";""click"")";`);
    expect(lines[2]).toContain(`Ben Otto;"'+49 421 123";`);
    // A line break inside the cell does not get a formula past the check.
    expect(lines[2]).toContain(`"'-2+3\n=SUM(A1)"`);
    expect(lines[2]).toMatch(/;https:\/\/www\.xing\.com\/profile\/Ben_Otto$/);
  });
});
