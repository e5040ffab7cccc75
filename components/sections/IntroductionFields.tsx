import { useId, useState } from 'react';
import { INTRODUCTION_STATUSES } from '../../domain/constants';
import type { IntroductionView } from '../../domain/introductions';
import type { IntroductionStatus } from '../../domain/model';
import { t } from '../../i18n';
import { introductionStatusText } from '../../i18n/tie-text';
import { NoteField } from './NoteField';

/**
 * An introduction's status and note, as the panel, the contact page and the dashboard's list edit
 * them: the status saves when chosen, the note when the field is left (or with Enter).
 */
export function IntroductionFields(props: {
  intro: IntroductionView;
  /** What a screen reader hears for each field, naming the people. */
  statusLabel: string;
  noteLabel: string;
  statusClassName: string;
  noteClassName?: string;
  onUpdate: (patch: { status?: IntroductionStatus; note?: string }) => void;
}) {
  const { intro, onUpdate } = props;
  const id = useId();
  const [note, setNote] = useState(intro.note);
  return (
    <>
      <label className="tk-sr" htmlFor={`${id}-status`}>
        {props.statusLabel}
      </label>
      <select
        id={`${id}-status`}
        className={props.statusClassName}
        value={intro.status}
        onChange={(event) => onUpdate({ status: event.target.value as IntroductionStatus })}
      >
        {INTRODUCTION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {introductionStatusText(status, intro.a.displayName, intro.b.displayName)}
          </option>
        ))}
      </select>
      <NoteField
        id={`${id}-note`}
        label={props.noteLabel}
        type="text"
        className={props.noteClassName}
        placeholder={t('introNote')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        onBlur={() => note.trim() !== intro.note && onUpdate({ note })}
        onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
      />
    </>
  );
}
