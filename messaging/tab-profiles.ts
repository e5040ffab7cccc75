import type { ProfileRef } from '../sites/types';
import { profileRefSchema } from './protocol';

/**
 * Which profile each tab shows, kept by the background in session storage (which content
 * scripts cannot read) for the panel: it shows the person of the tab beside it and follows that
 * tab from profile to profile. The address is the browser's; name and headline are what the
 * content script read on the page.
 */
export const TAB_PROFILE_PREFIX = 'tab:';

export function tabProfileKey(tabId: number): string {
  return `${TAB_PROFILE_PREFIX}${tabId}`;
}

/** Tabs whose content script showed markers in a list: told to refresh them after a change. */
export const MARKER_TAB_PREFIX = 'markers:';

export function markerTabKey(tabId: number): string {
  return `${MARKER_TAB_PREFIX}${tabId}`;
}

/** A stored entry, or null when there is none (the tab shows no profile). */
export function parseTabProfile(value: unknown): ProfileRef | null {
  const parsed = profileRefSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
