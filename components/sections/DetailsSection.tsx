import type { Contact } from '../../domain/model';
import { t } from '../../i18n';
import { MAX_TEXT_LENGTH } from '../../domain/constants';
import { normaliseTags } from '../../domain/contacts';
import { Section } from './Section';
import { DraftTextField } from '../shared/DraftTextField';
import { saveField, type SaveContact } from '../shared/use-draft';

/** Tags as the field shows them; what the user typed, as the list it saves. */
const tagsText = (tags: readonly string[]) => tags.join(', ');
const tagList = (text: string) => normaliseTags(text.split(','));

/** How we met, conversation hooks and tags; each saves when the field is left, and follows changes made elsewhere. */
export function DetailsSection({ contact, onSave }: { contact: Contact | null; onSave: SaveContact }) {
  const saveTags = saveField(onSave, 'tags');
  return (
    <Section title={t('detailsTitle')}>
      <DraftTextField label={t('detailsHowWeMet')} rows={2} maxLength={MAX_TEXT_LENGTH} value={contact?.howWeMet ?? ''}
        placeholder={t('detailsHowWeMetPlaceholder')} onSave={saveField(onSave, 'howWeMet')} />
      <DraftTextField label={t('detailsHooks')} rows={2} maxLength={MAX_TEXT_LENGTH} value={contact?.hooks ?? ''}
        placeholder={t('detailsHooksPlaceholder')} onSave={saveField(onSave, 'hooks')} />
      <DraftTextField label={t('detailsTags')} maxLength={MAX_TEXT_LENGTH} value={tagsText(contact?.tags ?? [])} placeholder={t('detailsTagsPlaceholder')}
        normalise={(text) => tagsText(tagList(text))}
        onSave={(text, expected, resolve) => saveTags(tagList(text), tagList(expected), resolve)} />
    </Section>
  );
}
