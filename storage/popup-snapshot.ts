import { z } from 'zod';
import { contactSchema, profileSchema } from '../domain/model';
import type { PopupData } from './popup';

/**
 * The popup's list as the background last computed it, kept in the extension's session storage
 * after every change and every wake-up (session storage: content scripts cannot read it, and it
 * is rebuilt at every browser start). The popup shows it at once, before the database is open
 * and queried, then shows the database's own answer (the truth) as soon as it has it.
 */
export const POPUP_SNAPSHOT_KEY = 'popup';

const item = z.object({ contact: contactSchema, profile: profileSchema.nullable() });

const snapshotSchema = z.object({
  language: z.enum(['en', 'de']).nullable(),
  data: z.object({
    due: z.array(item),
    dueTotal: z.number().int().min(0),
    upcoming: z.array(item),
    upcomingTotal: z.number().int().min(0),
    contactTotal: z.number().int().min(0),
  }),
});
export type PopupSnapshot = z.infer<typeof snapshotSchema>;
// The snapshot holds what readPopupData returns: a change there must change the schema too.
const _sameShape: PopupSnapshot['data'] extends PopupData ? (PopupData extends PopupSnapshot['data'] ? true : never) : never = true;

/** A stored snapshot, or null when there is none or it was written in another shape. */
export function parsePopupSnapshot(value: unknown): PopupSnapshot | null {
  const parsed = snapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
