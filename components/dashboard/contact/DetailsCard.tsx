import { useId, type ReactNode } from 'react';
import type { Contact } from '../../../domain/model';
import { t } from '../../../i18n';
import { MAX_COMPANY_LENGTH, MAX_EMAIL_LENGTH, MAX_HEADLINE_LENGTH, MAX_NAME_LENGTH } from '../../../domain/constants';
import { DraftTextField } from '../../shared/DraftTextField';
import { saveField, type SaveContact } from '../../shared/use-draft';

export function Card({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`dash-card${className ? ` ${className}` : ''}`} aria-labelledby={id}>
      <h3 id={id} className="dash-card-title">
        {title}
      </h3>
      {children}
    </section>
  );
}

export function ContactFields({ contact, onSave }: { contact: Contact; onSave: SaveContact }) {
  return (
    <div className="dash-fields">
      <DraftTextField label={t('panelName')} value={contact.displayName} maxLength={MAX_NAME_LENGTH} className="tk-name" required onSave={saveField(onSave, 'displayName')} />
      <DraftTextField label={t('fieldHeadline')} value={contact.headline} maxLength={MAX_HEADLINE_LENGTH} onSave={saveField(onSave, 'headline')} />
      <DraftTextField label={t('fieldCompany')} value={contact.company} maxLength={MAX_COMPANY_LENGTH} onSave={saveField(onSave, 'company')} />
      <DraftTextField label={t('fieldEmail')} type="email" value={contact.email} maxLength={MAX_EMAIL_LENGTH} onSave={saveField(onSave, 'email')} />
    </div>
  );
}
