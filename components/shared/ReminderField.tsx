import { useId, useState } from 'react';
import { MAX_REMINDER_REASON_LENGTH } from '../../domain/constants';
import type { Contact } from '../../domain/model';
import { t } from '../../i18n';
import { formatDate, toDateInput } from '../../i18n/format';
import { FieldConflict } from './ConflictNotice';
import { Field } from './Field';
import type { Resolve } from './use-draft';

export interface Reminder {
  at: number;
  reason: string;
}

const sameReminder = (a: Reminder | null, b: Reminder | null) => a === b || (a !== null && b !== null && a.at === b.at && a.reason === b.reason);
const reminderText = (reminder: Reminder | null) =>
  reminder === null ? t('reminderNone') : `${t('reminderOn', formatDate(reminder.at))}${reminder.reason ? ` · ${reminder.reason}` : ''}`;

/** Reminders come in the morning of their day; one set for today comes at once. */
export const REMINDER_HOUR = 9;

/** The reminder's time for a day picked in the form, or null for a day before today. */
export function reminderTimeFor(date: string, now: number): number | null {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return null;
  const today = toDateInput(now);
  if (date < today) return null;
  if (date === today) return now;
  return new Date(year, month - 1, day, REMINDER_HOUR).getTime();
}

/**
 * "Remind me on <date>", with an optional reason: the reminder set, or a small form to set one.
 * The panel, the contact page and the popup (opened from its "Remind me later" menu) share it.
 */
export function ReminderField(props: {
  contact: Pick<Contact, 'reminderAt' | 'reminderReason'>;
  now: () => number;
  /**
   * Resolves true when saved. `expected`: the reminder shown when the user began, so that one set
   * elsewhere meanwhile is not replaced silently.
   */
  onSet: (reminder: Reminder | null, expected: Reminder | null, resolve?: Resolve) => Promise<boolean>;
  /** Opens as the form (the popup asks for it from its menu). */
  open?: boolean;
  onClose?: () => void;
}) {
  const id = useId();
  const { reminderAt, reminderReason } = props.contact;
  const stored: Reminder | null = reminderAt == null ? null : { at: reminderAt, reason: reminderReason ?? '' };
  // The reminder when the form opened: the version a new one replaces.
  const [base, setBase] = useState<Reminder | null | undefined>(props.open ? stored : undefined);
  const open = base !== undefined;
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const close = () => {
    setBase(undefined);
    setDate('');
    setReason('');
    setProblem(null);
    props.onClose?.();
  };

  // The form stays while the user fills it in, even when a reminder was set elsewhere meanwhile.
  if (!open && stored !== null) {
    return (
      <div className="tk-reminder tk-row tk-wrap">
        <span>
          <strong>{t('reminderOn', formatDate(stored.at))}</strong>
          {stored.reason && <span> · {stored.reason}</span>}
        </span>
        <button type="button" className="tk-button" onClick={() => void props.onSet(null, stored)}>
          {t('reminderRemove')}
        </button>
      </div>
    );
  }

  if (!open) {
    return (
      <div className="tk-reminder">
        <button type="button" className="tk-button" onClick={() => setBase(stored)}>
          {t('reminderOpen')}
        </button>
      </div>
    );
  }

  const changedElsewhere = date !== '' && !sameReminder(stored, base ?? null);
  const submit = async (resolve?: Resolve) => {
    const at = reminderTimeFor(date, props.now());
    if (at === null) {
      setProblem(t('reminderPickDay'));
      return;
    }
    // Changed elsewhere: the notice below asks first.
    if (changedElsewhere && !resolve) return;
    if (await props.onSet({ at, reason: reason.trim() }, base ?? null, resolve)) close();
  };

  return (
    <form
      className="tk-reminder tk-reminder-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field id={`${id}-date`} label={t('reminderDate')}>
        <input
          id={`${id}-date`}
          type="date"
          required
          autoFocus
          value={date}
          min={toDateInput(props.now())}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => {
            setDate(event.target.value);
            setProblem(null);
          }}
        />
      </Field>
      <Field id={`${id}-reason`} label={t('reminderReason')}>
        <input
          id={`${id}-reason`}
          type="text"
          value={reason}
          maxLength={MAX_REMINDER_REASON_LENGTH}
          placeholder={t('reminderReasonPlaceholder')}
          onChange={(event) => setReason(event.target.value)}
        />
      </Field>
      {problem && (
        <p id={`${id}-problem`} className="tk-error" role="alert">
          {problem}
        </p>
      )}
      {changedElsewhere && <FieldConflict theirs={reminderText(stored)} onKeepMine={() => void submit('mine')} onReload={close} />}
      <div className="tk-row tk-wrap">
        <button type="submit" className="tk-button tk-primary">
          {t('reminderSave')}
        </button>
        <button type="button" className="tk-button" onClick={close}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
