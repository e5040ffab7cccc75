import { SITES } from '../descriptors';
import { cleanText } from './text';

/*
 * What may be shown as a person's name or headline. A wrong name is worse than none, so these
 * rules reject rather than guess.
 */

/** Longest plausible display name; anything longer is a paragraph, not a name. */
const MAX_NAME_LENGTH = 80;
const MAX_NAME_WORDS = 8;
/** Longest plausible headline (LinkedIn allows 220 characters). */
const MAX_HEADLINE_LENGTH = 300;

/**
 * Strings the pages put where a name usually stands: section titles of sub-pages (the 2025
 * details page's h1 is `Erfaring`), self-view buttons, brand names, error pages. Lower case,
 * in the languages the users see (German, English, Scandinavian, the big Romance ones).
 */
const NOT_A_NAME = new Set(
  [
    // brands and error pages
    ...SITES.map((descriptor) => descriptor.label.toLowerCase()),
    'profile not found', 'page not found', 'profil nicht gefunden',
    'seite nicht gefunden', 'not found', '404', 'this page doesn’t exist', "this page doesn't exist",
    'sign in', 'sign up', 'join now', 'log in', 'anmelden', 'einloggen', 'registrieren',
    'security verification', 'sicherheitsüberprüfung',
    // self view
    'edit profile', 'profil bearbeiten', 'edit intro', 'open to', 'add profile section',
    'abschnitt hinzufügen', 'redigera profil', 'rediger profil', 'modifier le profil',
    'editar perfil', 'modifica profilo',
    // generic page and section titles
    'profile', 'profil', 'profiles', 'details', 'overview', 'übersicht', 'home', 'feed',
    'about', 'info', 'about me', 'über mich', 'om', 'om meg', 'om mig',
    'experience', 'berufserfahrung', 'erfahrung', 'erfaring', 'erfarenhet', 'expérience',
    'experiencia', 'esperienza', 'ervaring', 'werdegang', 'lebenslauf', 'cv',
    'education', 'ausbildung', 'bildung', 'utdanning', 'utbildning', 'uddannelse', 'formation',
    'educación', 'istruzione', 'opleiding',
    'skills', 'kenntnisse', 'fähigkeiten', 'ferdigheter', 'kompetenser', 'kompetencer',
    'compétences', 'aptitudes', 'competenze', 'vaardigheden',
    'activity', 'aktivität', 'aktivitäten', 'aktivitet', 'activité', 'actividad', 'attività',
    'posts', 'beiträge', 'featured', 'im fokus', 'highlights', 'contact info', 'kontaktinfo',
    'kontaktinformationen', 'kontaktinformasjon', 'kontaktuppgifter', 'coordonnées',
    'languages', 'sprachen', 'språk', 'interests', 'interessen', 'interesser', 'projects',
    'projekte', 'recommendations', 'empfehlungen', 'anbefalinger', 'volunteering', 'ehrenamt',
    'licenses & certifications', 'bescheinigungen und zertifikate', 'lisenser og sertifiseringer',
    'honors & awards', 'auszeichnungen', 'publications', 'publikationen', 'courses', 'kurse',
    'people also viewed', 'more profiles for you', 'messaging', 'nachrichten', 'notifications',
    'web profiles', 'webprofile', 'portfolio', 'kontakt', 'kontaktdaten', 'persönliches',
    'ich suche', 'ich biete', 'qualifikationen', 'organisationen', 'gemeinsame kontakte',
  ].map((s) => s.normalize('NFC')),
);

/**
 * Whether a string can be shown as a person's name. A wrong name is worse than none, so this
 * rejects section titles, UI labels, brand names, URLs, empty and absurdly long strings.
 */
export function isPlausibleName(candidate: string | null | undefined): boolean {
  if (!candidate) return false;
  const text = cleanText(candidate);
  if (text.length < 2 || text.length > MAX_NAME_LENGTH) return false;
  if (text.split(' ').length > MAX_NAME_WORDS) return false;
  if (!/\p{L}/u.test(text)) return false;
  // Degree markers (`· 3rd`), counters and list bullets; no name starts with a digit or a bullet.
  if (/^[\p{N}·•|,;:/.!?*+#\-–—]/u.test(text)) return false;
  // Separators, links and mail addresses belong to titles and descriptions, not to names.
  if (/[|<>{}\\]|https?:|www\.|@|\.(com|de|net)\b/i.test(text)) return false;
  return !NOT_A_NAME.has(text.normalize('NFC').toLowerCase());
}

/** A cleaned headline, or undefined when the text is empty or not headline-like. */
export function plausibleHeadline(candidate: string | null | undefined): string | undefined {
  const text = cleanText(candidate);
  if (!text || text.length > MAX_HEADLINE_LENGTH || !/\p{L}/u.test(text)) return undefined;
  return text;
}

/** Lower-case letters of a name or slug without diacritics, for comparing the two. */
function foldForComparison(text: string, german: boolean): string {
  let folded = text.toLowerCase();
  if (german) folded = folded.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
  return folded
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/đ/g, 'd')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/**
 * Whether a name clearly belongs to the profile whose URL identifier (slug, pageName) is given:
 * every word of three or more letters in the name must occur in the identifier, with and without
 * German transliteration (`Jürgen Müller` matches `jurgen-muller-1` and `juergen-mueller`).
 * Used where the page itself does not tie the text to the person (sub-page titles).
 */
export function nameMatchesIdentifier(name: string, identifier: string): boolean {
  return [false, true].some((german) => {
    const id = foldForComparison(identifier, german);
    const words = foldForComparison(name, german)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 3);
    return words.length > 0 && words.every((word) => id.includes(word));
  });
}
