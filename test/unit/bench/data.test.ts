import { describe, expect, it } from 'vitest';
import { backupText, connectionsCsv, generateDataset, splitDataset } from '../../../bench/data';
import { parseBackup, replacedContacts } from '../../../domain/backup';
import { parseConnections } from '../../../domain/connections';
import { DAY_MS } from '../../../domain/constants';
import { linkedinPeople } from '../../../demo/people';

const NOW = Date.UTC(2026, 5, 15, 10);

// The benchmark's data generator: its files must be valid imports, or the benchmark would time
// the rejection of a bad file.
describe('benchmark data', () => {
  const include = linkedinPeople.map((p) => ({ name: p.name, url: `https://www.linkedin.com/in/${encodeURIComponent(p.slug)}/` }));
  const data = generateDataset({ now: NOW, contacts: 2_000, due: 200, upcoming: 50, notes: 3_000, include });

  it('is the same for the same seed, and different for another', () => {
    expect(backupText(generateDataset({ now: NOW, contacts: 300, due: 20, notes: 100 }), NOW)).toBe(
      backupText(generateDataset({ now: NOW, contacts: 300, due: 20, notes: 100 }), NOW),
    );
    expect(generateDataset({ now: NOW, contacts: 5, seed: 2 }).contacts[0]!.displayName).not.toBe(
      generateDataset({ now: NOW, contacts: 5, seed: 3 }).contacts[0]!.displayName,
    );
  });

  it('is a valid backup that an import takes as it is', () => {
    const parsed = parseBackup(backupText(data, NOW));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // Replace recomputes last contact and due time from the interactions: nothing may change.
    expect(replacedContacts(parsed.value.data)).toEqual(data.contacts);
    expect(data.contacts).toHaveLength(2_000);
    expect(data.profiles).toHaveLength(2_000);
    expect(data.notes).toHaveLength(3_000);
  });

  it('has exactly the due and upcoming contacts asked for, and the included people first', () => {
    const dueTimes = data.contacts.map((c) => c.nextDueAt);
    expect(dueTimes.filter((t) => t !== null && t <= NOW)).toHaveLength(200);
    expect(dueTimes.filter((t) => t !== null && t > NOW && t <= NOW + 7 * DAY_MS)).toHaveLength(50);
    expect(dueTimes.filter((t) => t !== null && t > NOW + 7 * DAY_MS && t < NOW + 8 * DAY_MS)).toHaveLength(0);
    expect(data.profiles.slice(0, 3).map((p) => p.key)).toEqual(['jana-beispiel', 'lukas-mustermann-4a1b2c', 'jürgen-müller-b4792a57']);
  });

  it('splits into parts that keep their references', () => {
    const parts = splitDataset(data, 700);
    expect(parts.map((p) => p.contacts.length)).toEqual([700, 700, 600]);
    expect(parts.reduce((sum, p) => sum + p.notes.length, 0)).toBe(3_000);
    for (const part of parts) expect(parseBackup(backupText(part, NOW)).ok).toBe(true);
  });

  it('writes a Connections.csv that the import reads in full', () => {
    const parsed = parseConnections(connectionsCsv(500));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.rows.length + parsed.value.duplicates).toBe(500);
  });
});
