import type { MessageKey } from '../i18n/index';

/**
 * Errors that reach the user. The data layers never produce text: they name a message key and
 * its parameters, and the UI translates them with `t(key, ...params)`.
 */

/** `conflict`: the record was changed elsewhere since the user started editing it. */
export type ErrorCode = 'invalid' | 'forbidden' | 'quota' | 'not-found' | 'conflict' | 'internal';
export const ERROR_CODES: readonly ErrorCode[] = ['invalid', 'forbidden', 'quota', 'not-found', 'conflict', 'internal'];

export type MessageParam = string | number;

/** A user-facing message: an i18n key and the values for its `$1`, `$2`, ... placeholders. */
export interface UserMessage {
  key: MessageKey;
  params: MessageParam[];
}

export function userMessage(key: MessageKey, ...params: MessageParam[]): UserMessage {
  return { key, params };
}

/** How an error travels from the background to a page: plain data, since messages are JSON. */
export interface ErrorPayload extends UserMessage {
  code: ErrorCode;
  /** Further problems of the same failure, e.g. the other bad lines of an import. */
  details: UserMessage[];
}

export class TiekeeperError extends Error {
  override readonly name = 'TiekeeperError';
  readonly code: ErrorCode;
  readonly key: MessageKey;
  readonly params: MessageParam[];
  readonly details: UserMessage[];

  constructor(code: ErrorCode, message: UserMessage, details: UserMessage[] = []) {
    super(`${code}: ${message.key}${message.params.length ? ` (${message.params.join(', ')})` : ''}`);
    this.code = code;
    this.key = message.key;
    this.params = message.params;
    this.details = details;
  }

  toPayload(): ErrorPayload {
    return { code: this.code, key: this.key, params: this.params, details: this.details };
  }

  static fromPayload(payload: ErrorPayload): TiekeeperError {
    return new TiekeeperError(payload.code, payload, payload.details);
  }
}

export function invalid(key: MessageKey, ...params: MessageParam[]): TiekeeperError {
  return new TiekeeperError('invalid', userMessage(key, ...params));
}

export function notFound(key: MessageKey, ...params: MessageParam[]): TiekeeperError {
  return new TiekeeperError('not-found', userMessage(key, ...params));
}

/**
 * Refused: the fields named (the record's own field names, e.g. `hooks`) were changed elsewhere
 * since the user began editing them.
 */
export function changedElsewhereError(fields: readonly string[]): TiekeeperError {
  return new TiekeeperError('conflict', userMessage('errorFieldsChangedElsewhere', ...fields));
}

/** The outcome of parsing untrusted input: the value, or every problem found (first is the main one). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: [UserMessage, ...UserMessage[]] };

export function failed<T>(first: UserMessage, ...more: UserMessage[]): Parsed<T> {
  return { ok: false, problems: [first, ...more] };
}

/** Turns a failed parse into the error the background reports. */
export function problemsError(problems: [UserMessage, ...UserMessage[]]): TiekeeperError {
  const [first, ...rest] = problems;
  return new TiekeeperError('invalid', first, rest);
}
