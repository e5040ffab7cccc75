import { useEffect, useId, useState } from 'react';
import { MAX_TEXT_LENGTH } from '../../domain/constants';
import { otherPerson, type IntroductionView } from '../../domain/introductions';
import type { IntroductionStatus } from '../../domain/model';
import type { ContactHit } from '../../domain/name-search';
import { IntroductionFields } from './IntroductionFields';
import { t } from '../../i18n';
import { contactName, nameOrUnnamed } from '../../i18n/format';

/** Wait this long after the last key before asking the background: one query per pause, not per key. */
export const SEARCH_DEBOUNCE_MS = 250;

export interface IntroductionsSectionProps {
  /** The person on the page: their contact id (null while unknown) and name. */
  contactId: string | null;
  name: string;
  /** Open first. */
  introductions: readonly IntroductionView[];
  search: (query: string, excludeId?: string) => Promise<ContactHit[]>;
  onCreate: (otherId: string, note: string) => Promise<boolean>;
  onUpdate: (id: string, patch: { status?: IntroductionStatus; note?: string }) => Promise<boolean>;
}

/** "Introduce to…": find someone among the user's contacts, save the idea, follow it to the outcome. */
export function IntroductionsSection({ contactId, name, introductions, search, onCreate, onUpdate }: IntroductionsSectionProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ query: string; list: ContactHit[] } | null>(null);
  const [chosen, setChosen] = useState<ContactHit | null>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    const text = query.trim();
    if (text === '') return;
    let live = true;
    const timer = setTimeout(() => {
      search(text, contactId ?? undefined).then(
        (list) => live && setHits({ query: text, list }),
        () => live && setHits({ query: text, list: [] }),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, contactId, search]);

  const shown = query.trim() !== '' && hits?.query === query.trim() ? hits.list : null;
  const reset = () => {
    setChosen(null);
    setNote('');
    setQuery('');
    setHits(null);
  };
  const create = async () => {
    if (chosen && (await onCreate(chosen.id, note.trim()))) reset();
  };

  return (
    <section className="tk-section tk-intros" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('introTitle')}</h3>
      {chosen ? (
        <div className="tk-intro-new">
          <p className="tk-intro-planned">{t('introPlanned', nameOrUnnamed(name), contactName(chosen))}</p>
          <label className="tk-sr" htmlFor={`${id}-note`}>
            {t('introNote')}
          </label>
          <input
            id={`${id}-note`}
            className="tk-wide"
            maxLength={MAX_TEXT_LENGTH}
            placeholder={t('introNote')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            onKeyDown={(event) => event.key === 'Enter' && void create()}
          />
          <div className="tk-row">
            <button type="button" className="tk-button tk-primary" onClick={() => void create()}>
              {t('introCreate')}
            </button>
            <button type="button" className="tk-button" onClick={reset}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="tk-field">
          <label htmlFor={`${id}-search`}>{t('introSearch')}</label>
          <input
            id={`${id}-search`}
            className="tk-intro-search"
            type="search"
            autoComplete="off"
            maxLength={200}
            placeholder={t('introSearchPlaceholder')}
            aria-controls={`${id}-hits`}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <ul id={`${id}-hits`} className="tk-hits" aria-live="polite">
            {shown?.length === 0 && <li className="tk-muted">{t('introNoHits', query.trim())}</li>}
            {shown?.map((hit) => (
              <li key={hit.id}>
                <button type="button" className="tk-hit" onClick={() => setChosen(hit)}>
                  <span className="tk-hit-name">{contactName(hit)}</span>
                  {hit.headline && <span className="tk-muted"> · {hit.headline}</span>}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      {contactId && introductions.length > 0 && (
        <ul className="tk-intro-list">
          {introductions.map((intro) => (
            <IntroductionRow key={intro.id} intro={intro} contactId={contactId} onUpdate={onUpdate} />
          ))}
        </ul>
      )}
    </section>
  );
}

function IntroductionRow({ intro, contactId, onUpdate }: { intro: IntroductionView; contactId: string; onUpdate: IntroductionsSectionProps['onUpdate'] }) {
  const other = contactName(otherPerson(intro, contactId));
  return (
    <li className={`tk-intro tk-intro-${intro.status}`}>
      <strong>{t('introWith', other)}</strong>
      <IntroductionFields
        intro={intro}
        statusLabel={t('introStatusFor', other)}
        noteLabel={t('introNoteFor', other)}
        statusClassName="tk-intro-status"
        noteClassName="tk-wide"
        onUpdate={(patch) => void onUpdate(intro.id, patch)}
      />
    </li>
  );
}
