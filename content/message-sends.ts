import type { SiteAdapter } from '../sites/types';

/*
 * Messages the user sends on LinkedIn and XING: who they went to, and nothing of what they say.
 * A send is the user's own click on the send button or Enter in the composer, and it counts once
 * the new message shows up in the thread; a send that fails (nothing appears, or only as failed)
 * counts for nothing. The text of the composer and of the messages is never read.
 *
 * The selectors are the ones the sites' messaging markup has used for years (LinkedIn's BEM
 * `msg-*` classes), with generic fallbacks (a contenteditable textbox, a submit button, a log or
 * list of messages), so that the fictional pages of both sites and a redesign are covered alike.
 */

/** The composer: where Enter sends. */
const COMPOSER = '.msg-form__contenteditable, [contenteditable="true"][role="textbox"], [contenteditable][role="textbox"], textarea';
const SEND_BUTTON = '.msg-form__send-button, button[type="submit"]';
/** The messages of a thread. */
const MESSAGE_LIST = '.msg-s-message-list, [role="log"]';
const MESSAGE_ITEM = '.msg-s-message-list__event, li, [role="listitem"], [role="article"]';
/** A message the site shows but has not delivered (yet): sending, pending, failed. */
const UNDELIVERED = /\b[\w-]*(pending|sending|error|fail)[\w-]*\b/i;
/** Links to people, for the thread's header. */
const PROFILE_LINK = 'a[href*="/in/"], a[href*="/profile/"], a[href*="/profiles/"]';
/** How long a send may take to show up in the thread. */
const DELIVERY_TIMEOUT_MS = 10_000;
/** How far up from the composer the thread's header may be. */
const MAX_DEPTH = 15;

export interface SentMessage {
  to: { url: string; name?: string }[];
  /** More than one other person in the thread. */
  group: boolean;
}

export interface Thread {
  /** The element holding the header, the messages and the composer. */
  root: Element;
  list: Element;
  to: SentMessage['to'];
  group: boolean;
}

/** The element's parent, crossing out of an open shadow root (the site's own) to its host. */
function parentOf(element: Element): Element | null {
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The thread a composer or send button belongs to: the closest ancestor holding one message list
 * and links to people outside of it (the header; the messages' own links, the user's among them,
 * are inside the list). Null when there is no such thing: unknown markup logs nothing.
 */
export function findThread(from: Element, adapter: SiteAdapter, base: string): Thread | null {
  let node: Element | null = from;
  for (let depth = 0; node && depth < MAX_DEPTH; depth++, node = parentOf(node)) {
    const lists = node.querySelectorAll(MESSAGE_LIST);
    if (lists.length === 0) continue;
    // Above a single conversation (a page of several chat windows): nothing is sure any more.
    if (lists.length > 1 || node.querySelectorAll(COMPOSER).length > 1) return null;
    const list = lists[0]!;
    const people = new Map<string, { url: string; name?: string }>();
    for (const link of node.querySelectorAll<HTMLAnchorElement>(PROFILE_LINK)) {
      if (list.contains(link) || link.closest('form, .msg-form') || link.contains(from)) continue;
      let url: URL;
      try {
        url = new URL(link.getAttribute('href') ?? '', base);
      } catch {
        continue;
      }
      const ref = adapter.matchesHost(url.hostname) ? adapter.profileFromUrl(url) : null;
      if (!ref) continue;
      const name = collapse(link.textContent);
      const known = people.get(ref.key);
      if (!known) people.set(ref.key, { url: url.href, ...(name ? { name } : {}) });
      else if (!known.name && name) known.name = name;
    }
    if (people.size > 0) return { root: node, list, to: [...people.values()], group: people.size > 1 };
  }
  return null;
}

function delivered(item: Element): boolean {
  if (UNDELIVERED.test(item.getAttribute('class') ?? '')) return false;
  for (const inner of item.querySelectorAll('[class]')) if (UNDELIVERED.test(inner.getAttribute('class') ?? '')) return false;
  return true;
}

/** Whether a message that was not in `before` now shows in the list, delivered. */
export function newMessageShown(list: Element, before: ReadonlySet<Element>): boolean {
  for (const item of list.querySelectorAll(MESSAGE_ITEM)) {
    if (!before.has(item) && delivered(item)) return true;
  }
  return false;
}

/** What a key press or click in the page was, as far as sending goes: the element it came from. */
function sendTrigger(event: Event): Element | null {
  const path = event.composedPath().filter((node): node is Element => node instanceof Element);
  if (event.type === 'keydown') {
    const key = event as KeyboardEvent;
    if (key.key !== 'Enter' || key.shiftKey || key.altKey || key.isComposing) return null;
    return path.find((element) => element.matches(COMPOSER)) ?? null;
  }
  const button = path.find((element) => element.matches(SEND_BUTTON));
  return button && !(button as HTMLButtonElement).disabled ? button : null;
}

/**
 * Calls `onSent` for every message the user sends in the page (the document and the site's open
 * shadow roots, whose events reach the document with their inner path). Only the browser's own
 * events count: a page can forge a click or a key press, never a trusted one.
 */
export function watchSentMessages(
  adapter: SiteAdapter,
  onSent: (message: SentMessage) => void,
  signal: AbortSignal,
  options: { trusted?: (event: Event) => boolean; timeoutMs?: number } = {},
): void {
  const trusted = options.trusted ?? ((event: Event) => event.isTrusted);
  /**
   * The threads waiting for a send to show, so that Enter and a click on Send count once; a new
   * attempt gives the waiting one its full time again (Enter may have added a line, not sent).
   */
  const waiting = new Map<Element, () => void>();

  const onEvent = (event: Event) => {
    if (!trusted(event)) return;
    const trigger = sendTrigger(event);
    if (!trigger) return;
    const thread = findThread(trigger, adapter, location.href);
    if (!thread) return;
    const again = waiting.get(thread.list);
    if (again) return again();
    // Taken before the site handles the event (this listener runs first, in capture).
    const before = new Set(thread.list.querySelectorAll(MESSAGE_ITEM));
    const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      waiting.delete(thread.list);
    };
    waiting.set(thread.list, () => {
      clearTimeout(timer);
      timer = setTimeout(done, timeoutMs);
    });
    // The list itself is watched: inside a shadow root, the document's observers see nothing.
    const observer = new MutationObserver(() => {
      if (!newMessageShown(thread.list, before)) return;
      done();
      onSent({ to: thread.to, group: thread.group });
    });
    observer.observe(thread.list, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
    let timer = setTimeout(done, timeoutMs);
    signal.addEventListener('abort', done, { once: true });
  };
  document.addEventListener('keydown', onEvent, { capture: true, signal });
  document.addEventListener('click', onEvent, { capture: true, signal });
}
