import type { InputHTMLAttributes } from 'react';
import { MAX_TEXT_LENGTH } from '../../domain/constants';

/**
 * The one-line note that goes with a touch, a favour or an introduction: a field as long as such
 * a note may be, with a label for screen readers (the placeholder says it on screen).
 */
export function NoteField({ id, label, ...input }: { id: string; label: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'maxLength'>) {
  return (
    <>
      <label className="tk-sr" htmlFor={id}>
        {label}
      </label>
      <input id={id} maxLength={MAX_TEXT_LENGTH} {...input} />
    </>
  );
}
