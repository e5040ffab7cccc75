import { visibleText } from '../../domain/text';

/*
 * Text as the pages hold it, cleaned for comparing and showing: pretty-printed markup, NBSP and
 * invisible characters left out.
 */

/** Collapses runs of white space (including NBSP and newlines in pretty-printed markup), without invisible characters. */
export function cleanText(text: string | null | undefined): string {
  return visibleText(text ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}
