import { useState, type ReactNode } from 'react';

export type FoldName = 'give' | 'introductions' | 'details';

const KEY = 'tiekeeper.panel.open';

/** The folds the user left open, kept in the extension's own storage for the next panel. */
function openFolds(): Set<string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : []);
  } catch {
    return new Set();
  }
}

function remember(name: FoldName, open: boolean): void {
  const folds = openFolds();
  if (open) folds.add(name);
  else folds.delete(name);
  try {
    localStorage.setItem(KEY, JSON.stringify([...folds]));
  } catch {
    // Storage refused: the fold simply starts closed next time.
  }
}

/**
 * A part of the panel that is not needed on every visit: closed at first, so that the status,
 * "in touch" and the note field fit on screen; opened once, it opens again on the next profile.
 * Its title is the section's heading; the section inside keeps its own for its label only.
 */
export function Fold({ name, title, children }: { name: FoldName; title: string; children: ReactNode }) {
  const [open, setOpen] = useState(() => openFolds().has(name));
  return (
    <details
      className="tk-fold"
      open={open}
      onToggle={(event) => {
        const now = event.currentTarget.open;
        setOpen(now);
        remember(name, now);
      }}
    >
      <summary>
        <h3>{title}</h3>
      </summary>
      {children}
    </details>
  );
}
