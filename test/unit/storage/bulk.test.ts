import { describe, expect, it, vi } from 'vitest';
import { bulkActionSchema } from '../../../domain/bulk';
import { newContact } from '../../../domain/contacts';
import { bulkUpdateContacts } from '../../../storage/bulk';
import { listContacts, updateContact } from '../../../storage/contacts';
import { days, freshDb, T0 } from './helpers';

async function people(count: number) {
  const db = freshDb();
  const contacts = Array.from({ length: count }, (_, i) =>
    newContact(`p-${String(i).padStart(4, '0')}`, { displayName: `Person ${i}`, connectedAt: T0 - days(100 + i) }, T0 - days(1)),
  );
  await db.contacts.bulkAdd(contacts);
  return { db, ids: contacts.map((c) => c.id) };
}

describe('bulk changes of selected people', () => {
  it('sets a rhythm with staggered first due times, and clears it again', async () => {
    const { db, ids } = await people(30);
    expect(await bulkUpdateContacts(db, ids, { kind: 'setRhythm', cadenceDays: 91 }, T0)).toEqual({ changed: 30 });
    const after = await listContacts(db);
    const due = after.map((c) => c.nextDueAt!).sort((a, b) => a - b);
    expect(new Set(due).size).toBe(30);
    expect(due[0]!).toBeGreaterThan(T0);
    expect(due[29]!).toBeLessThan(T0 + days(91));
    // The longest connected comes due first.
    expect(after.find((c) => c.nextDueAt === due[0])?.id).toBe('p-0029');

    expect(await bulkUpdateContacts(db, ids.slice(0, 10), { kind: 'clearRhythm' }, T0 + 1)).toEqual({ changed: 10 });
    const cleared = (await listContacts(db)).filter((c) => c.cadenceDays === null);
    expect(cleared.map((c) => c.id).sort()).toEqual(ids.slice(0, 10));
    for (const c of cleared) expect(c).toMatchObject({ nextDueAt: null, firstDueAt: null, cadenceSetAt: null });
  });

  it('keeps the due time of people who already have the rhythm', async () => {
    const { db, ids } = await people(3);
    const own = await updateContact(db, ids[0]!, { cadenceDays: 91 }, T0 - days(1));
    expect(await bulkUpdateContacts(db, ids, { kind: 'setRhythm', cadenceDays: 91 }, T0)).toEqual({ changed: 2 });
    expect((await db.contacts.get(ids[0]!))?.nextDueAt).toBe(own.nextDueAt);
  });

  it('adds and removes a tag, and archives, counting only those it changes', async () => {
    const { db, ids } = await people(5);
    await updateContact(db, ids[0]!, { tags: ['Wasser'] }, T0);
    expect(await bulkUpdateContacts(db, ids, { kind: 'addTag', tag: 'Wasser' }, T0)).toEqual({ changed: 4 });
    expect((await listContacts(db)).every((c) => c.tags.includes('Wasser'))).toBe(true);
    expect(await bulkUpdateContacts(db, ids.slice(2), { kind: 'removeTag', tag: 'Wasser' }, T0)).toEqual({ changed: 3 });
    expect((await listContacts(db)).filter((c) => c.tags.includes('Wasser')).map((c) => c.id)).toEqual(ids.slice(0, 2));
    expect(await bulkUpdateContacts(db, [...ids, 'gone'], { kind: 'archive' }, T0)).toEqual({ changed: 5 });
    expect((await listContacts(db)).every((c) => c.archived && c.nextDueAt === null)).toBe(true);
  });

  it('is one transaction: a failing write leaves everyone as they were', async () => {
    const { db, ids } = await people(2500);
    const before = await listContacts(db);
    const progress: number[] = [];
    const bulkPut = db.contacts.bulkPut.bind(db.contacts);
    let calls = 0;
    vi.spyOn(db.contacts, 'bulkPut').mockImplementation(((rows: never[]) => {
      // The third of three chunks: the first is written (and reported) by then.
      if (++calls === 3) throw new Error('stopped half way');
      return bulkPut(rows);
    }) as never);
    await expect(bulkUpdateContacts(db, ids, { kind: 'addTag', tag: 'x' }, T0, (p) => progress.push(p.done))).rejects.toThrow('stopped half way');
    expect(progress[0]).toBe(0);
    expect(progress.length).toBeGreaterThan(1);
    vi.restoreAllMocks();
    expect(await listContacts(db)).toEqual(before);
  });

  it('validates the action: a tag is text, a rhythm whole days', () => {
    expect(bulkActionSchema.safeParse({ kind: 'addTag', tag: '  ' }).success).toBe(false);
    expect(bulkActionSchema.safeParse({ kind: 'setRhythm', cadenceDays: 0.5 }).success).toBe(false);
    expect(bulkActionSchema.safeParse({ kind: 'delete' }).success).toBe(false);
    expect(bulkActionSchema.parse({ kind: 'addTag', tag: ' Wasser ' })).toEqual({ kind: 'addTag', tag: 'Wasser' });
  });
});
