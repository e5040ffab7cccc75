import { adapterForUrl } from '../sites';
import type { ProfileRef, SiteAdapter } from '../sites/types';
import { waitForDom } from './wait-for';

/** How long a navigation may take to render the new person before we read what is there. */
const RENDER_TIMEOUT_MS = 4_000;
/** How long a floating badge keeps looking for the person's name on the page. */
const ANCHOR_SEARCH_MS = 15_000;

export interface ProfilePageEvents {
  /**
   * The tab now shows a profile (known from its address alone): the badge goes up at once,
   * beside `anchor` when the page already shows this person's name, else floating.
   */
  enter(anchor: Element | null, signal: AbortSignal, findAnchor: () => Element | null): void;
  /** The page shows the person: what it says of them, for the panel. */
  recognised(ref: ProfileRef): void;
  /** Where the badge belongs now (the name appeared late, or the site re-rendered it). */
  place(anchor: Element): void;
  /** The tab left profile pages. */
  leave(): void;
}

/**
 * Follows the tab from page to page (the sites are single-page apps) and tells what it shows.
 * Every profile visit gets its own signal, aborted when the user navigates on.
 */
export function watchProfilePages(events: ProfilePageEvents, signal: AbortSignal): void {
  let visit: AbortController | null = null;
  /** The person the tab last showed. */
  let previousKey: string | null = null;
  /** The document was loaded at this address: what it shows is about this person. */
  let firstLoad = true;

  const evaluate = async (url: URL) => {
    visit?.abort();
    const current = new AbortController();
    visit = current;
    signal.addEventListener('abort', () => current.abort(), { once: true, signal: current.signal });
    const adapter = adapterForUrl(url);
    const fromUrl = adapter?.profileFromUrl(url);
    if (!adapter || !fromUrl) {
      if (previousKey !== null) events.leave();
      previousKey = null;
      firstLoad = false;
      return;
    }
    // A single-page navigation changes the address before the site renders the new page. Going
    // to someone else, the name is read only once the top card has changed: reading the old one
    // would give the new person the old person's name.
    const mustChange = !firstLoad && previousKey !== fromUrl.key;
    firstLoad = false;
    previousKey = fromUrl.key;
    // Read once: the person (on a first load or the same person) and, with their name, the anchor.
    const ref = mustChange ? null : adapter.readProfile(url, document);
    const oldAnchor = adapter.findBadgeAnchor(document, ref?.name);
    const oldText = oldAnchor?.textContent;
    const showsThisPerson = (anchor: Element | null) =>
      !mustChange || (anchor !== null && (anchor !== oldAnchor || anchor.textContent !== oldText));

    const anchor = mustChange ? null : oldAnchor;
    events.enter(anchor, current.signal, () => adapter.findBadgeAnchor(document, ref?.name));
    if (!mustChange) {
      if (ref) events.recognised(ref);
      if (!anchor) followAnchor(adapter, events, current.signal);
      return;
    }
    const shown = await waitForDom(
      () => {
        const found = adapter.findBadgeAnchor(document);
        return found && showsThisPerson(found) ? found : null;
      },
      // Two people of the same name, or markup we cannot follow: take what is there.
      { signal: current.signal, timeoutMs: RENDER_TIMEOUT_MS, onTimeout: () => adapter.findBadgeAnchor(document) },
    );
    if (current.signal.aborted) return;
    const shownRef = adapter.readProfile(url, document);
    if (shownRef) events.recognised(shownRef);
    if (shown) events.place(shown);
    else followAnchor(adapter, events, current.signal);
  };

  watchLocation((url) => void evaluate(url), signal);
  void evaluate(new URL(location.href));
}

/** A page whose name is not (yet) where we look: the badge floats until the name shows. */
function followAnchor(adapter: SiteAdapter, events: ProfilePageEvents, signal: AbortSignal): void {
  void waitForDom(() => adapter.findBadgeAnchor(document), { signal, timeoutMs: ANCHOR_SEARCH_MS }).then((anchor) => {
    if (anchor && !signal.aborted) events.place(anchor);
  });
}

/**
 * Calls back with the new address on every navigation within the page. Only events the browser
 * itself fired count (`isTrusted`): a page can dispatch look-alike events, not trusted ones. The
 * Navigation API is taken only when it really is one (a page can clobber the name `navigation`
 * with an element of that id where the browser has none); else the address is polled.
 */
function watchLocation(onChange: (url: URL) => void, signal: AbortSignal): void {
  let last = location.href;
  const changed = (href: string) => {
    if (href === last) return;
    last = href;
    onChange(new URL(href));
  };
  const nav = (globalThis as { navigation?: unknown }).navigation;
  const NavigationType = (globalThis as { Navigation?: unknown }).Navigation;
  if (typeof NavigationType === 'function' && nav instanceof NavigationType) {
    // After the entry changed, so that the address the browser reports with our messages is the
    // new one already (`navigate` comes before the change).
    (nav as EventTarget).addEventListener(
      'currententrychange',
      (event) => {
        if (event.isTrusted) changed(location.href);
      },
      { signal },
    );
    return;
  }
  const timer = setInterval(() => changed(location.href), 500);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
