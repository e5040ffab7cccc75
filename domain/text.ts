/**
 * Bidi controls (U+202E turns "Jana" into "anaJ") and other invisible format characters: in a
 * name or headline from a site or a file they reorder or hide what the user reads. The
 * zero-width joiner stays, because emoji sequences need it. The user's own notes keep them all.
 */
const INVISIBLE = /(?!\u200d)\p{Cf}/gu;

/** Text from outside, without the characters that change how it reads. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, '');
}
