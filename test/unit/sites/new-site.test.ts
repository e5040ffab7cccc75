import type { Browser } from 'wxt/browser';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../../background/router';
import { siteFilterOptions } from '../../../components/dashboard/list-model';
import { contactsToCsv, csvColumns } from '../../../domain/contacts-csv';
import type { Profile } from '../../../domain/model';
import { newContact } from '../../../domain/contacts';
import { adapters } from '../../../sites';
import { contentScriptMatches, isHostOf, siteOfHost, type SiteDescriptor } from '../../../sites/descriptors';
import type { SiteAdapter, SiteId } from '../../../sites/types';
import { browserDeps, freshDb, T0 } from '../storage/helpers';

/*
 * Adding a site is its adapter (and its descriptor): everything else that lists the sites derives
 * from the list. A fictional third site, defined here only, must reach the content script's
 * matches, the router's allowed hosts, the dashboard's site filter and the CSV's columns.
 */
const descriptor = {
  site: 'talentnet' as SiteId,
  label: 'TalentNet',
  domains: ['talentnet.example'],
  matches: ['https://*.talentnet.example/*'],
  colour: 'talentnet',
} satisfies SiteDescriptor;

const talentnetAdapter: SiteAdapter = {
  ...descriptor,
  matchesHost: (hostname) => isHostOf(descriptor, hostname),
  profileFromUrl: (url) => {
    const slug = /^\/people\/([a-z-]+)\/?$/.exec(url.pathname)?.[1];
    return isHostOf(descriptor, url.hostname) && slug ? { site: descriptor.site, key: slug, url: `https://www.talentnet.example/people/${slug}` } : null;
  },
  readProfile: () => null,
  findBadgeAnchor: () => null,
  examples: { profiles: { jana: ['https://www.talentnet.example/people/jana'] }, notProfiles: ['https://www.talentnet.example/'] },
};

const sites = [...adapters, talentnetAdapter];

describe('a new site, added to the list of sites', () => {
  it('is among the content script matches, after the known ones', () => {
    expect(contentScriptMatches(sites)).toEqual(['https://*.linkedin.com/*', 'https://*.xing.com/*', 'https://*.talentnet.example/*']);
    expect(contentScriptMatches()).toEqual(['https://*.linkedin.com/*', 'https://*.xing.com/*']);
  });

  it("is a host whose tabs the router lets content scripts speak for", async () => {
    const extensionId = 'test-extension-id';
    const sender = {
      id: extensionId,
      url: 'https://www.talentnet.example/people/jana',
      tab: { id: 7, index: 0, windowId: 1 } as Browser.tabs.Tab,
      frameId: 0,
    } as Browser.runtime.MessageSender;
    const deps = { ...browserDeps(), db: freshDb(), now: () => T0, extensionOrigin: `chrome-extension://${extensionId}/`, extensionId };

    const withSite = await createRouter({ ...deps, sites })({ cmd: 'panel.open', input: {} }, sender);
    expect(withSite).toEqual({ ok: true, value: null });
    expect(deps.openedPanels).toEqual([7]);

    const without = await createRouter(deps)({ cmd: 'panel.open', input: {} }, sender);
    expect(without).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(siteOfHost('www.talentnet.example', sites)).toBe(talentnetAdapter);
  });

  it("is a choice of the dashboard's site filter, by its name", () => {
    expect(siteFilterOptions(sites)).toEqual([
      { value: 'linkedin', label: 'LinkedIn' },
      { value: 'xing', label: 'XING' },
      { value: 'talentnet', label: 'TalentNet' },
    ]);
  });

  it("is a column of the contacts' CSV, with the profile's URL", () => {
    expect(csvColumns(sites).slice(-3)).toEqual(['LinkedIn', 'XING', 'TalentNet']);
    const contact = newContact('c1', { displayName: 'Jana Beispiel' }, T0);
    const profile: Profile = {
      id: 'talentnet:jana',
      contactId: 'c1',
      site: descriptor.site,
      key: 'jana',
      url: 'https://www.talentnet.example/people/jana',
      memberId: null,
      seenName: null,
      seenHeadline: null,
      createdAt: T0,
      seenAt: T0,
    };
    const [header, row] = contactsToCsv([contact], [profile], sites).replace(/^\uFEFF/, '').split('\r\n');
    expect(header!.split(';').at(-1)).toBe('TalentNet');
    expect(row!.split(';').slice(-3)).toEqual(['', '', 'https://www.talentnet.example/people/jana']);
  });
});
