/**
 * Tiekeeper's UI on a site lives in a CLOSED shadow root: the page's scripts cannot reach into
 * it (`element.shadowRoot` is null for them), and the page's styles cannot leak in.
 * Styles are adopted as a constructed stylesheet rather than a <style> element, because the
 * sites' Content-Security-Policy only allows styles with their own nonce.
 */
export interface ShadowUi {
  host: HTMLElement;
  container: HTMLElement;
  remove(): void;
}

export interface ShadowUiOptions {
  /** Custom element name of the host, e.g. `tiekeeper-badge`. */
  tag: string;
  css: string;
  /** Placed right after this element; when null, in a fixed corner of the window. */
  anchor: Element | null;
  /**
   * Sites re-render their markup and drop nodes they did not create. When set, the UI is put
   * back (after the anchor found anew) whenever that happens, until it is removed.
   */
  reattach?: () => Element | null;
}

const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export function mountShadowUi({ tag, css, anchor, reattach }: ShadowUiOptions): ShadowUi {
  const host = document.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  adoptStyles(root, css);
  const container = document.createElement('div');
  container.className = 'tk-root';
  root.append(container);
  // Keys typed into our fields must not trigger the site's own keyboard shortcuts.
  for (const type of ISOLATED_EVENTS) container.addEventListener(type, (event) => event.stopPropagation());

  const place = (at: Element | null) => {
    host.classList.toggle('tk-floating', at === null);
    if (at) at.after(host);
    else document.body.append(host);
  };
  place(anchor);

  let observer: MutationObserver | null = null;
  if (reattach) {
    // Checking `isConnected` on each batch of mutations costs next to nothing.
    observer = new MutationObserver(() => {
      if (!host.isConnected) place(reattach());
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }
  return {
    host,
    container,
    remove: () => {
      observer?.disconnect();
      host.remove();
    },
  };
}

function adoptStyles(root: ShadowRoot, css: string): void {
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
