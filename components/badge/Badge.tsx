import { t } from '@/i18n';

export function Badge() {
  return (
    <button type="button" className="tk-badge">
      <span className="tk-badge-dot" aria-hidden="true" />
      {t('badgeAddNote')}
    </button>
  );
}
