import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { fadingEstimate } from '../../domain/fading';
import { t, type MessageKey } from '../../i18n';
import { contactName, formatDate } from '../../i18n/format';
import { FADING_LABELS, fadingWhy } from '../../i18n/tie-text';
import { SITE_NAMES, siteDescriptor } from '../../sites/descriptors';
import { followUpText, lastContactText, rhythmText } from './format';
import type { Row, Sort, SortKey } from './list-model';
import { routeHref } from './route';

/** Rows have a fixed height: the virtualiser then never has to measure them. */
export const ROW_HEIGHT = 52;

const COLUMNS: { key: SortKey; label: MessageKey }[] = [
  { key: 'name', label: 'columnName' },
  { key: 'sites', label: 'columnSites' },
  { key: 'lastContact', label: 'columnLastContact' },
  { key: 'nextDue', label: 'columnNextDue' },
  { key: 'rhythm', label: 'columnRhythm' },
  { key: 'fading', label: 'columnFading' },
  { key: 'tags', label: 'columnTags' },
];

const MAX_TAGS_SHOWN = 3;

/**
 * Whether a box scrolled sideways hides columns at its end. The fade drawn then is the sign that
 * the table goes on (overlay scroll bars show only while scrolling).
 */
function useMoreToTheEnd() {
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);
  const update = () => {
    const box = ref.current;
    if (box) setMore(Math.abs(box.scrollLeft) + box.clientWidth < box.scrollWidth - 1);
  };
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const observer = new ResizeObserver(update);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return { ref, more, update };
}

export interface ContactTableProps {
  rows: readonly Row[];
  sort: Sort | null;
  onSort: (key: SortKey) => void;
  now: number;
  /** Where the list was scrolled to, kept while the user looks at a contact. */
  initialScroll?: () => number;
  onScroll?: (top: number) => void;
  /** The ticked rows (multi-select); a shift-click ticks a range. */
  selected: ReadonlySet<string>;
  onSelect: (index: number, checked: boolean, shift: boolean) => void;
  onSelectAll: (checked: boolean) => void;
}

/**
 * Everyone in one table, smooth with tens of thousands of rows: only the rows in view (and a
 * few around them) are in the document. The ARIA table semantics say how many rows there are
 * in all and which ones are shown; ArrowUp/ArrowDown on a name move to the neighbouring row.
 */
