/**
 * Plain values shared by every part of the extension. Kept apart from the schemas in model.ts,
 * so that code running on the sites (badge, panel) can use them without bundling the validator.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The longest keep-in-touch rhythm: about ten years. */
export const MAX_CADENCE_DAYS = 3_660;

/** Rhythm presets in the UI: 1, 3, 6 and 12 months. */
export const CADENCE_PRESETS_DAYS = [30, 91, 182, 365] as const;

/*
 * Text limits, checked wherever text crosses a boundary (the stored rows, messages, backups) and
 * set on the fields where it is typed, so that nobody types more than can be saved.
 */
export const MAX_NOTE_LENGTH = 20_000;
export const MAX_NAME_LENGTH = 200;
export const MAX_HEADLINE_LENGTH = 500;
export const MAX_COMPANY_LENGTH = 300;
/**
 * Short texts the user writes: how we met, conversation hooks, the note of an interaction and of
 * an introduction (also the limit of two of them joined at a merge).
 */
export const MAX_TEXT_LENGTH = 2_000;
export const MAX_EMAIL_LENGTH = 320;
export const MAX_TAG_LENGTH = 60;
/** A profile's address (real ones are far shorter; this only keeps out garbage). */
export const MAX_URL_LENGTH = 2_000;
/** A profile's key on its site (slug or member id). */
export const MAX_PROFILE_KEY_LENGTH = 300;
/** Record ids (random UUIDs, or `<site>:<key>` for profiles) and the sites' member ids. */
export const MAX_ID_LENGTH = 100;
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
