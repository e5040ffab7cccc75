import { TiekeeperError, type UserMessage } from '../../domain/errors';
import { t } from '../../i18n';
import { formatNumber } from '../../i18n/format';

/** A message from the data layers as the user reads it; its numbers are line numbers, sizes and limits. */
export function messageText({ key, params }: UserMessage): string {
  return t(key, ...params.map((param) => (typeof param === 'number' ? formatNumber(param) : param)));
}

/** A failure as the user reads it. */
export function errorText(error: unknown): string {
  if (error instanceof TiekeeperError) return messageText(error);
  return t('errorInternal');
}
