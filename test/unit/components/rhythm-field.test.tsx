import { cleanup, fireEvent, render, screen } from '@testing-library/react';
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
    expect(onChange).toHaveBeenCalledWith(35);
  });

  it('saves a preset at once', () => {
    setLanguageOverride('en');
    const onChange = vi.fn();
    render(<RhythmField value={null} onChange={onChange} />);
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '91' } });
    expect(onChange).toHaveBeenCalledWith(91);
  });
});
