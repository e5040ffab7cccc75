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
.tk-icon::before { content: attr(data-icon); }
.tk-label { overflow: hidden; text-overflow: ellipsis; }
.tk-label::before { content: attr(data-label); }
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

interface Marker {
  host: HTMLElement;
  show(view: MarkerView): void;
  /** Someone no longer kept (deleted elsewhere): the host stays, empty, as for everyone. */
  hide(): void;
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

/** The host after a name; its content (the marker) is drawn by `show`, for known people only. */
function createMarker(key: string, dark: boolean, onOpen: (key: string) => void): Marker {
  const host = document.createElement('span');
  const root = host.attachShadow({ mode: 'closed' });
  adopt(root);
  const button = document.createElement('button');
  button.type = 'button';
  const icon = document.createElement('span');
  icon.className = 'tk-icon';
  icon.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'tk-label';
  label.setAttribute('aria-hidden', 'true');
  button.append(icon, label);
  button.addEventListener('click', (event) => {
    // The marker may sit inside the site's link: the click opens the panel, not the profile.
    event.preventDefault();
    event.stopPropagation();
    if (event.isTrusted) onOpen(key);
  });
  return {
    host,
    show(view) {
      button.className = `tk-marker tk-tone-${view.tone}${dark ? ' tk-dark' : ''}`;
      button.setAttribute('aria-label', view.ariaLabel);
      icon.dataset.icon = ICONS[view.tone];
      label.dataset.label = view.label;
      if (!button.isConnected) root.append(button);
    },
    hide() {
      button.remove();
    },
  };
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
  /** What the background said of each key asked: a view, or null for someone not kept. */
  const views = new Map<string, MarkerView | null>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const draw = (key: string) => {
    const view = views.get(key);
    for (const entry of names.get(key) ?? []) {
      if (!entry.marker) {
        entry.marker = createMarker(key, options.dark(), options.onOpen);
        entry.element.after(entry.marker.host);
      }
      if (view) entry.marker.show(view);
      else entry.marker.hide();
    }
  };

  const ask = (keys: string[]) => {
    if (keys.length === 0) return;
    options.ask(keys).then(
      (found) => {
        if (signal.aborted) return;
        for (const key of keys) views.set(key, null);
        for (const view of found) views.set(view.key, view);
        for (const key of keys) draw(key);
      },
      () => undefined,
    );
  };

  const scan = () => {
    timer = undefined;
    if (signal.aborted || adapter.profileFromUrl(new URL(location.href))) return;
    const fresh = new Set<string>();
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
      if (views.has(ref.key)) draw(ref.key);
      else fresh.add(ref.key);
    }
    ask([...fresh]);
  };

  const observer = new MutationObserver(() => {
    timer ??= setTimeout(scan, SCAN_DELAY_MS);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
  scan();
  return { refresh: () => ask([...names.keys()]) };
}
