import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adapterForUrl } from '@/sites';
import type { ProfileRef } from '@/sites/types';
import { waitForDom } from './wait-for';

/** How long a navigation may take to render the new profile before we read what is there. */
const RENDER_TIMEOUT_MS = 4_000;

export interface ProfileView {
  ref: ProfileRef;
  /** Where the badge goes; null when the page's markup is unknown (fixed corner instead). */
  anchor: Element | null;
  /** Finds the anchor again, after the site re-rendered the top card. */
  findAnchor: () => Element | null;
}

/**
 * Calls `show` for every profile page the user lands on, including single-page navigations,
 * with a signal that aborts when the user navigates on: everything shown must go away then.
 */
export function watchProfilePages(
  ctx: ContentScriptContext,
  show: (view: ProfileView, signal: AbortSignal) => void,
): void {
  let controller: AbortController | null = null;
  /** The person the badge was last shown for. */
  let previousKey: string | null = null;

  const evaluate = async (url: URL) => {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    const adapter = adapterForUrl(url);
    const fromUrl = adapter?.profileFromUrl(url);
    if (!adapter || !fromUrl) {
      previousKey = null;
      return;
    }
    // This runs as the navigation starts, while the old page is still on screen. Going to
    // someone else, wait until the top card has changed: reading the old one would give the new
    // person the old person's name. The same person (a sub-page) or a first load need no wait.
    const findAnchor = () => adapter.findBadgeAnchor(document);
    const oldAnchor = findAnchor();
    const oldText = oldAnchor?.textContent;
    const mustChange = previousKey !== null && previousKey !== fromUrl.key;
    const read = (acceptUnchanged: boolean): ProfileView | null => {
      const anchor = findAnchor();
      const ref = adapter.readProfile(url, document);
      if (!ref || !anchor) return null;
      const unchanged = anchor === oldAnchor && anchor.textContent === oldText;
      return mustChange && unchanged && !acceptUnchanged ? null : { ref, anchor, findAnchor };
    };
    const view = await waitForDom(() => read(false), {
      signal: current.signal,
      timeoutMs: RENDER_TIMEOUT_MS,
      // Two people of the same name, or markup we cannot follow: show what is there.
      onTimeout: () => read(true) ?? fallbackView(url, adapter, findAnchor),
    });
    if (current.signal.aborted || !view) return;
    previousKey = view.ref.key;
    show(view, current.signal);
  };

  // The event comes as the navigation starts, before `location` changes: use its URL.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => void evaluate(event.newUrl));
  ctx.onInvalidated(() => controller?.abort());
  void evaluate(new URL(location.href));
}

/** Markup we do not know: a profile URL still names the person; the badge floats in a corner. */
function fallbackView(url: URL, adapter: NonNullable<ReturnType<typeof adapterForUrl>>, findAnchor: () => Element | null): ProfileView | null {
  const ref = adapter.readProfile(url, document);
  return ref ? { ref, anchor: null, findAnchor } : null;
}
