/**
 * The German words for Tiekeeper's ideas, one word per idea. `avoid` lists the wordings that
 * said the same thing differently, or that gave a word a second meaning; a unit test keeps
 * every German message free of them.
 */
export interface GlossaryEntry {
  term: string;
  meaning: string;
  english: string;
  avoid: RegExp[];
}

export const GERMAN_GLOSSARY: GlossaryEntry[] = [
  {
    term: 'Kontakt',
    meaning: 'a person you keep in touch with; "in Kontakt sein/bleiben" keeps its everyday sense',
    english: 'contact',
    // "Letzter Kontakt", "gespeicherte Kontakte": a contact as an interaction.
    avoid: [/\b(letzte[rn]?|gespeicherte[n]?|kein|nächster|heute) Kontakt/i, /\bKontakt (speichern|gespeichert|eintragen)/i, /^Kontakt$/],
  },
  {
    term: 'Austausch (Austausch-Einträge)',
    meaning: 'one time you were in touch: a message, call, meeting, event …',
    english: 'contact, interaction',
    avoid: [/\bInteraktion/i],
  },
  {
    term: 'Vermittlung',
    meaning: 'making two of your contacts known to each other',
    english: 'introduction',
    avoid: [/\bVorstellung/i],
  },
  { term: 'fällig', meaning: 'time to get in touch again', english: 'due', avoid: [/\bdran\b/i] },
  { term: 'Rhythmus', meaning: 'how often you want to be in touch', english: 'keep-in-touch rhythm', avoid: [/Kontakt-Rhythmus/i] },
  { term: 'Verlauf', meaning: "a contact's notes and interactions in time order", english: 'timeline', avoid: [/Zeitleiste/i] },
  { term: 'Woher wir uns kennen', meaning: 'how you met', english: 'how we met', avoid: [/Wie wir uns kennen/i] },
  {
    term: 'Ein persönliches Treffen lohnt sich',
    meaning: 'someone worth meeting face to face',
    english: 'worth meeting in person',
    avoid: [/Lohnt ein persönliches Treffen/i],
  },
  {
    term: 'einschlafen (Einschlafende Kontakte)',
    meaning: 'a tie without a rhythm whose silence is long for the two of you',
    english: 'fading (fading ties)',
    avoid: [/^Verbindung$/, /Kontakte, die einschlafen/],
  },
  { term: 'Schlagwort', meaning: 'a label you give contacts', english: 'tag', avoid: [/\bTags\b/] },
  { term: 'Sicherung', meaning: 'the file with everything Tiekeeper keeps', english: 'backup', avoid: [/\bBackup/i] },
  { term: 'Dubletten', meaning: 'one person who is in Tiekeeper twice', english: 'duplicates', avoid: [/\bDuplikat/i] },
];

/**
 * Nouns that follow a count. A message that puts a number before one of them needs a form for
 * one and for more (`…One` / `…Other`, see `tCount`).
 */
export const COUNTED_NOUNS = {
  en: /^(people|persons?|contacts?|ties?|notes?|problems?|records?|columns?|characters?|days?|weeks?|months?|years?)\b/,
  de: /^(Personen?|Kontakte?|Notiz(en)?|Probleme?|Datens[äa]tze?n?|Spalten?|Zeichen|Tagen?|Wochen?|Monate?n?|Jahre?n?|Male?)\b/,
};
