import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Harness, harnessForEachTest } from './harness';
import { projectPage, SHARED_AVAILABLE, sharedPage } from './fixtures';
import { DashboardPage, ProfileBadge } from './page-objects';

interface ProfileCase {
  label: string;
  url: string;
  name: string;
  html: () => string;
}

const realPages: ProfileCase[] = SHARED_AVAILABLE
  ? ['2022-loggedin-xlarge-austin-oboyle.html', '2025-loggedin-hashed-jarle-trandokken.html', '2026-loggedin-sdui-kate-kallot.html'].map((file) => {
      const page = sharedPage(file);
      return { label: `real LinkedIn page ${file}`, url: page.url, name: page.name, html: () => page.html };
    })
  : [];

const cases: ProfileCase[] = [
  ...realPages,
  {
    label: 'fictional XING profile',
    url: 'https://www.xing.com/profile/Jana_Beispiel',
    name: 'Jana Beispiel',
    html: () => projectPage('xing/current-profile.html'),
  },
];

/** Whether the page's Content-Security-Policy really binds: Trusted Types refuse raw HTML. */
const trustedTypesEnforced = (page: Page) =>
  page.evaluate(() => {
    try {
      // eslint-disable-next-line no-restricted-syntax -- the assignment the policy must refuse
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch {
      return true;
    }
  });

describe('badge and panel on profile pages', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it.each(cases)('notes, in touch and rhythm on the $label, under a strict CSP', async ({ url, name, html }) => {
    harness.serve(url, { html: html(), csp: true });
    const page = await harness.open(url);
    expect(await trustedTypesEnforced(page)).toBe(true);
    const badge = await ProfileBadge.on(page, harness);
    await expect.poll(() => badge.label()).toBe(`Tiekeeper, ${name}: Add a note`);
    expect(await badge.count()).toBe(1);

    const panel = await badge.open();
    expect(await panel.name()).toBe(name);
    await panel.addNote('Met at the training in Kassel.\nAsk about the sailing trip.');
    await panel.logInTouch('Call');
    await panel.setRhythm(91);
    await expect.poll(() => panel.text()).toContain('Last contact today');

    await page.reload();
    const reloaded = await ProfileBadge.on(page, harness);
    await expect.poll(() => reloaded.label()).toBe(`Tiekeeper, ${name}: Last contact today`);
    const again = await reloaded.open();
    expect(await again.text()).toContain('Ask about the sailing trip.');
  });

  it('lists the person in the dashboard with the note and the call added on their profile page', async () => {
    const page = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const panel = await (await ProfileBadge.on(page, harness)).open();
    await panel.addNote('Met at the training in Kassel.\nAsk about the sailing trip.');
    await panel.logInTouch('Call');

    const dashboard = await DashboardPage.open(harness);
    await expect.poll(() => dashboard.shownNames()).toEqual(['Jana Beispiel']);
    expect(await dashboard.cell('Jana Beispiel', 'lastContact')).toBe('today');
    await dashboard.search('sailing trip');
    await expect.poll(() => dashboard.shownNames()).toEqual(['Jana Beispiel']);
    await dashboard.openContact('Jana Beispiel');
    await expect.poll(() => dashboard.timelineEntries()).toHaveLength(2);
    const entries = await dashboard.timelineEntries();
    expect(entries.find((entry) => entry.includes('Call'))).toBeDefined();
    expect(entries.find((entry) => entry.includes('Met at the training in Kassel.\nAsk about the sailing trip.'))).toBeDefined();
  });

  it('opens at the top, ready for a note, with the rarer parts folded as the user left them', async () => {
    const page = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const panel = await (await ProfileBadge.on(page, harness)).open();
    await panel.page.setViewportSize({ width: 360, height: 640 });
    const inView = (part: Locator) =>
      part.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      });
    await expect.poll(() => panel.page.evaluate(() => document.activeElement?.matches('textarea[data-autofocus]'))).toBe(true);
    expect(await panel.page.locator('.tk-panel-name').textContent()).toBe('Jana Beispiel');
    for (const part of ['.tk-panel-name', '.tk-status', 'textarea[data-autofocus]']) expect(await inView(panel.page.locator(part)), part).toBe(true);
    expect(await inView(panel.page.getByRole('button', { name: 'In touch today' }))).toBe(true);
    const folds = () => panel.page.locator('details.tk-fold').evaluateAll((all: HTMLDetailsElement[]) => all.map((fold) => fold.open));
    expect(await folds()).toEqual([false, false, false]);

    await panel.unfold('About them');
    await panel.page.close();
    const next = await (await ProfileBadge.on(await harness.open('https://www.linkedin.com/in/lukas-mustermann-4a1b2c/'), harness)).open();
    await expect.poll(() => next.page.locator('.tk-panel-name').textContent()).toBe('Lukas Mustermann');
    expect(await next.page.locator('details.tk-fold').evaluateAll((all: HTMLDetailsElement[]) => all.map((fold) => fold.open))).toEqual([false, false, true]);
  });

  it('keeps what it shows away from the page’s own scripts', async () => {
    const note = 'Private: salary talk with Jana in March';
    const page = await harness.context.newPage();
    // The page's own script, in its main world from the first moment: it watches every change.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      new MutationObserver((records) => {
        for (const record of records) {
          seen.push(record.target.textContent ?? '');
          record.addedNodes.forEach((node) => seen.push(node.textContent ?? '', (node as Element).outerHTML ?? ''));
          if (record.attributeName) seen.push((record.target as Element).getAttribute(record.attributeName) ?? '');
        }
      }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.goto('https://www.linkedin.com/in/jana-beispiel/');
    const badge = await ProfileBadge.on(page, harness);
    await expect.poll(() => badge.label()).toContain('Jana Beispiel');
    const panel = await badge.open();
    await panel.addNote(note);
    const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(Date.now());
    // Tiekeeper does show both, inside its closed shadow root.
    expect(await panel.text()).toContain(note);
    expect(await panel.text()).toContain(date);

    const found = await page.evaluate((needles) => {
      const hits: string[] = [];
      const haystacks: [string, string][] = [
        ['innerText', document.documentElement.innerText],
        ['textContent', document.documentElement.textContent ?? ''],
        ['outerHTML', document.documentElement.outerHTML],
        ['mutations', (window as unknown as { __seen: string[] }).__seen.join('\n')],
      ];
      for (const element of document.querySelectorAll('*')) {
        if (element.shadowRoot) haystacks.push([`shadowRoot of ${element.tagName}`, element.shadowRoot.innerHTML]);
      }
      for (const [where, text] of haystacks) for (const needle of needles) if (text.includes(needle)) hits.push(`${needle} in ${where}`);
      return hits;
    }, [note, date]);
    expect(found).toEqual([]);
  });

  it('shows a note with markup as plain text', async () => {
    const page = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const panel = await (await ProfileBadge.on(page, harness)).open();
    await panel.addNote('<img src=x onerror=alert(1)>');
    expect(await panel.page.locator('.tk-notes').innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(await panel.page.locator('.tk-notes img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('does not move the top card: the badge only takes its own width on the name’s line', async () => {
    const demo = 'https://www.linkedin.com/in/lukas-mustermann-4a1b2c/';
    const page = await harness.open(demo);
    const badge = await ProfileBadge.on(page, harness);
    await expect.poll(() => badge.label()).toContain('Lukas Mustermann');
    const layout = () =>
      page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect;
        return { card: box('.pv-top-card'), name: box('h1'), headline: box('.text-body-medium'), about: box('main > section:nth-of-type(2)') };
      });
    const withBadge = await layout();
    const badgeWidth = (await badge.shadow.boundingBox('.tk-badge')).width;
    const hostHtml = await badge.hostHtml();

    // The same page where the extension does not run.
    const plainPage = await harness.context.newPage();
    // The rendered page as markup, without the site's script and without Tiekeeper's elements.
    let html = await page.evaluate(() =>
      document.documentElement.outerHTML.replace(/<script[^]*?<\/script>/g, ''),
    );
    expect(html).toContain(`</h1>${hostHtml}`);
    html = html.replace(`</h1>${hostHtml}`, '</h1>');
    harness.serve('https://example.invalid/plain', { html });
    await plainPage.goto('https://example.invalid/plain');
    const without = await plainPage.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect;
      return { card: box('.pv-top-card'), name: box('h1'), headline: box('.text-body-medium'), about: box('main > section:nth-of-type(2)') };
    });
    expect(withBadge.card.height).toBe(without.card.height);
    expect(withBadge.name).toEqual(without.name);
    expect(withBadge.headline).toEqual(without.headline);
    expect(withBadge.about).toEqual(without.about);
    expect(badgeWidth).toBeGreaterThan(0);
  });

  it('follows the site’s dark look', async () => {
    await harness.close();
    harness = await Harness.start({ colorScheme: 'dark' });
    const page = await harness.open('https://www.linkedin.com/in/jana-beispiel/');
    const badge = await ProfileBadge.on(page, harness);
    await expect.poll(() => badge.shadow.attribute('.tk-badge', 'class')).toContain('tk-dark');
  });

  it('speaks German when the browser does', async () => {
    await harness.close();
    harness = await Harness.start({ locale: 'de-DE' });
    const uiLanguage = await harness.inWorker(() => (globalThis as unknown as { chrome: typeof import('webextension-polyfill') }).chrome.i18n.getUILanguage(), null);
    if (uiLanguage !== 'de') throw new Error(`Chromium runs in ${uiLanguage}, not German: install its translations (apt-get install chromium-l10n).`);
    const page = await harness.open('https://www.xing.com/profile/Thomas_Beispiel2');
    const badge = await ProfileBadge.on(page, harness);
    await expect.poll(() => badge.label()).toBe('Tiekeeper, Thomas Beispiel: Notiz hinzufügen');
    const panel = await badge.open();
    expect(await panel.text()).toContain('Heute in Kontakt');
    expect(await panel.text()).toContain('Rhythmus');
  });

  it('opens the panel beside the tab with the keyboard shortcut, about the person the tab shows', async () => {
    const page = await harness.open('https://www.xing.com/profile/Sofia_Probst');
    const badge = await ProfileBadge.on(page, harness);
    await expect.poll(() => badge.label()).toContain('Sofia Probst');
    await harness.capturePanelOpens();
    // The browser hands the command to the worker with the tab it was pressed in. Sent from here
    // it is no user's gesture, so Chrome refuses the side panel and the panel opens in a window
    // of its own, as it does where a browser never counts the gesture.
    const window = harness.context.waitForEvent('page', { predicate: (p) => p.url().includes('/sidepanel.html?tab=') });
    const tabId = await harness.inWorker(async () => {
      const chrome = globalThis as unknown as { chrome: { tabs: { query: (q: object) => Promise<{ id: number }[]> }; commands: { onCommand: { dispatch: (c: string, t: object) => void } } } };
      const [tab] = await chrome.chrome.tabs.query({ active: true, lastFocusedWindow: true });
      chrome.chrome.commands.onCommand.dispatch('open-panel', tab!);
      return tab!.id;
    }, null);
    await expect.poll(() => harness.panelOpens()).toEqual([tabId, -1]);
    const opened = await window;
    expect(opened.url()).toBe(`${harness.origin}/sidepanel.html?tab=${tabId}`);
    await expect.poll(() => opened.locator('input.tk-name').inputValue()).toBe('Sofia Probst');
  });
});
