import { adoptStyles } from './badge';

/*
 * A small notice in the page's corner: the question whether to log messages sent, and the toast
 * after an automatic log with its Undo. Drawn under the badge's rules: a plain host with a CLOSED
 * shadow root, no text nodes (the words are CSS generated content from attributes, buttons get
 * their accessible name from aria-label), nothing to type into, and only the user's own clicks
 * count.
 */
const CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  left: 16px !important;
  bottom: 16px !important;
  z-index: 2147483000 !important;
  display: block !important;
  width: 22rem !important;
  visibility: visible !important;
  opacity: 1 !important;
}
.tk-notice {
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  gap: 10px;
  padding: 12px 14px;
  border-radius: 10px;
  border: 1px solid #c9d1d9;
  background: #ffffff;
  color: #1f2328;
  box-shadow: 0 4px 16px rgb(0 0 0 / 18%);
  font: 13px/1.4 system-ui, sans-serif;
}
.tk-dark.tk-notice { background: #1f2428; color: #e6edf3; border-color: #3d444d; }
.tk-text::before { content: attr(data-text); }
.tk-actions { display: flex; gap: 8px; justify-content: flex-end; }
.tk-action {
  all: unset;
  cursor: pointer;
  padding: 5px 12px;
  border-radius: 999px;
  border: 1px solid #0f766e;
  color: #0f766e;
  font: 600 13px/1.2 system-ui, sans-serif;
}
.tk-action.tk-primary { background: #0f766e; color: #ffffff; }
.tk-dark .tk-action { border-color: #5eead4; color: #5eead4; }
.tk-dark .tk-action.tk-primary { background: #5eead4; color: #0b1f1c; }
.tk-action::before { content: attr(data-label); }
.tk-action:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
`;

export interface NoticeAction {
  label: string;
  primary?: boolean;
  onClick: () => void;
}

export interface Notice {
  /** New words and buttons in the same place. */
  update(text: string, actions: readonly NoticeAction[], closeAfterMs?: number): void;
  remove(): void;
}

let current: Notice | null = null;

/** Shows a notice (one at a time: a new one replaces the last), closing itself after `closeAfterMs`. */
export function showNotice(options: { text: string; actions: readonly NoticeAction[]; dark: boolean; closeAfterMs?: number }): Notice {
  current?.remove();
  const host = document.createElement('span');
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root, CSS);
  const box = document.createElement('div');
  box.className = `tk-notice${options.dark ? ' tk-dark' : ''}`;
  box.setAttribute('role', 'status');
  const text = document.createElement('div');
  text.className = 'tk-text';
  text.setAttribute('aria-hidden', 'true');
  const actions = document.createElement('div');
  actions.className = 'tk-actions';
  box.append(text, actions);
  root.append(box);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const notice: Notice = {
    update(words, buttons, closeAfterMs) {
      clearTimeout(timer);
      text.dataset.text = words;
      // What a screen reader announces: the words, which the page cannot read.
      box.setAttribute('aria-label', words);
      actions.replaceChildren(
        ...buttons.map((action) => {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = `tk-action${action.primary ? ' tk-primary' : ''}`;
          button.dataset.label = action.label;
          button.setAttribute('aria-label', action.label);
          button.addEventListener('click', (event) => {
            // Only the user's own click: a page's forged click answers nothing.
            if (event.isTrusted) action.onClick();
          });
          return button;
        }),
      );
      if (closeAfterMs !== undefined) timer = setTimeout(() => notice.remove(), closeAfterMs);
    },
    remove() {
      clearTimeout(timer);
      host.remove();
      if (current === notice) current = null;
    },
  };
  notice.update(options.text, options.actions, options.closeAfterMs);
  document.body.append(host);
  current = notice;
  return notice;
}
