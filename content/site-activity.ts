import { MARKERS_MESSAGE } from '../messaging/channels';
import type { MarkerView, SentResult } from '../messaging/site-activity';
import type { SiteAdapter } from '../sites/types';
import { ICONS } from './badge';
import type { ContentApi } from './extension-api';
import { watchListMarkers } from './list-markers';
import { watchSentMessages, type SentMessage } from './message-sends';
import { showNotice } from './notice';
import { siteIsDark } from './theme';

/** How long the toast after an automatic log stays, with its Undo. */
const TOAST_MS = 10_000;
const UNDONE_MS = 3_000;

/** The value of the background's answer, or undefined when it is an error. */
function valueOf(response: unknown): unknown {
  const answer = response as { ok?: unknown; value?: unknown } | null;
  return answer && typeof answer === 'object' && answer.ok === true ? answer.value : undefined;
}

/** The markers as the background drew them up; a tone this script cannot paint is left out. */
function markersOf(value: unknown): MarkerView[] {
  return Array.isArray(value) ? value.filter((m: Partial<MarkerView> | null) => !!m && Object.hasOwn(ICONS, String(m.tone))) : [];
}

/**
 * What the user does on the site that Tiekeeper learns from: messages sent (whom to, never what),
 * after the user agreed to it, with an Undo each time; and the markers beside known people in lists.
 */
export function watchSiteActivity(api: ContentApi, adapter: SiteAdapter, signal: AbortSignal): void {
  // Judged once, when first needed: reading the page's colours forces a style calculation, which
  // pages without a marker or a message sent need not pay for.
  let darkLook: boolean | undefined;
  const dark = () => (darkLook ??= siteIsDark());
  const request = (cmd: string, input: unknown) => api.runtime.sendMessage({ cmd, input }).then(valueOf);

  const markers = watchListMarkers({
    adapter,
    dark,
    signal,
    ask: (keys) => request('markers.get', { keys }).then(markersOf),
    onOpen: (key) => void request('marker.open', { key }).catch(() => undefined),
  });
  // A change made elsewhere (the panel, the popup, the dashboard): the markers ask again.
  const onMessage = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === MARKERS_MESSAGE) markers.refresh();
  };
  api.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => api.runtime.onMessage.removeListener(onMessage), { once: true });

  const sent = async (message: SentMessage) => {
    // The background's own answer (an error payload has no value, so no status).
    const result = (await request('messages.sent', message)) as SentResult | undefined;
    if (!result || signal.aborted) return;
    if (result.status === 'ask') {
      const answer = (allow: boolean) => async () => {
        notice.remove();
        await request('messages.consent', { allow });
        // The send that raised the question counts once the user said yes.
        if (allow) await sent(message);
      };
      const notice = showNotice({
        text: result.question,
        dark: dark(),
        actions: [
          { label: result.no, onClick: () => void answer(false)() },
          { label: result.yes, primary: true, onClick: () => void answer(true)() },
        ],
      });
      return;
    }
    if (result.status !== 'logged') return;
    markers.refresh();
    const toast = showNotice({
      text: result.text,
      dark: dark(),
      closeAfterMs: TOAST_MS,
      actions: [
        {
          label: result.undo,
          onClick: () => {
            void Promise.all(result.entries.map((entry) => request('messages.undo', entry))).then(() => {
              toast.update(result.undone, [], UNDONE_MS);
              markers.refresh();
            });
          },
        },
      ],
    });
  };

  watchSentMessages(adapter, (message) => void sent(message).catch(() => undefined), signal);
}
