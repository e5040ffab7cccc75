import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { FAVOUR_TYPES } from '../../domain/constants';
import type { Contact, FavourType } from '../../domain/model';
import { snoozeUntil, type SnoozeChoice } from '../../domain/schedule';
import { congratulateFor } from '../../domain/roles';
import { contactSummary } from '../../domain/summary';
import { t, tCount } from '../../i18n';
import { contactName, formatNumber, rhythmText } from '../../i18n/format';
import { send } from '../../messaging/client';
import type { PopupSnapshot } from '../../storage/popup-snapshot';
import { dashboardPath, type Route } from '../dashboard/route';
import { readDb } from '../../storage/instance';
import { keptFolder } from '../../storage/sync-state';
import { backupsRow, reminderState } from '../../storage/backup-state';
import { backupReminderDue } from '../../domain/auto-backup';
import { badgeStatus, lastContactSentence } from '../../i18n/badge-status';
import { errorText } from '../shared/errors';
import { useSave } from '../shared/use-save';
import { ReminderField, type Reminder } from '../shared/ReminderField';
import type { Resolve } from '../shared/use-draft';
import { FADING_LABELS, FAVOUR_LABELS, fadingWhy, KIND_LABELS } from '../../i18n/tie-text';
import { useLanguageReady } from '../shared/use-language';
import { readPopupData, readSuggestions, type FadingItem, type PopupItem } from '../../storage/popup';

/** Runs a change through the background (see useSave); resolves whether it was saved. */
type Act = (work: () => Promise<unknown>) => Promise<boolean>;
type LogInTouch = (contact: Contact, kind: QuickKind) => void;

/** The kinds one click logs from the popup. */
const QUICK_KINDS = ['message', 'call', 'meeting'] as const;
type QuickKind = (typeof QUICK_KINDS)[number];

/** What the last click logged, for its Undo. */
interface Logged {
  interactionId: string;
  text: string;
  /** The snooze the logging ended, put back by Undo. */
  snoozedUntil: number | null;
}

/**
 * The toolbar popup: who is due now, most urgent first, and who is due in the next days; then a
 * few suggestions: ties that are fading (at most three a week) and people to meet in person.
 */
