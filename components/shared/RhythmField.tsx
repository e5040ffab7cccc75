import { useId, useState } from 'react';
import { CADENCE_PRESETS_DAYS } from '../../domain/constants';
import { t } from '../../i18n';
import { rhythmText } from '../../i18n/format';
import { FieldConflict } from './ConflictNotice';
import { Field } from './Field';
import { useDraft, type Resolve } from './use-draft';

const isPreset = (days: number | null) => days === null || (CADENCE_PRESETS_DAYS as readonly number[]).includes(days);
const rhythmName = (days: number | null) => (days === null ? t('rhythmNone') : rhythmText(days));

/**
 * Keep-in-touch rhythm: none, the presets (1, 3, 6, 12 months), or a custom number of weeks.
 * Follows the stored rhythm live; `onChange` gets the rhythm the field showed when the choice was
 * made, and resolves false when the save was refused (another place changed it meanwhile).
 */
export function RhythmField(props: {
  value: number | null;
  onChange: (cadenceDays: number | null, expected: number | null, resolve?: Resolve) => Promise<boolean> | void;
  label?: string;
}) {
  const id = useId();
  const draft = useDraft(props.value);
  const shown = draft.value;
  /** "Custom…" chosen, before the weeks are typed; the weeks field then takes the focus as it appears. */
  const [chosen, setChosen] = useState(false);
  /** The weeks as typed, until saved. */
  const [weeks, setWeeks] = useState<string | null>(null);
  const custom = chosen || !isPreset(shown);
  const weeksText = weeks ?? (shown !== null && !isPreset(shown) ? String(Math.max(1, Math.round(shown / 7))) : '');
  const selectValue = custom ? 'custom' : String(shown ?? 'none');

  const save = async (value: number | null, expected: number | null, resolve?: Resolve) => (await props.onChange(value, expected, resolve)) !== false;
  const choose = (value: number | null) => {
    draft.change(value);
    void draft.commit(save, undefined, { value }).then((saved) => saved && setWeeks(null));
  };
  const commitWeeks = (text: string) => {
    const n = Number(text);
    if (Number.isInteger(n) && n >= 1 && n <= 520) choose(n * 7);
  };

  return (
    <Field id={`${id}-select`} label={props.label ?? t('rhythmLabel')} className="tk-rhythm">
      <div className="tk-row">
        <select
          id={`${id}-select`}
          value={selectValue}
          onChange={(event) => {
            const value = event.target.value;
            // "Custom…" saves nothing yet: the number of weeks the user then types does.
            if (value === 'custom') {
              setChosen(true);
            } else {
              setChosen(false);
              choose(value === 'none' ? null : Number(value));
            }
          }}
        >
          <option value="none">{t('rhythmNone')}</option>
          {CADENCE_PRESETS_DAYS.map((days) => (
            <option key={days} value={String(days)}>
              {rhythmText(days)}
            </option>
          ))}
          <option value="custom">{t('rhythmCustom')}</option>
        </select>
        {custom && (
          <label className="tk-inline">
            <span className="tk-sr">{t('rhythmCustomWeeks')}</span>
            <input
              type="number"
              min={1}
              max={520}
              inputMode="numeric"
              value={weeksText}
              placeholder="2"
              autoFocus={chosen}
              onChange={(event) => setWeeks(event.target.value)}
              onBlur={(event) => commitWeeks(event.target.value)}
              onKeyDown={(event) => event.key === 'Enter' && commitWeeks(event.currentTarget.value)}
              aria-label={t('rhythmCustomWeeks')}
            />
            <span aria-hidden="true">{t('rhythmWeeksUnit')}</span>
          </label>
        )}
      </div>
      {draft.theirs && (
        <FieldConflict
          theirs={rhythmName(draft.theirs.value)}
          onKeepMine={() => void draft.commit(save, 'mine')}
          onReload={() => {
            draft.discard();
            setChosen(false);
            setWeeks(null);
          }}
        />
      )}
    </Field>
  );
}
