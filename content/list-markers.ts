import type { MarkerView } from '../messaging/site-activity';
import type { SiteAdapter } from '../sites/types';
import { ICONS, TONE_CSS } from './badge';

/*
 * Markers after the names of known people wherever the sites list people with a link to their
 * profile (search results, My Network, "People you may know"): how the tie stands, in the
 * badge's colours and words. Lists flatten and hash their markup, so the signal is a link to a
 * profile with the name inside it. Under the badge's rules: a closed shadow root, no text nodes.
 *
 * Every name gets the same host, kept or not, and the page can tell nothing from it: the host is
 * out of the flow (nothing on the page moves when it appears), always of one size, clips what it
 * holds, and takes no pointer events, drawn marker or not. So `elementFromPoint`, styles, sizes,
 * overflow and markup are the same after every name. The user's click on a marker is taken from
 * the page in capture, by where it lands (see `watchListMarkers`); the page learns of a marker
 * only when the user clicks it.
 */
const LINKS = 'a[href*="/in/"], a[href*="/profile/"], a[href*="/profiles/"]';
/** Screen-reader-only text in a link ("View Jana's profile") is not the name. */
const HIDDEN_TEXT = '.visually-hidden, .sr-only, .a11y-text';
/** Rows added by infinite scroll are read in one go a moment after they arrive. */
const SCAN_DELAY_MS = 100;

/** The host's box, the same for everyone: room for the widest marker (its words are cut). */
const HOST_WIDTH_PX = 176;
const HOST_HEIGHT_PX = 20;

const CSS = `
:host {
  all: initial !important;
  position: absolute !important;
  display: inline-flex !important;
  align-items: center !important;
  box-sizing: border-box !important;
  width: ${HOST_WIDTH_PX}px !important;
  height: ${HOST_HEIGHT_PX}px !important;
  margin: 0 0 0 6px !important;
  padding: 0 !important;
  overflow: hidden !important;
  contain: strict !important;
  pointer-events: none !important;
  visibility: visible !important;
  opacity: 1 !important;
  z-index: 1 !important;
}
.tk-marker {
  all: unset;
  box-sizing: border-box;
  display: flex;
  align-items: center;
  gap: 4px;
  height: 18px;
  max-width: 100%;
  padding: 0 8px;
  border-radius: 999px;
  border: 1px solid currentColor;
  font: 600 11px/1 system-ui, sans-serif;
  white-space: nowrap;
  user-select: none;
  pointer-events: none;
  color: var(--tone);
  background: var(--tone-soft);
}
.tk-marker:focus-visible { outline: 2px solid #2563eb; outline-offset: -2px; }
.tk-marker::before { content: attr(data-icon); }
.tk-marker::after { content: attr(data-label); min-width: 0; overflow: hidden; text-overflow: ellipsis; }
${TONE_CSS}
`;

/**
 * The element holding the name in a link to a profile: its first visible text. Null for an avatar
 * (no text, or a link hidden from screen readers because the name's link follows).
 */
export function nameElementOf(link: Element): Element | null {
  if (link.getAttribute('aria-hidden') === 'true') return null;
  const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !node.textContent?.trim() || parent.closest(HIDDEN_TEXT)) continue;
    return parent;
  }
  return null;
}

/** A name's host and what its closed shadow root holds: nothing, or the marker (one button). */
interface Marker {
  key: string;
  host: HTMLElement;
  root: ShadowRoot;
  button: HTMLButtonElement | null;
}

let sheet: CSSStyleSheet | null | undefined;
/** One style sheet for all the markers on a page; a <style> each where adopting fails (Firefox). */
function adopt(root: ShadowRoot): void {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    } catch {
      sheet = null;
    }
  }
  try {
    if (!sheet) throw new Error('no sheet');
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}

/** The host after a name, with its closed shadow root: the same for everyone, kept or not. */
function createMarker(key: string): Marker {
  const host = document.createElement('span');
  const root = host.attachShadow({ mode: 'closed' });
  adopt(root);
  return { key, host, root, button: null };
}

/** Draws the marker (one button; icon and words are generated content), or takes it away. */
function paint(marker: Marker, view: MarkerView | null, dark: boolean): void {
  if (!view) {
    marker.button?.remove();
    marker.button = null;
    return;
  }
  const button = (marker.button ??= document.createElement('button'));
  button.type = 'button';
  button.className = `tk-marker tk-tone-${view.tone}${dark ? ' tk-dark' : ''}`;
  button.setAttribute('aria-label', view.ariaLabel);
  button.dataset.icon = ICONS[view.tone];
  button.dataset.label = view.label;
  if (!button.isConnected) marker.root.append(button);
}

export interface ListMarkers {
  /** Asks again for everyone on the page (after a change here or elsewhere). */
  refresh(): void;
}

/**
 * Puts markers after known people's names, now and as rows arrive (one MutationObserver), asking
 * the background once per batch of new people (`ask`, with all their keys). Not on profile pages:
 * there the badge speaks for the person shown.
 */
