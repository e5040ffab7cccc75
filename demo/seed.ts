import type { BrowserContext } from 'playwright-core';
import type { CommandInput, CommandName } from '../messaging/protocol';
import { sendFromPage } from '../scripts/extension-page';
import { linkedinAdapter } from '../sites/linkedin';
import { xingAdapter } from '../sites/xing';

const DAY = 24 * 60 * 60 * 1000;

type Kind = 'message' | 'call' | 'meeting' | 'event' | 'other' | 'favour-given' | 'favour-received';
type Favour = 'recommendation' | 'introduction' | 'advice' | 'referral' | 'congratulations' | 'other';

interface SeedContact {
  daysAgo: number;
  kind: Kind;
  favour?: Favour;
  note?: string;
}

interface SeedPerson {
  /** The profile address, as the user would paste it. */
  address: string;
  name: string;
  headline: string;
  company?: string;
  cadenceDays: number | null;
  /** Oldest first or not: they are logged at their own times. */
  history: SeedContact[];
  hooks?: string;
  howWeMet?: string;
  tags?: string[];
  notes?: string[];
  meetInPerson?: boolean;
}

/**
 * Fictional history, so that the demo's badges, popup and dashboard have something to show:
 * people with and without a rhythm, due and not, favours both ways, ties that are fading, and
 * introductions still to be made. Any likeness to real people is chance.
 */
const people: SeedPerson[] = [
  {
    address: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel', headline: 'Product Manager at Musterwerk GmbH',
    cadenceDays: 91, hooks: 'Sailing on the Alster; two kids', howWeMet: 'Product training in Kassel, 2024', tags: ['Kassel', 'product'],
    notes: ['Wants to move into field-service software.\nAsk how the Hamburg pilot went.'],
    history: [
      { daysAgo: 300, kind: 'event', note: 'Product training in Kassel' },
      { daysAgo: 122, kind: 'meeting', note: 'Lunch in Hamburg' },
      { daysAgo: 122, kind: 'favour-received', favour: 'advice', note: 'Feedback on my pitch deck' },
    ],
  },
  {
    // Seen last as a working student: his demo page now shows a new role, and the popup
    // suggests congratulating him once the page was visited.
    address: 'https://www.linkedin.com/in/lukas-mustermann-4a1b2c/', name: 'Lukas Mustermann', headline: 'Working student · Data team',
    cadenceDays: 30, hooks: 'RB Leipzig', tags: ['data'], notes: ['Recommended the Postgres course.'],
    history: [
      { daysAgo: 70, kind: 'call' },
      { daysAgo: 40, kind: 'message' },
      { daysAgo: 12, kind: 'favour-given', favour: 'recommendation', note: 'Skill endorsement for Postgres' },
    ],
  },
  {
    address: 'https://www.xing.com/profile/Sofia_Probst', name: 'Sofia Probst', headline: 'Head of Sales DACH bei Beispiel AG', company: 'Beispiel AG',
    cadenceDays: 182, hooks: 'FC Bayern, mentoring', howWeMet: 'Vertriebskonferenz München', tags: ['mentor'], meetInPerson: true,
    history: [
      { daysAgo: 420, kind: 'message' },
      { daysAgo: 300, kind: 'call', note: 'Mentoring call about the team lead role' },
      { daysAgo: 190, kind: 'message' },
    ],
  },
  {
    address: 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-b4792a57/', name: 'Jürgen Müller', headline: 'Consultant for energy efficiency',
    cadenceDays: null, hooks: 'Heat pumps; VfB Stuttgart', howWeMet: 'Training course in Kassel, 2023', tags: ['Kassel', 'energy'],
    notes: ['Knows everyone in the Stuttgart energy scene.'],
    // Every month or so, then silence: a faded tie.
    history: [
      { daysAgo: 400, kind: 'event' },
      { daysAgo: 370, kind: 'message' },
      { daysAgo: 335, kind: 'call' },
      { daysAgo: 300, kind: 'message' },
      { daysAgo: 270, kind: 'favour-given', favour: 'congratulations', note: 'New job at the agency' },
    ],
  },
  {
    address: 'https://www.xing.com/profile/Thomas_Beispiel2', name: 'Thomas Beispiel', headline: 'Steuerberater', company: 'Kanzlei Beispiel',
    cadenceDays: null, hooks: 'Karneval, Radfahren', tags: ['Köln'],
    history: [
      { daysAgo: 250, kind: 'meeting' },
      { daysAgo: 170, kind: 'call' },
      { daysAgo: 95, kind: 'favour-received', favour: 'advice', note: 'Freelance tax questions' },
    ],
  },
  {
    address: 'https://www.linkedin.com/in/aylin-demir-7c21/', name: 'Aylin Demir', headline: 'UX Researcher', company: 'Stadtwerke Bremen',
    cadenceDays: 91, hooks: 'Bouldering', tags: ['product', 'research'],
    history: [
      { daysAgo: 110, kind: 'event', note: 'UX meetup in Bremen' },
      { daysAgo: 20, kind: 'call' },
    ],
  },
  {
    address: 'https://www.linkedin.com/in/mateo-garcia-berlin/', name: 'Mateo García', headline: 'Cloud Architect', company: 'Nubes Software',
    cadenceDays: null, hooks: 'Paella, Real Madrid', howWeMet: 'Conference in Berlin', tags: ['data'],
    // A single contact long ago: fading by the default pace.
    history: [{ daysAgo: 210, kind: 'event', note: 'Talked at the cloud conference' }],
  },
  {
    address: 'https://www.linkedin.com/in/priya-raman-ml/', name: 'Priya Raman', headline: 'Machine Learning Engineer', company: 'Musterwerk GmbH',
    cadenceDays: 30, hooks: 'Cricket; marathon training', tags: ['data'],
    history: [
      { daysAgo: 90, kind: 'meeting' },
      { daysAgo: 10, kind: 'favour-given', favour: 'congratulations', note: 'Finished her first marathon' },
    ],
  },
  {
    address: 'https://www.xing.com/profile/Henrik_Lund', name: 'Henrik Lund', headline: 'Vertriebsleiter Nord', company: 'Nordlicht GmbH',
    cadenceDays: null, tags: ['mentor'],
    history: [
      { daysAgo: 62, kind: 'call' },
      { daysAgo: 33, kind: 'message' },
      { daysAgo: 6, kind: 'favour-received', favour: 'referral', note: 'Introduced me to their purchasing team' },
    ],
  },
  {
    address: 'https://www.linkedin.com/in/claire-dubois-lyon/', name: 'Claire Dubois', headline: 'Service Designer', company: 'Atelier Lumière',
    cadenceDays: null, tags: ['product'], history: [],
  },
];

