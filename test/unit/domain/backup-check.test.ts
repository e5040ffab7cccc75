import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, parseBackup } from '../../../domain/backup';
import { MAX_REPORTED_PROBLEMS } from '../../../domain/import-text';
import { DEFAULT_SETTINGS } from '../../../domain/model';

describe('checking a backup', () => {
  it('reports the first problems of 100,000 broken records, and that there are more', () => {
    const broken = Array.from({ length: 100_000 }, (_, i) => ({ id: `c-${i}`, displayName: 5 }));
    const text = JSON.stringify({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: 1_780_000_000_000,
      data: { contacts: broken, profiles: [], notes: [], interactions: [], introductions: [], settings: DEFAULT_SETTINGS },
    });
    const result = parseBackup(text);
    if (result.ok) throw new Error('a broken backup passed');
    expect(result.problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(result.problems[0]).toEqual({ key: 'importBackupInvalidField', params: ['data.contacts[0].displayName', 'c-0'] });
    expect(result.problems.at(-1)).toEqual({ key: 'importBackupMoreProblems', params: [] });
  });
});
