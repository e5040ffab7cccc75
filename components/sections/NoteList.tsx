import { useState } from 'react';
import type { Note } from '../../domain/model';
import { MAX_NOTE_LENGTH } from '../../domain/constants';
import { t } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { NoteEditBase } from '../profile/api';
import { ConflictNotice } from '../shared/ConflictNotice';

export interface NoteListProps {
  /** Newest first. */
  notes: readonly Note[];
  onEdit: (id: string, body: string, base: NoteEditBase) => Promise<boolean>;
  /** Resolves with the deleted note, for undo. */
  onDelete: (id: string) => Promise<Note | null>;
  onRestore: (note: Note) => Promise<boolean>;
}

/** The notes, each editable and deletable; a deleted one can be brought back. */
export function NoteList({ notes, onEdit, onDelete, onRestore }: NoteListProps) {
  const [deleted, setDeleted] = useState<Note | null>(null);
  return (
    <>
      {deleted && <DeletedNote note={deleted} onRestore={onRestore} onRestored={() => setDeleted(null)} />}
      <ul className="tk-notes">
        {notes.map((note) => (
          <NoteItem key={note.id} note={note} onEdit={onEdit} onDelete={onDelete} onDeleted={setDeleted} />
        ))}
      </ul>
    </>
  );
}

/** "Note deleted" with its Undo, after a delete. */
export function DeletedNote({ note, onRestore, onRestored }: { note: Note; onRestore: (note: Note) => Promise<boolean>; onRestored: () => void }) {
  return (
    <div className="tk-toast" role="status">
      <span>{t('notesDeleted')}</span>
      <button
        type="button"
        className="tk-link"
        onClick={async () => {
          if (await onRestore(note)) onRestored();
        }}
      >
        {t('undo')}
      </button>
    </div>
  );
}

/** One note: its date, its text with line breaks, and editing and deleting it. */
export function NoteItem({
  note,
  onEdit,
  onDelete,
  onDeleted,
}: {
  note: Note;
  onEdit: (id: string, body: string, base: NoteEditBase) => Promise<boolean>;
  onDelete: (id: string) => Promise<Note | null>;
  /** Called with the deleted note, for the undo offer. */
  onDeleted: (note: Note) => void;
}) {
  // The text being edited, and the note's text when editing began: its version.
  const [editing, setEditing] = useState<{ text: string; base: string } | null>(null);
  // Views follow the database live: a note changed in another tab while this one edits it shows
  // here at once, and the user chooses which text stays in it (the other is kept beside it).
  const changedElsewhere = editing !== null && note.body !== editing.base;
  const saveAs = async (resolve?: NoteEditBase['resolve']) => {
    if (editing && (await onEdit(note.id, editing.text.trim(), { expected: editing.base, resolve }))) setEditing(null);
  };
  return (
    <li className="tk-note">
      <div className="tk-note-meta">
        <time dateTime={new Date(note.createdAt).toISOString()}>{formatDate(note.createdAt)}</time>
        {note.updatedAt > note.createdAt && <span> · {t('notesEdited')}</span>}
      </div>
      {editing !== null ? (
        <>
          <textarea
            className="tk-note-input"
            aria-label={t('notesEditLabel')}
            rows={4}
            maxLength={MAX_NOTE_LENGTH}
            value={editing.text}
            onChange={(event) => setEditing({ ...editing, text: event.target.value })}
          />
          {changedElsewhere ? (
            <ConflictNotice
              message={t('notesChangedElsewhere')}
              theirs={note.body}
              disabled={!editing.text.trim()}
              onKeepMine={() => void saveAs('mine')}
              onReload={() => void saveAs('theirs')}
            >
              <button type="button" className="tk-button" onClick={() => setEditing(null)}>
                {t('cancel')}
              </button>
            </ConflictNotice>
          ) : (
            <div className="tk-row">
              <button type="button" className="tk-button tk-primary" disabled={!editing.text.trim()} onClick={() => void saveAs()}>
                {t('save')}
              </button>
              <button type="button" className="tk-button" onClick={() => setEditing(null)}>
                {t('cancel')}
              </button>
            </div>
          )}
        </>
      ) : (
        <>
          <p className="tk-note-body">{note.body}</p>
          <div className="tk-row">
            <button type="button" className="tk-link" onClick={() => setEditing({ text: note.body, base: note.body })} aria-label={t('notesEditLabel')}>
              {t('edit')}
            </button>
            <button
              type="button"
              className="tk-link tk-danger"
              aria-label={t('notesDeleteLabel')}
              onClick={async () => {
                const removed = await onDelete(note.id);
                if (removed) onDeleted(removed);
              }}
            >
              {t('delete')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
