import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// Local-time rules (quiet hours, "today") are tested in the users' main time zone, DST included.
process.env.TZ = 'Europe/Berlin';

beforeEach(() => {
  fakeBrowser.reset();
});
