/**
 * Plain values shared by every part of the extension. Kept apart from the schemas in model.ts,
 * so that code running on the sites (badge, panel) can use them without bundling the validator.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Rhythm presets in the UI: 1, 3, 6 and 12 months. */
export const CADENCE_PRESETS_DAYS = [30, 91, 182, 365] as const;

export const MAX_NOTE_LENGTH = 20_000;
export const MAX_NAME_LENGTH = 200;
/** Why a one-off reminder was set ("ask how the new job is going"): a line, not a note. */
export const MAX_REMINDER_REASON_LENGTH = 300;
/** The timeline keeps this many new roles per person, the newest. */
export const MAX_ROLE_CHANGES = 20;

/** What a favour was, for the give-and-take ledger. */
export const FAVOUR_TYPES = ['recommendation', 'introduction', 'advice', 'referral', 'congratulations', 'other'] as const;

/** Where an introduction stands: an idea, asked each side, made, and what came of it. */
export const INTRODUCTION_STATUSES = ['idea', 'asked-a', 'asked-b', 'made', 'outcome'] as const;

/**
 * Every time Tiekeeper stores lies between these: a time outside is a broken file or a bug,
 * and dates far beyond them break date formatting (`RangeError: Invalid time value`).
 */
export const EARLIEST_TIME = Date.UTC(1990, 0, 1);
export const LATEST_TIME = Date.UTC(2200, 0, 1);
