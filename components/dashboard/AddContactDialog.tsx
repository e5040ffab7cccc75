import { useId, useState, type FormEvent } from 'react';
import { MAX_NAME_LENGTH } from '../../domain/constants';
import { nameFromAddress, profileFromAddress } from '../../sites';
import { t } from '../../i18n';
import { send } from '../../messaging/client';
import { Dialog } from './Dialog';
import { navigate } from './route';
import { ErrorMessage, useAnnounce } from './ui';

/**
 * Adds a person by their profile address, as visiting the profile would. Someone already known
 * under that profile is simply opened.
 */
export function AddContactDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const announce = useAnnounce();
  const [address, setAddress] = useState('');
  const [name, setName] = useState('');
  /** Until the user types a name, the one the address suggests fills the field. */
  const [nameTyped, setNameTyped] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const profile = profileFromAddress(address);
    setInvalid(profile === null);
    if (!profile) return;
    setBusy(true);
    setError(null);
    try {
      const state = await send('profile.ensure', { ...profile, ...(name.trim() ? { name: name.trim() } : {}) });
      const page = { page: 'contact', id: state.contact.id } as const;
      announce(t('addContactDone'), page);
      onClose();
      navigate(page);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('addContact')} onClose={onClose}>
      <form className="dash-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="tk-field">
          <label htmlFor={`${id}-url`}>{t('addContactAddress')}</label>
          <input
            id={`${id}-url`}
            data-autofocus
            type="url"
            inputMode="url"
            required
            value={address}
            placeholder="https://www.xing.com/profile/Vorname_Nachname"
            aria-invalid={invalid}
            aria-describedby={`${id}-hint`}
            onChange={(event) => {
              setAddress(event.target.value);
              if (!nameTyped) setName(nameFromAddress(event.target.value) ?? '');
            }}
          />
          <p id={`${id}-hint`} className={invalid ? 'dash-field-error' : 'dash-hint'}>
            {invalid ? t('addContactInvalid') : t('addContactHint')}
          </p>
        </div>
        <div className="tk-field">
          <label htmlFor={`${id}-name`}>{t('panelName')}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={MAX_NAME_LENGTH}
            onChange={(event) => {
              setName(event.target.value);
              setNameTyped(true);
            }}
          />
        </div>
        {error !== null && <ErrorMessage error={error} />}
        <div className="dash-actions">
          <button type="button" className="tk-button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="tk-button tk-primary" disabled={busy}>
            {t('addContactSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
