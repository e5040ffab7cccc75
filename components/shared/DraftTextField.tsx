import { useId, type ReactNode } from 'react';
import { FieldConflict } from './ConflictNotice';
import { Field } from './Field';
import { useDraft, type SaveDraft } from './use-draft';

const trim = (text: string) => text.trim();

/**
 * A text field that saves when left (or with Enter, on one line). It shows the stored value,
 * live, until the user types, so a change made elsewhere shows and an untouched field never
 * writes. A save sends the value the field began from; when another place changed it meanwhile,
 * the user's text stays in the field beside the notice until they choose.
 */
export function DraftTextField(props: {
  label: ReactNode;
  value: string;
  onSave: SaveDraft<string>;
  maxLength: number;
  /** A text area of so many rows; a one-line field without. */
  rows?: number;
  type?: string;
  className?: string;
  placeholder?: string;
  /** An empty value is not saved: the field shows the stored one again. */
  required?: boolean;
  /** The stored value as a comparable text, and what the user typed as the one to save. */
  normalise?: (text: string) => string;
  /** Only a screen reader's label (the placeholder says it on screen). */
  hiddenLabel?: boolean;
}) {
  const id = useId();
  const normalise = props.normalise ?? trim;
  const draft = useDraft(props.value, Object.is, normalise);
  const commit = () => {
    if (props.required && normalise(draft.value) === '') draft.discard();
    else void draft.commit(props.onSave);
  };
  const control = {
    id,
    className: props.className,
    value: draft.value,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    onBlur: commit,
  };
  const field = props.rows ? (
    <textarea {...control} rows={props.rows} onChange={(event) => draft.change(event.target.value)} />
  ) : (
    <input
      {...control}
      type={props.type ?? 'text'}
      onChange={(event) => draft.change(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape' && draft.editing) {
          event.preventDefault();
          draft.discard();
        }
      }}
    />
  );
  const conflict = draft.theirs && (
    <FieldConflict theirs={draft.theirs.value} onKeepMine={() => void draft.commit(props.onSave, 'mine')} onReload={draft.discard} />
  );
  if (props.hiddenLabel) {
    return (
      <>
        <label className="tk-sr" htmlFor={id}>
          {props.label}
        </label>
        {field}
        {conflict}
      </>
    );
  }
  return (
    <Field id={id} label={props.label}>
      {field}
      {conflict}
    </Field>
  );
}
