import { useDeferredValue, useId, useMemo, useState } from 'react';
import { t, tCount } from '../../i18n';
import { collator, contactName, formatDate, formatNumber, relativeTime } from '../../i18n/format';
import { AddContactDialog } from './AddContactDialog';
import { BulkBar } from './BulkBar';
import { ContactTable } from './ContactTable';
import type { DashboardData, Search } from './data';
import { buildRows, DEFAULT_FILTERS, filterRows, nextDueRow, nextSort, siteFilterOptions, sortRows, tagCounts, type Filters, type Sort } from './list-model';
import { PageHeading } from './PageHeading';
import { navigate, routeHref } from './route';
import { EMPTY_SELECTION, selectAll, toggleRow, type Selection } from './selection';

/** What the list remembers while the user looks at one contact and comes back. */
export interface ListState {
  query: string;
  filters: Omit<Filters, 'due'>;
  sort: Sort | null;
}

/** Where the table was scrolled to, for coming back from a contact (kept outside React state:
 * it changes on every scroll and is only read when the table is shown again). */
const scrollMemory = { top: 0 };

export const INITIAL_LIST_STATE: ListState = {
  query: '',
  filters: { never: DEFAULT_FILTERS.never, fading: DEFAULT_FILTERS.fading, tag: null, site: 'any', archived: 'active' },
  sort: null,
};

export interface ListPageProps {
  data: DashboardData;
  search: Search;
  /** `#/due`: only the people due now. */
  due: boolean;
  now: number;
  duplicateCount: number;
  state: ListState;
  onState: (state: ListState) => void;
}

