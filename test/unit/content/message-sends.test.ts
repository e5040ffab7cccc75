import { afterEach, describe, expect, it, vi } from 'vitest';
import { findThread, watchSentMessages, type SentMessage } from '../../../content/message-sends';
import { renderMessagingPage } from '../../../demo/messaging';
import { linkedinAdapter } from '../../../sites/linkedin';
import { xingAdapter } from '../../../sites/xing';

/** Markup as nodes of this document, without scripts (the tests play the site's part). */
function nodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const script of parsed.querySelectorAll('script')) script.remove();
  return [...parsed.body.childNodes].map((node) => document.importNode(node, true));
}

/** A fictional page's markup. */
function load(url: string): void {
  document.body.replaceChildren(...nodes(renderMessagingPage(url)!.html));
}

/** LinkedIn's chat overlay, as the site draws it: inside its own open shadow root. */
function overlay(): ShadowRoot {
  document.body.replaceChildren(...nodes('<main><a href="/in/someone-in-the-feed/">Someone</a></main><div id="interop-outlet"></div>'));
  const root = document.getElementById('interop-outlet')!.attachShadow({ mode: 'open' });
  root.append(...nodes(`<div class="msg-overlay-conversation-bubble">
    <header class="msg-overlay-bubble-header"><a href="/in/lukas-mustermann-4a1b2c/">Lukas Mustermann</a></header>
    <div class="msg-s-message-list"><ul class="msg-s-message-list-content"><li class="msg-s-message-list__event">Hi</li></ul></div>
    <form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox"></div>
    <button class="msg-form__send-button" type="submit">Send</button></form></div>`));
  return root;
}

const composer = (root: ParentNode = document) => root.querySelector('.msg-form__contenteditable')!;
const BASE = 'https://www.linkedin.com/messaging/thread/2-jana/';

function appendMessage(root: ParentNode = document, className = 'msg-s-message-list__event'): void {
  const li = document.createElement('li');
  li.className = className;
  li.textContent = 'sent';
  root.querySelector('.msg-s-message-list-content')!.append(li);
}

function enter(target: Element, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, ...init }));
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('finding whom a message goes to', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('takes the thread header\'s profile link, never the links beside the messages', () => {
    load(BASE);
    expect(findThread(composer(), linkedinAdapter, BASE)).toMatchObject({
      to: [{ url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel' }],
      group: false,
    });
  });

  it('knows a group thread by several people in its header', () => {
    load('https://www.linkedin.com/messaging/thread/2-group/');
    const thread = findThread(composer(), linkedinAdapter, BASE);
    expect(thread?.group).toBe(true);
    expect(thread?.to.map((p) => p.name)).toEqual(['Jana Beispiel', 'Lukas Mustermann']);
  });

  it('finds nobody, without an error, when the header has no link', () => {
    load('https://www.linkedin.com/messaging/thread/2-nolink/');
    expect(findThread(composer(), linkedinAdapter, BASE)).toBeNull();
  });

  it('looks inside the site\'s own open shadow root (the chat overlay)', () => {
    const root = overlay();
    expect(findThread(composer(root), linkedinAdapter, 'https://www.linkedin.com/feed/')?.to).toEqual([
      { url: 'https://www.linkedin.com/in/lukas-mustermann-4a1b2c/', name: 'Lukas Mustermann' },
    ]);
  });

  it('reads XING\'s chat header', () => {
    load('https://www.xing.com/chats/123');
    const button = document.querySelector('button[type="submit"]')!;
    expect(findThread(button, xingAdapter, 'https://www.xing.com/chats/123')?.to).toEqual([
      { url: 'https://www.xing.com/profile/Sofia_Probst', name: 'Sofia Probst' },
    ]);
  });
});

describe('watching messages sent', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  const watch = (trusted = true, timeoutMs = 1_000) => {
    const sent: SentMessage[] = [];
    const signal = new AbortController();
    vi.stubGlobal('location', new URL(BASE));
    watchSentMessages(linkedinAdapter, (message) => sent.push(message), signal.signal, { trusted: () => trusted, timeoutMs });
    return { sent, signal };
  };

  it('counts a send once the new message shows, once for Enter and a click together', async () => {
    load(BASE);
    const { sent, signal } = watch();
    enter(composer());
    document.querySelector<HTMLElement>('.msg-form__send-button')!.click();
    await flush();
    expect(sent).toEqual([]);
    appendMessage();
    await flush();
    expect(sent).toEqual([{ to: [{ url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel' }], group: false }]);
    appendMessage();
    await flush();
    expect(sent).toHaveLength(1);
    signal.abort();
  });

  it('gives a send its full time again when Enter only added a line and Send follows', async () => {
    load(BASE);
    const { sent, signal } = watch(true, 60);
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    enter(composer());
    await wait(40);
    document.querySelector<HTMLElement>('.msg-form__send-button')!.click();
    await wait(40);
    appendMessage();
    await flush();
    expect(sent).toHaveLength(1);
    signal.abort();
  });

  it('counts a send in the overlay\'s shadow root', async () => {
    const root = overlay();
    const { sent, signal } = watch();
    enter(composer(root), { ctrlKey: true });
    appendMessage(root);
    await flush();
    expect(sent.map((m) => m.to[0]?.name)).toEqual(['Lukas Mustermann']);
    signal.abort();
  });

  it('ignores forged events, Shift+Enter, a message that failed, and a send that never shows', async () => {
    load(BASE);
    const forged = watch(false);
    enter(composer());
    appendMessage();
    await flush();
    expect(forged.sent).toEqual([]);
    forged.signal.abort();

    const { sent, signal } = watch(true, 50);
    enter(composer(), { shiftKey: true });
    appendMessage();
    await flush();
    enter(composer());
    appendMessage(document, 'msg-s-message-list__event msg-s-event-listitem--error');
    await new Promise((resolve) => setTimeout(resolve, 80));
    // The watch is over: a message showing now is no longer this send.
    appendMessage();
    await flush();
    expect(sent).toEqual([]);
    signal.abort();
  });

  it('sends nothing and throws nothing when the header link is missing', async () => {
    load('https://www.linkedin.com/messaging/thread/2-nolink/');
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    const { sent, signal } = watch();
    enter(composer());
    appendMessage();
    await flush();
    expect(sent).toEqual([]);
    expect(errors).toEqual([]);
    window.removeEventListener('error', onError);
    signal.abort();
  });
});
