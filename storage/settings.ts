import { settingsSchema, type Settings, type SettingsPatch } from '../domain/model';
import { SETTINGS_ID, type SettingsRow, type TiekeeperDb } from './db';

/**
 * The settings from the stored row. A row written by an older version may lack newer fields
 * (they get their defaults) or hold a value the current version no longer allows (that field
 * falls back to its default, the others are kept).
 */
export function settingsFromRow(row: SettingsRow | undefined): Settings {
  const values: Record<string, unknown> = { ...row };
  delete values.id;
  for (;;) {
    const parsed = settingsSchema.safeParse(values);
    if (parsed.success) return parsed.data;
    const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    // An issue without a field path would loop forever: give up on the row as a whole.
    if (bad.has('undefined')) return settingsSchema.parse({});
    for (const field of bad) delete values[field];
  }
}

export async function getSettings(db: TiekeeperDb): Promise<Settings> {
  return settingsFromRow(await db.settings.get(SETTINGS_ID));
}

export async function updateSettings(db: TiekeeperDb, patch: SettingsPatch): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = settingsFromRow(await db.settings.get(SETTINGS_ID));
    const next: Settings = { ...current };
    const { messageLog, ...fields } = patch;
    for (const [field, value] of Object.entries(fields)) {
      if (value !== undefined) (next as Record<string, unknown>)[field] = value;
    }
    // Site by site, over what is stored now (see settingsPatchSchema).
    if (messageLog) next.messageLog = { ...current.messageLog, ...Object.fromEntries(Object.entries(messageLog).filter(([, choice]) => choice !== undefined)) };
    const valid = settingsSchema.parse(next);
    await db.settings.put({ ...valid, id: SETTINGS_ID });
    return valid;
  });
}
