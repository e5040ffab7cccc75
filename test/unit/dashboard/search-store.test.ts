import { describe, expect, it, vi } from 'vitest';
import { SearchStore } from '../../../components/dashboard/data';
import { newContact } from '../../../domain/contacts';
import type { Note } from '../../../domain/model';
import * as search from '../../../domain/search';

const NOW = Date.UTC(2026, 5, 1, 9);
const anna = newContact('anna', { displayName: 'Anna Schmidt' }, NOW);
const ben = newContact('ben', { displayName: 'Ben Otto' }, NOW);
const note = (body: string, updatedAt = NOW): Note => ({ id: 'n1', contactId: 'anna', body, createdAt: NOW, updatedAt });

describe('the dashboard\'s search store', () => {
  it('builds the index once, then only follows the changes', async () => {
    const store = new SearchStore();
    const published = vi.fn();
    store.subscribe(published);
    expect(store.getSnapshot()).toMatchObject({ ready: false });
    expect(store.getSnapshot().run('anna')).toEqual([]);
    expect(store.getSnapshot().run('  ')).toBeNull();

    store.update({ contacts: undefined, profiles: [], notes: [] });
    expect(published).not.toHaveBeenCalled();

    const build = vi.spyOn(search, 'buildSearchIndex');
    store.update({ contacts: [anna, ben], profiles: [], notes: [note('Segelt auf der Weser')] });
    await vi.waitFor(() => expect(store.getSnapshot().ready).toBe(true), { timeout: 10_000 });
    expect(store.getSnapshot().run('weser')?.map((hit) => hit.id)).toEqual(['anna']);

    const sync = vi.spyOn(search, 'syncSearchIndex');
    const before = store.getSnapshot();
    store.update({ contacts: [anna, ben], profiles: [], notes: [note('Segelt auf dem Bodensee', NOW + 1)] });
    expect(sync).toHaveBeenCalledOnce();
    expect(store.getSnapshot()).not.toBe(before);
    expect(store.getSnapshot().run('bodensee')?.map((hit) => hit.id)).toEqual(['anna']);
    expect(store.getSnapshot().run('weser')).toEqual([]);

    // Nothing changed: no new snapshot, so nothing renders again.
    const same = store.getSnapshot();
    store.update({ contacts: [anna, ben], profiles: [], notes: [note('Segelt auf dem Bodensee', NOW + 1)] });
    expect(store.getSnapshot()).toBe(same);
    expect(build).toHaveBeenCalledOnce();
  });
});
