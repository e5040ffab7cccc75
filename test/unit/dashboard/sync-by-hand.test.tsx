import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncCard } from '../../../components/dashboard/SyncCard';
import { DAY_MS } from '../../../domain/constants';
import { formatClock } from '../../../domain/sync/hlc';
import { setLanguageOverride } from '../../../i18n';
import { send } from '../../../messaging/client';
import { readDb } from '../../../storage/instance';
import type { SyncStatusRow } from '../../../storage/sync-rows';

vi.mock('../../../messaging/client', () => ({ send: vi.fn() }));

const DEVICE = '0123456789abcdef';
const OTHER = 'fedcba9876543210';
const own = (n: number) => `tiekeeper-${DEVICE}-00000${n}.log`;
const theirs = `tiekeeper-${OTHER}-000001.log`;

/** The names of the files the page handed to the browser to download. */
let downloaded: string[];
beforeEach(async () => {
  setLanguageOverride('en');
  downloaded = [];
  vi.mocked(send).mockReset();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloaded.push(this.download);
  });
  URL.createObjectURL = vi.fn(() => 'blob:tiekeeper');
  URL.revokeObjectURL = vi.fn();
  // Firefox: no folder picker, and sync set up on this computer.
  expect('showDirectoryPicker' in globalThis).toBe(false);
  await readDb().syncMeta.put({ id: 'keys', keys: {} });
});
afterEach(async () => {
  cleanup();
  setLanguageOverride(null);
  await readDb().syncMeta.clear();
  await readDb().syncOutbox.clear();
});

const status = (fields: Partial<SyncStatusRow>): SyncStatusRow => ({ id: 'status', state: 'synced', at: 0, lastSyncedAt: 0, read: 0, written: 0, problems: [], ...fields });

function choose(label: string, files: File[]) {
  const input = screen.getByLabelText(label, { selector: 'input' });
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

describe('the Sync card in Firefox', () => {
  it('reads the sync files chosen, downloads what comes back, and lists it to save', async () => {
    vi.mocked(send).mockImplementation(async () => {
      await readDb().syncMeta.bulkPut([
        status({ lastSyncedAt: Date.now(), read: 3, written: 2, downloaded: [own(1)] }),
        { id: 'downloads', files: [{ name: own(1), text: 'segment\n' }] },
      ]);
      return { status: status({ read: 3, written: 2 }), downloads: [{ name: own(1), text: 'segment\n' }] } as never;
    });
    render(<SyncCard />);
    await screen.findByText(/so you sync by hand/);
    expect(screen.getByText(/No sync files chosen/)).toBeTruthy();
    expect(screen.queryByText('Sync needs your OK')).toBeNull();

    choose('Choose folder…', [new File(['their log\n'], theirs), new File(['a photo'], 'holiday.jpg')]);
    await screen.findByText('1 sync file chosen.');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sync now' })));

    await waitFor(() => expect(downloaded).toEqual([own(1)]));
    expect(send).toHaveBeenCalledWith('sync.manual', { files: [{ name: theirs, size: 10, text: 'their log\n' }] });
    await screen.findByText('Save in your synced folder');
    expect(screen.getByText('3 changes read, 2 changes written')).toBeTruthy();
    expect(screen.getByText(/No sync files chosen/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: `Download ${own(1)} again` }));
    expect(downloaded).toEqual([own(1), own(1)]);
  });

  it('keeps the files chosen while the passphrase is asked once more, and sends it along', async () => {
    const asks = status({ problems: [{ file: theirs, device: OTHER, problem: 'needs-passphrase', detail: '' }] });
    vi.mocked(send).mockImplementation(async () => {
      await readDb().syncMeta.put(asks);
      return { status: asks, downloads: [] } as never;
    });
    render(<SyncCard />);
    await screen.findByText(/so you sync by hand/);
    choose('Choose files…', [new File(['their log\n'], theirs)]);
    await screen.findByText('1 sync file chosen.');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sync now' })));
    await screen.findByText(`${theirs} comes from a computer not read before: enter the passphrase once more.`);
    await screen.findByLabelText('Passphrase');
    expect(screen.getByText('1 sync file chosen.')).toBeTruthy();
    expect(downloaded).toEqual([]);

    fireEvent.change(screen.getByLabelText('Passphrase'), { target: { value: 'Sommer in Bremen' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Sync now' })));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send).toHaveBeenLastCalledWith('sync.manual', { files: [{ name: theirs, size: 10, text: 'their log\n' }], passphrase: 'Sommer in Bremen' });
  });

  it('says how many changes wait once the oldest has waited a day', async () => {
    const op = (wall: number) => ({ k: 'del' as const, t: 'notes' as const, id: `n${wall}`, c: formatClock({ wall, counter: 0, device: DEVICE }) });
    await readDb().syncOutbox.add({ ops: [op(Date.now() - 60_000)] });
    render(<SyncCard />);
    await screen.findByText(/so you sync by hand/);
    expect(screen.queryByText(/not yet synced/)).toBeNull();
    cleanup();
    await readDb().syncOutbox.add({ ops: [op(Date.now() - DAY_MS - 1), op(Date.now() - DAY_MS)] });
    render(<SyncCard />);
    await waitFor(() => expect(screen.getByText('3 changes not yet synced.')).toBeTruthy());
  });
});
