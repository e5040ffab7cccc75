/** The little of the extension API that the content script uses. */
export interface ContentApi {
  runtime: {
    id?: string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(listener: (message: unknown) => void): void;
      removeListener(listener: (message: unknown) => void): void;
    };
  };
}

/**
 * The extension API as the browser hands it to this content script. A page can clobber names on
 * `window` (`<form id="browser">` makes `window.browser` that form, with `<input name="runtime">`
 * as its `runtime`), but not the properties the browser defines on the content script's own
 * global: those are taken, and only those. Firefox's `browser` first, else Chrome's `chrome`
 * (both answer `sendMessage` with a Promise in Manifest V3).
 */
export function extensionApi(scope: object = globalThis): ContentApi | null {
  for (const name of ['browser', 'chrome']) {
    const api = Object.getOwnPropertyDescriptor(scope, name)?.value as Partial<ContentApi> | undefined;
    if (typeof api?.runtime?.sendMessage === 'function' && typeof api.runtime.id === 'string') return api as ContentApi;
  }
  return null;
}
