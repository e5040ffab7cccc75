import { useLiveQuery } from 'dexie-react-hooks';
import { setLanguageOverride, type Language } from '../../i18n';
import { readDb } from '../../storage/instance';
import { getSettings } from '../../storage/settings';

/**
 * Applies the language chosen in the settings (or the browser's) before the page renders its
 * text; returns false until the settings are read, so that no text flashes in the wrong language.
 * `known` is the setting as already known from elsewhere (the popup's snapshot), used until the
 * database answers.
 */
export function useLanguageReady(known?: Language | null): boolean {
  const language = useLiveQuery(async () => (await getSettings(readDb())).language, [], undefined);
  const chosen = language === undefined ? known : language;
  if (chosen === undefined) return false;
  setLanguageOverride(chosen);
  return true;
}