export function ListPage({ data, search, due, now, duplicateCount, state, onState }: ListPageProps) {
  const id = useId();
  const [adding, setAdding] = useState(false);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const { contacts, profiles } = data;
  const sortCollator = useMemo(() => collator(), []);
  const filters: Filters = { ...state.filters, due };
  const update = (patch: Partial<ListState>) => {
    if (patch.query !== undefined || patch.filters !== undefined) {
      scrollMemory.top = 0;
      // Another filter shows other people: a selection the user can no longer see would be a trap.
      setSelection(EMPTY_SELECTION);
    }
    onState({ ...state, ...patch });
  };
  const setFilter = (patch: Partial<ListState['filters']>) => update({ filters: { ...state.filters, ...patch } });

  const query = useDeferredValue(state.query);
  const rows = useMemo(() => (contacts && profiles ? buildRows(contacts, profiles) : []), [contacts, profiles]);
  const hits = useMemo(() => search.run(query), [search, query]);
  const matches = useMemo(() => (hits ? new Set(hits.map((hit) => hit.id)) : null), [hits]);
  const relevance = useMemo(() => (hits ? new Map(hits.map((hit) => [hit.id, hit.score])) : null), [hits]);
  const shown = useMemo(() => {
    const filtered = filterRows(rows, filters, now, matches);
    return sortRows(filtered, state.sort, sortCollator, relevance, now);
    // `filters` is rebuilt on each render; its parts are the real dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, state.filters, due, now, matches, relevance, state.sort, sortCollator]);
  const tags = useMemo(() => tagCounts(contacts ?? [], sortCollator), [contacts, sortCollator]);
  const shownIds = useMemo(() => shown.map((row) => row.contact.id), [shown]);

  const loading = contacts === undefined || profiles === undefined;
  const searching = state.query.trim() !== '';
  // With nobody there at all, "0 of 0" and clearing filters would say nothing.
  const filtered = rows.length > 0 && (searching || due || state.filters.never || state.filters.fading || state.filters.tag !== null || state.filters.site !== 'any' || state.filters.archived !== 'active');

  return (
    <section className="dash-page dash-list-page" aria-labelledby={`${id}-title`}>
      <div className="dash-page-head">
        <PageHeading id={`${id}-title`}>{due ? t('navDue') : t('navEveryone')}</PageHeading>
        <button type="button" className="tk-button tk-primary" onClick={() => setAdding(true)}>
          {t('addContact')}
        </button>
      </div>

      {duplicateCount > 0 && (
        <p className="dash-notice">
          {t('duplicatesNotice', formatNumber(duplicateCount))} <a href={routeHref({ page: 'duplicates' })}>{t('duplicatesReview')}</a>
        </p>
      )}

      <div className="dash-toolbar" role="search">
        <div className="dash-search">
          <label htmlFor={`${id}-search`} className="tk-sr">
            {t('searchLabel')}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={state.query}
            placeholder={t('searchPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => update({ query: event.target.value })}
          />
        </div>
        <div className="dash-filters" role="group" aria-label={t('filtersLabel')}>
          <label className="dash-check">
            <input type="checkbox" checked={due} onChange={(event) => navigate({ page: 'list', due: event.target.checked })} />
            {t('filterDue')}
          </label>
          <label className="dash-check">
            <input type="checkbox" checked={state.filters.never} onChange={(event) => setFilter({ never: event.target.checked })} />
            {t('filterNever')}
          </label>
          <label className="dash-check" title={t('filterFadingHint')}>
            <input type="checkbox" checked={state.filters.fading} onChange={(event) => setFilter({ fading: event.target.checked })} />
            {t('filterFading')}
          </label>
          <label className="dash-select">
            <span>{t('filterTag')}</span>
            <select value={state.filters.tag ?? ''} onChange={(event) => setFilter({ tag: event.target.value || null })}>
              <option value="">{t('filterAny')}</option>
              {tags.map(({ tag, count }) => (
                <option key={tag} value={tag}>
                  {tag} ({formatNumber(count)})
                </option>
              ))}
            </select>
          </label>
          <label className="dash-select">
            <span>{t('filterSite')}</span>
            <select value={state.filters.site} onChange={(event) => setFilter({ site: event.target.value as ListState['filters']['site'] })}>
              <option value="any">{t('filterAny')}</option>
              {siteFilterOptions().map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
              <option value="none">{t('filterNoProfile')}</option>
            </select>
          </label>
          <label className="dash-select">
            <span>{t('filterShow')}</span>
            <select value={state.filters.archived} onChange={(event) => setFilter({ archived: event.target.value as ListState['filters']['archived'] })}>
              <option value="active">{t('filterActive')}</option>
              <option value="archived">{t('filterArchived')}</option>
              <option value="all">{t('filterAll')}</option>
            </select>
          </label>
        </div>
      </div>

      <p className="dash-count" role="status" aria-live="polite">
        {loading
          ? t('loading')
          : searching && !search.ready
            ? t('searchPreparing', formatNumber(Math.round(search.progress * 100)))
            : filtered
              ? t('countFiltered', formatNumber(shown.length), formatNumber(rows.length))
              : tCount('countAll', rows.length)}
        {filtered && !loading && (
          <>
            {' '}
            <button
              type="button"
              className="tk-link"
              onClick={() => {
                update({ ...INITIAL_LIST_STATE, sort: state.sort });
                if (due) navigate({ page: 'list', due: false });
              }}
            >
              {t('filtersClear')}
            </button>
          </>
        )}
      </p>

      {selection.ids.size > 0 && (
        <BulkBar
          selected={selection.ids}
          matching={shown.length}
          onSelectAll={() => setSelection(selectAll(shownIds))}
          onClear={() => setSelection(EMPTY_SELECTION)}
        />
      )}

      {!loading && rows.length === 0 ? (
        <div className="dash-empty">
          <p>{t('emptyNobody')}</p>
          <p>
            <a className="tk-button tk-primary" href={routeHref({ page: 'import' })}>
              {t('emptyImport')}
            </a>
          </p>
        </div>
      ) : !loading && shown.length === 0 ? (
        <NothingShown rows={rows} onlyDue={due && !(searching || otherFilters(state))} now={now} />
      ) : (
        <ContactTable
          rows={shown}
          sort={state.sort}
          onSort={(key) => update({ sort: nextSort(state.sort, key) })}
          now={now}
          initialScroll={() => scrollMemory.top}
          onScroll={(top) => {
            scrollMemory.top = top;
          }}
          selected={selection.ids}
          onSelect={(index, checked, shift) => setSelection((current) => toggleRow(current, shownIds, index, checked, shift))}
          onSelectAll={(checked) => setSelection(checked ? selectAll(shownIds) : EMPTY_SELECTION)}
        />
      )}

      {adding && <AddContactDialog onClose={() => setAdding(false)} />}
    </section>
  );
}

const otherFilters = (state: ListState) =>
  state.filters.never || state.filters.fading || state.filters.tag !== null || state.filters.site !== 'any' || state.filters.archived !== 'active';

/** No row to show: on the due list with no other filter, who comes next; else that nobody matches. */
function NothingShown({ rows, onlyDue, now }: { rows: ReturnType<typeof buildRows>; onlyDue: boolean; now: number }) {
  if (!onlyDue) return <p className="dash-empty">{t('emptyNoMatch')}</p>;
  const next = nextDueRow(rows, now);
  return (
    <div className="dash-empty">
      <p>{t('emptyNobodyDue')}</p>
      {next && (
        <p>
          {t('emptyNextDue', contactName(next.contact), relativeTime(next.contact.nextDueAt!, now), formatDate(next.contact.nextDueAt!))}
        </p>
      )}
    </div>
  );
}
