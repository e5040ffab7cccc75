import { t } from '../../i18n';
import { NoteForm } from './NoteForm';
import { NoteList, type NoteListProps } from './NoteList';
import { Section } from './Section';

export interface NotesSectionProps extends NoteListProps {
  onAdd: (body: string) => Promise<boolean>;
}

/** Private notes: a new one on top, then the notes, newest first; deleting can be undone. */
export function NotesSection({ onAdd, ...list }: NotesSectionProps) {
  return (
    <Section title={t('notesTitle')}>
      <NoteForm onAdd={onAdd} />
      <NoteList {...list} />
    </Section>
  );
}
