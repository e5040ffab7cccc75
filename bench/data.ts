import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupData } from '../domain/backup';
import { profileId } from '../domain/contacts';
import { CADENCE_PRESETS_DAYS, DAY_MS } from '../domain/constants';
import { DEFAULT_SETTINGS, type Contact, type Interaction, type Note, type Profile } from '../domain/model';
import { nextDueAt } from '../domain/schedule';
import { linkedinAdapter } from '../sites/linkedin';
import { xingAdapter } from '../sites/xing';

/**
 * Deterministic fictional data for the benchmark and for tests that need many people: the same
 * seed gives the same names, texts and ids, and every time is relative to `now`. Any likeness to
 * real people is chance.
 */

/** mulberry32: small, fast and good enough to vary test data. */
export interface Random {
  /** In [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** A UUID-shaped id (like the extension's `crypto.randomUUID()`), from the seed. */
  uuid(): string;
  hex(digits: number): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (digits: number) => {
    let out = '';
    for (let i = 0; i < digits; i++) out += Math.floor(next() * 16).toString(16);
    return out;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (p) => next() < p,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`,
    hex,
  };
}

export const FIRST_NAMES = [
  'Jana', 'Lukas', 'Jürgen', 'Sofia', 'Thomas', 'Anna', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Greta',
  'Hannah', 'Jonas', 'Katrin', 'Leon', 'Marie', 'Niklas', 'Olivia', 'Paul', 'Ronja', 'Stefan', 'Tanja',
  'Uwe', 'Vera', 'Wolfgang', 'Yusuf', 'Zoe', 'Björn', 'Dörte', 'Gül', 'Jörg', 'Käthe', 'Sören', 'Ömer',
  'James', 'Olivia', 'Harry', 'Amelia', 'George', 'Isla', 'Oliver', 'Ava', 'Jack', 'Emily', 'Noah',
  'Grace', 'Charlie', 'Sophie', 'Oscar', 'Lily', 'Henry', 'Chloe', 'Samuel', 'Ella', 'Daniel', 'Ruby',
] as const;

export const LAST_NAMES = [
  'Beispiel', 'Mustermann', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner',
  'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder',
  'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt',
  'Werner', 'Krause', 'Meier', 'Lehmann', 'Köhler', 'Groß', 'Weiß', 'Jäger', 'Vogel', 'Böhm', 'Kaiser',
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
  'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
] as const;

const COMPANIES = [
  'Musterwerk GmbH', 'Beispiel AG', 'Nordlicht Software', 'Elbe Logistik', 'Rheinblick Consulting',
  'Alpenglühen Energie', 'Hanse Data', 'Fictional Widgets Ltd', 'Example Analytics', 'Sample & Sons',
  'Kieler Werft Digital', 'Isar Robotics', 'Spreewald Foods', 'Brightside Health', 'Quayside Media',
] as const;

const ROLES = [
  'Product Manager', 'Data Engineer', 'Consultant', 'Head of Sales', 'Software Developer', 'UX Designer',
  'Projektleiterin', 'Steuerberater', 'Teamleiter Vertrieb', 'Marketing Manager', 'CTO', 'Recruiter',
] as const;

const CITIES = ['Hamburg', 'Berlin', 'München', 'Köln', 'Leipzig', 'Stuttgart', 'Kassel', 'London', 'Manchester', 'Dublin'] as const;

const TAGS = ['alumni', 'kunde', 'mentor', 'conference', 'hamburg', 'recruiting', 'football', 'former-team', 'investor', 'community'] as const;

const HOOKS = [
  'Fan of RB Leipzig', 'Sails on the Alster', 'Runs marathons', 'Bakes sourdough', 'Learning Japanese',
  'Has two dogs', 'Plays chess online', 'Supports FC St. Pauli', 'Loves Karneval', 'Restores old bikes',
] as const;

/** Words of notes, most frequent first: function words, then topics people write about. */
const COMMON_WORDS = [
  'the', 'and', 'to', 'about', 'with', 'at', 'in', 'for', 'on', 'after', 'und', 'mit', 'der', 'die', 'das',
  'im', 'auf', 'nach', 'von', 'zum',
] as const;

const TOPIC_WORDS = [
  'met', 'talked', 'asked', 'coffee', 'call', 'project', 'introduction', 'team', 'job', 'conference',
  'training', 'course', 'workshop', 'hiring', 'promotion', 'recommendation', 'article', 'summer', 'holiday',
  'kids', 'football', 'sailing', 'Kassel', 'Hamburg', 'Berlin', 'Leipzig', 'München', 'Postgres', 'pipelines',
  'sales', 'Vertrieb', 'Weiterbildung', 'Konferenz', 'Mentoring', 'Kaffee', 'nächste', 'Woche', 'anrufen',
  'energy', 'efficiency', 'congratulated', 'moving', 'Ostsee', 'startup', 'funding', 'podcast', 'marathon',
  'Japanese', 'sourdough', 'chess', 'Karneval', 'bikes', 'university', 'alumni', 'mentor', 'feedback',
] as const;

const SYLLABLES = ['ka', 'lo', 'mer', 'tin', 'sa', 'ber', 'gu', 'ran', 'fe', 'lis', 'do', 'wen', 'ri', 'tas', 'ho', 'mun', 'pe', 'ko', 'zel', 'var'] as const;

/**
 * Notes draw from a vocabulary of a few thousand words with Zipf-like frequencies, like real
 * text: function words are in almost every note, most topic words in few. (A small vocabulary
 * would put every word into most notes and make any search match nearly everyone.)
 */
function noteVocabulary(): { words: string[]; cumulative: number[] } {
  const random = createRandom(99);
  const invented = new Set<string>();
  while (invented.size < 3_000) {
    let word = '';
    for (let i = random.int(2, 4); i > 0; i--) word += random.pick(SYLLABLES);
    invented.add(word);
  }
  const words = [...COMMON_WORDS, ...TOPIC_WORDS, ...invented];
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 0; rank < words.length; rank++) cumulative.push((total += 1 / (rank + 1)));
  return { words, cumulative: cumulative.map((c) => c / total) };
}

let vocabulary: ReturnType<typeof noteVocabulary> | undefined;

function noteWord(random: Random): string {
  vocabulary ??= noteVocabulary();
  const { words, cumulative } = vocabulary;
  const p = random.next();
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid]! < p) low = mid + 1;
    else high = mid;
  }
  return words[low]!;
}

/** "Jürgen Müller" -> "jürgen-müller-3fa2c1"-style LinkedIn slug (real ones carry such suffixes). */
function linkedinSlug(name: string, random: Random): string {
  return `${name.toLowerCase().replace(/\s+/g, '-')}-${random.hex(6)}`;
}

export interface Person {
  name: string;
  /** Where the person's profile is (a LinkedIn or XING profile URL). */
  url: string;
}

export function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

/** A LinkedIn profile of a fictional person, through the adapter, as the extension would key it. */
export function linkedinProfile(name: string, random: Random): { key: string; url: string } {
  const ref = linkedinAdapter.profileFromUrl(new URL(`https://www.linkedin.com/in/${encodeURIComponent(linkedinSlug(name, random))}/`));
  if (!ref) throw new Error(`not a LinkedIn profile URL for ${name}`);
  return ref;
}

function xingProfile(name: string, n: number): { key: string; url: string } {
  const ref = xingAdapter.profileFromUrl(new URL(`https://www.xing.com/profile/${encodeURIComponent(name.replace(/\s+/g, '_'))}${n}`));
  if (!ref) throw new Error(`not a XING profile URL for ${name}`);
  return ref;
}

function sentence(random: Random, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(noteWord(random));
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export interface DatasetOptions {
  /** All times are relative to this (epoch ms). */
  now: number;
  seed?: number;
  contacts: number;
  /** Contacts due now (their due time has passed). */
  due?: number;
  /** Contacts due within the next seven days (the popup's "upcoming"). */
  upcoming?: number;
  /** Of the others, the share with a rhythm whose due time is later (at least `laterThan` from now). */
  scheduledShare?: number;
  /** The earliest due time of the scheduled contacts, from now. Default: eight days. */
  laterThan?: number;
  /** Notes in all, spread over the contacts. */
  notes?: number;
  /** The share of contacts with one to three logged interactions. Default 0.3. */
  interactionShare?: number;
  /** One profile per contact (a tenth of them on XING); false for contacts only. Default true. */
  profiles?: boolean;
  /** These people come first (e.g. the demo's profiles), due, upcoming and without a rhythm in turn. */
  include?: readonly Person[];
}

type Plan = 'due' | 'upcoming' | 'scheduled' | 'none';

/** The due time a plan asks for, given the rhythm. */
function plannedDueAt(plan: Plan, cadenceDays: number, options: Required<Pick<DatasetOptions, 'now' | 'laterThan'>>, random: Random): number | null {
  const { now, laterThan } = options;
  const hour = 60 * 60 * 1000;
  switch (plan) {
    case 'due':
      // From an hour to a whole rhythm late.
      return now - random.int(1, cadenceDays * 24) * hour;
    case 'upcoming':
      return now + random.int(1, 7 * 24 - 1) * hour;
    case 'scheduled':
      // Later than `laterThan`, but within one rhythm (the anchor must lie in the past).
      return now + laterThan + random.int(0, Math.max(0, cadenceDays * DAY_MS - laterThan) / hour) * hour;
    case 'none':
      return null;
  }
}

/**
 * A complete, valid backup's data (it passes `parseBackup`): contacts with rhythms and due
 * times as asked, their profiles, notes and interactions. A contact's last contact is its latest
 * interaction, and its stored due time is what the extension itself computes, so importing it
 * changes nothing.
 */
export function generateDataset(options: DatasetOptions): BackupData {
  const random = createRandom(options.seed ?? 1);
  const now = options.now;
  const laterThan = options.laterThan ?? 8 * DAY_MS;
  const due = options.due ?? 0;
  const upcoming = options.upcoming ?? 0;
  if (due + upcoming > options.contacts) throw new Error('more due and upcoming contacts than contacts');
  const scheduledShare = options.scheduledShare ?? 0.4;
  const interactionShare = options.interactionShare ?? 0.3;
  const withProfiles = options.profiles ?? true;
  const include = options.include ?? [];

  // Which contact gets which plan: the included people first, then the due and upcoming ones
  // spread evenly over the rest, so any prefix of the data is a similar mix.
  const plans: Plan[] = [];
  const includedPlans: Plan[] = ['due', 'upcoming', 'none'];
  include.forEach((_, i) => plans.push(includedPlans[i % includedPlans.length]!));
  const rest = options.contacts - plans.length;
  const left = {
    due: Math.max(0, due - plans.filter((p) => p === 'due').length),
    upcoming: Math.max(0, upcoming - plans.filter((p) => p === 'upcoming').length),
  };
  // Bresenham-style steps: exactly `left.due + left.upcoming` slots, evenly spaced, and among
  // them exactly `left.due` due ones, evenly spaced too.
  const step = (i: number, count: number, of: number) => Math.floor(((i + 1) * count) / of) - Math.floor((i * count) / of);
  const soon = left.due + left.upcoming;
  for (let i = 0, k = 0; i < rest; i++) {
    if (step(i, soon, rest)) plans.push(step(k++, left.due, soon) ? 'due' : 'upcoming');
    else plans.push(random.chance(scheduledShare) ? 'scheduled' : 'none');
  }

  const contacts: Contact[] = [];
  const profiles: Profile[] = [];
  const interactions: Interaction[] = [];
  const keys = new Set<string>();

  for (const [i, plan] of plans.slice(0, options.contacts).entries()) {
    const included = include[i];
    const name = included?.name ?? personName(random);
    const id = random.uuid();
    const createdAt = now - random.int(30, 900) * DAY_MS;
    const cadenceDays = plan === 'none' ? (random.chance(0.1) ? random.pick(CADENCE_PRESETS_DAYS) : null) : random.pick(CADENCE_PRESETS_DAYS);
    // A contact with a rhythm but no due time here would be one whose rhythm runs from long ago.
    const dueAt = cadenceDays === null ? null : plannedDueAt(plan === 'none' ? 'scheduled' : plan, cadenceDays, { now, laterThan }, random);
    const anchor = dueAt === null || cadenceDays === null ? null : dueAt - cadenceDays * DAY_MS;
    const talked = random.chance(interactionShare) || (anchor !== null && random.chance(0.5));

    let lastContactAt: number | null = null;
    if (talked) {
      const count = random.int(1, 3);
      // The latest interaction is the rhythm's anchor, when there is one.
      const latest = anchor ?? now - random.int(1, 400) * DAY_MS;
      for (let k = 0; k < count; k++) {
        const at = k === 0 ? latest : latest - random.int(10, 300) * DAY_MS;
        interactions.push({
          id: random.uuid(),
          contactId: id,
          at,
          kind: random.pick(['message', 'call', 'meeting', 'event', 'other'] as const),
          favour: null,
          note: random.chance(0.3) ? sentence(random, random.int(4, 12)) : '',
          introductionId: null,
          createdAt: at,
        });
      }
      lastContactAt = latest;
    }
    // The rhythm counts from the latest of last contact and connection date: a connection date
    // never lies after the rhythm's anchor (without an interaction, it is the anchor).
    const drawnConnectedAt = random.chance(0.8) ? createdAt - random.int(0, 2000) * DAY_MS : null;
    const connectedAt =
      drawnConnectedAt === null || anchor === null ? drawnConnectedAt : lastContactAt === null ? anchor : Math.min(drawnConnectedAt, anchor);
    const base: Contact = {
      id,
      displayName: name,
      headline: `${random.pick(ROLES)} at ${random.pick(COMPANIES)}`,
      company: random.pick(COMPANIES),
      email: '',
      howWeMet: random.chance(0.3) ? `${sentence(random, 6)} ${random.pick(CITIES)}` : '',
      hooks: random.chance(0.3) ? random.pick(HOOKS) : '',
      tags: random.chance(0.4) ? [...new Set([random.pick(TAGS), random.pick(TAGS)])] : [],
      cadenceDays,
      // Without an interaction, the rhythm counts from when it was set.
      cadenceSetAt: cadenceDays === null ? null : lastContactAt === null ? anchor : Math.min(createdAt, lastContactAt),
      lastContactAt,
      snoozedUntil: null,
      nextDueAt: null,
      meetInPerson: random.chance(0.05),
      connectedAt,
      archived: false,
      createdAt,
      updatedAt: now - random.int(0, 29) * DAY_MS,
    };
    const contact = { ...base, nextDueAt: nextDueAt(base) };
    if (contact.nextDueAt !== dueAt) throw new Error(`generated due time mismatch for contact ${i}`);
    contacts.push(contact);

    if (withProfiles || included) {
      let ref = included ? { key: '', url: included.url } : null;
      if (included) {
        const url = new URL(included.url);
        const parsed = linkedinAdapter.profileFromUrl(url) ?? xingAdapter.profileFromUrl(url);
        if (!parsed) throw new Error(`not a profile URL: ${included.url}`);
        ref = parsed;
      }
      const onXing = !included && random.chance(0.1);
      ref ??= onXing ? xingProfile(name, i) : linkedinProfile(name, random);
      const site = ref.url.includes('xing.com') ? 'xing' : 'linkedin';
      if (keys.has(`${site}:${ref.key}`)) throw new Error(`duplicate profile ${ref.key}`);
      keys.add(`${site}:${ref.key}`);
      profiles.push({
        id: profileId(site, ref.key),
        contactId: id,
        site,
        key: ref.key,
        url: ref.url,
        memberId: null,
        seenName: name,
        seenHeadline: contact.headline,
        createdAt,
        seenAt: random.chance(0.5) ? now - random.int(0, 300) * DAY_MS : null,
      });
    }
  }

  const notes: Note[] = [];
  for (let n = 0; n < (options.notes ?? 0) && contacts.length > 0; n++) {
    const contact = contacts[n % contacts.length]!;
    const createdAt = now - random.int(0, 700) * DAY_MS;
    notes.push({
      id: random.uuid(),
      contactId: contact.id,
      body: Array.from({ length: random.int(1, 3) }, () => sentence(random, random.int(6, 24))).join(' '),
      createdAt,
      updatedAt: createdAt,
    });
  }

  return { contacts, profiles, notes, interactions, introductions: [], settings: DEFAULT_SETTINGS };
}

/** The backup file for the data, compact (the import accepts any JSON layout). */
export function backupText(data: BackupData, exportedAt: number): string {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, data };
  return JSON.stringify(backup);
}

/**
 * The data split into parts of at most `size` contacts, each with its contacts' rows: imported
 * one after another with `merge`, they add up to the whole (an import file may hold 20 MB).
 */
export function splitDataset(data: BackupData, size: number): BackupData[] {
  const parts: BackupData[] = [];
  for (let start = 0; start < data.contacts.length; start += size) {
    const contacts = data.contacts.slice(start, start + size);
    const ids = new Set(contacts.map((c) => c.id));
    parts.push({
      contacts,
      profiles: data.profiles.filter((p) => ids.has(p.contactId)),
      notes: data.notes.filter((n) => ids.has(n.contactId)),
      interactions: data.interactions.filter((x) => ids.has(x.contactId)),
      introductions: [],
      settings: data.settings,
    });
  }
  return parts;
}

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * LinkedIn's Connections.csv as the "Get a copy of your data" export writes it: the "Notes:"
 * preamble, CRLF line ends, some rows without e-mail, dates like "15 Jun 2026".
 */
export function connectionsCsv(rows: number, seed = 7): string {
  const random = createRandom(seed);
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < rows; i++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const slug = linkedinSlug(`${first} ${last}`, random);
    const email = random.chance(0.15) ? `${first}.${last}@example.com`.toLowerCase() : '';
    const connected = new Date(Date.UTC(2010 + random.int(0, 15), random.int(0, 11), random.int(1, 28)));
    const date = `${String(connected.getUTCDate()).padStart(2, '0')} ${MONTHS[connected.getUTCMonth()]} ${connected.getUTCFullYear()}`;
    lines.push(
      [first, last, `https://www.linkedin.com/in/${encodeURIComponent(slug)}`, email, random.pick(COMPANIES), random.pick(ROLES), date]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
