import { createRoot } from 'react-dom/client';
import { Badge } from '@/components/badge/Badge';
import badgeCss from '@/components/badge/badge.css?inline';
import { mountShadowUi } from '@/content/mount';
import { watchProfilePages } from '@/content/profile-page';

export default defineContentScript({
  // The whole sites, not only profile paths: both are single-page apps, and a user who goes
  // from the feed to a profile never loads the profile URL.
  matches: ['https://*.linkedin.com/*', 'https://*.xing.com/*'],
  cssInjectionMode: 'manual',
  main(ctx) {
    watchProfilePages(ctx, (view, signal) => {
      const ui = mountShadowUi({ tag: 'tiekeeper-badge', css: badgeCss, anchor: view.anchor });
      const root = createRoot(ui.container);
      root.render(<Badge />);
      signal.addEventListener('abort', () => {
        root.unmount();
        ui.remove();
      });
    });
  },
});
