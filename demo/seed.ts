import type { BrowserContext } from 'playwright-core';

const DAY = 24 * 60 * 60 * 1000;

interface SeedPerson {
  site: 'linkedin' | 'xing';
  key: string;
  url: string;
  name: string;
  cadenceDays: number | null;
  /** Days since the last contact, or null for never. */
  lastContactDaysAgo: number | null;
  hooks?: string;
  howWeMet?: string;
  tags?: string[];
  notes?: string[];
}

/** Fictional history, so that the demo's badges, popup and dashboard have something to show. */
const people: SeedPerson[] = [
  {
    site: 'linkedin', key: 'jana-beispiel', url: 'https://www.linkedin.com/in/jana-beispiel/', name: 'Jana Beispiel',
    cadenceDays: 91, lastContactDaysAgo: 122, hooks: 'Sailing on the Alster; two kids', howWeMet: 'Product training in Kassel, 2024',
    tags: ['Kassel', 'product'], notes: ['Wants to move into field-service software.\nAsk how the Hamburg pilot went.'],
  },
  {
    site: 'linkedin', key: 'lukas-mustermann-4a1b2c', url: 'https://www.linkedin.com/in/lukas-mustermann-4a1b2c/', name: 'Lukas Mustermann',
    cadenceDays: 30, lastContactDaysAgo: 12, hooks: 'RB Leipzig', tags: ['data'], notes: ['Recommended the Postgres course.'],
  },
  {
    site: 'xing', key: 'sofia_probst', url: 'https://www.xing.com/profile/Sofia_Probst', name: 'Sofia Probst',
    cadenceDays: 182, lastContactDaysAgo: 190, hooks: 'FC Bayern, mentoring', howWeMet: 'Vertriebskonferenz München', tags: ['mentor'],
  },
];

/** Enters the demo history through the extension's own messages, as its pages would. */
export async function seedDemoData(context: BrowserContext, extensionId: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  // One message per evaluate: the functions passed to the page stay free of helpers.
  const send = async (cmd: string, input: unknown) => {
    const response = (await page.evaluate(
      ([c, i]) => (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome.runtime.sendMessage({ cmd: c, input: i }),
      [cmd, input] as const,
    )) as { ok: boolean; value: { contact: { id: string } } };
    if (!response.ok) throw new Error(`Seeding the demo failed at ${cmd}: ${JSON.stringify(response)}`);
    return response.value;
  };
  for (const person of people) {
    const { contact } = await send('profile.ensure', { site: person.site, key: person.key, url: person.url, name: person.name });
    await send('contact.update', {
      id: contact.id,
      patch: { cadenceDays: person.cadenceDays, hooks: person.hooks ?? '', howWeMet: person.howWeMet ?? '', tags: person.tags ?? [] },
    });
    for (const body of person.notes ?? []) await send('note.add', { contactId: contact.id, body });
    if (person.lastContactDaysAgo !== null) {
      await send('interaction.log', { contactId: contact.id, kind: 'meeting', at: Date.now() - person.lastContactDaysAgo * DAY });
    }
  }
  await page.close();
}
