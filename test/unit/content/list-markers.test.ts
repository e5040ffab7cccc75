import { afterEach, describe, expect, it, vi } from 'vitest';
import { nameElementOf, watchListMarkers } from '../../../content/list-markers';
import { renderMessagingPage } from '../../../demo/messaging';
import type { MarkerView } from '../../../messaging/site-activity';
import { linkedinAdapter } from '../../../sites/linkedin';

function nodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const script of parsed.querySelectorAll('script')) script.remove();
  return [...parsed.body.childNodes].map((node) => document.importNode(node, true));
}

const view = (key: string): MarkerView => ({ key, tone: 'due', label: 'Due now', ariaLabel: `Tiekeeper, ${key}: Due now` });
/** The marker hosts after names: plain, empty spans (their content is in a closed shadow root). */
const markerHosts = () => [...document.querySelectorAll('span')].filter((span) => span.childNodes.length === 0 && span.attributes.length === 0);

/** The fictional page at `address`, watched for markers; what was asked, and how to stop. */
function watchPage(address: string, answer: (keys: string[]) => ReturnType<typeof view>[]) {
  vi.stubGlobal('location', new URL(address));
  const url = new URL(address);
  document.body.replaceChildren(...nodes(renderMessagingPage(`${url.origin}${url.pathname}`)!.html));
  const asked: string[][] = [];
  const stop = new AbortController();
  watchListMarkers({
    adapter: linkedinAdapter,
    dark: () => false,
    signal: stop.signal,
    onOpen: () => undefined,
    ask: async (keys) => {
      asked.push(keys);
      return answer(keys);
    },
  });
  return { asked, stop };
}

describe('markers beside people in lists', () => {
  afterEach(() => {
    document.body.replaceChildren();
    vi.unstubAllGlobals();
  });

  it('find the name inside a profile link, in 2026 and older markup, and skip avatars', () => {
    document.body.replaceChildren(...nodes(renderMessagingPage('https://www.linkedin.com/search/results/people/')!.html));
    const links = [...document.querySelectorAll('a[href*="/in/"]')];
    expect(links.map((link) => nameElementOf(link)?.textContent ?? null).slice(0, 2)).toEqual([null, 'Jana Beispiel']);
    document.body.replaceChildren(...nodes(renderMessagingPage('https://www.linkedin.com/mynetwork/invite-connect/connections/')!.html));
    expect([...document.querySelectorAll('a[href*="/in/"]')].map((link) => nameElementOf(link)?.textContent)).toEqual([
      'Jana Beispiel', 'Lukas Mustermann', 'Jürgen Müller', 'Erika Unbekannt',
    ]);
  });

  it('ask once for everyone on screen, put the same empty host after every name, and ask again only for new rows', async () => {
    const { asked, stop } = watchPage('https://www.linkedin.com/search/results/people/?keywords=x', (keys) => keys.filter((key) => key !== 'erika-unbekannt').map(view));
    // Known or not, each name gets a host: the page cannot tell them apart (the marker itself is
    // drawn in the closed shadow root of the known ones; the end-to-end test reads it there).
    await vi.waitFor(() => expect(markerHosts()).toHaveLength(3));
    expect(asked).toEqual([['jana-beispiel', 'lukas-mustermann-4a1b2c', 'erika-unbekannt']]);

    // Infinite scroll adds rows: one more request, for the new person only.
    document.querySelector('[role="list"]')!.append(...nodes('<a href="/in/nina-neu/"><span>Nina Neu</span></a><a href="/in/jana-beispiel/">Jana again</a>'));
    await vi.waitFor(() => expect(markerHosts()).toHaveLength(5));
    expect(asked).toEqual([['jana-beispiel', 'lukas-mustermann-4a1b2c', 'erika-unbekannt'], ['nina-neu']]);
    stop.abort();
  });

  it('leave LinkedIn\'s list of conversations alone: its rows link to threads, not to people', async () => {
    const { asked, stop } = watchPage('https://www.linkedin.com/messaging/thread/2-jana/', () => []);
    // Only the names in the conversation that link to profiles get a host; the list gets none.
    await vi.waitFor(() => expect(markerHosts().length).toBeGreaterThan(0));
    expect(document.querySelector('.msg-conversations-container')!.querySelectorAll('span')).toHaveLength(0);
    expect(asked.flat().every((key) => !key.includes('thread'))).toBe(true);
    stop.abort();
  });

  it('stay off profile pages, where the badge speaks for the person', async () => {
    vi.stubGlobal('location', new URL('https://www.linkedin.com/in/jana-beispiel/'));
    document.body.replaceChildren(...nodes('<a href="/in/lukas/">Lukas</a>'));
    const ask = vi.fn(async (keys: string[]) => keys.map(view));
    const stop = new AbortController();
    watchListMarkers({ adapter: linkedinAdapter, dark: () => false, signal: stop.signal, onOpen: () => undefined, ask });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(ask).not.toHaveBeenCalled();
    stop.abort();
  });
});
