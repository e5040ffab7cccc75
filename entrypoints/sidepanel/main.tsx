import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '../../components/shared/ErrorBoundary';
import { SidePanelApp } from '../../components/sidepanel/SidePanelApp';
import '../../components/shared/palette.css';
import '../../components/shared/theme.css';
import '../../components/panel/panel.css';
import '../../components/sidepanel/sidepanel.css';
import { followSystemTheme } from '../../components/shared/system-theme';

followSystemTheme();

// `?tab=` names the tab when the panel has a window of its own (where the browser would not
// open its side panel); in the side panel it follows the window's active tab.
const tab = Number(new URLSearchParams(location.search).get('tab'));
createRoot(document.getElementById('root')!).render(
  <ErrorBoundary>
    <SidePanelApp fixedTabId={Number.isInteger(tab) && tab > 0 ? tab : null} />
  </ErrorBoundary>,
);
