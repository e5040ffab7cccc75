import { afterEach, describe, expect, it, vi } from 'vitest';
import { findChromium } from '../../../scripts/chromium';

describe('finding Chromium for the end-to-end tests', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('says how to get one when there is none', () => {
    vi.stubEnv('CHROMIUM_BIN', '');
    expect(() => findChromium(['/nowhere/chromium'])).toThrow(/apt-get install chromium.*CHROMIUM_BIN/s);
  });

  it('names the variable when it points nowhere', () => {
    vi.stubEnv('CHROMIUM_BIN', '/nowhere/chrome');
    expect(() => findChromium()).toThrow('CHROMIUM_BIN is set to /nowhere/chrome, but there is no file there.');
  });

  it('takes the binary the variable names', () => {
    vi.stubEnv('CHROMIUM_BIN', process.execPath);
    expect(findChromium(['/nowhere/chromium'])).toBe(process.execPath);
  });
});
