/** What the badge on a profile page shows: made by the background, drawn by the content script. */
/** `new`: not kept yet; `none`: kept, but never in touch; `calm`: in touch, nothing due soon. */
export type BadgeTone = 'new' | 'none' | 'calm' | 'soon' | 'due' | 'overdue' | 'snoozed';

export interface BadgeStatus {
  tone: BadgeTone;
  /** The state in words (colour only repeats it). */
  label: string;
  /** When the label is about the follow-up: the last contact, for the tooltip and screen readers. */
  detail: string | null;
  /** When the next follow-up is, if one is coming: "Next: in 3 weeks, 14 Jan". */
  next?: string;
}

export interface BadgeView extends BadgeStatus {
  /** What a screen reader announces: whom the badge is about, and the state. */
  ariaLabel: string;
  /** The tooltip: the detail and when the next follow-up is; null for none. */
  tooltip: string | null;
}
