/*
 * The notifications' ids, in a module of their own (no browser API) so that the background, its
 * tests and the end-to-end tests all build and read them here.
 */

/** Notification ids carry what a click needs: the contact, a digest, or the fading ties. */
const SINGLE = 'nudge:';
const DIGEST = 'digest:';
const FADING = 'fading:';

export type NotificationTarget = { kind: 'contact'; contactId: string } | { kind: 'digest' } | { kind: 'fading' };

/**
 * The id of a notification about the target, the one format that targetOf reads back. `at` makes
 * it unique: the due time it nudges for (one notification per contact and due time), or when a
 * digest or the fading ties were shown.
 */
export function notificationId(target: NotificationTarget, at: number | null): string {
  switch (target.kind) {
    case 'contact':
      return `${SINGLE}${target.contactId}@${at}`;
    case 'digest':
      return `${DIGEST}${at}`;
    case 'fading':
      return `${FADING}${at}`;
  }
}

export function targetOf(notificationId: string): NotificationTarget | null {
  if (notificationId.startsWith(SINGLE)) return { kind: 'contact', contactId: notificationId.slice(SINGLE.length).split('@')[0]! };
  if (notificationId.startsWith(DIGEST)) return { kind: 'digest' };
  if (notificationId.startsWith(FADING)) return { kind: 'fading' };
  return null;
}
