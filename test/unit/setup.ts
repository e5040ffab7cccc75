import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Local-time rules (quiet hours, "today") are tested in the users' main time zone, DST included.
process.env.TZ = 'Europe/Berlin';

/** The toolbar icon's count, as the background last set it (the fake browser has no toolbar). */
export const toolbar = { badgeText: '' };

beforeEach(() => {
  fakeBrowser.reset();
  toolbar.badgeText = '';
  // Parts of the extension API that the fake browser leaves out.
  Object.assign(fakeBrowser.action, {
    setBadgeText: async ({ text }: { text: string }) => {
      toolbar.badgeText = text;
    },
    setBadgeBackgroundColor: async () => {},
  });
  // No browser locale: texts come from the bundled English messages (the same files).
  Object.assign(fakeBrowser.i18n, { getMessage: () => '', getUILanguage: () => 'en-US' });
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => {});
});
