/** Sent by the background to the active tab when the user presses the panel shortcut. */
export const OPEN_PANEL_MESSAGE = 'tiekeeper:open-panel';
