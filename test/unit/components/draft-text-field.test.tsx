import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftTextField } from '../../../components/shared/DraftTextField';
import { setLanguageOverride } from '../../../i18n';

const field = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Company' });
const typeAndLeave = async (text: string) => {
  fireEvent.change(field(), { target: { value: text } });
  await act(async () => {
    fireEvent.blur(field());
  });
};

describe('a contact field saved over what it showed', () => {
  afterEach(cleanup);

  it('shows the stored value live until the user types, and saves the value it began from', async () => {
    setLanguageOverride('en');
    const onSave = vi.fn(async () => true);
    const { rerender } = render(<DraftTextField label="Company" value="Hafen AG" maxLength={100} onSave={onSave} />);
    rerender(<DraftTextField label="Company" value="Werft GmbH" maxLength={100} onSave={onSave} />);
    expect(field().value).toBe('Werft GmbH');
    // Leaving an untouched field, or one typed back to what it showed, writes nothing.
    await act(async () => {
      fireEvent.blur(field());
    });
    await typeAndLeave(' Werft GmbH ');
    expect(onSave).not.toHaveBeenCalled();
    await typeAndLeave('Werft & Co ');
    expect(onSave).toHaveBeenCalledWith('Werft & Co', 'Werft GmbH', undefined);
  });

  it('keeps the text of a refused save beside the value saved elsewhere until the user chooses', async () => {
    setLanguageOverride('en');
    const onSave = vi.fn(async (_value: string, _expected: string, resolve?: string) => resolve === 'mine');
    const { rerender } = render(<DraftTextField label="Company" value="Hafen AG" maxLength={100} onSave={onSave} />);
    await typeAndLeave('Werft GmbH');
    expect(onSave).toHaveBeenLastCalledWith('Werft GmbH', 'Hafen AG', undefined);
    expect(screen.queryByRole('alert')).toBeNull();

    // The other place's save arrives: the user's text stays, the other is shown.
    rerender(<DraftTextField label="Company" value="Stadtwerke" maxLength={100} onSave={onSave} />);
    expect(field().value).toBe('Werft GmbH');
    expect(screen.getByRole('alert').textContent).toContain('Changed elsewhere: reload, or keep yours?');
    expect(screen.getByRole('alert').textContent).toContain('Stadtwerke');
    // Leaving the field again does not save over it unasked.
    await act(async () => {
      fireEvent.blur(field());
    });
    expect(onSave).toHaveBeenCalledTimes(1);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Keep yours' }));
    });
    expect(onSave).toHaveBeenLastCalledWith('Werft GmbH', 'Hafen AG', 'mine');
    rerender(<DraftTextField label="Company" value="Werft GmbH" maxLength={100} onSave={onSave} />);
    expect(screen.queryByRole('alert')).toBeNull();
    rerender(<DraftTextField label="Company" value="Werft & Co" maxLength={100} onSave={onSave} />);
    expect(field().value).toBe('Werft & Co');
  });

  it('Reload drops the own text for the stored one', async () => {
    setLanguageOverride('en');
    const onSave = vi.fn(async () => false);
    const { rerender } = render(<DraftTextField label="Company" value="Hafen AG" maxLength={100} onSave={onSave} />);
    fireEvent.change(field(), { target: { value: 'Werft GmbH' } });
    rerender(<DraftTextField label="Company" value="Stadtwerke" maxLength={100} onSave={onSave} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(field().value).toBe('Stadtwerke');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });
});
