import type { BadgeTone } from './badge-view';

/*
 * What the content script learns from the background about the user's activity on a site: the
 * answers to a message sent, and the markers beside known people in lists. Plain types (no
 * validation library), so the content script can use them; the words come ready-made in the
 * user's language, since the page side holds no texts.
 */

/** The other participant(s) of a conversation, as the thread's header links to them. */
export interface SentTo {
  /** The profile link's address as the page has it (resolved against the page's address). */
  url: string;
  name?: string;
}

/** What happened to a message the user sent. */
export type SentResult =
  /** The user has not said yet whether sends are logged on this site: ask, in these words. */
  | { status: 'ask'; question: string; yes: string; no: string }
  /** Logged: the toast's words, and what its Undo takes back. */
  | { status: 'logged'; text: string; undo: string; undone: string; entries: { id: string; snoozedUntil: number | null }[] }
  /** Nothing logged: turned off, a group thread, nobody recognised, or already logged today. */
  | { status: 'skipped' };

/** A known person's marker in a list: the badge's colour and words. */
export interface MarkerView {
  key: string;
  tone: BadgeTone;
  label: string;
  ariaLabel: string;
}
