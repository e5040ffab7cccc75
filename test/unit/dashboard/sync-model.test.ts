import { afterEach, describe, expect, it } from 'vitest';
import { passphraseError, problemText, syncStep } from '../../../components/dashboard/sync-model';
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
});
