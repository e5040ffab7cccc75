import type { DemoResponse } from './pages';

/*
 * Fictional messaging and list pages of both sites, in the markup the sites use (after what
 * maintained public code records of it): LinkedIn's Ember messaging page with its BEM `msg-*`
 * classes, LinkedIn's chat overlay inside the site's own OPEN shadow root (`#interop-outlet`), a
 * XING chat, people lists in old and 2026 markup (flattened with `display: contents`, hashed
 * classes). Their scripts behave like the sites: a message sent shows in the thread a moment later,
 * except in the thread whose sending fails. Any likeness to real people is chance.
 */

interface Participant {
  slug: string;
  name: string;
}

const JANA = { slug: 'jana-beispiel', name: 'Jana Beispiel' };
const LUKAS = { slug: 'lukas-mustermann-4a1b2c', name: 'Lukas Mustermann' };
const JUERGEN = { slug: 'jürgen-müller-b4792a57', name: 'Jürgen Müller' };
/** The user, whose own profile links show beside their messages. */
const ME = { slug: 'max-nutzer', name: 'Max Nutzer' };

/** LinkedIn's message threads: who is in them, and whether sending works. */
export const LINKEDIN_THREADS: Record<string, { people: Participant[]; fails?: boolean; noHeaderLink?: boolean }> = {
  '2-jana': { people: [JANA] },
  '2-group': { people: [JANA, LUKAS] },
  '2-offline': { people: [JUERGEN], fails: true },
  '2-nolink': { people: [LUKAS], noHeaderLink: true },
};

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const profilePath = (p: Participant) => `/in/${encodeURIComponent(p.slug)}/`;

const linkedinStyles = `
  body { margin: 0; font: 14px/1.4 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; background: #f4f2ee; color: #191919; }
  .global-nav { background: #fff; border-bottom: 1px solid #e0dfdc; padding: 10px 24px; }
  .msg-layout { display: grid; grid-template-columns: 280px 1fr; max-width: 1000px; margin: 24px auto; background: #fff; border: 1px solid #e0dfdc; border-radius: 8px; min-height: 520px; }
  .msg-conversations-container { border-right: 1px solid #e0dfdc; }
  .msg-conversation-listitem { display: block; padding: 12px 16px; border-bottom: 1px solid #eee; color: inherit; text-decoration: none; }
  .msg-convo-wrapper { display: flex; flex-direction: column; }
  .msg-thread__topcard { padding: 12px 16px; border-bottom: 1px solid #e0dfdc; }
  .msg-thread__link-to-profile { color: #191919; font-weight: 600; text-decoration: none; margin-right: 8px; }
  .msg-s-message-list { flex: 1; padding: 8px 16px; overflow: auto; }
  .msg-s-message-list-content { list-style: none; margin: 0; padding: 0; }
  .msg-s-message-list__event { padding: 6px 0; }
  .msg-form { border-top: 1px solid #e0dfdc; padding: 8px 16px; display: flex; gap: 8px; }
  .msg-form__contenteditable { flex: 1; min-height: 40px; border: 1px solid #ccc; border-radius: 4px; padding: 6px; }
  .artdeco-toast--error { color: #b42318; padding: 8px 16px; }
  .people { max-width: 760px; margin: 24px auto; background: #fff; border: 1px solid #e0dfdc; border-radius: 8px; padding: 8px 24px; }
  .c0ntents { display: contents; }
  .r4w { display: block; padding: 12px 0; border-bottom: 1px solid #eee; }
  .n4m3 { font-weight: 600; color: #191919; text-decoration: none; font-size: 16px; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  #interop-outlet { position: fixed; right: 24px; bottom: 0; width: 320px; }
`;

function listItem(from: Participant, text: string): string {
  return `<li class="msg-s-message-list__event"><div class="msg-s-event-listitem">
    <a class="msg-s-message-group__profile-link" href="${profilePath(from)}">${escape(from.name)}</a>
    <p class="msg-s-event-listitem__body">${escape(text)}</p></div></li>`;
}

/**
 * The site's own sending: Enter (without Shift) or the Send button posts what the composer holds;
 * the message shows a moment later, or, in a thread that fails, an error instead. Plain DOM calls
 * only (the pages run under Trusted Types). `root` is the document or the overlay's shadow root.
 */
