import type { Harness } from './harness';

type Chrome = typeof import('webextension-polyfill');

/** A notification as the worker asked the browser to show it. */
export interface Shown {
  id: string;
  title: string;
  message: string;
  buttons?: { title: string }[];
}

/** Wraps `notifications.create` in the worker to see what the user is shown. */
export async function captureNotifications(harness: Harness): Promise<void> {
  await harness.inWorker(() => {
    const scope = globalThis as unknown as { chrome: Chrome; __shown: Shown[] };
    scope.__shown = [];
    const notifications = scope.chrome.notifications as unknown as { create: (...args: unknown[]) => unknown };
    const create = notifications.create.bind(notifications);
    notifications.create = (...args: unknown[]) => {
      scope.__shown.push({ id: args[0] as string, ...(args[1] as Omit<Shown, 'id'>) });
      return create(...args);
    };
  }, null);
}

/** What was shown since `captureNotifications`, oldest first. */
export const shown = (harness: Harness) => harness.inWorker(() => (globalThis as unknown as { __shown: Shown[] }).__shown, null);

/** The ids of the notifications on screen now. */
export const onScreen = (harness: Harness) =>
  harness.inWorker(async () => Object.keys(await (globalThis as unknown as { chrome: Chrome }).chrome.notifications.getAll()), null);