export function watchListMarkers(options: {
  adapter: SiteAdapter;
  ask: (keys: string[]) => Promise<MarkerView[]>;
  onOpen: (key: string) => void;
  /** Whether the site shows its dark look (asked when the first marker is drawn). */
  dark: () => boolean;
  signal: AbortSignal;
}): ListMarkers {
  const { adapter, signal } = options;
  const seen = new WeakSet<Element>();
  /** The names on the page, by profile key; each gets one marker. */
  const names = new Map<string, { element: Element; marker: Marker | null }[]>();
  /** The hosts on the page, to the key of the person after whose name each sits. */
  const hosts = new WeakMap<EventTarget, Marker>();
  /** What the background said of each key asked: a view, or null for someone not kept. */
  const views = new Map<string, MarkerView | null>();
  /** The markers drawn now (people kept): where a click opens the panel. */
  const drawn = new Set<Marker>();
  /** Keys whose markers are to be drawn (again). */
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  /*
   * All the writes of a batch in one go, as soon as the background has answered: the dark look
   * is read first (before any write, so it forces no second style calculation), then the hosts go
   * in one after another without any read in between. (Waiting for the next frame instead was
   * measured: it cost the page more script time, not less.)
   */
  const drawPending = () => {
    if (signal.aborted) return;
    // Read before the first write, while the page's styles are still computed.
    const dark = [...pending].some((key) => views.get(key)) && options.dark();
    for (const key of pending) {
      const view = views.get(key) ?? null;
      for (const entry of names.get(key) ?? []) {
        if (!entry.marker) {
          entry.marker = createMarker(key);
          hosts.set(entry.marker.host, entry.marker);
          entry.element.after(entry.marker.host);
        }
        paint(entry.marker, view, dark);
        if (view) drawn.add(entry.marker);
        else drawn.delete(entry.marker);
      }
    }
    pending.clear();
  };
  const draw = (keys: Iterable<string>) => {
    for (const key of keys) pending.add(key);
    if (pending.size > 0) drawPending();
  };

  const ask = (keys: string[]) => {
    if (keys.length === 0) return;
    options.ask(keys).then(
      (found) => {
        if (signal.aborted) return;
        for (const key of keys) views.set(key, null);
        for (const view of found) views.set(view.key, view);
        draw(keys);
      },
      () => undefined,
    );
  };

  const scan = () => {
    timer = undefined;
    if (signal.aborted || adapter.profileFromUrl(new URL(location.href))) return;
    const fresh = new Set<string>();
    const known: string[] = [];
    const base = location.href;
    for (const link of document.querySelectorAll(LINKS)) {
      if (seen.has(link)) continue;
      seen.add(link);
      // The name first: it is cheaper to look for than the address is to read, and avatars
      // (half the links in most lists) have none.
      const name = nameElementOf(link);
      if (!name) continue;
      let url: URL;
      try {
        url = new URL(link.getAttribute('href') ?? '', base);
      } catch {
        continue;
      }
      const ref = adapter.matchesHost(url.hostname) ? adapter.profileFromUrl(url) : null;
      if (!ref) continue;
      const entries = names.get(ref.key) ?? [];
      entries.push({ element: name, marker: null });
      names.set(ref.key, entries);
      if (views.has(ref.key)) known.push(ref.key);
      else fresh.add(ref.key);
    }
    draw(known);
    ask([...fresh]);
  };

  /*
   * The user's own click on a marker opens the panel about that person, not the profile the
   * site's link around it leads to. Markers take no pointer events (so that the page cannot find
   * them by hit-testing), so the click is looked for here, in capture, by where it lands: on a
   * drawn marker, with nothing of the page's over it (a dialog or a menu keeps its click). Enter
   * on a focused marker reaches its host. One listener for the page; it reads layout only on a
   * click, and only while markers are drawn.
   */
  const markerAt = (event: MouseEvent): Marker | undefined => {
    const own = event.target ? hosts.get(event.target) : undefined;
    if (own) return own.button ? own : undefined;
    const under = event.target instanceof Node ? event.target : null;
    if (!under || event.detail === 0) return undefined;
    for (const marker of drawn) {
      const { host, button } = marker;
      // What the page shows there belongs with the name: its row, or the name's own link.
      if (!button || !(under.contains(host) || host.parentElement?.parentElement?.contains(under))) continue;
      const box = button.getBoundingClientRect();
      if (event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom) return marker;
    }
    return undefined;
  };
  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || event.button !== 0 || drawn.size === 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const marker = markerAt(event);
    if (!marker) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    options.onOpen(marker.key);
  };
  window.addEventListener('click', onClick, true);

  const observer = new MutationObserver((records) => {
    if (timer !== undefined) return;
    // The hosts this script put in are no new rows.
    const added = records.some((record) => [...record.addedNodes].some((node) => !hosts.has(node)));
    if (added) timer = setTimeout(scan, SCAN_DELAY_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      window.removeEventListener('click', onClick, true);
      clearTimeout(timer);
    },
    { once: true },
  );
  scan();
  return { refresh: () => ask([...names.keys()]) };
}
