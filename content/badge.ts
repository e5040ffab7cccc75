import type { BadgeTone, BadgeView } from '../messaging/badge-view';

export const ICONS: Record<BadgeTone, string> = { new: '+', none: '○', calm: '✓', soon: '◷', due: '◷', overdue: '!', snoozed: 'z' };

/** The tones' colours, light and dark: the badge's and the list markers' alike. */
export const TONE_CSS = `
.tk-tone-new { --tone: #0f766e; --tone-soft: #e6f4f2; }
.tk-tone-calm { --tone: #0f766e; --tone-soft: #e6f4f2; }
.tk-tone-soon { --tone: #1d4ed8; --tone-soft: #e8efff; }
.tk-tone-due { --tone: #92400e; --tone-soft: #fef3c7; }
.tk-tone-overdue { --tone: #b42318; --tone-soft: #fde8e6; }
.tk-tone-snoozed, .tk-tone-none { --tone: #4b5563; --tone-soft: #eef0f2; }
.tk-dark.tk-tone-new, .tk-dark.tk-tone-calm { --tone: #5eead4; --tone-soft: #123c37; }
.tk-dark.tk-tone-soon { --tone: #93b4ff; --tone-soft: #1d2a4a; }
.tk-dark.tk-tone-due { --tone: #fcd34d; --tone-soft: #3d2f0d; }
.tk-dark.tk-tone-overdue { --tone: #fca5a5; --tone-soft: #45201d; }
.tk-dark.tk-tone-snoozed, .tk-dark.tk-tone-none { --tone: #cbd2d9; --tone-soft: #30363c; }
`;

/*
 * The badge holds no text node at all: its words are CSS generated content from attributes
 * inside a CLOSED shadow root, so the page's scripts can neither reach the DOM nor find the words
 * (window.find, selections and copy skip generated content). Screen readers still get the
 * accessible name. Its box has one size whatever it says, so the page cannot tell states apart
 * by measuring it either. Its look is pinned with !important on :host, which beats even the
 * page's !important rules on the host element, and it uses generic font families only: a page's
 * @font-face can neither restyle it nor learn its characters through font requests.
 */
const CSS = `
:host {
  all: initial !important;
  display: inline-block !important;
  position: relative !important;
  vertical-align: middle !important;
  box-sizing: border-box !important;
  width: 16em !important;
  height: 1.9em !important;
  margin: 0 0 0 8px !important;
  padding: 0 !important;
  font: 12px/1 system-ui, sans-serif !important;
  visibility: visible !important;
  opacity: 1 !important;
  contain: strict !important;
  z-index: auto !important;
}
:host(.tk-floating) {
  position: fixed !important;
  top: 72px !important;
  right: 16px !important;
  margin: 0 !important;
  z-index: 2147483000 !important;
}
.tk-badge {
  all: unset;
  box-sizing: border-box;
  display: flex;
  align-items: center;
  gap: 6px;
  width: 100%;
  height: 100%;
  padding: 0 10px;
  border-radius: 999px;
  border: 1px solid currentColor;
  font: 600 12px/1 system-ui, sans-serif;
  cursor: pointer;
  user-select: none;
  color: var(--tone);
  background: var(--tone-soft);
}
.tk-badge:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.tk-icon::before { content: attr(data-icon); }
.tk-label { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.tk-label::before { content: attr(data-label); }
${TONE_CSS}
`;

export interface PageBadge {
  /** Shows a state; the first call puts the badge on the page. */
  show(view: BadgeView): void;
  /** After this element (the name), or floating in a corner when null. */
  place(anchor: Element | null): void;
  readonly placed: boolean;
  readonly floating: boolean;
  remove(): void;
}

/**
 * The badge next to the person's name. The host is a plain `span`: no custom element name that
 * the page could define first and so take the shadow root.
 */
export function createBadge(options: {
  dark: boolean;
  onOpen: () => void;
  /** Finds the name again after the site re-rendered it (and dropped the badge with it). */
  findAnchor: () => Element | null;
}): PageBadge {
  const host = document.createElement('span');
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root, CSS);
  const button = document.createElement('button');
  button.type = 'button';
  const icon = document.createElement('span');
  icon.className = 'tk-icon';
  icon.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'tk-label';
  label.setAttribute('aria-hidden', 'true');
  button.append(icon, label);
  root.append(button);
  button.addEventListener('click', (event) => {
    // Only the user's own click: a page's forged click opens nothing.
    if (event.isTrusted) options.onOpen();
  });

  let anchor: Element | null = null;
  let shown = false;
  const attach = () => {
    host.classList.toggle('tk-floating', anchor === null);
    if (anchor) anchor.after(host);
    else document.body.append(host);
  };
  // Sites drop nodes they did not create when they re-render: the badge goes back. Checking
  // `isConnected` once per batch of mutations costs next to nothing.
  const observer = new MutationObserver(() => {
    if (!shown || host.isConnected) return;
    anchor = options.findAnchor();
    attach();
  });
  observer.observe(document, { childList: true, subtree: true });
  return {
    show(view) {
      button.className = `tk-badge tk-tone-${view.tone}${options.dark ? ' tk-dark' : ''}`;
      button.setAttribute('aria-label', view.ariaLabel);
      if (view.tooltip) button.title = view.tooltip;
      else button.removeAttribute('title');
      icon.dataset.icon = ICONS[view.tone];
      label.dataset.label = view.label;
      if (!shown) {
        shown = true;
        attach();
      }
    },
    place(at) {
      anchor = at;
      if (shown) attach();
    },
    get placed() {
      return shown && host.isConnected;
    },
    get floating() {
      return anchor === null;
    },
    remove() {
      observer.disconnect();
      host.remove();
    },
  };
}

export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Firefox's content-script wrappers reject adopting a sheet; a <style> works there.
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}
