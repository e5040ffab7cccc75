import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddContactDialog } from '../../../components/dashboard/AddContactDialog';
import { ContactTable } from '../../../components/dashboard/ContactTable';
import { DeleteAllDialog } from '../../../components/dashboard/DeleteAllDialog';
import { IntroductionsPage } from '../../../components/dashboard/IntroductionsPage';
import { buildRows } from '../../../components/dashboard/list-model';
import { newContact } from '../../../domain/contacts';
import type { Profile } from '../../../domain/model';
import { setLanguageOverride } from '../../../i18n';

afterEach(() => {
  cleanup();
  setLanguageOverride(null);
});

const NOW = Date.UTC(2026, 5, 1, 9);

function rows(count: number) {
  const contacts = Array.from({ length: count }, (_, i) => ({
    ...newContact(`c${i}`, { displayName: `Person ${i}`, company: i === 0 ? 'Beispiel AG' : '' }, NOW),
    tags: i === 0 ? ['Kassel', 'Wasser', 'Segeln', 'Bremen'] : [],
  }));
  const profiles: Profile[] = [
    {
      id: 'xing:person_0',
      contactId: 'c0',
      site: 'xing',
      key: 'person_0',
      url: 'https://www.xing.com/profile/Person_0',
      memberId: null,
      seenName: null,
      seenHeadline: null,
      createdAt: NOW,
      seenAt: null,
    },
  ];
  return buildRows(contacts, profiles);
}

describe('ContactTable', () => {
  const noSelection = { selected: new Set<string>(), onSelect: () => {}, onSelectAll: () => {} };
  // happy-dom lays nothing out: give the scrolling body the size of ten rows.
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(520);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  });

  it('describes the whole table to assistive technology and sorts from the headers', () => {
    const onSort = vi.fn();
    setLanguageOverride('en');
    render(<ContactTable rows={rows(10_000)} sort={{ key: 'name', direction: 'desc' }} onSort={onSort} now={NOW} {...noSelection} />);

    const table = screen.getByRole('table', { name: 'Contacts' });
    expect(table.getAttribute('aria-rowcount')).toBe('10001');
    const name = screen.getByRole('columnheader', { name: /Name/ });
    expect(name.getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('columnheader', { name: /Last contact/ }).getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(screen.getByRole('columnheader', { name: /Next follow-up/ })).getByRole('button'));
    expect(onSort).toHaveBeenCalledWith('nextDue');

    // Only a window of rows is in the document, each knowing its place in the whole.
    const bodyRows = screen.getAllByRole('row').filter((row) => row.getAttribute('aria-rowindex') !== '1');
    expect(bodyRows.length).toBeGreaterThan(0);
    expect(bodyRows.length).toBeLessThan(100);
    expect(bodyRows[0]?.getAttribute('aria-rowindex')).toBe('2');
  });

  it('renders names as text and profile links that open safely in a new tab', () => {
    setLanguageOverride('en');
    const [first] = rows(1);
    const evil = { ...first!, contact: { ...first!.contact, displayName: '<img src=x onerror=alert(1)>' } };
    render(<ContactTable rows={[evil]} sort={null} onSort={() => {}} now={NOW} {...noSelection} />);
    expect(screen.getByRole('link', { name: '<img src=x onerror=alert(1)>' }).getAttribute('href')).toBe('#/contact/c0');
    expect(document.querySelector('img')).toBeNull();
    const xing = screen.getByRole('link', { name: '<img src=x onerror=alert(1)> on XING (opens in a new tab)' });
    expect(xing.getAttribute('target')).toBe('_blank');
    expect(xing.getAttribute('rel')).toBe('noopener noreferrer');
    // Four tags: three are shown, the fourth is counted.
    const tags = screen.getAllByRole('cell').find((cell) => cell.classList.contains('dash-col-tags'));
    expect([...(tags?.children ?? [])].map((tag) => tag.textContent)).toEqual(['Kassel', 'Wasser', 'Segeln', '+1']);
  });

  it('ticks rows with a box each, says whether shift was held, and ticks everyone shown from the header', () => {
    setLanguageOverride('en');
    const onSelect = vi.fn();
    const onSelectAll = vi.fn();
    const list = rows(3);
    render(<ContactTable rows={list} sort={null} onSort={() => {}} now={NOW} selected={new Set([list[0]!.contact.id])} onSelect={onSelect} onSelectAll={onSelectAll} />);
    const boxes = (screen.getAllByRole('checkbox') as HTMLInputElement[]).filter((box) => box.closest('[role="cell"]'));
    expect(boxes.map((box) => box.checked)).toEqual([true, false, false]);
    fireEvent.click(boxes[2]!, { shiftKey: true });
    expect(onSelect).toHaveBeenCalledWith(2, true, true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all in the list' }));
    expect(onSelectAll).toHaveBeenCalledWith(true);
  });
});

describe('DeleteAllDialog', () => {
  it('only enables the wipe once the word shown is typed, in German too', () => {
    setLanguageOverride('de');
    render(<DeleteAllDialog onClose={() => {}} />);
    const confirm = screen.getByRole('button', { name: 'Alles löschen' }) as HTMLButtonElement;
    const field = screen.getByLabelText('Tippe zur Bestätigung LÖSCHEN ein');
    expect(confirm.disabled).toBe(true);
    fireEvent.change(field, { target: { value: 'DELETE' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(field, { target: { value: 'LÖSCHEN' } });
    expect(confirm.disabled).toBe(false);
  });
});

describe('IntroductionsPage', () => {
  const person = (id: string, displayName: string) => ({ id, displayName, headline: '' });
  const intro = {
    id: 'i1',
    aId: 'jana',
    bId: 'lukas',
    status: 'asked-a' as const,
    note: 'Both build field-service tools',
    madeAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    a: person('jana', 'Jana Beispiel'),
    b: person('lukas', ''),
  };

  it('names both people as links in the words of the language, and says whom was asked', () => {
    setLanguageOverride('de');
    render(<IntroductionsPage introductions={[intro]} now={NOW} />);
    const who = document.querySelector('.dash-intro-who');
    expect(who?.textContent).toBe('Jana Beispiel mit Jemand ohne Namen bekannt machen');
    expect([...(who?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toEqual(['#/contact/jana', '#/contact/lukas']);
    const status = screen.getByRole('combobox', { name: 'Stand: Jana Beispiel mit Jemand ohne Namen bekannt machen' }) as HTMLSelectElement;
    expect(status.selectedOptions[0]?.textContent).toBe('Jana Beispiel gefragt');
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe('Both build field-service tools');
  });

  it('says how to start one when none is open', () => {
    setLanguageOverride('en');
    render(<IntroductionsPage introductions={[]} now={NOW} />);
    expect(screen.getByText(/^No open introductions/).textContent).toBe('No open introductions. Start one on a contact’s page or in the panel on a profile: “Introduce to…”.');
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});

describe('AddContactDialog', () => {
  it('suggests the name the address holds, until the user types one', () => {
    setLanguageOverride('en');
    render(<AddContactDialog onClose={() => {}} />);
    const address = screen.getByLabelText('Profile address (LinkedIn or XING)');
    const name = screen.getByLabelText('Name') as HTMLInputElement;
    fireEvent.change(address, { target: { value: 'linkedin.com/in/jana-beispiel-4a1b2c' } });
    expect(name.value).toBe('Jana Beispiel');
    fireEvent.change(name, { target: { value: 'Jana B.' } });
    fireEvent.change(address, { target: { value: 'https://www.xing.com/profile/Lukas_Mustermann' } });
    expect(name.value).toBe('Jana B.');
  });
});
