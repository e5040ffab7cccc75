import { browser } from 'wxt/browser';
import { POPUP_SNAPSHOT_KEY, type PopupSnapshot } from '../storage/popup-snapshot';
import type { TiekeeperDb } from '../storage/db';
import { readPopupData } from '../storage/popup';
import { getSettings } from '../storage/settings';

/** Writes the popup's list for a quick first look (see storage/popup-snapshot.ts). */
export async function writePopupSnapshot(db: TiekeeperDb, now: number): Promise<void> {
  const [data, settings] = await Promise.all([readPopupData(db, now), getSettings(db)]);
  const snapshot: PopupSnapshot = { language: settings.language, data };
  await browser.storage.session.set({ [POPUP_SNAPSHOT_KEY]: snapshot });
}
