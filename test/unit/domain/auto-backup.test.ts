import { describe, expect, it } from 'vitest';
import {
  backupReminderDue,
  DAY_MS,
  safetyBackupName,
  weeklyBackupDue,
  weeklyBackupName,
  weeklyBackupsToDelete,
  type BackupReminderState,
} from '../../../domain/auto-backup';

// Monday 7 December 2026, 10:00 in Berlin (the tests' time zone).
const NOW = new Date(2026, 11, 7, 10, 0).getTime();

describe('the weekly backup into the folder', () => {
  it('is due with none yet, and from 7 days after the last one, not before', () => {
    expect(weeklyBackupDue(null, NOW)).toBe(true);
    expect(weeklyBackupDue(NOW - 7 * DAY_MS + 60_000, NOW)).toBe(false);
    expect(weeklyBackupDue(NOW - 7 * DAY_MS, NOW)).toBe(true);
    expect(weeklyBackupDue(NOW - 30 * DAY_MS, NOW)).toBe(true);
    expect(weeklyBackupDue(NOW - DAY_MS, NOW)).toBe(false);
  });

  it('is due when the last one is from a clock that ran days ahead: it would wait for months otherwise', () => {
    expect(weeklyBackupDue(NOW + 200 * DAY_MS, NOW)).toBe(true);
    expect(weeklyBackupDue(NOW + 60_000, NOW)).toBe(false);
  });

  it('is named by the local date, and a second one that day gets a number instead of replacing the first', () => {
    expect(weeklyBackupName(NOW)).toBe('tiekeeper-backup-2026-12-07.tkbackup');
    expect(weeklyBackupName(NOW, new Set(['tiekeeper-backup-2026-12-07.tkbackup']))).toBe('tiekeeper-backup-2026-12-07-2.tkbackup');
    expect(weeklyBackupName(NOW, new Set(['tiekeeper-backup-2026-12-07.tkbackup', 'tiekeeper-backup-2026-12-07-2.tkbackup']))).toBe(
      'tiekeeper-backup-2026-12-07-3.tkbackup',
    );
  });

  it('keeps the newest 8 and deletes only older weekly backups, never other files', () => {
    const weekly = Array.from({ length: 11 }, (_, week) => weeklyBackupName(NOW - week * 7 * DAY_MS));
    const others = [
      'tiekeeper-0123456789abcdef-000001.log',
      'tiekeeper-backup-2020-01-01.json',
      'tiekeeper-backup-2020-01-01.tkbackup.crswap',
      'my-tiekeeper-backup-2020-01-01.tkbackup',
      'tiekeeper-before-replace-2020-01-01-101010.json',
    ];
    const shuffled = [...weekly.slice(5), ...others, ...weekly.slice(0, 5)];
    expect(weeklyBackupsToDelete(shuffled).sort()).toEqual(weekly.slice(8).sort());
    expect(weeklyBackupsToDelete(weekly.slice(0, 8))).toEqual([]);
  });

  it('counts a second backup of a day as newer than the first', () => {
    const names = ['tiekeeper-backup-2026-12-07.tkbackup', 'tiekeeper-backup-2026-12-07-2.tkbackup', 'tiekeeper-backup-2026-11-30.tkbackup'];
    expect(weeklyBackupsToDelete(names, 2)).toEqual(['tiekeeper-backup-2026-11-30.tkbackup']);
    expect(weeklyBackupsToDelete(names, 1).sort()).toEqual(['tiekeeper-backup-2026-11-30.tkbackup', 'tiekeeper-backup-2026-12-07.tkbackup']);
  });
});

describe('the reminder without a folder', () => {
  const state = (patch: Partial<BackupReminderState>): BackupReminderState => ({ lastExportAt: null, since: null, dismissedAt: null, lastAutoAt: null, ...patch });
  const due = (patch: Partial<BackupReminderState>, hasContacts = true) => backupReminderDue(state(patch), { now: NOW, hasContacts });

  it('does not nag a new user: 30 days from install, with no export ever', () => {
    expect(due({ since: NOW - DAY_MS })).toBe(false);
    expect(due({ since: NOW - 29 * DAY_MS })).toBe(false);
    expect(due({ since: NOW - 30 * DAY_MS })).toBe(true);
  });

  it('shows 30 days after the last export, whatever the install date', () => {
    expect(due({ since: NOW - 400 * DAY_MS, lastExportAt: NOW - 29 * DAY_MS })).toBe(false);
    expect(due({ since: NOW - 400 * DAY_MS, lastExportAt: NOW - 31 * DAY_MS })).toBe(true);
  });

  it('after "Not now" comes again a month later, not sooner', () => {
    expect(due({ since: NOW - 400 * DAY_MS, dismissedAt: NOW - 10 * DAY_MS })).toBe(false);
    expect(due({ since: NOW - 400 * DAY_MS, dismissedAt: NOW - 30 * DAY_MS })).toBe(true);
  });

  it('stays quiet while the folder takes weekly backups, and speaks when it has not for 30 days', () => {
    expect(due({ since: NOW - 400 * DAY_MS, lastAutoAt: NOW - 6 * DAY_MS })).toBe(false);
    expect(due({ since: NOW - 400 * DAY_MS, lastAutoAt: NOW - 45 * DAY_MS })).toBe(true);
  });

  it('says nothing with nothing to back up, or before anything was recorded', () => {
    expect(due({ since: NOW - 400 * DAY_MS }, false)).toBe(false);
    expect(due({})).toBe(false);
  });
});

describe('the backup before a risky step', () => {
  it('says what it was for and when, to the second, so that two on a day do not collide', () => {
    expect(safetyBackupName('delete-all', NOW)).toBe('tiekeeper-before-delete-all-2026-12-07-100000.json');
    expect(safetyBackupName('replace', NOW + 1000)).toBe('tiekeeper-before-replace-2026-12-07-100001.json');
  });
});