const SEND_SCRIPT = `
function tkDemoWire(root, fails) {
  const form = root.querySelector('.msg-form');
  const box = root.querySelector('.msg-form__contenteditable');
  const list = root.querySelector('.msg-s-message-list-content');
  const send = () => {
    const text = box.textContent.trim();
    if (!text) return;
    box.textContent = '';
    setTimeout(() => {
      if (fails) {
        const toast = document.createElement('div');
        toast.className = 'artdeco-toast--error';
        toast.setAttribute('role', 'alert');
        toast.textContent = 'Message failed to send. Try again.';
        document.body.append(toast);
        return;
      }
      const li = document.createElement('li');
      li.className = 'msg-s-message-list__event';
      const link = document.createElement('a');
      link.className = 'msg-s-message-group__profile-link';
      link.href = '/in/max-nutzer/';
      link.textContent = 'Max Nutzer';
      const body = document.createElement('p');
      body.className = 'msg-s-event-listitem__body';
      body.textContent = text;
      li.append(link, body);
      list.append(li);
    }, 150);
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); send(); });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); send(); }
  });
}`;

function composer(): string {
  return `<form class="msg-form"><div class="msg-form__contenteditable" contenteditable="true" role="textbox" aria-label="Write a message…" aria-multiline="true"></div>
    <button class="msg-form__send-button artdeco-button" type="submit">Send</button></form>`;
}

function linkedinPage(title: string, body: string, script: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${linkedinStyles}</style></head>
<body><header class="global-nav"><a href="/feed/">Home</a> · <a href="/messaging/thread/2-jana/">Messaging</a></header>
${body}<script>${SEND_SCRIPT}\n${script}</script></body></html>`;
}

function messagingPage(threadId: string): DemoResponse | null {
  const thread = LINKEDIN_THREADS[threadId];
  if (!thread) return null;
  const conversations = Object.entries(LINKEDIN_THREADS)
    .map(([id, t]) => `<a class="msg-conversation-listitem" href="/messaging/thread/${id}/">${escape(t.people.map((p) => p.name).join(', '))}</a>`)
    .join('');
  const header = thread.noHeaderLink
    ? `<h2 class="msg-entity-lockup__entity-title">${escape(thread.people.map((p) => p.name).join(', '))}</h2>`
    : thread.people.map((p) => `<a class="msg-thread__link-to-profile" href="https://www.linkedin.com${profilePath(p)}"><h2 class="msg-entity-lockup__entity-title">${escape(p.name)}</h2></a>`).join('');
  const body = `<main class="msg-layout">
  <section class="msg-conversations-container" aria-label="Conversations">${conversations}</section>
  <section class="msg-convo-wrapper msg-thread">
    <div class="msg-thread__topcard">${header}</div>
    <div class="msg-s-message-list" role="presentation"><ul class="msg-s-message-list-content">
      ${listItem(thread.people[0]!, 'Great to meet you at the training course!')}
      ${listItem(ME, 'Likewise, let us stay in touch.')}
    </ul></div>
    ${composer()}
  </section></main>`;
  return { status: 200, html: linkedinPage('Messaging | LinkedIn', body, `tkDemoWire(document, ${thread.fails === true});`) };
}

/** People in a list, in 2026 markup: flattened items, hashed classes, the name inside the link. */
function peopleRows2026(people: readonly (Participant & { headline: string })[]): string {
  return people
    .map(
      (p) => `<div class="c0ntents" role="listitem"><div class="r4w">
      <a class="k9x2" href="https://www.linkedin.com${profilePath(p)}" aria-hidden="true" tabindex="-1"><span class="av4t"></span></a>
      <a class="n4m3" href="https://www.linkedin.com${profilePath(p)}?miniProfileUrn=x"><span class="s8d1"><span aria-hidden="true">${escape(p.name)}</span><span class="visually-hidden">View ${escape(p.name)}’s profile</span></span></a>
      <div class="h3dl">${escape(p.headline)}</div></div></div>`,
    )
    .join('');
}

/** A page of people search results in 2026 markup, nothing else (the benchmark's list). */
export function peopleListPage(people: readonly (Participant & { headline: string })[]): string {
  return linkedinPage('Search | LinkedIn', `<main class="people"><h1>Results</h1><div class="c0ntents" role="list">${peopleRows2026(people)}</div></main>`, '');
}

/** The 2026 search results, with the chat overlay in the site's open shadow root. */
function searchPage(): DemoResponse {
  const people = [
    { ...JANA, headline: 'Product Manager at Musterwerk GmbH' },
    { ...LUKAS, headline: 'Data Engineer · Open-source maintainer' },
    { slug: 'erika-unbekannt', name: 'Erika Unbekannt', headline: 'Architect' },
  ];
  const body = `<main class="people"><h1>Results</h1><div class="c0ntents" role="list">${peopleRows2026(people)}</div></main>
  <div id="interop-outlet"></div>`;
  // The overlay: LinkedIn renders it into an open shadow root. Plain DOM calls, like the site.
  const script = `
  (function () {
    const root = document.getElementById('interop-outlet').attachShadow({ mode: 'open' });
    const el = (tag, attrs, ...children) => {
      const node = document.createElement(tag);
      for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
      node.append(...children);
      return node;
    };
    root.append(el('div', { class: 'msg-overlay-conversation-bubble' },
      el('header', { class: 'msg-overlay-bubble-header' },
        el('a', { class: 'msg-overlay-bubble-header__title', href: '/in/lukas-mustermann-4a1b2c/' }, 'Lukas Mustermann')),
      el('div', { class: 'msg-s-message-list' },
        el('ul', { class: 'msg-s-message-list-content' },
          el('li', { class: 'msg-s-message-list__event' }, el('p', {}, 'Saw your talk, nice work!')))),
      el('form', { class: 'msg-form' },
        el('div', { class: 'msg-form__contenteditable', contenteditable: 'true', role: 'textbox', 'aria-label': 'Write a message…' }),
        el('button', { class: 'msg-form__send-button', type: 'submit' }, 'Send'))));
    tkDemoWire(root, false);
  })();`;
  return { status: 200, html: linkedinPage('Search | LinkedIn', body, script) };
}

/** My Network in the older markup: connection cards and "People you may know" results. */
function connectionsPage(): DemoResponse {
  const cards = [JANA, LUKAS]
    .map(
      (p) => `<li class="mn-connection-card"><a class="mn-connection-card__link ember-view" href="${profilePath(p)}">
        <span class="mn-connection-card__name t-16 t-black t-bold">${escape(p.name)}</span>
        <span class="mn-connection-card__occupation">Fictional person</span></a></li>`,
    )
    .join('');
  const suggested = [JUERGEN, { slug: 'erika-unbekannt', name: 'Erika Unbekannt' }]
    .map(
      (p) => `<li class="reusable-search__result-container"><div class="entity-result"><span class="entity-result__title-text t-16">
        <a class="app-aware-link" href="https://www.linkedin.com${profilePath(p)}"><span dir="ltr"><span aria-hidden="true">${escape(p.name)}</span>
        <span class="visually-hidden">View ${escape(p.name)}’s profile</span></span></a></span></div></li>`,
    )
    .join('');
  const body = `<main class="people"><h1>Connections</h1><ul class="mn-connection-list">${cards}</ul>
    <h2>People you may know</h2><ul class="reusable-search__entity-result-list">${suggested}</ul></main>`;
  return { status: 200, html: linkedinPage('My Network | LinkedIn', body, '') };
}

/** A XING chat: a header that links to the person, a log of messages, a text area. */
function xingChatPage(): DemoResponse {
  const script = `
  (function () {
    const form = document.querySelector('form');
    const box = form.querySelector('textarea');
    const log = document.querySelector('[role="log"]');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = box.value.trim();
      if (!text) return;
      box.value = '';
      setTimeout(() => {
        const item = document.createElement('div');
        item.setAttribute('role', 'article');
        item.className = 'message-own';
        item.textContent = text;
        log.append(item);
      }, 150);
    });
  })();`;
  return {
    status: 200,
    html: `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Chats | XING</title>
