import { afterEach, describe, expect, it } from 'vitest';
import { isSyncFileName, passphraseError, problemText, readPickedFiles, syncStep, unsentChanges } from '../../../components/dashboard/sync-model';
import { DAY_MS } from '../../../domain/constants';
import { formatClock } from '../../../domain/sync/hlc';
import type { Op } from '../../../domain/sync/ops';
import { MAX_SEGMENT_FILE_BYTES } from '../../../domain/sync/segment';
import type { SyncFileProblem } from '../../../domain/sync/segment';
import { setLanguageOverride } from '../../../i18n';
import type { SyncStatusRow } from '../../../storage/sync-rows';

afterEach(() => setLanguageOverride(null));

const KINDS: SyncFileProblem[] = ['truncated', 'newer-version', 'wrong-passphrase', 'damaged', 'invalid', 'needs-passphrase'];
const FILE = 'tiekeeper-0123456789abcdef-000002.log';

const status = (fields: Partial<SyncStatusRow>): SyncStatusRow => ({
  id: 'status',
  state: 'synced',
  at: 0,
  lastSyncedAt: 0,
  read: 0,
  written: 0,
  problems: [],
  ...fields,
});

describe('the Sync card', () => {
  it('says every problem with a file in its own words, in English and German', () => {
    for (const language of ['en', 'de'] as const) {
      setLanguageOverride(language);
      const texts = KINDS.map((problem) => problemText({ file: FILE, problem }));
      expect(new Set(texts).size).toBe(KINDS.length);
      for (const text of texts) expect(text).toContain(FILE);
    }
    setLanguageOverride('en');
    expect(problemText({ file: '', problem: 'invalid' })).toContain("This computer's log");
  });

  it('asks for a passphrase long enough, typed the same twice the first time', () => {
    setLanguageOverride('en');
    expect(passphraseError('short', null)).toBe('At least 8 characters.');
    expect(passphraseError('Sommer in Bremen', 'Sommer in Bremem')).toBe('The two passphrases differ.');
    expect(passphraseError('Sommer in Bremen', 'Sommer in Bremen')).toBeNull();
    expect(passphraseError('Sommer in Bremen', null)).toBeNull();
  });

  it('asks for the folder, then the browser\'s OK, then the passphrase', () => {
    const base = { hasFolder: true, permission: 'granted' as PermissionState, hasKeys: true, status: status({}) };
    expect(syncStep({ ...base, hasFolder: false })).toBe('choose-folder');
    expect(syncStep({ ...base, permission: 'prompt' })).toBe('permission');
    expect(syncStep({ ...base, permission: null })).toBe('ready');
    expect(syncStep({ ...base, hasKeys: false })).toBe('first-passphrase');
    expect(syncStep({ ...base, status: status({ state: 'wrong-passphrase' }) })).toBe('passphrase-again');
    expect(syncStep({ ...base, status: status({ problems: [{ file: FILE, device: 'x', problem: 'needs-passphrase', detail: '' }] }) })).toBe('passphrase-again');
    expect(syncStep(base)).toBe('ready');
  });

  it('by hand: reads only the sync files picked, and not one too large', async () => {
    expect(isSyncFileName(FILE)).toBe(true);
    expect(isSyncFileName('tiekeeper-0123456789abcdef-000002(1).log')).toBe(true);
    expect(isSyncFileName('tiekeeper-0123456789abcdef-snapshot-000001.log')).toBe(true);
    expect(isSyncFileName('holiday.jpg')).toBe(false);
    const file = (name: string, size: number, text: string) => ({ name, size, text: async () => text });
    const read = await readPickedFiles([file(FILE, 5, 'text\n'), file('notes.txt', 3, 'abc'), file('tiekeeper-0123456789abcdef-000003.log', MAX_SEGMENT_FILE_BYTES + 1, 'never read')]);
    expect(read).toEqual([
      { name: FILE, size: 5, text: 'text\n' },
      { name: 'tiekeeper-0123456789abcdef-000003.log', size: MAX_SEGMENT_FILE_BYTES + 1, text: '' },
    ]);
  });

  it('by hand: counts the changes not yet synced once the oldest has waited a day', () => {
    const T = Date.UTC(2026, 2, 2, 9);
    const op = (wall: number): Op => ({ k: 'del', t: 'notes', id: `n${wall}`, c: formatClock({ wall, counter: 0, device: '0123456789abcdef' }) });
    expect(unsentChanges([], T)).toBeNull();
    const outbox = [{ seq: 1, ops: [op(T), op(T)] }, { seq: 2, ops: [op(T + 1_000)] }];
    expect(unsentChanges(outbox, T + DAY_MS - 1)).toBeNull();
    expect(unsentChanges(outbox, T + DAY_MS)).toBe(3);
  });
});
