import { describe, expect, it } from 'vitest';
import { newContact } from '../../../domain/contacts';
import { DAY_MS } from '../../../domain/constants';
import { congratulateFor, headlineWords, isNewRole, sameHeadline, withNewRole } from '../../../domain/roles';

const NOW = Date.UTC(2026, 11, 7, 10);

describe('headlines compared', () => {
  it.each([
    ['Product Manager at Musterwerk', '  product   manager at MUSTERWERK '],
    ['Product Manager | Musterwerk 🚀', 'Musterwerk · Product Manager'],
    ['Data Engineer 👩‍💻 – Open source', 'open source data engineer'],
    ['Geschäftsführerin, Beispiel GmbH', 'Beispiel GmbH Geschäftsführerin ✨'],
  ])('"%s" is the same headline as "%s"', (a, b) => {
    expect(sameHeadline(a, b)).toBe(true);
    expect(isNewRole(a, b)).toBe(false);
  });

  it.each([
    ['Product Manager at Musterwerk', 'Head of Product at Musterwerk'],
    ['Werkstudentin bei Musterwerk', 'Product Manager at Musterwerk'],
    ['Product Manager at Musterwerk', 'Product Manager at Musterwerk Manager'],
  ])('"%s" and "%s" tell of a new role', (a, b) => {
    expect(isNewRole(a, b)).toBe(true);
  });

  it('needs a headline seen before, and words on both sides', () => {
    expect(isNewRole(null, 'Head of Product')).toBe(false);
    expect(isNewRole('🚀', 'Head of Product')).toBe(false);
    expect(isNewRole('Head of Product', ' ✨ ')).toBe(false);
  });

  it('reads words in any script, case-folded', () => {
    expect(headlineWords('Ärztin · ÄRZTIN Δ')).toEqual(['ärztin', 'ärztin', 'δ']);
  });
});

describe('a new role on the contact', () => {
  const base = () => newContact('c1', { displayName: 'Jana Beispiel', headline: 'Werkstudentin bei Musterwerk' }, NOW - 100 * DAY_MS);

  it('replaces the headline the page showed before, and goes on the timeline', () => {
    const contact = withNewRole(base(), 'Werkstudentin bei Musterwerk', 'Product Manager at Musterwerk', NOW);
    expect(contact.headline).toBe('Product Manager at Musterwerk');
    expect(contact.roleChanges).toEqual([{ at: NOW, headline: 'Product Manager at Musterwerk' }]);
  });

  it('never writes over the user’s own wording: the new one is only recorded, to be offered', () => {
    const own = { ...base(), headline: 'Jana – met at the Kassel training' };
    const contact = withNewRole(own, 'Werkstudentin bei Musterwerk', 'Product Manager at Musterwerk', NOW);
    expect(contact.headline).toBe('Jana – met at the Kassel training');
    expect(contact.roleChanges?.at(-1)?.headline).toBe('Product Manager at Musterwerk');
  });

  it('counts the user’s wording as theirs only when its words differ from the page’s', () => {
    const same = { ...base(), headline: 'werkstudentin  bei MUSTERWERK' };
    expect(withNewRole(same, 'Werkstudentin bei Musterwerk', 'Product Manager', NOW).headline).toBe('Product Manager');
  });

  it('keeps the newest twenty', () => {
    let contact = base();
    for (let i = 0; i < 25; i++) contact = withNewRole(contact, `Role ${i}`, `Role ${i + 1}`, NOW + i);
    expect(contact.roleChanges).toHaveLength(20);
    expect(contact.roleChanges?.[0]?.headline).toBe('Role 6');
  });
});

describe('"Congratulate?"', () => {
  const changed = { ...withNewRole(newContact('c1', {}, NOW - DAY_MS), 'Old role', 'New role', NOW), lastContactAt: NOW - 30 * DAY_MS };

  it('is suggested for 14 days after the new role was noticed', () => {
    expect(congratulateFor(changed, NOW + 14 * DAY_MS)).toEqual({ at: NOW, headline: 'New role' });
    expect(congratulateFor(changed, NOW + 14 * DAY_MS + 1)).toBeNull();
  });

  it('ends with any contact since, and for archived people', () => {
    expect(congratulateFor({ ...changed, lastContactAt: NOW + DAY_MS }, NOW + 2 * DAY_MS)).toBeNull();
    expect(congratulateFor({ ...changed, archived: true }, NOW)).toBeNull();
    expect(congratulateFor(newContact('c2', {}, NOW), NOW)).toBeNull();
  });
});
