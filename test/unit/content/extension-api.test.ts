import { describe, expect, it } from 'vitest';
import { extensionApi } from '../../../content/extension-api';

const api = (id: string) => ({ runtime: { id, sendMessage: async () => null, onMessage: { addListener() {}, removeListener() {} } } });

describe('the content script’s extension API', () => {
  it('takes the browser’s own object from the global, Firefox’s `browser` before Chrome’s `chrome`', () => {
    const chrome = api('ext');
    expect(extensionApi({ chrome })).toBe(chrome);
    const browser = api('ext');
    expect(extensionApi({ browser, chrome })).toBe(browser);
  });

  it('ignores what a page puts under those names through the prototype chain, like an element with that id', () => {
    // <form id="browser"><input name="runtime" id="forged"></form>: a named property of the window.
    const namedProperties = { browser: { runtime: { id: 'forged', sendMessage: async () => 'forged' } } };
    const chrome = api('ext');
    const scope = Object.assign(Object.create(namedProperties) as object, { chrome });
    expect(extensionApi(scope)).toBe(chrome);
    expect(extensionApi(Object.create(namedProperties) as object)).toBeNull();
  });

  it('refuses an object that is no extension API', () => {
    expect(extensionApi({ browser: { runtime: {} }, chrome: {} })).toBeNull();
  });
});
