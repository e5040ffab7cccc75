import { useEffect, useId, useState } from 'react';
import type { ContactHit } from '../../domain/name-search';
import { t } from '../../i18n';
import { contactName, nameOrUnnamed } from '../../i18n/format';
import { NoteField } from './NoteField';
import { Field } from '../shared/Field';

/** Wait this long after the last key before asking the background: one query per pause, not per key. */
export const SEARCH_DEBOUNCE_MS = 250;

export interface IntroductionFormProps {
  /** The person on the page: their contact id (null while unknown) and name. */
  contactId: string | null;
  name: string;
  search: (query: string, excludeId?: string) => Promise<ContactHit[]>;
  onCreate: (otherId: string, note: string) => Promise<boolean>;
}

/** "Introduce to…": find someone among the user's contacts, then save the idea with a note. */
export function IntroductionForm({ contactId, name, search, onCreate }: IntroductionFormProps) {
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

  return chosen ? (
    <div className="tk-intro-new">
      <p className="tk-intro-planned">{t('introPlanned', nameOrUnnamed(name), contactName(chosen))}</p>
      <NoteField
        id={`${id}-note`}
        label={t('introNote')}
        className="tk-wide"
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
    <Field id={`${id}-search`} label={t('introSearch')}>
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
    </Field>
  );
}
