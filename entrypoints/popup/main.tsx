import { createRoot } from 'react-dom/client';
import { t } from '@/i18n';

createRoot(document.getElementById('root')!).render(
  <main>
    <h1>{t('popupTitle')}</h1>
  </main>,
);
