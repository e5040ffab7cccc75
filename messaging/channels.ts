/** Names of the extension's message channels besides the command protocol. */

/** Sent by the background to the active tab when the user presses the panel shortcut. */
export const OPEN_PANEL_MESSAGE = 'tiekeeper:open-panel';

/** A long import runs over a port, which also keeps the background alive while it works. */
export const IMPORT_PORT = 'tiekeeper-import';
