import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ContactState } from '@/domain/contacts';
import { contactSummary, type ContactSummary } from '@/domain/summary';
import type { ProfileRef } from '@/sites/types';
import { Badge } from '../badge/Badge';
import { badgeStatus } from '../badge/badge-status';
import { Panel } from '../panel/Panel';
import { errorText } from '../shared/errors';
import type { ProfileApi } from './api';

export interface ProfileAppProps {
  api: ProfileApi;
  profile: ProfileRef;
  /** Where the panel is drawn: its own shadow root, outside the site's top card. */
  panelContainer: HTMLElement;
  /** Subscribes to "open the panel" requests (the keyboard shortcut). */
  onOpenRequest?: (open: () => void) => () => void;
  /** Called once the badge shows its first state. */
  onFirstRender?: () => void;
  now?: () => number;
}

/** The badge next to the person's name and, when opened, the panel about them. */
export function ProfileApp({ api, profile, panelContainer, onOpenRequest, onFirstRender, now = Date.now }: ProfileAppProps) {
  // undefined while still reading; null when the person is not known yet.
  const [cached, setCached] = useState<ContactSummary | null | undefined>(undefined);
  const [state, setState] = useState<ContactState | null | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const badgeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    // The kept summary shows the badge at once; the background's answer then replaces it.
    const load = () =>
      api.load(profile).then(
        (loaded) => live && setState(loaded),
        (failure) => live && setError(errorText(failure)),
      );
    void api.cachedSummary(profile).then((summary) => live && setCached(summary), () => live && setCached(null));
    void load();
    const unwatch = api.watchSummary(profile, () => void load());
    return () => {
      live = false;
      unwatch();
    };
  }, [api, profile]);

  useEffect(() => onOpenRequest?.(() => setOpen(true)), [onOpenRequest]);

  const summary = state !== undefined ? (state && contactSummary(state.contact)) : cached;
  const shown = summary !== undefined;
  useEffect(() => {
    if (shown) onFirstRender?.();
  }, [shown, onFirstRender]);
  if (summary === undefined) return null;

  const close = () => {
    setOpen(false);
    badgeButton.current?.focus();
  };

  return (
    <>
      <Badge status={badgeStatus(summary, now())} name={summary?.displayName || profile.name || ''} expanded={open} onToggle={() => setOpen(!open)} ref={badgeButton} />
      {open &&
        createPortal(
          <Panel api={api} profile={profile} state={state ?? null} onState={setState} onClose={close} loadError={error} now={now} />,
          panelContainer,
        )}
    </>
  );
}