/** Introductions still to be made: [from, to, status, why]. */
const introductions: [string, string, 'idea' | 'asked-a', string][] = [
  ['Jana Beispiel', 'Lukas Mustermann', 'idea', 'Her field-service pilot needs a data pipeline'],
  ['Aylin Demir', 'Claire Dubois', 'asked-a', 'Both run user research in public services'],
];

/** Enters the demo history through the extension's own messages, as its pages would. */
export async function seedDemoData(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  const send = <N extends CommandName>(cmd: N, input: CommandInput<N>) => sendFromPage(page, cmd, input);
  const ids = new Map<string, string>();
  const now = Date.now();
  for (const person of people) {
    // The adapters themselves (not the site registry, which is built by the bundler).
    const url = new URL(person.address);
    const ref = (url.hostname.endsWith('xing.com') ? xingAdapter : linkedinAdapter).profileFromUrl(url);
    if (!ref) throw new Error(`Not a profile address: ${person.address}`);
    const { contact } = await send('profile.ensure', { ...ref, name: person.name, headline: person.headline });
    ids.set(person.name, contact.id);
    await send('contact.update', {
      id: contact.id,
      patch: {
        cadenceDays: person.cadenceDays,
        company: person.company ?? '',
        hooks: person.hooks ?? '',
        howWeMet: person.howWeMet ?? '',
        tags: person.tags ?? [],
        meetInPerson: person.meetInPerson ?? false,
      },
    });
    for (const body of person.notes ?? []) await send('note.add', { contactId: contact.id, body });
    for (const entry of person.history) {
      await send('interaction.log', { contactId: contact.id, kind: entry.kind, at: now - entry.daysAgo * DAY, note: entry.note ?? '', favour: entry.favour ?? null });
    }
  }
  for (const [from, to, status, note] of introductions) {
    await send('introduction.create', { aId: ids.get(from)!, bId: ids.get(to)!, status, note });
  }
  await page.close();
}
