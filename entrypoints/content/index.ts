// First: marks the start of the content script in benchmark builds (a no-op otherwise).
import '../../content/bench-start';
import { createBadge, type PageBadge } from '../../content/badge';
import { benchMark } from '../../content/bench-marks';
import { extensionApi } from '../../content/extension-api';
import { watchProfilePages } from '../../content/profile-page';
import { watchSiteActivity } from '../../content/site-activity';
import { siteIsDark } from '../../content/theme';
import type { BadgeView } from '../../messaging/badge-view';
import { BADGE_MESSAGE } from '../../messaging/channels';
import { adapterForUrl } from '../../sites';
import { contentScriptMatches } from '../../sites/descriptors';

export default defineContentScript({
  // The whole sites, not only profile paths: both are single-page apps, and a user who goes
  // from the feed to a profile never loads the profile URL.
  matches: contentScriptMatches(),
  cssInjectionMode: 'manual',
  // As soon as the document is parsed, not at "idle": Chrome's idle injection waits for the load
  // event or 200 ms after DOMContentLoaded, and on a large page whose main thread is busy that put
  // the badge 300 ms and more after DOMContentLoaded. The script does little on pages without a
  // person, and on a profile the name is in the parsed document (or the script waits for it).
  runAt: 'document_end',
  // WXT would announce the script to the page with the extension's id; the page learns nothing.
  noScriptStartedPostMessage: true,
  // WXT's context (`ctx`) is not used: its events can be dispatched by the page, and a forged
  // one would switch Tiekeeper off. This script stops only when the extension goes away.
  main() {
    benchMark('content-main');
    const api = extensionApi();
    if (!api) return;
    const stopped = new AbortController();

    let badge: PageBadge | null = null;
    /**
     * Tells the background what the tab shows; it answers with the badge for the tab's address.
     * Right after a single-page navigation the browser may still report the old address with
     * the message: then no badge comes back, and the script asks again a moment later.
     */
    const report = (input: { name?: string; headline?: string }, signal: AbortSignal, attempt = 0) => {
      api.runtime.sendMessage({ cmd: 'tab.profile', input }).then(
        (response) => {
          if (signal.aborted) return;
          const view = badgeViewOf(response);
          if (view) show(view);
          else if (badge && attempt < 10) setTimeout(() => report(input, signal, attempt + 1), 30);
        },
        () => stop(),
      );
    };
    const show = (view: BadgeView) => {
      const first = badge !== null && !badge.placed;
      badge?.show(view);
      if (first) benchMark('badge-visible');
    };
    const stop = () => {
      badge?.remove();
      badge = null;
      stopped.abort();
    };

    watchProfilePages(
      {
        enter(anchor, signal, findAnchor) {
          badge?.remove();
          const current = createBadge({
            dark: siteIsDark(),
            onOpen: () => void api.runtime.sendMessage({ cmd: 'panel.open', input: {} }).catch(stop),
            findAnchor,
          });
          badge = current;
          current.place(anchor);
          report({}, signal);
          signal.addEventListener('abort', () => current.remove(), { once: true });
        },
        recognised(ref) {
          if (ref.name) report({ name: ref.name, ...(ref.headline ? { headline: ref.headline } : {}) }, stopped.signal);
        },
        place(anchor) {
          badge?.place(anchor);
        },
        leave() {
          badge?.remove();
          badge = null;
          report({}, stopped.signal);
        },
      },
      stopped.signal,
    );

    // Messages the user sends, and markers beside known people in lists.
    const site = adapterForUrl(new URL(location.href));
    if (site) watchSiteActivity(api, site, stopped.signal);

    // A change made elsewhere (the panel, the popup, a notification) reaches an open badge.
    const onMessage = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type !== BADGE_MESSAGE) return;
      const view = badgeViewOf((message as { badge?: unknown }).badge);
      if (view) show(view);
    };
    api.runtime.onMessage.addListener(onMessage);
    stopped.signal.addEventListener('abort', () => api.runtime.onMessage.removeListener(onMessage), { once: true });

    // When the extension is updated or removed, this copy of the script is orphaned and clears up.
    new MutationObserver((_records, observer) => {
      if (!api.runtime.id) {
        observer.disconnect();
        stop();
      }
    }).observe(document, { childList: true, subtree: true });
  },
});

/** The background's answer, or null when it is not a badge (an error, or no profile). */
function badgeViewOf(value: unknown): BadgeView | null {
  const ok = value as { ok?: unknown; value?: unknown } | null;
  const view = (ok && typeof ok === 'object' && 'ok' in ok ? (ok.ok ? ok.value : null) : value) as Partial<BadgeView> | null;
  if (!view || typeof view !== 'object') return null;
  const { tone, label, detail, ariaLabel, tooltip } = view;
  if (typeof tone !== 'string' || typeof label !== 'string' || typeof ariaLabel !== 'string') return null;
  return {
    tone: tone as BadgeView['tone'],
    label,
    detail: typeof detail === 'string' ? detail : null,
    ariaLabel,
    tooltip: typeof tooltip === 'string' ? tooltip : null,
  };
}
