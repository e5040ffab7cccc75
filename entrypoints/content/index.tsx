// First: marks the start of the content script in benchmark builds (a no-op otherwise).
import '@/content/bench-start';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import badgeCss from '@/components/badge/badge.css?inline';
import panelCss from '@/components/panel/panel.css?inline';
import { ProfileApp } from '@/components/profile/ProfileApp';
import paletteCss from '@/components/shared/palette.css?inline';
import themeCss from '@/components/shared/theme.css?inline';
import { benchMark } from '@/content/bench-marks';
import { mountShadowUi } from '@/content/mount';
import { siteProfileApi, withSummaryReadAhead } from '@/content/profile-api';
import { watchProfilePages } from '@/content/profile-page';
import { siteIsDark } from '@/content/theme';
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
    watchProfilePages(ctx, (view, signal) => {
      try {
        const api = withSummaryReadAhead(siteProfileApi, view.ref);
        const theme = siteIsDark() ? 'dark' : 'light';
        const badge = mountShadowUi({ tag: 'tiekeeper-badge', css: paletteCss + themeCss + badgeCss, anchor: view.anchor, reattach: view.findAnchor });
        const panel = mountShadowUi({ tag: 'tiekeeper-panel', css: paletteCss + themeCss + panelCss, anchor: null, reattach: () => null });
        badge.host.dataset.theme = theme;
        panel.host.dataset.theme = theme;
        const root = createRoot(badge.container, {
          // Our failures stay ours: the site's page must go on working.
          onUncaughtError: (error) => console.warn('Tiekeeper:', error),
        });
        root.render(
          <ProfileApp
            api={api}
            profile={view.ref}
            panelContainer={panel.container}
            onFirstRender={onFirstRender}
            onOpenRequest={(open) => {
              openListeners.add(open);
              return () => openListeners.delete(open);
            }}
          />,
        );
        signal.addEventListener('abort', () => {
          root.unmount();
          badge.remove();
          panel.remove();
        });
      } catch (error) {
        console.warn('Tiekeeper could not show its badge:', error);
      }
    });
  },
});
