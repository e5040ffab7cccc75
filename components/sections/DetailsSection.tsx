import { useId, useState } from 'react';
import type { ContactPatch } from '../../domain/contacts';
import type { Contact } from '../../domain/model';
import { t } from '../../i18n';
import { MAX_TEXT_LENGTH } from '../../domain/constants';
import { Section } from './Section';
import { Field } from '../shared/Field';

/** How we met, conversation hooks and tags; each saves when the field is left. */
export function DetailsSection({ contact, onSave }: { contact: Contact | null; onSave: (patch: ContactPatch) => Promise<boolean> }) {
  const id = useId();
  const [howWeMet, setHowWeMet] = useState(contact?.howWeMet ?? '');
  const [hooks, setHooks] = useState(contact?.hooks ?? '');
  const [tags, setTags] = useState((contact?.tags ?? []).join(', '));

  const saveIfChanged = <K extends 'howWeMet' | 'hooks'>(field: K, value: string) => {
    if (value.trim() !== (contact?.[field] ?? '')) void onSave({ [field]: value.trim() });
  };
  const saveTags = () => {
    const list = tags.split(',').map((tag) => tag.trim()).filter(Boolean);
    if (list.join(',') !== (contact?.tags ?? []).join(',')) void onSave({ tags: list });
  };

  return (
    <Section title={t('detailsTitle')}>
      <Field id={`${id}-met`} label={t('detailsHowWeMet')}>
        <textarea id={`${id}-met`} rows={2} maxLength={MAX_TEXT_LENGTH} value={howWeMet} placeholder={t('detailsHowWeMetPlaceholder')}
          onChange={(event) => setHowWeMet(event.target.value)} onBlur={() => saveIfChanged('howWeMet', howWeMet)} />
      </Field>
      <Field id={`${id}-hooks`} label={t('detailsHooks')}>
        <textarea id={`${id}-hooks`} rows={2} maxLength={MAX_TEXT_LENGTH} value={hooks} placeholder={t('detailsHooksPlaceholder')}
          onChange={(event) => setHooks(event.target.value)} onBlur={() => saveIfChanged('hooks', hooks)} />
      </Field>
      <Field id={`${id}-tags`} label={t('detailsTags')}>
        <input id={`${id}-tags`} value={tags} placeholder={t('detailsTagsPlaceholder')}
          onChange={(event) => setTags(event.target.value)} onBlur={saveTags} onKeyDown={(event) => event.key === 'Enter' && saveTags()} />
      </Field>
    </Section>
  );
}
