import { findFirefox, FIREFOX_EXTENSION_DIR, geckoIdOf } from '../../../scripts/firefox';

/** Fail early, with a message saying what to do, instead of in every test. */
export default function setup(): void {
  findFirefox();
  geckoIdOf(FIREFOX_EXTENSION_DIR);
}
