import { useId, useState } from 'react';
import { CADENCE_PRESETS_DAYS } from '../../domain/constants';
import { t } from '../../i18n';
import { rhythmText } from '../../i18n/format';
import { Field } from './Field';

/** Keep-in-touch rhythm: none, the presets (1, 3, 6, 12 months), or a custom number of weeks. */
export function RhythmField(props: { value: number | null; onChange: (cadenceDays: number | null) => void; label?: string }) {
  const id = useId();
  const isPreset = props.value === null || (CADENCE_PRESETS_DAYS as readonly number[]).includes(props.value);
  const [custom, setCustom] = useState(!isPreset);
  /** The user just chose "Custom…": the weeks field takes the focus as it appears. */
  const [chosen, setChosen] = useState(false);
  const [weeks, setWeeks] = useState(props.value !== null && !isPreset ? String(Math.max(1, Math.round(props.value / 7))) : '');
  const selectValue = custom ? 'custom' : String(props.value ?? 'none');

  const commitWeeks = (text: string) => {
    const n = Number(text);
    if (Number.isInteger(n) && n >= 1 && n <= 520) props.onChange(n * 7);
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
              setCustom(true);
              setChosen(true);
            } else {
              setCustom(false);
              props.onChange(value === 'none' ? null : Number(value));
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
              value={weeks}
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
    </Field>
  );
}
