import type { Browser } from 'wxt/browser';
import { z } from 'zod';
import { TiekeeperError, userMessage, type ErrorPayload } from '../domain/errors';
import { commands, isCommandName, type CommandName, type Response } from '../messaging/protocol';
import { SITES, siteOfHost, type SiteDescriptor } from '../sites/descriptors';
import { createHandlers, type CallContext, type HandlerDeps, type Handlers } from './handlers';

export interface RouterDeps extends HandlerDeps {
  /** `browser.runtime.getURL('/')`: where the extension's own pages live. */
  extensionOrigin: string;
  /** `browser.runtime.id`. */
  extensionId: string;
  /** The sites whose tabs content scripts may speak for (all of them; a test adds one). */
  sites?: readonly SiteDescriptor[];
}

export type Handle = (message: unknown, sender: Browser.runtime.MessageSender, context?: CallContext) => Promise<Response>;

type SenderKind = 'page' | 'content' | 'unknown';

/**
 * A content script's sender: the top frame of a tab on one of the sites (see the content
 * script's matches), as the browser reports it. The address is the browser's, not the page's
 * word, so whatever a content script asks is about the page its tab really shows.
 */
function contentTab(sender: Browser.runtime.MessageSender, sites: readonly SiteDescriptor[]): { id: number; url: URL } | null {
  // The tab's address follows the site's single-page navigations; the sender's own `url` stays
  // the one the document was loaded at.
  const address = sender.tab?.url ?? sender.url;
  if (sender.tab?.id === undefined || sender.frameId !== 0 || !address) return null;
  try {
    const url = new URL(address);
    return url.protocol === 'https:' && siteOfHost(url.hostname, sites) ? { id: sender.tab.id, url } : null;
  } catch {
    return null;
  }
}

function senderKind(sender: Browser.runtime.MessageSender, deps: RouterDeps): SenderKind {
  if (sender.id !== deps.extensionId || !sender.url) return 'unknown';
  if (sender.url.startsWith(deps.extensionOrigin)) return 'page';
  return contentTab(sender, deps.sites ?? SITES) ? 'content' : 'unknown';
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
}

function invalidInput(error: z.ZodError): TiekeeperError {
  const [first, ...rest] = error.issues.slice(0, 10).map((issue) =>
    userMessage('errorInvalidInput', `${formatPath(['input', ...issue.path])}: ${issue.code}`),
  );
  return new TiekeeperError('invalid', first ?? userMessage('errorInvalidInput', 'input'), rest);
}

/**
 * Dexie reports a full disk as QuotaExceededError, directly, as the `inner` error of an
 * aborted transaction, or among the failures of a bulk write; the browser as a DOMException.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (error === null || typeof error !== 'object' || depth > 5) return false;
  const { name, inner, cause, failures } = error as {
    name?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (name === 'QuotaExceededError') return true;
  const nested = Array.isArray(failures) ? failures : failures && typeof failures === 'object' ? Object.values(failures) : [];
  return [inner, cause, ...nested].some((e) => isQuotaError(e, depth + 1));
}

export function errorPayload(error: unknown): ErrorPayload {
  if (error instanceof TiekeeperError) return error.toPayload();
  if (isQuotaError(error)) return new TiekeeperError('quota', userMessage('errorQuota')).toPayload();
  if (error instanceof z.ZodError) return invalidInput(error).toPayload();
  console.error('Tiekeeper: unexpected error', error);
  return new TiekeeperError('internal', userMessage('errorInternal')).toPayload();
}

/**
 * The background's single entry point for requests: checks the envelope, the command, the
 * sender's right to it and the input, then runs the handler. Always resolves, with either the
 * value or an error payload, because a rejected promise would reach the page as a bare string.
 */
export function createRouter(deps: RouterDeps, handlers: Handlers = createHandlers(deps)): Handle {
  return async (message, sender, context = {}) => {
    try {
      if (message === null || typeof message !== 'object') throw new TiekeeperError('invalid', userMessage('errorInvalidInput', 'message'));
      const { cmd, input } = message as { cmd?: unknown; input?: unknown };
      if (!isCommandName(cmd)) throw new TiekeeperError('invalid', userMessage('errorUnknownCommand', String(cmd).slice(0, 100)));
      const kind = senderKind(sender, deps);
      const { scope } = commands[cmd];
      // Each scope has its own senders: pages have no tab to speak for, content scripts no more.
      const allowed = scope === 'pages' ? kind === 'page' : kind === 'content';
      if (!allowed) throw new TiekeeperError('forbidden', userMessage('errorForbidden'));
      const parsed = commands[cmd].input.safeParse(input ?? {});
      if (!parsed.success) throw invalidInput(parsed.error);
      const handler = handlers[cmd] as (input: unknown, context: CallContext) => Promise<unknown>;
      const tab = kind === 'content' ? contentTab(sender, deps.sites ?? SITES) : null;
      const value = await handler(parsed.data, tab ? { ...context, tab } : context);
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      return { ok: false, error: errorPayload(error) };
    }
  };
}

export type { CommandName };