export function PopupApp({ now = Date.now, snapshot = null }: { now?: () => number; snapshot?: PopupSnapshot | null }) {
  // What the background last computed (`snapshot`) shows at once; the database's answer replaces it.
  const ready = useLanguageReady(snapshot?.language);
  // One clock reading per opening: the popup lives for seconds.
  const [openedAt] = useState(now);
  const data = useLiveQuery(() => readPopupData(readDb(), openedAt), [openedAt]) ?? snapshot?.data;
  // Started once the due list is shown: the suggestions read every contact, and the due list,
  // what the popup is mostly opened for, should not wait for that.
  const dueShown = ready && data !== undefined;
  const suggestions = useLiveQuery(() => (dueShown ? readSuggestions(readDb(), openedAt) : undefined), [openedAt, dueShown]);
  const [logged, setLogged] = useState<Logged | null>(null);
  const hideLogged = useRef<ReturnType<typeof setTimeout>>(undefined);

  const { save: act, failure } = useSave();
  const error = failure === null ? null : errorText(failure);
  const nothingDue = data !== undefined && data.dueTotal === 0 && data.upcomingTotal === 0;
  // With nothing due, wait for the suggestions before saying there is nothing to do.
  if (!ready || !data || (nothingDue && !suggestions)) return <main className="tk-popup" aria-busy="true" />;
  const fading = suggestions?.fading ?? [];
  // Each person once: someone due who is also worth meeting shows both on the one card.
  const listed = new Set([...data.due, ...data.upcoming].map((item) => item.contact.id));
  const meetIds = new Set((suggestions?.meet ?? []).map((item) => item.contact.id));
  const meet = (suggestions?.meet ?? []).filter((item) => !listed.has(item.contact.id));
  // Someone due who is also in a new role says so on their card.
  const congratulate = (suggestions?.congratulate ?? []).filter((item) => !listed.has(item.contact.id));

  const logInTouch: LogInTouch = (contact, kind) =>
    void act(async () => {
      const { interaction } = await send('interaction.log', { contactId: contact.id, kind });
      clearTimeout(hideLogged.current);
      setLogged({ interactionId: interaction.id, text: t('popupLogged', t(KIND_LABELS[kind]), contactName(contact)), snoozedUntil: contact.snoozedUntil });
      hideLogged.current = setTimeout(() => setLogged(null), 10_000);
    });
  const undo = (what: Logged) =>
    void act(async () => {
      setLogged(null);
      await send('interaction.undo', { id: what.interactionId, snoozedUntil: what.snoozedUntil });
    });
  const openDashboard = (route: Route = { page: 'list', due: false }) => void browser.tabs.create({ url: browser.runtime.getURL(dashboardPath(route)) });

  return (
    <main className="tk-popup">
      <header className="tk-popup-header">
        <h1>{t('popupTitle')}</h1>
        <button type="button" className="tk-link" onClick={() => openDashboard()}>
          {t('popupOpenDashboard')}
        </button>
      </header>
      <SyncNeedsOk onOpen={() => openDashboard({ page: 'settings' })} />
      <BackupReminder
        now={openedAt}
        hasContacts={data.contactTotal > 0}
        onBackUp={() => openDashboard({ page: 'export', now: true })}
        onLater={() => void act(() => send('backup.remindLater', {}))}
      />
      {error && (
        <p className="tk-error" role="alert">
          {error}
        </p>
      )}
      <div className="tk-toast-area" role="status">
        {logged && (
          <p className="tk-toast">
            {logged.text}{' '}
            <button type="button" className="tk-link" onClick={() => undo(logged)}>
              {t('undo')}
            </button>
          </p>
        )}
      </div>

      {nothingDue && fading.length === 0 && meet.length === 0 && congratulate.length === 0 ? (
        <EmptyState hasContacts={data.contactTotal > 0} onImport={() => openDashboard({ page: 'import' })} />
      ) : (
        <>
          <section aria-labelledby="tk-due-title">
            <h2 id="tk-due-title">{t('popupDueTitle', formatNumber(data.dueTotal))}</h2>
            {data.dueTotal === 0 ? (
              <p className="tk-muted">{t('popupNothingDue')}</p>
            ) : (
              <FollowUpList items={data.due} now={openedAt} act={act} meetIds={meetIds} onLog={logInTouch} />
            )}
            {data.dueTotal > data.due.length && (
              <button type="button" className="tk-link" onClick={() => openDashboard({ page: 'list', due: true })}>
                {t('popupMore', formatNumber(data.dueTotal - data.due.length))}
              </button>
            )}
          </section>
          {data.upcomingTotal > 0 && (
            <section aria-labelledby="tk-upcoming-title">
              <h2 id="tk-upcoming-title">{t('popupUpcomingTitle')}</h2>
              <FollowUpList items={data.upcoming} now={openedAt} act={act} meetIds={meetIds} onLog={logInTouch} />
              {data.upcomingTotal > data.upcoming.length && (
                <button type="button" className="tk-link" onClick={() => openDashboard()}>
                  {t('popupMore', formatNumber(data.upcomingTotal - data.upcoming.length))}
                </button>
              )}
            </section>
          )}
          {/* A new role is news for two weeks: before the slower suggestions. */}
          {congratulate.length > 0 && (
            <section aria-labelledby="tk-congratulate-title">
              <h2 id="tk-congratulate-title">{t('popupCongratulateTitle')}</h2>
              <CongratulateList items={congratulate} now={openedAt} act={act} onLog={logInTouch} />
            </section>
          )}
          {fading.length > 0 && (
            <section aria-labelledby="tk-fading-title">
              <h2 id="tk-fading-title">{t('popupFadingTitle')}</h2>
              <FadingList items={fading} now={openedAt} act={act} onLog={logInTouch} />
            </section>
          )}
          {meet.length > 0 && (
            <section aria-labelledby="tk-meet-title">
              <h2 id="tk-meet-title">{t('popupMeetTitle')}</h2>
              <MeetList items={meet} act={act} />
            </section>
          )}
        </>
      )}
    </main>
  );
}

function FollowUpList({ items, now, act, meetIds, onLog }: { items: PopupItem[]; now: number; act: Act; meetIds: ReadonlySet<string>; onLog: LogInTouch }) {
  return (
    <ul className="tk-followups">
      {items.map((item) => (
        <FollowUpItem key={item.contact.id} item={item} now={now} act={act} worthMeeting={meetIds.has(item.contact.id)} onLog={onLog} />
      ))}
    </ul>
  );
}

