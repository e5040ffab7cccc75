import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { parsePopupSnapshot, POPUP_SNAPSHOT_KEY } from '../../storage/popup-snapshot';
import { PopupApp } from '../../components/popup/PopupApp';
import { ErrorBoundary } from '../../components/shared/ErrorBoundary';
import '../../components/shared/palette.css';
import '../../components/popup/popup.css';
import { followSystemTheme } from '../../components/shared/system-theme';

followSystemTheme();

// The list as the background last saw it, read before the first render: the popup shows it
// without waiting for the database.
void browser.storage.session
  .get(POPUP_SNAPSHOT_KEY)
  .then((stored) => parsePopupSnapshot(stored[POPUP_SNAPSHOT_KEY]), () => null)
  .then((snapshot) => createRoot(document.getElementById('root')!).render(
      <ErrorBoundary>
        <PopupApp snapshot={snapshot} />
      </ErrorBoundary>,
    ),
  );
