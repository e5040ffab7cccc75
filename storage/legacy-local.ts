/**
 * What earlier versions kept in `storage.local`, where content scripts can read it: the badge
 * summaries (`summary:<site>:<key>`) and the popup's list (`popup`; today's snapshot lives in
 * session storage, see popup-snapshot.ts). The background removes them after an update.
 */
const LEGACY_SUMMARY_PREFIX = 'summary:';
const LEGACY_POPUP_KEY = 'popup';

export function isLegacyLocalKey(key: string): boolean {
  return key.startsWith(LEGACY_SUMMARY_PREFIX) || key === LEGACY_POPUP_KEY;
}
