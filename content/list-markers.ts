import type { MarkerView } from '../messaging/site-activity';
import type { SiteAdapter } from '../sites/types';
import { ICONS, TONE_CSS } from './badge';

/*
 * Markers after the names of known people wherever the sites list people (search results, My
 * Network, "People you may know", conversation lists): how the tie stands, in the badge's colours
 * and words. Lists flatten and hash their markup, so the signal is a link to a profile with the
 * name inside it. Under the badge's rules: a closed shadow root, no text nodes. Every name gets
 * the same host, known or not (empty for people not kept), so the page cannot tell from its
 * markup or styles whom the user keeps; it takes no room (zero size, the marker drawn beside it),
 * so nothing on the page moves when it appears.
 */
const LINKS = 'a[href*="/in/"], a[href*="/profile/"], a[href*="/profiles/"]';
/** Screen-reader-only text in a link ("View Jana's profile") is not the name. */
const HIDDEN_TEXT = '.visually-hidden, .sr-only, .a11y-text';
/** Rows added by infinite scroll are read in one go a moment after they arrive. */
const SCAN_DELAY_MS = 100;

const CSS = `
:host {
  all: initial !important;
  display: inline-block !important;
  position: relative !important;
  width: 0 !important;
  height: 0 !important;
  margin: 0 !important;
  padding: 0 !important;
  overflow: visible !important;
  vertical-align: baseline !important;
  visibility: visible !important;
  opacity: 1 !important;
}
.tk-marker {
  all: unset;
  box-sizing: border-box;
  position: absolute;
  left: 6px;
  bottom: -0.35em;
  display: flex;
  align-items: center;
  gap: 4px;
  height: 1.6em;
  max-width: 16em;
  padding: 0 8px;
  border-radius: 999px;
  border: 1px solid currentColor;
  font: 600 11px/1 system-ui, sans-serif;
  white-space: nowrap;
  cursor: pointer;
  user-select: none;
  z-index: 1;
  color: var(--tone);
  background: var(--tone-soft);
}
.tk-marker:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
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
  /** Keys whose markers are to be drawn again at the next frame. */
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = false;

  /*
   * All the writes of a batch in one go, once the page has painted its next frame: the dark look
   * is then read from styles already computed (no forced style calculation), the hosts go in one
   * after another without any read in between, and nothing is written while the page loads.
   */
  const drawPending = () => {
    frame = false;
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
      }
    }
    pending.clear();
  };
  const draw = (keys: Iterable<string>) => {
    for (const key of keys) pending.add(key);
    if (frame || pending.size === 0) return;
    frame = true;
    requestAnimationFrame(() => setTimeout(drawPending, 0));
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
    for (const link of document.querySelectorAll(LINKS)) {
      if (seen.has(link)) continue;
      seen.add(link);
      let url: URL;
      try {
        url = new URL(link.getAttribute('href') ?? '', location.href);
      } catch {
        continue;
      }
      const ref = adapter.matchesHost(url.hostname) ? adapter.profileFromUrl(url) : null;
      const name = ref && nameElementOf(link);
      if (!ref || !name) continue;
      const entries = names.get(ref.key) ?? [];
      entries.push({ element: name, marker: null });
      names.set(ref.key, entries);
      if (views.has(ref.key)) known.push(ref.key);
      else fresh.add(ref.key);
    }
    draw(known);
    ask([...fresh]);
  };

  // The user's own click (or Enter) on a marker opens the panel about that person, not the
  // profile the site's link around it leads to. One listener for all the markers on the page.
  const onClick = (event: MouseEvent) => {
    const marker = event.target ? hosts.get(event.target) : undefined;
    if (!marker?.button || !event.isTrusted) return;
    event.preventDefault();
    event.stopPropagation();
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
