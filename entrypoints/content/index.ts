// First: marks the start of the content script in benchmark builds (a no-op otherwise).
import '@/content/bench-start';
import { browser } from 'wxt/browser';
import { benchMark } from '@/content/bench-marks';
import { siteProfileApi, withSummaryReadAhead } from '@/content/profile-api';
import { watchProfilePages } from '@/content/profile-page';
import { OPEN_PANEL_MESSAGE } from '@/messaging/channels';

export default defineContentScript({
  // The whole sites, not only profile paths: both are single-page apps, and a user who goes
  // from the feed to a profile never loads the profile URL.
  matches: ['https://*.linkedin.com/*', 'https://*.xing.com/*'],
  cssInjectionMode: 'manual',
  main(ctx) {
    benchMark('content-main');
    // The keyboard shortcut (commands API) reaches the background, which asks this tab.
    const openListeners = new Set<() => void>();
    const onMessage = (message: unknown) => {
      if ((message as { type?: unknown } | null)?.type === OPEN_PANEL_MESSAGE) openListeners.forEach((open) => open());
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    const onFirstRender = import.meta.env.MODE === 'bench' ? () => benchMark('badge-visible') : undefined;
    // The UI (React and the panel) is set up only once a profile shows: on the feed, in search
    // and in messages the script stays small. Bundled into this one file, so no extension file
    // is exposed to the sites.
    let ui: Promise<typeof import('@/content/profile-ui')> | null = null;
    watchProfilePages(ctx, (view, signal) => {
      const api = withSummaryReadAhead(siteProfileApi, view.ref);
      ui ??= import('@/content/profile-ui');
      ui.then(
        ({ showProfileUi }) => {
          if (signal.aborted) return;
          showProfileUi(view, signal, {
            api,
            onFirstRender,
            onOpenRequest: (open) => {
              openListeners.add(open);
              return () => openListeners.delete(open);
            },
          });
        },
      ).catch((error: unknown) => console.warn('Tiekeeper could not show its badge:', error));
    });
  },
});
