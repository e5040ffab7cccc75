import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RhythmField } from '../../../components/shared/RhythmField';
import { setLanguageOverride } from '../../../i18n';

describe('the keep-in-touch rhythm field', () => {
  afterEach(cleanup);

  it('saves a custom rhythm only once a number of weeks is typed', () => {
    setLanguageOverride('en');
    const onChange = vi.fn();
    render(<RhythmField value={null} onChange={onChange} />);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'custom' } });
    expect(onChange).not.toHaveBeenCalled();
    const weeks = screen.getByRole('spinbutton', { name: 'Every how many weeks' });
    expect(document.activeElement).toBe(weeks);
    fireEvent.blur(weeks, { target: { value: '' } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(weeks, { target: { value: '5' } });
    fireEvent.keyDown(weeks, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith(35, null, undefined);
  });

  it('saves a preset at once', () => {
    setLanguageOverride('en');
    const onChange = vi.fn();
    render(<RhythmField value={null} onChange={onChange} />);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '91' } });
    expect(onChange).toHaveBeenCalledWith(91, null, undefined);
  });

  it('follows the rhythm changed elsewhere, untouched', () => {
    setLanguageOverride('en');
    const { rerender } = render(<RhythmField value={91} onChange={vi.fn()} />);
    rerender(<RhythmField value={35} onChange={vi.fn()} />);
    expect(screen.getByRole<HTMLSelectElement>('combobox').value).toBe('custom');
    expect(screen.getByRole<HTMLInputElement>('spinbutton').value).toBe('5');
    rerender(<RhythmField value={182} onChange={vi.fn()} />);
    expect(screen.getByRole<HTMLSelectElement>('combobox').value).toBe('182');
    expect(screen.queryByRole('spinbutton')).toBeNull();
  });

  it('a choice refused as changed elsewhere stays shown beside the other until the user chooses', async () => {
    setLanguageOverride('en');
    const onChange = vi.fn(async (_days: number | null, _expected: number | null, resolve?: string) => resolve === 'mine');
    const { rerender } = render(<RhythmField value={30} onChange={onChange} />);
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox'), { target: { value: '91' } });
    });
    expect(onChange).toHaveBeenLastCalledWith(91, 30, undefined);
    // The other place's rhythm arrives; the user's choice is still shown, with the notice.
    rerender(<RhythmField value={182} onChange={onChange} />);
    expect(screen.getByRole<HTMLSelectElement>('combobox').value).toBe('91');
    const notice = screen.getByRole('alert');
    expect(notice.textContent).toContain('Changed elsewhere');
    expect(notice.textContent).toContain('Every 6 months');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Keep yours' }));
    });
    expect(onChange).toHaveBeenLastCalledWith(91, 30, 'mine');
    rerender(<RhythmField value={91} onChange={onChange} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Reload drops the own choice for the rhythm saved elsewhere', async () => {
    setLanguageOverride('en');
    const onChange = vi.fn(async () => false);
    const { rerender } = render(<RhythmField value={30} onChange={onChange} />);
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox'), { target: { value: '91' } });
    });
    rerender(<RhythmField value={182} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(screen.getByRole<HTMLSelectElement>('combobox').value).toBe('182');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
