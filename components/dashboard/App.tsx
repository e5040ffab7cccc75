import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { suggestDuplicates } from '../../domain/duplicates';
import { t, uiLanguage, type MessageKey } from '../../i18n';
import { contactName, formatNumber } from '../../i18n/format';
import { readDb } from '../../storage/instance';
import { openIntroductions } from '../../storage/introductions';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { useLanguageReady } from '../shared/use-language';
import { ContactPage } from './ContactPage';
import { useDashboardData, useSearch } from './data';
import { DuplicatesPage } from './DuplicatesPage';
import { ExportPage } from './ExportPage';
import { ImportPage } from './ImportPage';
import { IntroductionsPage } from './IntroductionsPage';
import { isDue } from './list-model';
import { INITIAL_LIST_STATE, ListPage, type ListState } from './ListPage';
import { navigate, parseRoute, routeHref, type Route } from './route';
import { SettingsPage } from './SettingsPage';
import { AnnounceContext, useNow, type Announce } from './ui';

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route, following the address bar. */
function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeToHash, () => location.hash);
  return parseRoute(hash);
}

/** The dashboard: everyone, one person, open introductions, duplicates, import, export and settings. */
export function DashboardApp() {
  const languageReady = useLanguageReady();
  const data = useDashboardData();
  // Built as soon as the data is there, whichever page is shown, and kept across pages.
  const search = useSearch(data);
  if (!languageReady) return null;
  return <Dashboard data={data} search={search} />;
}

const NAV: { route: Route; label: MessageKey }[] = [
  { route: { page: 'list', due: false }, label: 'navEveryone' },
  { route: { page: 'list', due: true }, label: 'navDue' },
  { route: { page: 'introductions' }, label: 'navIntroductions' },
  { route: { page: 'duplicates' }, label: 'navDuplicates' },
  { route: { page: 'import' }, label: 'navImport' },
  { route: { page: 'export' }, label: 'navExport' },
  { route: { page: 'settings' }, label: 'navSettings' },
];

function Dashboard({ data, search }: { data: ReturnType<typeof useDashboardData>; search: ReturnType<typeof useSearch> }) {
  const route = useRoute();
  const now = useNow();
  const [listState, setListState] = useState<ListState>(INITIAL_LIST_STATE);
  const [announcement, setAnnouncement] = useState({ text: '', page: '' });
  const clearTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const { contacts, profiles } = data;
  // Few rows (introductions still to be made): read for the navigation's count on every page.
  const introductions = useLiveQuery(() => openIntroductions(readDb()), []);

  const announce = useCallback<Announce>((text, on) => {
    const page = routeHref(on ?? parseRoute(location.hash));
    // Cleared first, so that the same text twice in a row is read out twice.
    setAnnouncement({ text: '', page });
    clearTimeout(clearTimer.current);
    requestAnimationFrame(() => setAnnouncement({ text, page }));
    clearTimer.current = setTimeout(() => setAnnouncement({ text: '', page }), 5_000);
  }, []);
  const shownAnnouncement = announcement.page === routeHref(route) ? announcement.text : '';

  const duplicates = useMemo(() => (contacts ? suggestDuplicates(contacts) : []), [contacts]);
  const counts = useMemo(
    () => ({
      everyone: contacts?.filter((c) => !c.archived).length ?? 0,
      due: contacts?.filter((c) => isDue(c, now)).length ?? 0,
    }),
    [contacts, now],
  );

  const current = route.page === 'contact' ? contacts?.find((c) => c.id === route.id) : undefined;
  const title = pageTitle(route, current ? contactName(current) : null);
  useEffect(() => {
    document.title = `${title} · Tiekeeper`;
    document.documentElement.lang = uiLanguage();
  }, [title]);

  const countOf = (item: (typeof NAV)[number]): number | null => {
    if (item.route.page === 'list') return item.route.due ? counts.due : counts.everyone;
    if (item.route.page === 'duplicates') return duplicates.length;
    if (item.route.page === 'introductions') return introductions?.length ?? 0;
    return null;
  };
  const isCurrent = (item: Route) =>
    item.page === route.page && (item.page !== 'list' || route.page !== 'list' || item.due === route.due);

  return (
    <AnnounceContext.Provider value={announce}>
      <div className="dash">
        {/* Not a #fragment link: the hash holds the route. */}
        <button type="button" className="dash-skip" onClick={() => document.getElementById('dash-main')?.focus()}>
          {t('skipToContent')}
        </button>
        <header className="dash-header">
          <h1 className="dash-brand">
            <span className="dash-logo" aria-hidden="true" />
            Tiekeeper
          </h1>
          <nav aria-label={t('navLabel')}>
            <ul className="dash-nav">
              {NAV.map((item) => {
                const count = countOf(item);
                return (
                  <li key={item.label}>
                    <a href={routeHref(item.route)} aria-current={isCurrent(item.route) ? 'page' : undefined}>
                      {t(item.label)}
                      {count !== null && count > 0 && <span className={`dash-nav-count${item.route.page === 'list' && item.route.due ? ' dash-nav-due' : ''}`}>{formatNumber(count)}</span>}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        </header>
        <main id="dash-main" className="dash-main" tabIndex={-1}>
          {/* One per page: another page is a fresh start. */}
          <ErrorBoundary key={routeHref(route)} onBack={() => navigate({ page: 'list', due: false })}>
          {route.page === 'list' && (
            <ListPage
              data={data}
              search={search}
              due={route.due}
              now={now}
              duplicateCount={duplicates.length}
              state={listState}
              onState={setListState}
            />
          )}
          {route.page === 'contact' && (
            <ContactPage key={route.id} id={route.id} contacts={contacts ?? []} search={search} duplicates={duplicates} now={now} />
          )}
          {route.page === 'introductions' && <IntroductionsPage introductions={introductions} now={now} />}
          {route.page === 'duplicates' && <DuplicatesPage suggestions={duplicates} contacts={contacts ?? []} profiles={profiles ?? []} />}
          {route.page === 'import' && <ImportPage />}
          {route.page === 'export' && <ExportPage start={route.now === true} />}
          {route.page === 'settings' && <SettingsPage />}
          </ErrorBoundary>
        </main>
        <p className="dash-announce" role="status" aria-live="polite">
          {shownAnnouncement}
        </p>
      </div>
    </AnnounceContext.Provider>
  );
}

function pageTitle(route: Route, contact: string | null): string {
  switch (route.page) {
    case 'list':
      return route.due ? t('navDue') : t('navEveryone');
    case 'contact':
      return contact ?? t('navEveryone');
    case 'introductions':
      return t('introductionsTitle');
    case 'duplicates':
      return t('navDuplicates');
    case 'import':
      return t('navImport');
    case 'export':
      return t('navExport');
    case 'settings':
      return t('navSettings');
  }
}
