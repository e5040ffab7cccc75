import { TiekeeperError, userMessage } from '../domain/errors';
import { setLanguageOverride, t } from '../i18n';
import { badgeView } from '../i18n/badge-status';
import type { MarkerView, SentResult } from '../messaging/site-activity';
import { adapterForUrl } from '../sites';
import type { ProfileRef, SiteAdapter } from '../sites/types';
import { getSettings, updateSettings } from '../storage/settings';
import { logSentMessage, undoSentMessage } from '../storage/sent-messages';
import { profileRefByKey, summariesForKeys } from '../storage/summaries';
import type { CallContext, HandlerDeps, Handlers } from './handlers';

type SiteHandlers = Pick<Handlers, 'messages.sent' | 'messages.consent' | 'messages.undo' | 'markers.get' | 'marker.open'>;

/** The tab a content script speaks for, and its site's adapter (the router let only those through). */
function siteTab(context: CallContext): { id: number; url: URL; adapter: SiteAdapter } {
  const adapter = context.tab && adapterForUrl(context.tab.url);
  if (!context.tab || !adapter) throw new TiekeeperError('forbidden', userMessage('errorForbidden'));
  return { ...context.tab, adapter };
}

/**
 * The people a thread's header links to, keyed by the site's own rule (so a message lands on the
 * same contact as the profile page and the Connections.csv import). Links to another site, or
 * to anything but a profile, are dropped.
 */
function recipients(adapter: SiteAdapter, to: readonly { url: string; name?: string }[]): ProfileRef[] {
  const found = new Map<string, ProfileRef>();
  for (const { url, name } of to) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    if (parsed.protocol !== 'https:' || !adapter.matchesHost(parsed.hostname)) continue;
    const ref = adapter.profileFromUrl(parsed);
    const cleanName = name?.replace(/\s+/g, ' ').trim();
    if (ref && !found.has(ref.key)) found.set(ref.key, { ...ref, ...(cleanName ? { name: cleanName } : {}) });
  }
  return [...found.values()];
}

const SKIPPED: SentResult = { status: 'skipped' };

/** What the content script on LinkedIn and XING reports of the user's own activity there. */
export function createSiteActivityHandlers(deps: HandlerDeps): SiteHandlers {
  const { db, now } = deps;
  return {
    'messages.sent': async (input, context) => {
      const { adapter } = siteTab(context);
      const settings = await getSettings(db);
      setLanguageOverride(settings.language);
      const choice = settings.messageLog[adapter.site];
      if (choice === 'off' || (input.group && !settings.messageLogGroups)) return SKIPPED;
      const people = recipients(adapter, input.to);
      if (people.length === 0) return SKIPPED;
      if (choice === 'ask') return { status: 'ask', question: t('messageLogQuestion'), yes: t('messageLogYes'), no: t('messageLogNo') };
      const at = now();
      const logs = [];
      for (const ref of people) logs.push({ ref, log: await logSentMessage(db, ref, at) });
      const done = logs.filter(({ log }) => log.interaction !== null);
      if (done.length === 0) return SKIPPED;
      const names = done.map(({ ref, log }) => log.contact.displayName || ref.name || ref.key);
      return {
        status: 'logged',
        text: t('messageLogged', names.join(', ')),
        undo: t('messageLogUndo'),
        undone: t('messageLogUndone'),
        entries: done.map(({ log }) => ({ id: log.interaction!.id, snoozedUntil: log.snoozedUntil })),
      };
    },
    'messages.consent': async (input, context) => {
      const { adapter } = siteTab(context);
      await updateSettings(db, { messageLog: { [adapter.site]: input.allow ? 'on' : 'off' } });
      return null;
    },
    'messages.undo': async (input, context) => {
      siteTab(context);
      await undoSentMessage(db, input, now());
      return null;
    },
    'markers.get': async (input, context) => {
      const { adapter, id } = siteTab(context);
      // Told to ask again after a change, so the markers never show a state that has passed.
      await deps.badges.rememberMarkers(id);
      const [found, settings] = await Promise.all([summariesForKeys(db, adapter.site, input.keys), getSettings(db)]);
      setLanguageOverride(settings.language);
      const at = now();
      return found.map(({ key, summary, name }): MarkerView => {
        const { tone, label, ariaLabel } = badgeView(summary, at, name);
        return { key, tone, label, ariaLabel };
      });
    },
    'marker.open': async (input, context) => {
      const tab = siteTab(context);
      // First, while the click still counts as the user's gesture.
      const opened = deps.openPanel(tab.id);
      // On a profile page the panel stays with the person the page shows (and its badge).
      const ref = tab.adapter.profileFromUrl(tab.url) ? null : await profileRefByKey(db, tab.adapter.site, input.key);
      if (ref) await deps.badges.remember(tab.id, ref);
      await opened;
      return null;
    },
  };
}
