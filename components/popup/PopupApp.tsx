import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { snoozeUntil, type SnoozeChoice } from '@/domain/schedule';
import { contactSummary } from '@/domain/summary';
import { t } from '@/i18n';
import { rhythmLength } from '@/i18n/format';
import { send } from '@/messaging/client';
import { readDb } from '@/storage/instance';
import { badgeStatus } from '../badge/badge-status';
import { errorText } from '../shared/errors';
import { useLanguageReady } from '../shared/use-language';
import { readPopupData, type PopupItem } from './popup-data';

/** The toolbar popup: who is due now, most urgent first, and who is due in the next days. */
export function PopupApp({ now = Date.now }: { now?: () => number }) {
  const ready = useLanguageReady();
  // One clock reading per opening: the popup lives for seconds.
  const [openedAt] = useState(now);
  const data = useLiveQuery(() => readPopupData(readDb(), openedAt), [openedAt]);
  const [error, setError] = useState<string | null>(null);

  if (!ready || !data) return <main className="tk-popup" aria-busy="true" />;

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  const openDashboard = (hash = '') => void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') + hash });

  return (
    <main className="tk-popup">
      <header className="tk-popup-header">
        <h1>{t('popupTitle')}</h1>
        <button type="button" className="tk-link" onClick={() => openDashboard()}>
          {t('popupOpenDashboard')}
        </button>
      </header>
      {error && (
        <p className="tk-error" role="alert">
          {error}
        </p>
      )}

      {data.dueTotal === 0 && data.upcomingTotal === 0 ? (
        <EmptyState hasContacts={data.contactTotal > 0} onImport={() => openDashboard('#/import')} />
      ) : (
        <>
          <section aria-labelledby="tk-due-title">
            <h2 id="tk-due-title">{t('popupDueTitle', data.dueTotal)}</h2>
            {data.dueTotal === 0 ? (
              <p className="tk-muted">{t('popupNothingDue')}</p>
            ) : (
              <FollowUpList items={data.due} now={openedAt} act={act} />
            )}
            {data.dueTotal > data.due.length && (
              <button type="button" className="tk-link" onClick={() => openDashboard('#/due')}>
                {t('popupMore', data.dueTotal - data.due.length)}
              </button>
            )}
          </section>
          {data.upcomingTotal > 0 && (
            <section aria-labelledby="tk-upcoming-title">
              <h2 id="tk-upcoming-title">{t('popupUpcomingTitle')}</h2>
              <FollowUpList items={data.upcoming} now={openedAt} act={act} />
            </section>
          )}
        </>
      )}
    </main>
  );
}

function FollowUpList({ items, now, act }: { items: PopupItem[]; now: number; act: (work: () => Promise<unknown>) => Promise<void> }) {
  return (
    <ul className="tk-followups">
      {items.map(({ contact, profile }) => {
        const status = badgeStatus(contactSummary(contact), now);
        const name = contact.displayName || t('unnamedContact');
        return (
          <li key={contact.id} className={`tk-followup tk-tone-${status.tone}`}>
            <div className="tk-followup-head">
              {profile ? (
                <a href={profile.url} target="_blank" rel="noopener noreferrer" className="tk-name">
                  {name}
                </a>
              ) : (
                <span className="tk-name">{name}</span>
              )}
              <span className="tk-status">{status.label}</span>
            </div>
            <p className="tk-muted">
              {status.detail ?? ''}
              {contact.cadenceDays !== null && <> · {t('rhythmEvery', rhythmLength(contact.cadenceDays))}</>}
            </p>
            {contact.hooks && <p className="tk-hook">{t('nudgeHook', contact.hooks.split('\n')[0]!)}</p>}
            <div className="tk-actions">
              <button type="button" className="tk-button tk-primary" onClick={() => void act(() => send('interaction.log', { contactId: contact.id, kind: 'other' }))}>
                {t('touchToday')}
              </button>
              <SnoozeMenu name={name} onSnooze={(choice) => void act(() => send('contact.snooze', { id: contact.id, until: snoozeUntil(choice, Date.now()) }))} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function SnoozeMenu({ name, onSnooze }: { name: string; onSnooze: (choice: SnoozeChoice) => void }) {
  return (
    <label className="tk-snooze">
      <span className="tk-sr">{t('popupSnoozeFor', name)}</span>
      <select
        value=""
        onChange={(event) => {
          const choice = event.target.value as '1d' | '1w' | '1m';
          if (choice) onSnooze(choice);
        }}
      >
        <option value="">{t('snoozeLabel')}</option>
        <option value="1d">{t('snooze1d')}</option>
        <option value="1w">{t('snooze1w')}</option>
        <option value="1m">{t('snooze1m')}</option>
      </select>
    </label>
  );
}

function EmptyState({ hasContacts, onImport }: { hasContacts: boolean; onImport: () => void }) {
  return (
    <section className="tk-empty">
      <h2>{t('popupEmptyTitle')}</h2>
      <p>{t('popupEmptyHowTo')}</p>
      {!hasContacts && (
        <p>
          {t('popupEmptyImport')}{' '}
          <button type="button" className="tk-link" onClick={onImport}>
            {t('popupEmptyImportLink')}
          </button>
        </p>
      )}
    </section>
  );
}
