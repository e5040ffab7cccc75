/**
 * Resolves with the first non-null result of `read`, checked now and after every DOM change;
 * after `timeoutMs` with the result of `onTimeout` (default: null); with null when `signal`
 * aborts. Single-page sites change the URL before they render the new page, so readers wait
 * for the content rather than for a fixed time.
 */
export function waitForDom<T>(
  read: () => T | null,
  options: { signal: AbortSignal; timeoutMs: number; onTimeout?: () => T | null },
): Promise<T | null> {
  const first = read();
  if (first !== null || options.signal.aborted) return Promise.resolve(first);
  return new Promise((resolve) => {
    // Mutation records arrive batched, so a burst of changes costs one read.
    const observer = new MutationObserver(() => {
      const value = read();
      if (value !== null) finish(value);
    });
    const finish = (value: T | null) => {
      observer.disconnect();
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(null);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => finish(options.onTimeout ? options.onTimeout() : null), options.timeoutMs);
    options.signal.addEventListener('abort', onAbort, { once: true });
  });
}
