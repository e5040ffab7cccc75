import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adapterForUrl, adapters, isSiteAdapter, profileFromUrl, recogniseProfile } from '../../../sites';
import { SITE_IDS, SITES } from '../../../sites/descriptors';
import type { SiteAdapter } from '../../../sites/types';
import { FIXTURES_DIR, fixture, parseHtml } from './pages';

/*
 * Every site adapter must document itself with example URLs and come with fictional pages, and
 * no adapter may claim another's URLs (the cross-matrix, after github-url-detection).
 */
const MIN_PROFILE_EXAMPLES = 5;
const MIN_NOT_PROFILE_EXAMPLES = 5;
const SITES_DIR = path.resolve(__dirname, '../../../sites');
/** Files in sites/ that are not adapters. */
const NOT_ADAPTER_FILES = new Set(['index.ts', 'types.ts', 'descriptors.ts']);

describe('the adapter registry', () => {
  it('registers the known sites', () => {
    expect(adapters.map((adapter) => adapter.site)).toEqual(expect.arrayContaining(['linkedin', 'xing']));
  });

  it('has one adapter for each site in descriptors.ts, carrying its descriptor', () => {
    expect(adapters.map((adapter) => adapter.site).sort()).toEqual([...SITE_IDS].sort());
    for (const descriptor of SITES) {
      expect(adapters.find((adapter) => adapter.site === descriptor.site)).toMatchObject(descriptor);
    }
  });

  it.each(fs.readdirSync(SITES_DIR).filter((file) => file.endsWith('.ts') && !NOT_ADAPTER_FILES.has(file)))(
    'registers the adapter exported by sites/%s',
    async (file) => {
      const exports: Record<string, unknown> = await import(path.join(SITES_DIR, file));
      const exported = Object.values(exports).filter(isSiteAdapter);
      expect(exported.length).toBeGreaterThan(0);
      for (const adapter of exported) expect(adapters).toContain(adapter);
    },
  );

  it('gives every site exactly one adapter', () => {
    const sites = adapters.map((adapter) => adapter.site);
    expect(new Set(sites).size).toBe(sites.length);
  });

  it('finds the adapter by host, and none for other sites', () => {
    expect(adapterForUrl(new URL('https://de.linkedin.com/in/x'))?.site).toBe('linkedin');
    expect(adapterForUrl(new URL('https://www.xing.com/profile/X_Y'))?.site).toBe('xing');
    expect(adapterForUrl(new URL('https://example.org/in/x'))).toBeUndefined();
    expect(profileFromUrl(new URL('https://example.org/in/jana-beispiel'))).toBeNull();
  });

  it('recognises a page through the adapter of its host', () => {
    const doc = fixture('xing', 'current-profile.html');
    expect(recogniseProfile(new URL('https://www.xing.com/profile/Jana_Beispiel'), doc)?.name).toBe('Jana Beispiel');
    // The same page under another host or a non-profile URL is nobody.
    expect(recogniseProfile(new URL('https://example.org/profile/Jana_Beispiel'), doc)).toBeNull();
    expect(recogniseProfile(new URL('https://www.xing.com/jobs/1'), doc)).toBeNull();
  });
});

/** An adapter's example profile URLs, each with the key it must yield. */
function profileUrls(adapter: SiteAdapter): { url: string; key: string }[] {
  return Object.entries(adapter.examples.profiles).flatMap(([key, urls]) => urls.map((url) => ({ url, key })));
}

describe.each(adapters.map((adapter) => ({ site: adapter.site, adapter })))('the $site adapter contract', ({ site, adapter }) => {
  const { notProfiles } = adapter.examples;
  const profiles = profileUrls(adapter);

  it(`documents at least ${MIN_PROFILE_EXAMPLES} profile URLs and ${MIN_NOT_PROFILE_EXAMPLES} other URLs of its site`, () => {
    expect(profiles.length).toBeGreaterThanOrEqual(MIN_PROFILE_EXAMPLES);
    expect(notProfiles.length).toBeGreaterThanOrEqual(MIN_NOT_PROFILE_EXAMPLES);
    for (const url of [...profiles.map((example) => example.url), ...notProfiles]) {
      expect(adapter.matchesHost(new URL(url).hostname), url).toBe(true);
    }
  });

  it('lists no URL twice', () => {
    const urls = [...profiles.map((example) => example.url), ...notProfiles];
    expect(new Set(urls).size).toBe(urls.length);
  });

  it(`has fictional pages in test/fixtures/${site}/`, () => {
    const dir = path.join(FIXTURES_DIR, site);
    const pages = fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => file.endsWith('.html')) : [];
    expect(pages.length, `no .html fixture in ${dir}`).toBeGreaterThan(0);
  });

  it.each(profiles)('$url -> $key, and its canonical URL maps back to itself', ({ url, key }) => {
    const ref = adapter.profileFromUrl(new URL(url));
    expect(ref).toMatchObject({ site, key });
    if (!ref) return;
    expect(ref.url.startsWith('https://')).toBe(true);
    expect(adapter.profileFromUrl(new URL(ref.url))).toEqual(ref);
  });

  it('reads no person from a page whose URL is not a profile', () => {
    const dir = path.join(FIXTURES_DIR, site);
    const page = fs.existsSync(dir) ? fs.readdirSync(dir).find((file) => file.endsWith('.html')) : undefined;
    const doc = page ? fixture(site, page) : parseHtml('<title>Jana Beispiel</title><h1>Jana Beispiel</h1>');
    for (const url of notProfiles) expect(adapter.readProfile(new URL(url), doc), url).toBeNull();
  });
});

describe('cross-matrix: every example URL against every adapter', () => {
  const profileExamples = adapters.flatMap((owner) =>
    profileUrls(owner).map((example) => ({ owner: owner.site, ...example })),
  );
  const otherExamples = adapters.flatMap((owner) => owner.examples.notProfiles.map((url) => ({ owner: owner.site, url })));

  describe.each(adapters.map((adapter) => ({ site: adapter.site, adapter })))('$site', ({ site, adapter }) => {
    it('matches exactly the profile URLs it lists', () => {
      for (const { owner, url, key } of profileExamples) {
        const ref = adapter.profileFromUrl(new URL(url));
        if (owner === site) expect(ref?.key, url).toBe(key);
        else expect(ref, `${site} claims ${owner}'s ${url}`).toBeNull();
      }
    });

    it("matches none of any site's non-profile URLs", () => {
      for (const { owner, url } of otherExamples) {
        expect(adapter.profileFromUrl(new URL(url)), `${site} claims ${owner}'s ${url}`).toBeNull();
      }
    });
  });

  it('the registry resolves each profile URL to its owner and each other URL to nothing', () => {
    for (const { owner, url, key } of profileExamples) expect(profileFromUrl(new URL(url)), url).toMatchObject({ site: owner, key });
    for (const { url } of otherExamples) expect(profileFromUrl(new URL(url)), url).toBeNull();
  });
});
