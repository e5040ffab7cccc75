import { useState } from 'react';
import type { ContactField, ContactPatch, EditBase } from '../../domain/contacts';

export type Resolve = NonNullable<EditBase<unknown>['resolve']>;

/** Saves `value`, begun on `expected` (what the field showed), with the user's choice after a refusal. */
export type SaveDraft<T> = (value: T, expected: T, resolve?: Resolve) => Promise<boolean>;

/**
 * A field's unsaved edit over the stored value, which views read live. Untouched, the field shows
 * what is stored, so a change made elsewhere shows at once; being edited, it keeps the user's
 * value and the stored value it began from (its version). When the stored value changes under an
 * edit, `theirs` holds it and the user chooses: nothing is lost silently either way.
 */
export function useDraft<T>(stored: T, same: (a: T, b: T) => boolean = Object.is, normalise: (value: T) => T = (value) => value) {
  const [draft, setDraft] = useState<{ value: T; base: T } | null>(null);
  const mine = draft && normalise(draft.value);
  const edited = draft !== null && !same(mine as T, draft.base);
  const theirs = edited && !same(stored, draft.base) && !same(stored, mine as T) ? { value: stored } : null;

  /**
   * Saves the edit (or `value`, a choice saved as it is made); true when nothing is left unsaved.
   * A conflict waits for the user's choice.
   */
  const commit = async (save: SaveDraft<T>, resolve?: Resolve, chosen?: { value: T }): Promise<boolean> => {
    const raw = chosen ? chosen.value : draft?.value;
    if (raw === undefined) return true;
    const value = normalise(raw);
    const base = draft?.base ?? stored;
    // Nothing of the user's to save: the field follows what is stored again.
    if (same(value, stored) || (same(value, base) && !chosen)) {
      setDraft(null);
      return true;
    }
    if (theirs && !resolve) return false;
    const saved = await save(value, base, resolve);
    // Typing on while it saved is a new edit, begun on what was just saved.
    if (saved) setDraft((now) => (now === null || same(normalise(now.value), value) ? null : { value: now.value, base: value }));
    return saved;
  };

  return {
    /** What the field shows. */
    value: draft?.value ?? stored,
    editing: draft !== null,
    /** The stored value when it changed elsewhere under the user's edit. */
    theirs,
    change: (value: T) => setDraft((now) => ({ value, base: now?.base ?? stored })),
    commit,
    /** Drops the edit: the field shows the stored value again. */
    discard: () => setDraft(null),
  };
}

/** A change of a contact's fields, begun on the values `base.expected` the editor showed. */
export type SaveContact = (patch: ContactPatch, base?: EditBase<ContactPatch>) => Promise<boolean>;

/** Saves one field of a contact through `onSave`. */
export function saveField<K extends ContactField>(onSave: SaveContact, field: K): SaveDraft<Exclude<ContactPatch[K], undefined>> {
  return (value, expected, resolve) => onSave({ [field]: value } as ContactPatch, { expected: { [field]: expected } as ContactPatch, resolve });
}