function FollowUpItem({ item: { contact, profile }, now, act, worthMeeting, onLog }: { item: PopupItem; now: number; act: Act; worthMeeting: boolean; onLog: LogInTouch }) {
  // "On a date…" in the snooze menu opens the reminder's form in the card.
  const [reminding, setReminding] = useState(false);
  const status = badgeStatus(contactSummary(contact), now);
  const name = contactName(contact);
  const remind = (reminder: Reminder | null, expected: Reminder | null, resolve?: Resolve) =>
    act(() => send('contact.remind', { id: contact.id, reminder, snooze: true, expected, resolve }));
  return (
    <li className={`tk-followup tk-tone-${status.tone}`}>
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
        {contact.cadenceDays !== null && <> · {rhythmText(contact.cadenceDays)}</>}
      </p>
      {contact.reminderAt != null && contact.reminderAt <= now && contact.reminderReason && (
        <p className="tk-hook">{t('nudgeReminder', contact.reminderReason)}</p>
      )}
      <NewRole contact={contact} now={now} />
      {contact.hooks && <p className="tk-hook">{t('nudgeHook', contact.hooks.split('\n')[0]!)}</p>}
      {worthMeeting && <p className="tk-meet-why">{tCount('popupMeetWhy', contact.tie?.remoteStreak ?? 0)}</p>}
      <InTouchButtons contact={contact} onLog={onLog} />
      <div className="tk-actions">
        <SnoozeMenu
          name={name}
          onSnooze={(choice) => void act(() => send('contact.snooze', { id: contact.id, until: snoozeUntil(choice, Date.now()) }))}
          onPickDate={() => setReminding(true)}
        />
        <GaveMenu contact={contact} act={act} />
      </div>
      {reminding && <ReminderField contact={contact} now={Date.now} open onSet={remind} onClose={() => setReminding(false)} />}
    </li>
  );
}

function PersonName({ item: { contact, profile } }: { item: PopupItem }) {
  const name = contactName(contact);
  return profile ? (
    <a href={profile.url} target="_blank" rel="noopener noreferrer" className="tk-name">
      {name}
    </a>
  ) : (
    <span className="tk-name">{name}</span>
  );
}


