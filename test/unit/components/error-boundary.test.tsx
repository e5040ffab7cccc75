import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../../components/shared/ErrorBoundary';
import { setLanguageOverride } from '../../../i18n';

afterEach(() => {
  cleanup();
  setLanguageOverride(null);
  vi.restoreAllMocks();
});

let broken = true;
function Page() {
  if (broken) throw new RangeError('Invalid time value');
  return <p>The list</p>;
}

describe('a page that cannot be drawn', () => {
  it('says so, with the reason and a way back, instead of a blank page', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    setLanguageOverride('en');
    broken = true;
    const back = vi.fn();
    render(
      <ErrorBoundary onBack={back}>
        <Page />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('This page could not be shown. Nothing was changed.');
    expect(screen.getByRole('alert').textContent).toContain('What went wrong: Invalid time value');

    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Back to everyone' }));
    expect(back).toHaveBeenCalledOnce();
    expect(screen.getByText('The list')).toBeTruthy();
  });

  it('offers to try again where there is nowhere to go back to', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    setLanguageOverride('de');
    broken = true;
    render(
      <ErrorBoundary>
        <Page />
      </ErrorBoundary>,
    );
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Noch einmal versuchen' }));
    expect(screen.getByText('The list')).toBeTruthy();
  });
});
