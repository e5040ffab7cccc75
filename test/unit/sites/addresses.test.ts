import { describe, expect, it } from 'vitest';
import { linkedinAdapter } from '../../../sites/linkedin';
import { xingAdapter } from '../../../sites/xing';

/*
 * What the addresses of every site do, one row per site: the adapter's examples for one person,
 * spelled as on her canonical address, all lead to her key and that address; another spelling
 * leads to the same key, lower-cased, but its address keeps that spelling.
 */
const SITES = [
  {
    adapter: linkedinAdapter,
    key: 'jana-beispiel-4a1b2c3',
    canonical: 'https://www.linkedin.com/in/jana-beispiel-4a1b2c3/',
    otherSpelling: { url: 'https://www.linkedin.com/in/Jana-Beispiel-4A1B2C3', canonical: 'https://www.linkedin.com/in/Jana-Beispiel-4A1B2C3/' },
  },
  {
    adapter: xingAdapter,
    key: 'jana_beispiel',
    canonical: 'https://www.xing.com/profile/Jana_Beispiel',
    otherSpelling: { url: 'https://www.xing.com/profile/jana_beispiel', canonical: 'https://www.xing.com/profile/jana_beispiel' },
  },
];

describe.each(SITES)('$adapter.label addresses', ({ adapter, key, canonical, otherSpelling }) => {
  const fromUrl = (url: string) => adapter.profileFromUrl(new URL(url));
  const identifier = new URL(canonical).pathname.split('/').filter(Boolean).at(-1)!;
  const spelledAsIs = adapter.examples.profiles[key]!.filter((url) => url.includes(identifier));

  it.each(spelledAsIs)(`%s -> ${key} and ${canonical}`, (url) => {
    expect(fromUrl(url)).toEqual({ site: adapter.site, key, url: canonical });
  });

  it('lower-cases the key but keeps the spelling of the identifier in the address', () => {
    expect(fromUrl(otherSpelling.url)).toEqual({ site: adapter.site, key, url: otherSpelling.canonical });
  });
});
