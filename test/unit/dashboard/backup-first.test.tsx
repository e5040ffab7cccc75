import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DeleteAllDialog } from '../../../components/dashboard/DeleteAllDialog';
import { setLanguageOverride } from '../../../i18n';

// The backup the dialog makes first: what the page would read from the database.
const made = vi.hoisted(() => ({ blob: null as (() => Promise<Blob>) | null }));
vi.mock('../../../storage/auto-backup', () => ({ backupBlob: () => made.blob!() }));

let sent: string[];
let downloads: string[];
beforeEach(() => {
  sent = [];
  downloads = [];
  setLanguageOverride('en');
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    sent.push((message as { cmd: string }).cmd);
    return { ok: true, value: null };
  });
  Object.assign(URL, { createObjectURL: () => 'blob:backup', revokeObjectURL: () => {} });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => {
  cleanup();
  setLanguageOverride(null);
});

function confirmDelete() {
  render(<DeleteAllDialog onClose={() => {}} />);
  fireEvent.change(screen.getByLabelText('To confirm, type DELETE'), { target: { value: 'DELETE' } });
  fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
}

describe('"Delete all data" saves a backup first', () => {
  it('downloads the backup, records it, and only then deletes', async () => {
    made.blob = async () => new Blob(['{}']);
    confirmDelete();
    await waitFor(() => expect(sent).toContain('data.deleteAll'));
    expect(downloads).toEqual([expect.stringMatching(/^tiekeeper-before-delete-all-\d{4}-\d{2}-\d{2}-\d{6}\.json$/)]);
    expect(sent).toEqual(['backup.exported', 'data.deleteAll']);
  });

  it('deletes nothing when the backup cannot be made, and says why', async () => {
    made.blob = async () => {
      throw new DOMException('The disk is full', 'QuotaExceededError');
    };
    confirmDelete();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The backup could not be saved, so nothing was changed: The disk is full');
    expect(sent).toEqual([]);
    expect(downloads).toEqual([]);
  });
});
