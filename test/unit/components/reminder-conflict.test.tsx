import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReminderField } from '../../../components/shared/ReminderField';
import { setLanguageOverride } from '../../../i18n';
import { toDateInput } from '../../../i18n/format';

const NOW = new Date(2026, 5, 1, 9).getTime();
const NEXT_WEEK = new Date(2026, 5, 8, 9).getTime();
const NEXT_MONTH = new Date(2026, 6, 1, 9).getTime();

describe('a reminder set in two places', () => {
  afterEach(cleanup);

  it('keeps the form filled in when a reminder is set elsewhere meanwhile, and asks before replacing it', async () => {
    setLanguageOverride('en');
    const onSet = vi.fn(async (_reminder: unknown, _expected: unknown, resolve?: string) => resolve === 'mine');
    const { rerender } = render(<ReminderField contact={{ reminderAt: null, reminderReason: '' }} now={() => NOW} onSet={onSet} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remind me on a date…' }));
    fireEvent.change(screen.getByLabelText('Remind me on'), { target: { value: toDateInput(NEXT_WEEK) } });
    fireEvent.change(screen.getByLabelText('What about (optional)'), { target: { value: 'Ask about the job' } });

    rerender(<ReminderField contact={{ reminderAt: NEXT_MONTH, reminderReason: 'Congratulate' }} now={() => NOW} onSet={onSet} />);
    expect(screen.getByLabelText<HTMLInputElement>('What about (optional)').value).toBe('Ask about the job');
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain('Changed elsewhere');
    expect(notice.textContent).toContain('Congratulate');
    // Submitting does not replace it unasked.
    await act(async () => {
      fireEvent.submit(screen.getByLabelText('Remind me on').closest('form')!);
    });
    expect(onSet).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Keep yours' }));
    });
    expect(onSet).toHaveBeenCalledWith({ at: NEXT_WEEK, reason: 'Ask about the job' }, null, 'mine');
  });
});
