import { useLiveQuery } from 'dexie-react-hooks';
import { setLanguageOverride } from '@/i18n';
import { readDb } from '@/storage/instance';
import { getSettings } from '@/storage/settings';

/**
 * Applies the language chosen in the settings (or the browser's) before the page renders its
 * text; returns false until the settings are read, so that no text flashes in the wrong language.
 */
export function useLanguageReady(): boolean {
  const language = useLiveQuery(async () => (await getSettings(readDb())).language, [], undefined);
  if (language === undefined) return false;
  setLanguageOverride(language);
  return true;
}
