import { useId } from 'react';
import { suggestMeeting } from '../../domain/meet-in-person';
import type { Contact } from '../../domain/model';
import { t, tCount } from '../../i18n';

/** "Worth meeting in person", and the suggestion to meet once the last contacts were all remote. */
export function MeetInPerson({ contact, onChange }: { contact: Contact | null; onChange: (meetInPerson: boolean) => void }) {
  const id = useId();
  return (
    <div className="tk-meet">
      <label className="tk-check" htmlFor={id}>
        <input id={id} type="checkbox" checked={contact?.meetInPerson ?? false} onChange={(event) => onChange(event.target.checked)} />
        <span>{t('meetLabel')}</span>
      </label>
      {contact && suggestMeeting(contact) && (
        <p className="tk-suggestion tk-meet-suggestion" role="status">
          {tCount('meetSuggestion', contact.tie?.remoteStreak ?? 0)}
        </p>
      )}
    </div>
  );
}
