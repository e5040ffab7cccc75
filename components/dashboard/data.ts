import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Contact, Note, Profile } from '../../domain/model';
import { buildSearchIndex, searchContacts, searchDoc, searchSources, syncSearchIndex, type SearchHit, type SearchIndex } from '../../domain/search';
import { listContacts, listProfiles } from '../../storage/contacts';
import { readDb } from '../../storage/instance';
import { listNotes } from '../../storage/notes';

/**
 * The dashboard reads the database directly and live: a change made anywhere (the panel on a
 * profile page, the popup, an import) shows here without a reload. Writes go to the background.
 */
export interface DashboardData {
  contacts: Contact[] | undefined;
  profiles: Profile[] | undefined;
  notes: Note[] | undefined;
}

export function useDashboardData(): DashboardData {
  const contacts = useLiveQuery(() => listContacts(readDb()), []);
  const profiles = useLiveQuery(() => listProfiles(readDb()), []);
  // Only the search needs the notes, so they are read after what the table shows: with tens
  // of thousands of notes the table appears first.
  const tableRead = contacts !== undefined && profiles !== undefined;
  const notes = useLiveQuery(() => (tableRead ? listNotes(readDb()) : undefined), [tableRead]);
  return { contacts, profiles, notes };
}

export interface Search {
  /** False while the index is first being built. */
  ready: boolean;
  /** Share of the first build done, 0..1. */
  progress: number;
  /** Best match first; null for an empty query. Empty while the index is not ready. */
  run: (query: string) => SearchHit[] | null;
}

/**
 * The search index, outside React: built once in chunks (the page stays responsive), then kept
 * up to date per contact as the data changes, never rebuilt from scratch.
 */
export class SearchStore {
  private index: SearchIndex | null = null;
  private building = false;
  private latest: DashboardData | null = null;
  private listeners = new Set<() => void>();
  private snapshot: Search = { ready: false, progress: 0, run: (query) => (query.trim() === '' ? null : []) };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): Search => this.snapshot;

  private publish(progress: number): void {
    const index = this.index;
    this.snapshot = {
      ready: index !== null,
      progress,
      run: (query) => (index ? searchContacts(index, query) : query.trim() === '' ? null : []),
    };
    for (const listener of this.listeners) listener();
  }

  update(data: DashboardData): void {
    const { contacts, profiles, notes } = data;
    if (!contacts || !profiles || !notes) return;
    this.latest = data;
    if (this.index) {
      const stats = syncSearchIndex(this.index, searchSources(contacts, notes, profiles));
      if (stats.added + stats.replaced + stats.removed > 0) this.publish(1);
      return;
    }
    if (this.building) return;
    this.building = true;
    const docs = searchSources(contacts, notes, profiles).map(searchDoc);
    void buildSearchIndex(docs, { onProgress: (done, total) => this.publish(total === 0 ? 1 : done / total) }).then((built) => {
      // Whatever changed while it was being built.
      const now = this.latest;
      if (now?.contacts && now.notes && now.profiles) syncSearchIndex(built, searchSources(now.contacts, now.notes, now.profiles));
      this.index = built;
      this.publish(1);
    });
  }
}

export function useSearch(data: DashboardData): Search {
  const [store] = useState(() => new SearchStore());
  const { contacts, profiles, notes } = data;
  useEffect(() => store.update({ contacts, profiles, notes }), [store, contacts, profiles, notes]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