export function ContactTable({ rows, sort, onSort, now, initialScroll, onScroll, selected, onSelect, onSelectAll }: ContactTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const moreToTheEnd = useMoreToTheEnd();
  // The project does not use the React Compiler, whose memoisation this API would defeat.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialOffset: initialScroll ?? 0,
    getItemKey: (index) => rows[index]?.contact.id ?? index,
  });

  const focusRow = (index: number) => {
    if (index < 0 || index >= rows.length) return;
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // The row may only be rendered after the scroll.
    const focus = (attempt: number) => {
      const link = scroller.current?.querySelector<HTMLElement>(`[data-row-index="${index}"] .dash-name`);
      if (link) link.focus();
      else if (attempt < 5) requestAnimationFrame(() => focus(attempt + 1));
    };
    requestAnimationFrame(() => focus(0));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    if (!row) return;
    event.preventDefault();
    focusRow(Number(row.dataset.rowIndex) + (event.key === 'ArrowDown' ? 1 : -1));
  };

  return (
    <div className="dash-table-frame">
    <div ref={moreToTheEnd.ref} onScroll={moreToTheEnd.update} className="dash-table" role="table" aria-label={t('tableLabel')} aria-rowcount={rows.length + 1}>
      <div role="rowgroup" className="dash-table-head">
        <div role="row" aria-rowindex={1} className="dash-row">
          <div role="columnheader" className="dash-cell dash-col-select">
            <input
              type="checkbox"
              aria-label={t('selectAllShown')}
              checked={rows.length > 0 && selected.size >= rows.length && rows.every((row) => selected.has(row.contact.id))}
              onChange={(event) => onSelectAll(event.target.checked)}
            />
          </div>
          {COLUMNS.map((column) => {
            const active = sort?.key === column.key;
            const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
            return (
              <div key={column.key} role="columnheader" aria-sort={ariaSort} className={`dash-cell dash-col-${column.key}`}>
                <button type="button" className="dash-sort" onClick={() => onSort(column.key)}>
                  {t(column.label)}
                  <span className="dash-sort-mark" aria-hidden="true">
                    {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div
        ref={scroller}
        role="rowgroup"
        className="dash-table-body"
        onScroll={(event) => onScroll?.(event.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div className="dash-table-space" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <ContactRow
                key={item.key}
                row={row}
                index={item.index}
                top={item.start}
                now={now}
                selected={selected.has(row.contact.id)}
                onSelect={onSelect}
              />
            );
          })}
        </div>
      </div>
    </div>
      {moreToTheEnd.more && <div className="dash-table-more" aria-hidden="true" />}
    </div>
  );
}

function ContactRow(props: {
  row: Row;
  index: number;
  top: number;
  now: number;
  selected: boolean;
  onSelect: ContactTableProps['onSelect'];
}) {
  const { row, index, top, now } = props;
  const { contact, profiles } = row;
  const name = contactName(contact);
  const followUp = followUpText(contact, now);
  const sub = [contact.headline, contact.company].filter(Boolean).join(' · ');
  const extraTags = contact.tags.length - MAX_TAGS_SHOWN;
  const fading = fadingEstimate(contact, now);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-row-index={index}
      className={`dash-row dash-body-row${contact.archived ? ' dash-archived' : ''}${index % 2 ? ' dash-odd' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div role="cell" className="dash-cell dash-col-select">
        <input
          type="checkbox"
          aria-label={t('selectRow', name)}
          checked={props.selected}
          // onClick, not onChange: only the click knows whether shift was held.
          onClick={(event) => props.onSelect(index, event.currentTarget.checked, event.shiftKey)}
          onChange={() => undefined}
        />
      </div>
      <div role="cell" className="dash-cell dash-col-name">
        <a className="dash-name" href={routeHref({ page: 'contact', id: contact.id })}>
          {name}
        </a>
        {(sub || contact.archived) && (
          <span className="dash-sub">
            {contact.archived && <span className="dash-pill">{t('archivedLabel')}</span>} {sub}
          </span>
        )}
      </div>
      <div role="cell" className="dash-cell dash-col-sites">
        {profiles.map((profile) => (
          <a
            key={profile.id}
            className={`dash-site dash-site-${siteDescriptor(profile.site).colour}`}
            href={profile.url}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('siteLinkLabel', SITE_NAMES[profile.site], name)}
            title={profile.url}
          >
            {SITE_NAMES[profile.site]}
          </a>
        ))}
      </div>
      <div role="cell" className="dash-cell dash-col-lastContact" title={contact.lastContactAt === null ? undefined : formatDate(contact.lastContactAt)}>
        <span className={contact.lastContactAt === null ? 'dash-muted' : undefined}>{lastContactText(contact, now)}</span>
      </div>
      <div role="cell" className="dash-cell dash-col-nextDue" title={followUp.title ?? undefined}>
        {followUp.text && <span className={`dash-tone dash-tone-${followUp.tone}`}>{followUp.text}</span>}
      </div>
      <div role="cell" className="dash-cell dash-col-rhythm">
        {rhythmText(contact.cadenceDays)}
      </div>
      <div role="cell" className="dash-cell dash-col-fading" title={fading ? fadingWhy(fading) : undefined}>
        {fading && <span className={`dash-tone dash-fading-${fading.level}`}>{t(FADING_LABELS[fading.level])}</span>}
      </div>
      <div role="cell" className="dash-cell dash-col-tags">
        {contact.tags.slice(0, MAX_TAGS_SHOWN).map((tag) => (
          <span key={tag} className="dash-tag">
            {tag}
          </span>
        ))}
        {extraTags > 0 && <span className="dash-muted">+{extraTags}</span>}
      </div>
    </div>
  );
}
