import { useId, useState, type ReactNode } from 'react';
import type { ContactPatch } from '../../../domain/contacts';
import type { Contact } from '../../../domain/model';
import { t } from '../../../i18n';
import { MAX_COMPANY_LENGTH, MAX_EMAIL_LENGTH, MAX_HEADLINE_LENGTH, MAX_NAME_LENGTH } from '../../../domain/constants';
import { Field } from '../../shared/Field';

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

/**
 * A text field that saves when left. It shows the stored value until the user types, so that a
 * change made elsewhere (an import, a merge) shows, and leaving an untouched field never writes.
 */
export function TextField(props: { label: string; value: string; onSave: (value: string) => Promise<boolean>; type?: string; maxLength: number; className?: string; required?: boolean }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = async () => {
    if (draft === null) return;
    const value = draft.trim();
    if (value === props.value || (props.required && value === '')) {
      setDraft(null);
      return;
    }
    if (await props.onSave(value)) setDraft(null);
  };
  return (
    <Field id={id} label={props.label}>
      <input
        id={id}
        className={props.className}
        type={props.type ?? 'text'}
        value={draft ?? props.value}
        maxLength={props.maxLength}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commit();
          if (event.key === 'Escape' && draft !== null) {
            event.preventDefault();
            setDraft(null);
          }
        }}
      />
    </Field>
  );
}

export function ContactFields({ contact, onSave }: { contact: Contact; onSave: (patch: ContactPatch) => Promise<boolean> }) {
  return (
    <div className="dash-fields">
      <TextField label={t('panelName')} value={contact.displayName} maxLength={MAX_NAME_LENGTH} className="tk-name" required onSave={(displayName) => onSave({ displayName })} />
      <TextField label={t('fieldHeadline')} value={contact.headline} maxLength={MAX_HEADLINE_LENGTH} onSave={(headline) => onSave({ headline })} />
      <TextField label={t('fieldCompany')} value={contact.company} maxLength={MAX_COMPANY_LENGTH} onSave={(company) => onSave({ company })} />
      <TextField label={t('fieldEmail')} type="email" value={contact.email} maxLength={MAX_EMAIL_LENGTH} onSave={(email) => onSave({ email })} />
    </div>
  );
}
