import { invalid, notFound, TiekeeperError, userMessage } from '../domain/errors';
import { noteSchema, type Note } from '../domain/model';
import { MAX_NOTE_LENGTH } from '../domain/constants';
import type { TiekeeperDb } from './db';

/** Notes are kept as typed (plain text); only a note of nothing but spaces is refused. */
function checkBody(body: string): string {
  if (body.trim() === '') throw invalid('errorNoteEmpty');
  if (body.length > MAX_NOTE_LENGTH) throw invalid('errorNoteTooLong', body.length, MAX_NOTE_LENGTH);
  return body;
}

export async function addNote(db: TiekeeperDb, contactId: string, body: string, now: number): Promise<Note> {
  const checked = checkBody(body);
  return db.transaction('rw', db.contacts, db.notes, async () => {
    if (!(await db.contacts.get(contactId))) throw notFound('errorContactNotFound', contactId);
    const note: Note = { id: crypto.randomUUID(), contactId, body: checked, createdAt: now, updatedAt: now };
    await db.notes.add(note);
    return note;
  });
}

export interface NoteEditBase {
  /** The text the editor started from; without it the edit applies whatever the note says now. */
  expected?: string;
  /**
   * After a refusal, the user's choice: `mine` saves their text and keeps the other as a new
   * note beside it; `theirs` leaves the note and keeps their text as that new note.
   */
  resolve?: 'mine' | 'theirs';
}

/**
 * An edit. The note's text is its version: an edit started from another text than the note has
 * now (another tab changed it meanwhile) is refused, so that no edit disappears silently; the
 * user's choice then keeps both texts.
 */
export async function editNote(db: TiekeeperDb, id: string, body: string, now: number, base: NoteEditBase = {}): Promise<Note> {
  const checked = checkBody(body);
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) throw notFound('errorNoteNotFound', id);
    if (note.body === checked) return note;
    if (base.expected !== undefined && note.body !== base.expected) {
      if (!base.resolve) throw new TiekeeperError('conflict', userMessage('errorNoteChangedElsewhere'));
      const [kept, other] = base.resolve === 'mine' ? [checked, note.body] : [note.body, checked];
      await db.notes.add({ id: crypto.randomUUID(), contactId: note.contactId, body: other, createdAt: now, updatedAt: now });
      if (kept === note.body) return note;
      const next = { ...note, body: kept, updatedAt: now };
      await db.notes.put(next);
      return next;
    }
    const next = { ...note, body: checked, updatedAt: now };
    await db.notes.put(next);
    return next;
  });
}

/** Returns the deleted note so the UI can offer to undo. */
export async function deleteNote(db: TiekeeperDb, id: string): Promise<Note> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) throw notFound('errorNoteNotFound', id);
    await db.notes.delete(id);
    return note;
  });
}

/** Undo of a delete: the same note with its id and dates, as long as its contact still exists. */
export async function restoreNote(db: TiekeeperDb, note: Note): Promise<Note> {
  const valid = noteSchema.parse(note);
  return db.transaction('rw', db.contacts, db.notes, async () => {
    if (!(await db.contacts.get(valid.contactId))) throw notFound('errorContactNotFound', valid.contactId);
    // Only a deleted note comes back: an id that is in use is never overwritten or moved.
    const here = await db.notes.get(valid.id);
    if (here) {
      if (here.contactId === valid.contactId && here.body === valid.body) return here;
      throw invalid('errorNoteInUse');
    }
    await db.notes.add(valid);
    return valid;
  });
}

/** Every note, for the dashboard's search index. */
export async function listNotes(db: TiekeeperDb): Promise<Note[]> {
  return db.notes.toArray();
}
