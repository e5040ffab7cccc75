import type { ReactNode } from 'react';
import { t } from '../../i18n';

/**
 * "Changed elsewhere": shown under an edit whose record was changed in another place meanwhile,
 * with what is stored now beside the user's own text (still in its field), and the choice.
 */
export function ConflictNotice(props: {
  message: string;
  /** What the other place saved. */
  theirs: ReactNode;
  onKeepMine: () => void;
  onReload: () => void;
  /** Both choices save the user's text somewhere: not while there is nothing to save. */
  disabled?: boolean;
  /** Further buttons, after the two. */
  children?: ReactNode;
}) {
  return (
    <div className="tk-conflict" role="alert">
      <p>{props.message}</p>
      <p className="tk-note-body tk-muted">{props.theirs}</p>
      <div className="tk-row tk-wrap">
        <button type="button" className="tk-button tk-primary" disabled={props.disabled} onClick={props.onKeepMine}>
          {t('notesKeepMine')}
        </button>
        <button type="button" className="tk-button" disabled={props.disabled} onClick={props.onReload}>
          {t('notesReload')}
        </button>
        {props.children}
      </div>
    </div>
  );
}

/** The notice for a field of a contact or an introduction: the stored value, labelled. */
export function FieldConflict(props: { theirs: string; onKeepMine: () => void; onReload: () => void }) {
  return (
    <ConflictNotice
      message={t('errorFieldsChangedElsewhere')}
      theirs={
        <>
          {t('fieldSavedElsewhere')} {props.theirs === '' ? '—' : props.theirs}
        </>
      }
      onKeepMine={props.onKeepMine}
      onReload={props.onReload}
    />
  );
}
