/** Names of the extension's message channels besides the command protocol. */

/** Sent by the background to a tab's content script: the badge's new state after a change. */
export const BADGE_MESSAGE = 'tiekeeper:badge';

/**
 * Sent by the background to a tab showing markers in a list, after a change: the markers ask
 * again for the people on screen. It carries nothing about anyone.
 */
export const MARKERS_MESSAGE = 'tiekeeper:markers';

/** A long import runs over a port, which also keeps the background alive while it works. */
export const IMPORT_PORT = 'tiekeeper-import';
