import { useId, useState } from 'react';
import { FAVOUR_TYPES } from '../../domain/constants';
import { giveIdeas, ledgerOf, suggestGivingFirst } from '../../domain/ledger';
import type { Contact, FavourType } from '../../domain/model';
import { t } from '../../i18n';
import { FAVOUR_LABELS, giveIdeaText, ledgerSentence } from '../../i18n/tie-text';
import { NoteField } from './NoteField';
import { Section } from './Section';

export interface GiveTakeSectionProps {
  contact: Contact | null;
  /** Logs a favour given or received, now. */
  onLog: (input: { kind: 'favour-given' | 'favour-received'; favour: FavourType; note: string }) => Promise<boolean>;
}

/**
 * The give-and-take ledger: the balance in words and one click to log a favour either way.
 * Asking again while already owing brings up "give first", with ideas from their hooks.
 */
export function GiveTakeSection({ contact, onLog }: GiveTakeSectionProps) {
  const id = useId();
  const [favour, setFavour] = useState<FavourType>('advice');
  const [note, setNote] = useState('');
  const [giveFirst, setGiveFirst] = useState(false);
  const ledger = ledgerOf(contact?.tie);

  const log = async (kind: 'favour-given' | 'favour-received') => {
    const owedBefore = suggestGivingFirst(ledger);
    if (!(await onLog({ kind, favour, note: note.trim() }))) return;
    setNote('');
    setGiveFirst(kind === 'favour-received' && owedBefore);
  };

  return (
    <Section title={t('giveTitle')} className="tk-give">
      <p className="tk-ledger">{ledgerSentence(ledger)}</p>
      <div className="tk-row">
        <label className="tk-sr" htmlFor={`${id}-type`}>
          {t('giveType')}
        </label>
        <select id={`${id}-type`} className="tk-favour-type" value={favour} onChange={(event) => setFavour(event.target.value as FavourType)}>
          {FAVOUR_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(FAVOUR_LABELS[type])}
            </option>
          ))}
        </select>
      </div>
      <NoteField
        id={`${id}-note`}
        label={t('giveNote')}
        className="tk-wide"
        placeholder={t('giveNote')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <div className="tk-row tk-wrap">
        <button type="button" className="tk-button" onClick={() => void log('favour-given')}>
          {t('giveGave')}
        </button>
        <button type="button" className="tk-button" onClick={() => void log('favour-received')}>
          {t('giveReceived')}
        </button>
      </div>
      {giveFirst && (
        <div className="tk-suggestion tk-give-first" role="status">
          <strong>{t('giveFirstTitle')}</strong>
          <p>{t('giveFirstText')}</p>
          <ul>
            {giveIdeas(contact?.hooks ?? '').map((idea) => (
              <li key={idea.kind === 'share' ? `share:${idea.hook}` : idea.kind}>{giveIdeaText(idea)}</li>
            ))}
          </ul>
          <button type="button" className="tk-link" onClick={() => setGiveFirst(false)}>
            {t('giveFirstDismiss')}
          </button>
        </div>
      )}
    </Section>
  );
}