<style>body { margin: 0; font: 15px/1.5 Arial, sans-serif; } main { max-width: 720px; margin: 24px auto; } [role="log"] { min-height: 200px; }</style></head>
<body><main data-testid="chat">
  <div class="chat-header"><a href="/profile/Sofia_Probst" data-testid="chat-partner">Sofia Probst</a> · Head of Sales DACH</div>
  <div role="log" aria-label="Nachrichten"><div role="article" class="message">Danke für das Gespräch auf der Messe!</div></div>
  <form><textarea aria-label="Nachricht schreiben"></textarea><button type="submit">Senden</button></form>
</main><script>${script}</script></body></html>`,
  };
}

/** The page at `url`, or null when it is none of these. */
export function renderMessagingPage(url: string): DemoResponse | null {
  const { hostname, pathname } = new URL(url);
  if (/(^|\.)linkedin\.com$/.test(hostname)) {
    const thread = /^\/messaging\/thread\/([^/]+)\/?$/.exec(pathname);
    if (thread) return messagingPage(thread[1]!);
    if (pathname.startsWith('/search/results/people')) return searchPage();
    if (pathname.startsWith('/mynetwork/invite-connect/connections')) return connectionsPage();
  }
  if (/(^|\.)xing\.com$/.test(hostname) && pathname.startsWith('/chats/')) return xingChatPage();
  return null;
}