/** This week's fading ties: how faded, since when, and why it counts as fading. */
function FadingList({ items, now, act, onLog }: { items: FadingItem[]; now: number; act: Act; onLog: LogInTouch }) {
  return (
    <ul className="tk-suggestions tk-fading">
      {items.map((item) => (
        <li key={item.contact.id} className={`tk-suggestion tk-level-${item.estimate.level}`}>
          <div className="tk-followup-head">
            <PersonName item={item} />
            <span className="tk-status">{t(FADING_LABELS[item.estimate.level])}</span>
          </div>
          <p className="tk-muted">
            {lastContactSentence(item.contact.lastContactAt, now)} · {fadingWhy(item.estimate)}
          </p>
          <InTouchButtons contact={item.contact} onLog={onLog} />
          <div className="tk-actions">
            <GaveMenu contact={item.contact} act={act} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** People worth meeting whose last contacts were all remote; a meeting logged here ends it. */
function MeetList({ items, act }: { items: PopupItem[]; act: Act }) {
  return (
    <ul className="tk-suggestions tk-meet">
      {items.map((item) => (
        <li key={item.contact.id} className="tk-suggestion">
          <div className="tk-followup-head">
            <PersonName item={item} />
          </div>
          <p className="tk-muted">{tCount('popupMeetWhy', item.contact.tie?.remoteStreak ?? 0)}</p>
          <div className="tk-actions">
            <button type="button" className="tk-button tk-primary" onClick={() => void act(() => send('interaction.log', { contactId: item.contact.id, kind: 'meeting' }))}>
              {t('popupMetToday')}
            </button>
            <GaveMenu contact={item.contact} act={act} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** People seen in a new role lately: congratulating them is giving first, and ends the suggestion. */
function CongratulateList({ items, now, act, onLog }: { items: PopupItem[]; now: number; act: Act; onLog: LogInTouch }) {
  return (
    <ul className="tk-suggestions tk-congratulate">
      {items.map((item) => (
        <li key={item.contact.id} className="tk-suggestion">
          <div className="tk-followup-head">
            <PersonName item={item} />
          </div>
          <NewRole contact={item.contact} now={now} />
          <div className="tk-actions">
            <button
              type="button"
              className="tk-button tk-primary"
              onClick={() => void act(() => send('interaction.log', { contactId: item.contact.id, kind: 'favour-given', favour: 'congratulations' }))}
            >
              {t('popupCongratulated')}
            </button>
          </div>
          <InTouchButtons contact={item.contact} onLog={onLog} />
        </li>
      ))}
    </ul>
  );
}

function NewRole({ contact, now }: { contact: Contact; now: number }) {
  const role = congratulateFor(contact, now);
  return role && <p className="tk-hook">{t('roleNew', role.headline)}</p>;
}

/** "In touch today" as a message, a call or a meeting: one click logs it, with an Undo. */
function InTouchButtons({ contact, onLog }: { contact: Contact; onLog: LogInTouch }) {
  return (
    <div className="tk-actions tk-intouch" role="group" aria-label={t('popupInTouchAs', contactName(contact))}>
      <span className="tk-intouch-label" aria-hidden="true">
        {t('touchToday')}:
      </span>
      {QUICK_KINDS.map((kind) => (
        <button key={kind} type="button" className="tk-button" onClick={() => onLog(contact, kind)}>
          {t(KIND_LABELS[kind])}
        </button>
      ))}
    </div>
  );
}

/** One step: choosing what was given logs it, today. */
function GaveMenu({ contact, act }: { contact: Contact; act: Act }) {
  return (
    <label className="tk-gave">
      <span className="tk-sr">{t('popupGaveFor', contactName(contact))}</span>
      <select
        value=""
        onChange={(event) => {
          const favour = event.target.value as FavourType | '';
          if (favour) void act(() => send('interaction.log', { contactId: contact.id, kind: 'favour-given', favour }));
        }}
      >
        <option value="">{t('popupGave')}</option>
        {FAVOUR_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(FAVOUR_LABELS[type])}
          </option>
        ))}
      </select>
    </label>
  );
}

function SnoozeMenu({ name, onSnooze, onPickDate }: { name: string; onSnooze: (choice: SnoozeChoice) => void; onPickDate: () => void }) {
  return (
    <label className="tk-snooze">
      <span className="tk-sr">{t('popupSnoozeFor', name)}</span>
      <select
        value=""
        onChange={(event) => {
          const choice = event.target.value as '1d' | '1w' | '1m' | 'date' | '';
          if (choice === 'date') onPickDate();
          else if (choice) onSnooze(choice);
        }}
      >
        <option value="">{t('snoozeLabel')}</option>
        <option value="1d">{t('snooze1d')}</option>
        <option value="1w">{t('snooze1w')}</option>
        <option value="1m">{t('snooze1m')}</option>
        <option value="date">{t('popupSnoozeDate')}</option>
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

/**
 * No backup for 30 days (and no sync folder taking weekly ones): a quiet line, one click to the
 * dashboard's export, which starts the download; "Not now" asks again in a month.
 */
function BackupReminder({ now, hasContacts, onBackUp, onLater }: { now: number; hasContacts: boolean; onBackUp: () => void; onLater: () => void }) {
  const row = useLiveQuery(() => backupsRow(readDb()), []);
  if (!row || !backupReminderDue(reminderState(row), { now, hasContacts })) return null;
  return (
    <p className="tk-sync-ok" role="status">
      {t('backupReminder')} ·{' '}
      <button type="button" className="tk-link" onClick={onBackUp}>
        {t('backupReminderNow')}
      </button>{' '}
      ·{' '}
      <button type="button" className="tk-link" onClick={onLater}>
        {t('backupReminderLater')}
      </button>
    </p>
  );
}

/**
 * The browser took back its OK for the sync folder (after a restart, say): one button to the
 * dashboard's Sync card, where the browser asks. Changes wait in the outbox meanwhile.
 */
function SyncNeedsOk({ onOpen }: { onOpen: () => void }) {
  const folder = useLiveQuery(() => keptFolder(readDb()), []);
  const [permission, setPermission] = useState<PermissionState | null>(null);
  useEffect(() => {
    let live = true;
    if (folder?.queryPermission) {
      void folder.queryPermission({ mode: 'readwrite' }).then(
        (state) => live && setPermission(state),
        () => live && setPermission(null),
      );
    }
    return () => {
      live = false;
    };
  }, [folder]);
  if (!folder?.queryPermission || permission === null || permission === 'granted') return null;
  return (
    <p className="tk-sync-ok" role="status">
      {t('syncNeedsOk')}{' '}
      <button type="button" className="tk-link" onClick={onOpen}>
        {t('syncGiveOk')}
      </button>
    </p>
  );
}
