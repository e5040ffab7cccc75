import { useId } from 'react';
import { INTRODUCTION_STATUSES, MAX_TEXT_LENGTH } from '../../domain/constants';
import type { IntroductionView } from '../../domain/introductions';
import type { IntroductionStatus } from '../../domain/model';
import { t } from '../../i18n';
import { introductionStatusText } from '../../i18n/tie-text';
import type { CommandInput } from '../../messaging/protocol';
import { FieldConflict } from '../shared/ConflictNotice';
import { DraftTextField } from '../shared/DraftTextField';
import { useDraft, type SaveDraft } from '../shared/use-draft';

/** A change of an introduction, begun on what the fields showed (`expected`). */
export type IntroductionUpdate = Omit<CommandInput<'introduction.update'>, 'id'>;

/**
 * An introduction's status and note, as the panel, the contact page and the dashboard's list edit
 * them: the status saves when chosen, the note when the field is left (or with Enter). Both
 * follow changes made elsewhere; one made under the user's edit is shown beside it to choose.
 */
export function IntroductionFields(props: {
  intro: IntroductionView;
  /** What a screen reader hears for each field, naming the people. */
  statusLabel: string;
  noteLabel: string;
  statusClassName: string;
  noteClassName?: string;
  /** Resolves true when saved. */
  onUpdate: (update: IntroductionUpdate) => Promise<boolean>;
}) {
  const { intro, onUpdate } = props;
  const id = useId();
  const status = useDraft(intro.status);
  const saveStatus: SaveDraft<IntroductionStatus> = (value, expected, resolve) => onUpdate({ status: value, expected: { status: expected }, resolve });
  const saveNote: SaveDraft<string> = (value, expected, resolve) => onUpdate({ note: value, expected: { note: expected }, resolve });
  const statusText = (value: IntroductionStatus) => introductionStatusText(value, intro.a.displayName, intro.b.displayName);
  return (
    <>
      <label className="tk-sr" htmlFor={`${id}-status`}>
        {props.statusLabel}
      </label>
      <select
        id={`${id}-status`}
        className={props.statusClassName}
        value={status.value}
        onChange={(event) => {
          const value = event.target.value as IntroductionStatus;
          status.change(value);
          void status.commit(saveStatus, undefined, { value });
        }}
      >
        {INTRODUCTION_STATUSES.map((value) => (
          <option key={value} value={value}>
            {statusText(value)}
          </option>
        ))}
      </select>
      {status.theirs && (
        <FieldConflict theirs={statusText(status.theirs.value)} onKeepMine={() => void status.commit(saveStatus, 'mine')} onReload={status.discard} />
      )}
      <DraftTextField
        label={props.noteLabel}
        hiddenLabel
        className={props.noteClassName}
        placeholder={t('introNote')}
        maxLength={MAX_TEXT_LENGTH}
        value={intro.note}
        onSave={saveNote}
      />
    </>
  );
}
