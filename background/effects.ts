import type { CommandName } from '../messaging/protocol';
import type { TiekeeperDb } from '../storage/db';
import type { Badges } from './badges';
import type { Handlers } from './handlers';

export interface Effects {
  db: TiekeeperDb;
  badges: Pick<Badges, 'refresh'>;
  /** Brings notifications, the alarm and the toolbar count in line with the database. */
  reconcile: () => Promise<void>;
  /** After a change of the data: sync soon (background/sync.ts). */
  changed?: () => void;
}

/** Commands that only read, or that concern a tab rather than the data. */
const READ_ONLY: readonly CommandName[] = [
  'tab.profile',
  'panel.open',
  'markers.get',
  'marker.open',
  'profile.get',
  'contact.get',
  'contacts.search',
  'settings.get',
  'dashboard.open',
  'contacts.list',
  'contacts.due',
  'contacts.tags',
  'export.csv',
  'import.preview',
  // Only the backups row, which is not synced.
  'backup.exported',
  'backup.remindLater',
  // Sync's own changes are followed up by the sync runner.
  'sync.now',
  'sync.manual',
  'sync.stop',
];

/**
 * What follows a change, after its transaction has committed: the badges on open profile
 * pages, and the follow-up schedule. A failure here is logged, never reported as the command's
 * failure: the change itself is saved, and the next reconcile repairs the rest.
 */
export function withEffects(handlers: Handlers, effects: Effects): Handlers {
  const wrapped = { ...handlers } as Record<CommandName, (input: unknown, context: object) => Promise<unknown>>;
  for (const name of Object.keys(handlers) as CommandName[]) {
    if (READ_ONLY.includes(name)) continue;
    const handler = handlers[name] as (input: unknown, context: object) => Promise<unknown>;
    wrapped[name] = async (input, context) => {
      const output = await handler(input, context);
      try {
        await effects.reconcile();
        await effects.badges.refresh();
        effects.changed?.();
      } catch (error) {
        console.error('Tiekeeper: follow-up work after a change failed', error);
      }
      return output;
    };
  }
  return wrapped as Handlers;
}
