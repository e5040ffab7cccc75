import { afterEach, describe, expect, it, vi } from 'vitest';
import { findFirefox } from '../../../scripts/firefox';

describe('finding Firefox for the end-to-end tests', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('says how to get one when there is none', () => {
    vi.stubEnv('FIREFOX_BIN', '');
    expect(() => findFirefox(['/nowhere/firefox-esr'])).toThrow(/apt-get install firefox-esr.*FIREFOX_BIN/s);
  });

  it('names the variable when it points nowhere', () => {
    vi.stubEnv('FIREFOX_BIN', '/nowhere/firefox');
    expect(() => findFirefox()).toThrow('FIREFOX_BIN is set to /nowhere/firefox, but there is no file there.');
  });

  it('takes the binary the variable names', () => {
    vi.stubEnv('FIREFOX_BIN', process.execPath);
    expect(findFirefox(['/nowhere/firefox-esr'])).toBe(process.execPath);
  });
});
