import { browser } from 'wxt/browser';
import type { Contact } from '../domain/model';
import { setLanguageOverride, t, tCount } from '../i18n';
import { lastContactSentence } from '../i18n/badge-status';
import { contactName } from '../i18n/format';
import { notificationId } from './notification-ids';

/** Button order on a single nudge. */
export const DONE_BUTTON = 0;
export const SNOOZE_BUTTON = 1;

const MAX_HOOK = 90;

/** The words of a nudge about one person: name, time since the last contact, a conversation hook. */
export function nudgeText(contact: Contact, now: number): { title: string; message: string } {
  const name = contactName(contact);
  const last = lastContactSentence(contact.lastContactAt, now);
  const hook = contact.hooks.trim().split('\n')[0] ?? '';
  const shortHook = hook.length > MAX_HOOK ? `${hook.slice(0, MAX_HOOK - 1)}…` : hook;
  // A one-off reminder says what it is about first: that is why the user set it.
  const reminder =
    contact.reminderAt != null && contact.reminderAt === contact.nextDueAt
      ? contact.reminderReason
        ? t('nudgeReminder', contact.reminderReason)
        : t('nudgeReminderNoReason')
      : null;
  return {
    title: t('nudgeTitle', name),
    message: [reminder, last, shortHook && t('nudgeHook', shortHook)].filter(Boolean).join('\n'),
  };
}

export function digestText(contacts: readonly Contact[]): { title: string; message: string } {
  const names = contacts.slice(0, 3).map((c) => contactName(c));
  return {
    title: tCount('nudgeDigestTitle', contacts.length),
    message: contacts.length > 3 ? `${names.join(', ')}, …` : names.join(', '),
  };
}

/** Ties fading this week, for users who asked to be told: names, and what to do. */
export function fadingText(contacts: readonly Contact[]): { title: string; message: string } {
  const names = contacts.map((c) => contactName(c));
  return {
    title: contacts.length === 1 ? t('fadingNudgeTitleFor', names[0]!) : tCount('fadingNudgeTitle', contacts.length),
    message: `${contacts.length === 1 ? '' : `${names.join(', ')}\n`}${t('fadingNudgeMessage')}`,
  };
}

export interface NotifierDeps {
  now: () => number;
  language: () => Promise<'en' | 'de' | null>;
}

/** Shows nudges as browser notifications, in the UI language, with Done and Snooze buttons. */
export function createNotifier(deps: NotifierDeps) {
  const iconUrl = browser.runtime.getURL('/icons/128.png');

  const showFading = async (contacts: Contact[]): Promise<void> => {
    setLanguageOverride(await deps.language());
    await browser.notifications.create(notificationId({ kind: 'fading' }, deps.now()), { type: 'basic', iconUrl, ...fadingText(contacts) });
  };

  const show = async (via: 'single' | 'digest', contacts: Contact[]): Promise<void> => {
    setLanguageOverride(await deps.language());
    const now = deps.now();
    // Firefox shows no notification buttons and rejects the option.
    const buttons = import.meta.env.FIREFOX ? undefined : [{ title: t('nudgeDone') }, { title: t('nudgeSnoozeWeek') }];
    if (via === 'digest') {
      await browser.notifications.create(notificationId({ kind: 'digest' }, now), { type: 'basic', iconUrl, ...digestText(contacts) });
      return;
    }
    for (const contact of contacts) {
      await browser.notifications.create(notificationId({ kind: 'contact', contactId: contact.id }, contact.nextDueAt), {
        type: 'basic',
        iconUrl,
        ...nudgeText(contact, now),
        ...(buttons && { buttons }),
      });
    }
  };

  return { show, showFading };
}
