import { useId, useState } from 'react';
import { MAX_NOTE_LENGTH } from '../../domain/constants';
import { t } from '../../i18n';

/** A new private note: plain text with its line breaks, added with the button or Ctrl/Cmd+Enter. */
export function NoteForm({ onAdd }: { onAdd: (body: string) => Promise<boolean> }) {
  const fieldId = useId();
  const [draft, setDraft] = useState('');

  const add = async () => {
    const body = draft.trim();
    if (body && (await onAdd(body))) setDraft('');
  };

  return (
    <>
      <label htmlFor={fieldId} className="tk-sr">
        {t('notesNew')}
      </label>
      <textarea
        id={fieldId}
        data-autofocus
        className="tk-note-input"
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        placeholder={t('notesPlaceholder')}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void add();
        }}
      />
      <div className="tk-row">
        <button type="button" className="tk-button tk-primary" disabled={!draft.trim()} onClick={() => void add()}>
          {t('notesAdd')}
        </button>
      </div>
    </>
  );
}
