import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { type MessageLogChoice, type Settings, type SettingsPatch } from '../../domain/model';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import { readDb } from '../../storage/instance';
import { getSettings } from '../../storage/settings';
import { SITES } from '../../sites/descriptors';
import { RhythmField } from '../shared/RhythmField';
import { DeleteAllDialog } from './DeleteAllDialog';
import { minutesToTime, timeToMinutes } from './format';
import { PageHeading } from './PageHeading';
import { SyncCard } from './SyncCard';
import { ErrorMessage, useAnnounce } from './ui';

/** The preferences, each saved as soon as it is changed. */
export function SettingsPage() {
  const id = useId();
  const settings = useLiveQuery(() => getSettings(readDb()), []);
  const announce = useAnnounce();
  const [error, setError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState(false);

  const save = async (patch: SettingsPatch) => {
    setError(null);
    try {
      await send('settings.update', { patch });
      announce(t('panelSaved'));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section className="dash-page dash-narrow" aria-labelledby={`${id}-title`}>
      <PageHeading id={`${id}-title`}>{t('navSettings')}</PageHeading>
      {error !== null && <ErrorMessage error={error} />}
      {settings && <SettingsForm settings={settings} onSave={save} />}
      <SyncCard />

      <div className="dash-card dash-danger-zone">
        <h3 className="dash-card-title">{t('deleteAllTitle')}</h3>
        <p>{t('deleteAllText')}</p>
        <button type="button" className="tk-button dash-danger-button" onClick={() => setDeleting(true)}>
          {t('deleteAllButton')}
        </button>
      </div>
      {deleting && <DeleteAllDialog onClose={() => setDeleting(false)} />}
    </section>
  );
}

type QuietField = 'quietStartMinute' | 'quietEndMinute';

function SettingsForm({ settings, onSave }: { settings: Settings; onSave: (patch: SettingsPatch) => Promise<void> }) {
  const id = useId();
  // What is being typed; the stored value shows otherwise (also after a change elsewhere).
  const [capDraft, setCapDraft] = useState<string | null>(null);
  const [quietDraft, setQuietDraft] = useState<{ field: QuietField; value: string } | null>(null);
  const cap = capDraft ?? String(settings.dailyNotificationCap);
  const capValue = Number(cap);
  const capValid = Number.isInteger(capValue) && capValue >= 1 && capValue <= 50;
  const commitCap = () => {
    if (!capValid) return;
    setCapDraft(null);
    if (capValue !== settings.dailyNotificationCap) void onSave({ dailyNotificationCap: capValue });
  };
  const quietValue = (field: QuietField) => (quietDraft?.field === field ? quietDraft.value : minutesToTime(settings[field]));
  const setQuiet = (field: QuietField, value: string) => {
    setQuietDraft({ field, value });
    const minutes = timeToMinutes(value);
    if (minutes !== null && minutes !== settings[field]) void onSave({ [field]: minutes });
  };

  return (
    <>
      <div className="dash-card">
        <h3 className="dash-card-title">{t('settingsReminders')}</h3>
        <RhythmField
          label={t('settingsDefaultRhythm')}
          value={settings.defaultCadenceDays}
          onChange={(defaultCadenceDays) => void onSave({ defaultCadenceDays })}
        />
        <p className="dash-hint">{t('settingsDefaultRhythmHint')}</p>

        <fieldset className="dash-choice">
          <legend>{t('settingsQuietHours')}</legend>
          <div className="tk-row tk-wrap">
            <label className="tk-inline">
              <span>{t('settingsQuietFrom')}</span>
              <input
                type="time"
                value={quietValue('quietStartMinute')}
                onChange={(event) => setQuiet('quietStartMinute', event.target.value)}
                onBlur={() => setQuietDraft(null)}
              />
            </label>
            <label className="tk-inline">
              <span>{t('settingsQuietTo')}</span>
              <input
                type="time"
                value={quietValue('quietEndMinute')}
                onChange={(event) => setQuiet('quietEndMinute', event.target.value)}
                onBlur={() => setQuietDraft(null)}
              />
            </label>
          </div>
          <p className="dash-hint">{t('settingsQuietHint')}</p>
        </fieldset>

        <div className="tk-field">
          <label htmlFor={`${id}-cap`}>{t('settingsCap')}</label>
          <input
            id={`${id}-cap`}
            type="number"
            min={1}
            max={50}
            step={1}
            inputMode="numeric"
            value={cap}
            aria-invalid={!capValid}
            aria-describedby={`${id}-cap-hint`}
            onChange={(event) => setCapDraft(event.target.value)}
            onBlur={commitCap}
            onKeyDown={(event) => event.key === 'Enter' && commitCap()}
          />
          <p id={`${id}-cap-hint`} className={capValid ? 'dash-hint' : 'dash-field-error'}>
            {capValid ? t('settingsCapHint') : t('settingsCapInvalid')}
          </p>
        </div>

        <label className="dash-check">
          <input type="checkbox" checked={settings.notifyFading} onChange={(event) => void onSave({ notifyFading: event.target.checked })} />
          {t('settingsNotifyFading')}
        </label>
      </div>

      <div className="dash-card">
        <h3 className="dash-card-title">{t('settingsMessages')}</h3>
        <p className="dash-hint">{t('settingsMessagesHint')}</p>
        {SITES.map(({ site, label }) => (
          <div className="tk-field" key={site}>
            <label htmlFor={`${id}-log-${site}`}>{label}</label>
            <select
              id={`${id}-log-${site}`}
              value={settings.messageLog[site]}
              onChange={(event) => void onSave({ messageLog: { [site]: event.target.value as MessageLogChoice } })}
            >
              <option value="ask">{t('settingsMessageLogAsk')}</option>
              <option value="on">{t('settingsMessageLogOn')}</option>
              <option value="off">{t('settingsMessageLogOff')}</option>
            </select>
          </div>
        ))}
        <label className="dash-check">
          <input
            type="checkbox"
            checked={settings.messageLogGroups}
            onChange={(event) => void onSave({ messageLogGroups: event.target.checked })}
          />
          {t('settingsMessageLogGroups')}
        </label>
      </div>

      <div className="dash-card">
        <h3 className="dash-card-title">{t('settingsLanguage')}</h3>
        <div className="tk-field">
          <label htmlFor={`${id}-lang`}>{t('settingsLanguage')}</label>
          <select
            id={`${id}-lang`}
            value={settings.language ?? ''}
            onChange={(event) => void onSave({ language: event.target.value === '' ? null : (event.target.value as 'de' | 'en') })}
          >
            <option value="">{t('settingsLanguageBrowser')}</option>
            <option value="de" lang="de">
              Deutsch
            </option>
            <option value="en" lang="en">
              English
            </option>
          </select>
        </div>
      </div>
    </>
  );
}
