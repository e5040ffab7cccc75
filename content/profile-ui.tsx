import { createRoot } from 'react-dom/client';
import badgeCss from '@/components/badge/badge.css?inline';
import panelCss from '@/components/panel/panel.css?inline';
import type { ProfileApi } from '@/components/profile/api';
import { ProfileApp } from '@/components/profile/ProfileApp';
import paletteCss from '@/components/shared/palette.css?inline';
import themeCss from '@/components/shared/theme.css?inline';
import { mountShadowUi } from './mount';
import type { ProfileView } from './profile-page';
import { siteIsDark } from './theme';

export interface ProfileUiOptions {
  api: ProfileApi;
  /** Subscribes to "open the panel" requests (the keyboard shortcut). */
  onOpenRequest: (open: () => void) => () => void;
  onFirstRender?: () => void;
}

/**
 * The badge next to the person's name and the panel about them, until `signal` aborts (the
 * user navigated on). Both live in closed shadow roots.
 */
export function showProfileUi(view: ProfileView, signal: AbortSignal, options: ProfileUiOptions): void {
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
      api={options.api}
      profile={view.ref}
      panelContainer={panel.container}
      onFirstRender={options.onFirstRender}
      onOpenRequest={options.onOpenRequest}
    />,
  );
  signal.addEventListener('abort', () => {
    root.unmount();
    badge.remove();
    panel.remove();
  });
}
