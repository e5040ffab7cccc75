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
  let previous: { key: string; name?: string; anchor: Element | null } | null = null;

  const evaluate = async (url: URL) => {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    const adapter = adapterForUrl(url);
    const fromUrl = adapter?.profileFromUrl(url);
    if (!adapter || !fromUrl) {
      previous = null;
      return;
    }
    const last = previous;
    // After a navigation the old person's top card may still be on screen for a moment:
    // wait until the page shows someone else (or the same person on one of their sub-pages).
    const view = await waitForDom<ProfileView>(() => {
      const anchor = adapter.findBadgeAnchor(document);
      const ref = adapter.readProfile(url, document);
      if (!ref || !anchor) return null;
      const stale = last !== null && last.key !== ref.key && anchor === last.anchor && ref.name === last.name;
      return stale ? null : { ref, anchor };
    }, { signal: current.signal, timeoutMs: RENDER_TIMEOUT_MS });
    if (current.signal.aborted) return;
    const settled = view ?? fallbackView(url, adapter);
    if (!settled) return;
    previous = { key: settled.ref.key, name: settled.ref.name, anchor: settled.anchor };
    show(settled, current.signal);
  };

  // The URL comes from the event: with the Navigation API (Chromium) it fires while the page is
  // still at the old address, so `location.href` would name the person we are leaving.
  ctx.addEventListener(window, 'wxt:locationchange', (event) => void evaluate(event.newUrl));
  ctx.onInvalidated(() => controller?.abort());
  void evaluate(new URL(location.href));
}

/** Markup we do not know: a profile URL still names the person; the badge floats in a corner. */
function fallbackView(url: URL, adapter: NonNullable<ReturnType<typeof adapterForUrl>>): ProfileView | null {
  const ref = adapter.readProfile(url, document);
  return ref ? { ref, anchor: null } : null;
}
