import { TiekeeperError } from '@/domain/errors';
import { t } from '@/i18n';

/** A failure as the user reads it. */
export function errorText(error: unknown): string {
  if (error instanceof TiekeeperError) return t(error.key, ...error.params);
  return t('errorInternal');
}
